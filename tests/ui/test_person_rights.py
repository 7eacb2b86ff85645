"""A person's rights from their page: exporting everything held about them, and forgetting
them — driven like a librarian would, with the work done in the background."""

import json
import zipfile
from datetime import date

from PySide6.QtCore import Qt

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.overview import Badge
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights
from tests.core.consent.test_erasure import name_found
from tests.ui.conftest import idle

NAME = "Zoë Ångström"


def ready_photo_of(archive, pictures, tmp_path, count=2):
    """`count` photos ready for the web, the first showing Zoë, who consented with a scan."""
    list(import_photos(archive, [pictures(count)], workers=1))
    ids = archive.photos.ordered_ids()
    zoe = add_person(archive, NAME, age_band=AgeBand.ADULT)
    form = tmp_path / "form.pdf"
    form.write_bytes(b"%PDF-1.4 signed")
    record_consent(
        archive, zoe.id, given_by_id=zoe.id, given_on=date(2026, 1, 5), uses=[Use.WEB], scan=form
    )
    add_appearance(archive, ids[0], zoe.id)
    for photo_id in ids:
        set_rights(archive, photo_id, Rights.STAFF)
        set_review_state(archive, photo_id, ReviewState.REVIEWED)
    return zoe, ids


def test_export_everything_held_about_a_person_as_a_zip(
    qtbot, archive, pictures, tmp_path, open_window
):
    zoe, (shown, _other) = ready_photo_of(archive, pictures, tmp_path)
    window = open_window()
    window.open_person(zoe.id)
    page = window.person
    assert page.export_button.accessibleName() == "Export everything held about this person"
    page.export_button.click()
    dialog = window.flows.dialog
    assert not dialog.export_button.isEnabled()  # no folder yet
    qtbot.keyClicks(dialog.folder, str(tmp_path / "requests"))
    qtbot.keyClick(dialog.as_zip, Qt.Key.Key_Space)
    assert dialog.as_zip.isChecked()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=10_000)
    assert dialog.result.text() == f"Written to {dialog.written}"
    assert dialog.written.suffix == ".zip" and dialog.written.parent == tmp_path / "requests"
    assert dialog.progress.isHidden() and dialog.close_button.isEnabled()
    with zipfile.ZipFile(dialog.written) as made:
        names = made.namelist()
        record = json.loads(made.read(next(n for n in names if n.endswith("person.json"))))
    assert record["person"]["name"] == NAME
    assert any(n.endswith(f"photos/photo-{shown}.png") for n in names)
    assert any("consent-forms/" in n for n in names)
    assert archive.audit.entries()[0].action == "subject access export"


def test_a_failed_export_says_why_and_can_be_tried_again(
    qtbot, archive, pictures, tmp_path, open_window
):
    zoe, _ids = ready_photo_of(archive, pictures, tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    window = open_window()
    window.open_person(zoe.id)
    window.person.export_button.click()
    dialog = window.flows.dialog
    dialog.folder.setText(str(blocker))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.written is None
    assert dialog.result.text() == f"{blocker} is a file, not a folder; choose a folder."
    assert dialog.export_button.isEnabled()


def test_forget_says_what_will_happen_and_needs_the_name_typed(
    qtbot, archive, pictures, tmp_path, open_window
):
    zoe, (shown, other) = ready_photo_of(archive, pictures, tmp_path)
    window = open_window()
    assert window.photos.model.badge(window.photos.model.ids.index(shown)) is Badge.READY
    window.open_person(zoe.id)
    window.person.forget_button.click()
    dialog = window.flows.dialog
    what = dialog.what.text()
    assert "1 consent and 1 scan of signed forms are removed" in what
    assert "They can be recognised in 1 photo: withheld" in what
    assert "cannot be undone" in what
    assert not dialog.confirm.isEnabled()
    qtbot.keyClicks(dialog.typed, "Zoe Angstrom Jr")
    assert not dialog.confirm.isEnabled()
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, "zoe angstrom")  # case and accents need not match
    assert dialog.confirm.isEnabled()
    dialog.confirm.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    idle(qtbot)

    assert archive.people.search("Zo") == []
    assert window.pages.currentWidget() is window.people
    assert window.people.model.rowCount() == 0
    assert archive.photos.get(shown).withheld and not archive.photos.get(other).withheld
    model = window.photos.model
    qtbot.waitUntil(lambda: model.badge(model.ids.index(shown)) is Badge.BLOCKED)
    assert model.badge(model.ids.index(other)) is Badge.READY
    assert not window.edits.stack.canUndo()
    assert archive.audit.entries()[0].action == "person erased"
    assert name_found(archive.layout.root, NAME) == []  # with the app's connections open


def test_forget_can_delete_the_photos_and_can_be_cancelled(
    qtbot, archive, pictures, tmp_path, open_window
):
    zoe, (_shown, other) = ready_photo_of(archive, pictures, tmp_path)
    window = open_window()
    window.open_person(zoe.id)
    window.person.forget_button.click()
    dialog = window.flows.dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and archive.people.get(zoe.id).name == NAME

    window.person.forget_button.click()
    dialog = window.flows.dialog
    dialog.delete_photos.setChecked(True)
    assert "They can be recognised in 1 photo: deleted" in dialog.what.text()
    dialog.typed.insert(NAME)  # pasted
    qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    idle(qtbot)
    assert [p.id for p in archive.photos.list()] == [other]
    qtbot.waitUntil(lambda: window.photos.model.ids == [other])
