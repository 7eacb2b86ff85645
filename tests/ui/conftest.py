"""The app under test: real archives, a real window offscreen, settings kept in a temporary
folder, and background work awaited rather than faked."""

from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui import background
from ui.app import configure_application
from ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test starts with no remembered settings, and never touches the user's own."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    configure_application(qapp)
    QSettings().clear()
    yield folder
    background.drain()


def idle(qtbot, timeout=20_000):
    """Wait until no background work is running and its results have been handled."""
    qtbot.waitUntil(lambda: not background.busy(), timeout=timeout)
    background.drain()
    QApplication.processEvents()


@pytest.fixture
def open_window(qtbot, archive):
    """`open_window()` shows the main window on the archive, its grid and consent loaded."""
    windows = []

    def make(on=archive):
        window = MainWindow(on)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.status.ready and window.status.needs_review is not None)
        idle(qtbot)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
    background.drain()


def make_pictures(folder: Path, count: int, start: int = 0, size=(96, 72)) -> Path:
    """`count` small, distinct PNG photos."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        colour = (n * 53 % 256, n * 97 % 256, 160 - n % 100)
        Image.new("RGB", size, colour).save(folder / f"IMG_{n:04d}.png")
    return folder


@pytest.fixture
def pictures(tmp_path):
    def make(count: int, name: str = "card", start: int = 0) -> Path:
        return make_pictures(tmp_path / name, count, start)

    return make
