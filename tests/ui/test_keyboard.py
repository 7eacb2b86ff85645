"""The whole window can be worked from the keyboard: Tab goes round every part of it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quiltarchive.importing.pipeline import import_photos
from tests.ui.conftest import idle

MAX_TABS = 60


def tab_round(qtbot, window, backwards=False):
    """The widgets Tab (or Shift+Tab) visits, from the one with focus until back to it."""
    start = QApplication.focusWidget()
    visited = []
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    for _ in range(MAX_TABS):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        now = QApplication.focusWidget()
        if now is start:
            return visited
        visited.append(now)
    raise AssertionError(f"Tab never came back: {[type(w).__name__ for w in visited]}")


def within(widget, ancestor) -> bool:
    while widget is not None:
        if widget is ancestor:
            return True
        widget = widget.parentWidget()
    return False


def test_tab_reaches_the_sidebar_search_grid_and_details(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(3)], workers=1))
    window = open_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.photos.grid.setFocus()
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    idle(qtbot)

    visited = tab_round(qtbot, window)
    assert window.sidebar in visited
    assert window.search in visited
    assert any(within(w, window.details) for w in visited)
    assert window.check_use in visited and window.zoom in visited
    caption = window.details.single.description.caption
    assert caption in visited  # the caption is edited without the mouse…
    assert visited.index(caption) < visited.index(window.details.single.description.alt_text)

    backwards = tab_round(qtbot, window, backwards=True)
    assert set(backwards) == set(visited)  # …and Shift+Tab goes the same way round


def test_tab_leaves_a_caption_being_typed_rather_than_typing_a_tab(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(1)], workers=1))
    window = open_window()
    window.activateWindow()
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    idle(qtbot)
    caption = window.details.single.description.caption
    caption.setFocus()
    qtbot.keyClicks(caption, "Quilt")
    qtbot.keyClick(caption, Qt.Key.Key_Tab)
    assert caption.toPlainText() == "Quilt"
    assert QApplication.focusWidget() is window.details.single.description.alt_text
