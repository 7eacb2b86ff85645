"""Help → About QuiltArchive and Help → About Qt."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def test_about_names_the_archive_and_whose_name_goes_on_the_audit_trail(qtbot, open_window):
    window = open_window()
    window.menu_actions.about.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "About QuiltArchive"
    assert "Nothing leaves the archive that its people did not agree to" in box.text()
    assert str(window.archive.layout.root) in box.text()
    assert "Test Librarian" in box.text()
    assert not box.iconPixmap().isNull()
    box.accept()


def test_about_qt_opens_qts_own_box(qtbot, open_window):
    window = open_window()
    seen = []

    def look_and_close():
        box = QApplication.activeModalWidget()
        seen.append((type(box), box.windowTitle(), box.text()))
        box.accept()

    QTimer.singleShot(100, look_and_close)
    window.menu_actions.about_qt.trigger()  # modal: returns once closed
    ((kind, title, text),) = seen
    assert kind is QMessageBox and title == "About Qt" and "Qt" in text


def test_the_help_menu_holds_both(open_window):
    window = open_window()
    (help_menu,) = [m for m in window.menuBar().actions() if m.text() == "&Help"]
    assert help_menu.menu().actions() == [
        window.menu_actions.about,
        window.menu_actions.about_qt,
    ]
