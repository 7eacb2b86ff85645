"""The quilt map, driven as a librarian lays out a quilt: creating it, dragging patches onto
its cells from the list of unplaced patches and within the map, refusals in plain words,
undo, opening a patch from the map, and the patches a use allows."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from quiltarchive.model.consent import Use
from quiltarchive.model.quilt import Position
from tests.core.works.workshop import BLUE, RED, Workshop
from tests.ui.conftest import idle
from ui.window.places import PATCHES
from ui.works.quilt_map import patch_mime


@pytest.fixture
def workshop(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Workshop(archive, folder)


def open_map(qtbot, open_window):
    window = open_window()
    window.sidebar.choose(PATCHES)
    page = window.patches
    page.show_tab(page.quilts)
    qtbot.waitUntil(lambda: page.data is not None)
    idle(qtbot)
    return window, page, page.quilts


def drop(qtbot, panel, mime, point: QPoint):
    """What a user's drag ends in: entering the map, moving over it, and letting go."""
    view = panel.map
    actions = Qt.DropAction.MoveAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(view, QDragEnterEvent(point, actions, mime, buttons, modifiers))
    QApplication.sendEvent(view, QDragMoveEvent(point, actions, mime, buttons, modifiers))
    QApplication.sendEvent(view, QDropEvent(QPointF(point), actions, mime, buttons, modifiers))
    idle(qtbot)


def centre(panel, row, column) -> QPoint:
    return panel.map.cell_rect(row, column).center()


def unplaced_codes(panel):
    return [panel.unplaced.item(n).text().split(" — ")[0] for n in range(panel.unplaced.count())]


def test_creating_a_quilt_and_placing_patches_by_dragging(qtbot, archive, workshop, open_window):
    amina = workshop.consenting_adult("Amina Yusuf")
    red, blue = workshop.patch_photo(RED), workshop.patch_photo(BLUE)
    first = workshop.patch("P-0001", amina, photo=red)
    second = workshop.patch("P-0002", amina, photo=blue)
    window, _page, panel = open_map(qtbot, open_window)
    assert panel.summary.text() == "No quilts yet: New quilt… makes one."

    dialog = panel.new_quilt()
    qtbot.keyClicks(dialog.name, "Connecting Communities")
    dialog.rows.setValue(2)
    dialog.columns.setValue(3)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: panel.grid is not None and panel.grid.quilt.columns == 3)
    quilt = archive.quilts.named("Connecting Communities")
    assert panel.quilt_id() == quilt.id
    assert panel.summary.text() == "0 of 6 cells hold a patch"
    assert unplaced_codes(panel) == ["P-0001", "P-0002"]

    item = panel.unplaced.item(0)  # P-0001, dragged from the list onto row 2, column 3
    drop(qtbot, panel, panel.unplaced.mimeData([item]), centre(panel, 2, 3))
    assert archive.patches.get(first.id).position == Position(quilt.id, 2, 3)
    assert archive.audit.entries(entity_type="patch")[0].action == "patch placed"
    qtbot.waitUntil(lambda: not panel.map.cell(2, 3).empty)
    assert panel.map.cell(2, 3).code == "P-0001" and unplaced_codes(panel) == ["P-0002"]

    drop(qtbot, panel, patch_mime(first.id), centre(panel, 1, 1))  # moved within the map
    assert archive.patches.get(first.id).position == Position(quilt.id, 1, 1)
    drop(qtbot, panel, patch_mime(second.id), centre(panel, 1, 2))
    assert archive.patches.get(second.id).position == Position(quilt.id, 1, 2)

    drop(qtbot, panel, patch_mime(second.id), centre(panel, 1, 1))  # an occupied cell
    assert panel.message.text() == (
        "Row 1, column 1 of quilt “Connecting Communities” already holds patch P-0001; "
        "move that one first, or swap the two."
    )
    assert archive.patches.get(second.id).position == Position(quilt.id, 1, 2)
    outside = panel.map.cell_rect(2, 3).bottomRight() + QPoint(4, 4)
    drop(qtbot, panel, patch_mime(second.id), outside)
    assert "outside the quilt's grid" in panel.message.text()
    assert archive.patches.get(second.id).position == Position(quilt.id, 1, 2)

    window.menu_actions.undo.trigger()  # P-0002 back off the quilt
    assert archive.patches.get(second.id).position is None
    window.menu_actions.undo.trigger()  # P-0001 back to row 2, column 3
    assert archive.patches.get(first.id).position == Position(quilt.id, 2, 3)
    window.menu_actions.redo.trigger()
    assert archive.patches.get(first.id).position == Position(quilt.id, 1, 1)
    qtbot.waitUntil(lambda: panel.map.cell(1, 1).code == "P-0001")
    assert panel.map.cell(2, 3).empty

    panel.unplaced.unplace_requested.emit(first.id)  # dropped back on the list
    assert archive.patches.get(first.id).position is None


def test_the_map_shows_thumbnails_opens_patches_and_filters_by_use(
    qtbot, archive, workshop, open_window
):
    amina = workshop.consenting_adult("Amina Yusuf", uses=(Use.PRINT, Use.WEB))
    tom = workshop.consenting_adult("Tom Okafor", uses=(Use.PRINT,))
    quilt = workshop.quilt(rows=2, columns=2)
    workshop.patch("P-0001", amina, photo=workshop.patch_photo(RED), place=(quilt.id, 1, 1))
    workshop.patch("P-0002", tom, photo=workshop.patch_photo(BLUE), place=(quilt.id, 2, 2))
    _window, page, panel = open_map(qtbot, open_window)
    view = panel.map
    assert "2 patches placed, 2 empty" in view.accessibleDescription()

    def colour_at(row, column):
        """Away from the cell's label and rounded corners."""
        image = view.grab().toImage()
        cell = view.cell_rect(row, column)
        return image.pixelColor(cell.left() + cell.width() // 4, cell.top() + cell.height() // 4)

    qtbot.waitUntil(lambda: colour_at(1, 1).red() > 180 and colour_at(2, 2).blue() > 150)
    assert colour_at(1, 2).name() == "#fbf8f2"  # an empty cell

    panel.filter.setCurrentIndex(panel.filter.findData(Use.WEB.value))
    qtbot.waitUntil(lambda: panel.grid is not None and view.filtered)
    assert panel.summary.text() == "2 of 4 cells hold a patch · 1 not allowed for web, shown plain"
    qtbot.waitUntil(lambda: colour_at(2, 2).name() == "#cdc7bd")  # a neutral placeholder
    assert colour_at(1, 1).red() > 180

    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre(panel, 2, 2))
    dialog = page.dialog
    assert dialog.isVisible() and dialog.code.text() == "P-0002"
    dialog.reject()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.dialog.code.text() == "P-0001"


def test_placing_and_moving_patches_with_the_keyboard(qtbot, archive, workshop, open_window):
    amina = workshop.consenting_adult("Amina Yusuf")
    quilt = workshop.quilt(rows=2, columns=3)
    patch = workshop.patch("P-0001", amina, photo=workshop.patch_photo(RED))
    _window, _page, panel = open_map(qtbot, open_window)
    qtbot.waitUntil(lambda: panel.grid is not None)
    view = panel.map

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)  # an empty cell, and no patch chosen
    assert panel.message.text().startswith("Choose a patch in “Not placed yet” first")
    panel.unplaced.setCurrentRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert archive.patches.get(patch.id).position == Position(quilt.id, 1, 2)
    qtbot.waitUntil(lambda: view.cell(1, 2).code == "P-0001")

    qtbot.keyClick(view, Qt.Key.Key_Space)  # picked up…
    assert view.carried == patch.id
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # …and put down
    assert archive.patches.get(patch.id).position == Position(quilt.id, 2, 3)
    assert view.carried is None and not panel.message.isVisibleTo(panel)
