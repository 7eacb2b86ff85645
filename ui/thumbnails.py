"""Loading thumbnails off the GUI thread: workers read files into QImage, the GUI makes pixmaps."""

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QImage


class _Signals(QObject):
    loaded = Signal(str, QImage)


class _LoadThumbnail(QRunnable):
    def __init__(self, key: str, path: Path, signals: _Signals) -> None:
        super().__init__()
        self._key, self._path, self._signals = key, path, signals

    def run(self) -> None:
        image = QImage(str(self._path))
        self._signals.loaded.emit(self._key, image)


class ThumbnailLoader(QObject):
    """Asks a thread pool for thumbnails by key; emits `loaded(key, QImage)` on the GUI thread."""

    loaded = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)
        self._requested: set[str] = set()

    def request(self, key: str, path: Path) -> None:
        if key in self._requested:
            return
        self._requested.add(key)
        self._pool.start(_LoadThumbnail(key, path, self._signals))

    def _on_loaded(self, key: str, image: QImage) -> None:
        self._requested.discard(key)
        self.loaded.emit(key, image)

    def wait(self) -> None:
        self._pool.waitForDone()
