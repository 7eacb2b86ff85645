"""The Patches page, driven as a librarian records a workshop's patches: the list with each
patch's thumbnail, maker, place and consent; recording and changing a patch in its dialog; the
archive's refusals shown in the dialog with nothing written; undo."""

import pytest
from PySide6.QtCore import Qt

from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from tests.core.works.workshop import RED, Workshop
from tests.ui.conftest import idle
from ui.tables import RecordRole
from ui.window.places import PATCHES


@pytest.fixture
def workshop(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Workshop(archive, folder)


def open_patches(qtbot, open_window):
    window = open_window()
    window.sidebar.choose(PATCHES)
    page = window.patches
    qtbot.waitUntil(lambda: page.data is not None)
    idle(qtbot)
    return window, page


def shown_rows(page):
    proxy = page.patches.proxy
    return [proxy.data(proxy.index(row, 0), RecordRole) for row in range(proxy.rowCount())]


def cell_text(page, row, column):
    proxy = page.patches.proxy
    return proxy.data(proxy.index(row, column))


def test_the_patch_list_shows_thumbnail_maker_place_and_consent(qtbot, workshop, open_window):
    amina = workshop.consenting_adult("Amina Yusuf", uses=(Use.PRINT,))
    tom = workshop.adult("Tom Okafor")  # no consent recorded
    quilt = workshop.quilt(rows=2, columns=2)
    red = workshop.patch_photo(RED)
    workshop.patch("P-0001", amina, photo=red, place=(quilt.id, 1, 2), title="Bridges")
    workshop.patch("P-0002", tom, title="Our street")
    window, page = open_patches(qtbot, open_window)

    assert page.isVisible() and window.pages.currentWidget() is page
    assert [r.patch.code for r in shown_rows(page)] == ["P-0001", "P-0002"]
    assert cell_text(page, 0, 1) == "Bridges" and cell_text(page, 0, 2) == "Amina Yusuf"
    assert cell_text(page, 0, 3) == "Row 1, column 2 of Connecting Communities"
    assert cell_text(page, 1, 3) == "not placed"
    page.use.setCurrentIndex(page.use.findData(Use.PRINT.value))
    qtbot.waitUntil(lambda: page.data.use is Use.PRINT)
    assert cell_text(page, 0, 4) == "yes — credit “Amina Yusuf”"
    assert cell_text(page, 1, 4) == "no — Tom Okafor has no consent recorded (needed for print)."
    page.use.setCurrentIndex(page.use.findData(Use.WEB.value))
    qtbot.waitUntil(lambda: page.data.use is Use.WEB)
    assert "Amina Yusuf's current consent does not cover web." in cell_text(page, 0, 4)

    proxy = page.patches.proxy
    qtbot.waitUntil(
        lambda: proxy.data(proxy.index(0, 0), Qt.ItemDataRole.DecorationRole) is not None
    )
    thumbnail = proxy.data(proxy.index(0, 0), Qt.ItemDataRole.DecorationRole).toImage()
    middle = thumbnail.pixelColor(thumbnail.width() // 2, thumbnail.height() // 2)
    assert middle.red() > 180 and middle.green() < 70  # the red front photo
    assert proxy.data(proxy.index(1, 0), Qt.ItemDataRole.DecorationRole) is None  # no photo

    qtbot.keyClicks(page.patches.find, "street")
    assert [r.patch.code for r in shown_rows(page)] == ["P-0002"]
    page.patches.find.clear()

    page.use.setCurrentIndex(page.use.findData(Use.PRINT.value))
    qtbot.waitUntil(lambda: page.data.use is Use.PRINT)
    window.edits.set_withheld([red], True)  # the front photo withheld: the patch may not go
    qtbot.waitUntil(lambda: cell_text(page, 0, 4).startswith("no — "))


def test_recording_a_patch_in_the_dialog_and_undoing_it(qtbot, archive, workshop, open_window):
    amina = workshop.consenting_adult("Amina Yusuf")
    group = workshop.adult("Year 4, St Mary's", is_group=True)
    front, back, detail = (workshop.patch_photo() for _ in range(3))
    window, page = open_patches(qtbot, open_window)

    page.patches.new_button.click()
    dialog = page.dialog
    assert dialog.code.text() == "P-0001"  # the next free code is offered
    dialog.code.setText("p-0042")
    qtbot.keyClicks(dialog.title, "Hands together")
    qtbot.keyClicks(dialog.maker.lineEdit(), "Year 4, St Mary's")
    dialog.materials.setText("felt, buttons")
    dialog.size.setText("30 × 30 cm")
    dialog.story.setPlainText("We each drew round our hands.")
    dialog.received_known.setChecked(True)
    picker = dialog.front.open_picker()
    assert picker.photos.count() == 3
    picker.choose([front])
    picker.accept()
    dialog.back.set_ids([back])
    dialog.details.set_ids([detail])
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()

    patch = archive.patches.by_code("P-0042")
    assert patch.maker_id == group and patch.title == "Hands together"
    assert patch.materials == "felt, buttons" and patch.story == "We each drew round our hands."
    assert [(p.photo_id, p.role) for p in patch.photos] == [
        (front, PhotoRole.FRONT),
        (back, PhotoRole.BACK),
        (detail, PhotoRole.DETAIL),
    ]
    assert archive.audit.entries(entity_type="patch")[0].action == "patch added"
    qtbot.waitUntil(lambda: [r.patch.code for r in shown_rows(page)] == ["P-0042"])

    page.patches.new_button.click()  # the same code again: refused in the dialog
    dialog = page.dialog
    dialog.code.setText("P-0042")
    dialog.title.setText("Another")
    dialog.maker.setCurrentIndex(dialog.maker.findData(amina))
    entries = len(archive.audit.entries())
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == "There is already a patch with the code P-0042."
    assert archive.patches.count() == 1 and len(archive.audit.entries()) == entries
    dialog.maker.setEditText("Nobody we know")
    dialog.code.setText("P-0043")
    dialog.save_button.click()
    assert "Choose the maker from the list" in dialog.error.text()
    dialog.reject()

    window.menu_actions.undo.trigger()
    assert archive.patches.count() == 0
    qtbot.waitUntil(lambda: shown_rows(page) == [])
    window.menu_actions.redo.trigger()
    assert archive.patches.by_code("P-0042").title == "Hands together"


def test_changing_a_patch_and_its_photos_in_one_undoable_edit(
    qtbot, archive, workshop, open_window
):
    amina = workshop.consenting_adult("Amina Yusuf")
    first, second = workshop.patch_photo(), workshop.patch_photo()
    workshop.patch("P-0001", amina, photo=first, title="Bridges")
    workshop.patch("P-0002", amina, title="Rivers")
    window, page = open_patches(qtbot, open_window)

    page.patches.table.activated.emit(page.patches.proxy.index(0, 1))  # Enter on P-0001
    dialog = page.dialog
    assert dialog.title.text() == "Bridges" and dialog.front.ids == [first]
    dialog.title.setText("Bridges over the Brent")
    dialog.front.set_ids([second])
    dialog.save_button.click()
    changed = archive.patches.by_code("P-0001")
    assert changed.title == "Bridges over the Brent" and changed.front_photo_id == second

    window.menu_actions.undo.trigger()
    restored = archive.patches.by_code("P-0001")
    assert restored.title == "Bridges" and restored.front_photo_id == first

    page.patches.table.activated.emit(page.patches.proxy.index(1, 1))
    qtbot.waitUntil(lambda: page.data.patch_row(restored.id).patch.title == "Bridges")
    dialog = page.dialog
    dialog.code.setText("P-0001")  # another patch's code
    dialog.save_button.click()
    assert dialog.error.text() == "There is already a patch with the code P-0001."
    assert archive.patches.by_code("P-0002").title == "Rivers"


def test_the_quilt_and_story_dialogs_name_their_controls(qtbot, workshop, open_window):
    from tests.ui.test_main_window import unnamed_controls

    amina = workshop.consenting_adult("Amina Yusuf")
    quilt = workshop.quilt(rows=2, columns=2)
    patch = workshop.patch("P-0001", amina, photo=workshop.patch_photo(), place=(quilt.id, 1, 1))
    window, page = open_patches(qtbot, open_window)
    patch_dialog = page.open_patch(patch)
    dialogs = [patch_dialog, patch_dialog.front.open_picker(), page.open_story(None)]
    page.show_tab(page.quilts)
    qtbot.waitUntil(lambda: page.quilts.grid is not None)
    dialogs += [page.quilts.new_quilt(), page.quilts.open_render()]
    assert unnamed_controls(window) == []
    for dialog in dialogs:
        assert dialog.accessibleName(), type(dialog).__name__
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()
