"""Every edit can be undone and redone from Edit → Undo/Redo, each step on the audit trail
under the user's name; what the archive refuses to undo is said plainly."""

from datetime import date

from PySide6.QtCore import Qt

from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from quiltarchive.model.publication import PublishedFile
from quiltarchive.storage.ledger import LedgerStore
from tests.ui.conftest import idle
from tests.ui.test_review_workflow import draw_box, opened_viewer


def test_a_caption_edit_is_undone_and_redone(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(2)], workers=1))
    window = open_window()
    first, second = window.photos.model.ids
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    editor = window.details.single.description
    qtbot.keyClicks(editor.caption, "Sewing the border")
    qtbot.keyClicks(editor.alt_text, "Two hands stitching a blue hexagon")
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor.caption, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert archive.photos.get(first).caption == "Sewing the border"
    assert window.menu_actions.undo.text() == "&Undo Describe photo"

    window.menu_actions.undo.trigger()
    assert archive.photos.get(first).caption == ""
    assert editor.caption.toPlainText() == ""
    window.menu_actions.redo.trigger()
    assert archive.photos.get(first).alt_text == "Two hands stitching a blue hexagon"
    entries = archive.audit.entries(entity_type="photo", entity_id=first)
    assert [e.action for e in entries[:3]] == ["photo described"] * 3
    assert {e.user for e in entries} == {"Test Librarian"}

    editor.caption.moveCursor(editor.caption.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.caption, " (detail)")  # typed, not saved…
    window.photos.grid.setCurrentIndex(window.photos.model.index(1))  # …then another photo
    assert archive.photos.get(first).caption == "Sewing the border (detail)"
    assert window.details.single.photo.id == second


def test_a_new_person_tagged_in_a_photo_comes_back_whole_after_undo_and_redo(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(1)], workers=1))
    window = open_window()
    viewer = opened_viewer(qtbot, window)
    photo_id = viewer.photo.id
    draw_box(qtbot, viewer.canvas, (0.1, 0.1), (0.4, 0.5))
    qtbot.keyClicks(viewer.picker.name, "Samir Haddad")
    viewer.picker.ok.click()
    first_id = archive.people.search("Samir")[0].id

    window.edits.stack.undo()  # one step: the person and the box together
    assert archive.people.search("Samir") == []
    assert archive.appearances.in_photo(photo_id) == []
    assert viewer.people.count() == 0
    window.edits.stack.redo()
    (samir,) = archive.people.search("Samir")
    (appearance,) = archive.appearances.in_photo(photo_id)
    assert appearance.person_id == samir.id and appearance.box is not None
    assert window.edits.current("person", first_id) == samir.id
    assert viewer.people.item(0).text() == "Samir Haddad"


def test_a_consent_recorded_twice_by_undo_and_redo_can_still_be_withdrawn(
    qtbot, archive, open_window
):
    amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    window = open_window()
    outcome = window.edits.record_consent(
        amina.id, given_by_id=amina.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    )
    first_id = outcome.result.consent.id
    window.edits.stack.undo()
    assert archive.consents.of_person(amina.id) == []
    window.edits.stack.redo()
    (again,) = archive.consents.of_person(amina.id)
    withdrawn = window.edits.withdraw_consent(first_id, date(2026, 2, 1))
    assert withdrawn.ok and withdrawn.result.id == again.id
    assert archive.consents.get(again.id).withdrawal is not None


def test_what_cannot_be_undone_is_explained_and_leaves_the_undo_list(qtbot, archive, open_window):
    amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    window = open_window()
    consent = window.edits.record_consent(
        amina.id, given_by_id=amina.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    ).result.consent
    with archive.atomic():
        LedgerStore(archive.db).record(
            kind="gallery",
            collection_id=None,
            collection_name="",
            use="web",
            destination="/media/usb",
            decided_on="2026-01-06",
            user="Comms",
            files=[PublishedFile("a.jpg", "ab" * 32, None, (consent.id,))],
        )
    window.menu_actions.undo.trigger()
    idle(qtbot)
    assert "An export relied on consent" in window.problem.text()
    assert archive.consents.get(consent.id)  # still on record
    assert not window.edits.stack.canUndo()
