"""Communications staff build a collection in the app: add photos chosen in the grid, see
before any export which items will be left out and why and which lack alt text, reorder by
keyboard and by drag, give an item its own caption and alt text, export it with progress and
read what went and what was left out; cancel an export; rename and delete the collection."""

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from quiltarchive.consent.assessment import assess, assess_subject
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.curation.collections import create_collection
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.model.subject import Subject
from quiltarchive.photo_states import describe_photo, set_review_state, set_rights
from quiltarchive.works.patches import add_patch
from quiltarchive.works.stories import add_story
from tests.ui.conftest import idle
from ui.collections.dialogs import NEW_COLLECTION
from ui.window.places import Place


def three_photos(archive, pictures):
    """Two photos ready for any use (one without alt text) and one not reviewed yet."""
    list(import_photos(archive, [pictures(3)], workers=1))
    first, second, third = archive.photos.ordered_ids()
    for photo_id in (first, second):
        set_rights(archive, photo_id, Rights.STAFF)
        set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
    describe_photo(archive, first, caption="Quilt workshop at the library", alt_text="A quilt")
    describe_photo(archive, second, caption="Tea after the workshop")
    return first, second, third


def choose_use(qtbot, combo, use: Use) -> None:
    """As a user does: focus the box and press Down until the use is chosen."""
    combo.setFocus()
    while combo.currentData() != use.value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def collection_made_from_the_grid(qtbot, window, name="Spring newsletter"):
    window.photos.grid.selectAll()
    dialog = window.collections.ask_add_selected()
    dialog.collection.setCurrentIndex(dialog.collection.findData(NEW_COLLECTION))
    qtbot.keyClicks(dialog.new_name, name)
    dialog.ok.click()
    found = window.archive.collections.find(name)
    window.sidebar.choose_when_listed(Place("collection", found.id))
    idle(qtbot)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.collections.page)
    idle(qtbot)
    return found


def texts(page):
    return [page.list.item(row).text() for row in range(page.list.count())]


def test_a_collection_shows_before_export_what_will_be_left_out_and_why(
    qtbot, archive, pictures, open_window
):
    first, second, third = three_photos(archive, pictures)
    window = open_window()
    collection = collection_made_from_the_grid(qtbot, window)
    page = window.collections.page
    assert [i.target_id for i in archive.collections.items(collection.id)] == [first, second, third]
    assert page.heading.text() == "Spring newsletter"
    assert "Choose a target use" in page.summary.text()

    choose_use(qtbot, page.use, Use.WEB)
    idle(qtbot)
    assert archive.collections.get(collection.id).use is Use.WEB
    assert "2 of 3 items will go, 1 will be left out" in page.summary.text()
    assert "1 item(s) lack alt text." in page.summary.text()
    rows = texts(page)
    reasons = assess(archive, third, Use.WEB).reasons
    assert "Left out: " + " ".join(reasons) in rows[2]
    assert "Goes, but has no alt text" in rows[1]
    assert "Goes as 001-quilt-workshop-at-the-library" in rows[0]
    page.list.setCurrentRow(2)
    assert all(reason in page.decision.toPlainText() for reason in reasons)

    # Its own alt text in this collection: typed, then Enter.
    page.list.setCurrentRow(1)
    qtbot.keyClicks(page.alt_text, "Cups of tea on a long table")
    qtbot.keyClick(page.alt_text, Qt.Key.Key_Return)
    idle(qtbot)
    item = archive.collections.items(collection.id)[1]
    assert item.alt_text == "Cups of tea on a long table"
    assert "lack alt text" not in page.summary.text()

    # Reorder by keyboard: the third item up one place.
    page.list.setFocus()
    page.list.setCurrentRow(2)
    qtbot.keyClick(page.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    idle(qtbot)
    order = [i.target_id for i in archive.collections.items(collection.id)]
    assert order == [first, third, second]
    assert page.list.currentRow() == 1

    # Reorder by dragging: the first item dropped at the end.
    page.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    idle(qtbot)
    assert [i.target_id for i in archive.collections.items(collection.id)] == [third, second, first]
    assert texts(page)[0].startswith("1. Photo")

    # Delete removes the current item from the set (the photo stays in the archive).
    page.list.setCurrentRow(0)
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    idle(qtbot)
    assert [i.target_id for i in archive.collections.items(collection.id)] == [second, first]
    assert archive.photos.get(third)
    assert "2 of 2 items will go" in page.summary.text()


def test_the_grid_menu_adds_photos_and_the_collection_is_renamed_and_deleted(
    qtbot, archive, pictures, open_window
):
    first, second, _third = three_photos(archive, pictures)
    window = open_window()
    new = window.collections.ask_new_collection()
    qtbot.keyClicks(new.name, "Library week")
    choose_use(qtbot, new.use, Use.PRINT)
    new.ok.click()
    idle(qtbot)
    week = archive.collections.find("Library week")
    assert week.use is Use.PRINT
    assert window.place.same_as(Place("collection", week.id))

    window.sidebar.choose(Place("all"))
    idle(qtbot)
    grid = window.photos.grid
    grid.setCurrentIndex(window.photos.model.index(1))
    menu = window.collections._grid_menu(grid.visualRect(grid.currentIndex()).center())
    (add_to,) = [a for a in menu.actions() if a.menu() is not None]
    (into,) = [a for a in add_to.menu().actions() if a.text() == "Library week"]
    into.trigger()
    menu.close()
    assert [i.target_id for i in archive.collections.items(week.id)] == [second]
    assert "Added 1 photo(s) to “Library week”" in window.statusBar().currentMessage()

    window.sidebar.choose(Place("collection", week.id))
    idle(qtbot)
    page = window.collections.page
    rename = page.rename()
    rename.name.clear()
    qtbot.keyClicks(rename.name, "Library week 2026")
    rename.ok.click()
    idle(qtbot)
    assert archive.collections.get(week.id).name == "Library week 2026"
    assert page.heading.text() == "Library week 2026"

    box = page.delete()
    box.button(QMessageBox.StandardButton.Yes).click()
    idle(qtbot)
    assert archive.collections.all() == []
    assert window.place.kind == "all"
    assert archive.photos.get(first) and archive.photos.get(second)


def test_an_export_runs_with_progress_and_ends_with_a_report(
    qtbot, archive, pictures, tmp_path, open_window
):
    first, second, third = three_photos(archive, pictures)
    window = open_window()
    collection = collection_made_from_the_grid(qtbot, window)
    page = window.collections.page
    choose_use(qtbot, page.use, Use.WEB)
    idle(qtbot)

    page.export_button.click()
    dialog = window.collections.export_dialog
    dialog.runner.workers = 1
    assert dialog.use.currentData() == "web"
    dialog.kind.setCurrentIndex(dialog.kind.findData("pack"))
    qtbot.keyClicks(dialog.destination, str(tmp_path / "press"))
    dialog.zip.setChecked(True)
    dialog.blur.setChecked(True)
    events = []
    dialog.runner.progress.connect(events.append)
    dialog.export_button.click()
    assert dialog.bar.isVisible() and not dialog.options.isEnabled()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    summary = dialog.summary
    assert [e.ref for e in summary.exported] == [str(first), str(second)]
    assert [x.item.target_id for x in summary.left_out] == [third]
    assert any(e.kind.value == "item-done" for e in events)
    report = dialog.report.toPlainText()
    assert "Included" in report and "Left out, and why" in report
    for reason in assess(archive, third, Use.WEB).reasons:
        assert reason in report
    assert f"Photo {third}" in report
    assert "Exported 2 item(s)" in dialog.status.text()
    assert (tmp_path / "press" / "001-quilt-workshop-at-the-library.jpg").is_file()
    assert (tmp_path / "press.zip").is_file()
    (publication,) = archive.ledger.publications()
    assert publication.collection_id == collection.id and publication.details["blur_unconsented"]
    assert dialog.close_button.isVisible()
    dialog.close_button.click()


def test_cancel_leaves_nothing_at_the_destination(qtbot, archive, pictures, tmp_path, open_window):
    three_photos(archive, pictures)
    window = open_window()
    collection = collection_made_from_the_grid(qtbot, window)
    dialog = window.collections.open_export(collection.id)
    dialog.runner.workers = 1
    choose_use(qtbot, dialog.use, Use.WEB)
    qtbot.keyClicks(dialog.destination, str(tmp_path / "usb"))
    dialog.export_button.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape cancels, as the Cancel button does
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.summary is not None, timeout=30_000)
    assert dialog.summary.cancelled
    assert "nothing was left behind" in dialog.status.text()
    assert not (tmp_path / "usb").exists()
    assert list(tmp_path.glob(".*usb*")) == []
    assert archive.ledger.publications() == []


def test_patches_and_stories_are_added_by_typing_and_checked_like_photos(
    qtbot, archive, pictures, open_window
):
    first, second, _third = three_photos(archive, pictures)
    maker = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT).id
    record_consent(
        archive, maker, given_by_id=maker, given_on=date.today() - timedelta(days=5), uses=[Use.WEB]
    )
    add_patch(
        archive, "P-0042", title="Our library", maker_id=maker, photos=[(first, PhotoRole.FRONT)]
    )
    story = add_story(archive, "Tuesdays", teller_id=maker, text="We sewed every Tuesday.")
    collection = create_collection(archive, "Works", Use.WEB)
    window = open_window()
    window.sidebar.choose_when_listed(Place("collection", collection.id))
    window.refresh_places()
    idle(qtbot)
    page = window.collections.page
    assert window.pages.currentWidget() is page

    qtbot.keyClicks(page.add_ref, f"p-0042 story:{story.id} {second}")
    qtbot.keyClick(page.add_ref, Qt.Key.Key_Return)
    idle(qtbot)
    items = archive.collections.items(collection.id)
    assert [(i.kind.value, i.target_id) for i in items] == [
        ("patch", archive.patches.by_code("P-0042").id),
        ("story", story.id),
        ("photo", second),
    ]
    assert page.add_ref.text() == ""
    rows = texts(page)
    assert rows[0].startswith("1. Patch P-0042: Our library")
    assert "Goes as 001-our-library" in rows[0]
    reasons = assess_subject(archive, Subject.story(story.id), Use.WEB).reasons
    assert rows[1].startswith("2. Story") and "Left out: " + " ".join(reasons) in rows[1]
    assert "permission to publish their story" in rows[1]

    qtbot.keyClicks(page.add_ref, "P-9999")
    page.add_button.click()
    assert "no patch with that code" in window.problem.text()
    assert len(archive.collections.items(collection.id)) == 3
