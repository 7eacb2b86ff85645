"""Reading cached thumbnails off the GUI thread.

Workers decode the cache's JPEGs into `QImage`s scaled to the tile (Qt's JPEG reader scales
while decoding, and releases the interpreter lock meanwhile); the GUI thread turns them into
pixmaps. Requests are served newest first, so the tiles in view come before the ones the
user scrolled past, and a bounded queue forgets the oldest.
"""

import threading
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from quiltarchive.imaging.decode import UnreadableImage
from quiltarchive.layout import ArchiveLayout
from quiltarchive.model.photo import Photo
from quiltarchive.renditions_cache import preview_file
from ui.background import pool

MAX_WAITING = 400


def read_scaled(path: Path, longest: int) -> QImage:
    reader = QImageReader(str(path))
    reader.setAutoTransform(False)  # the cache holds pictures already turned upright
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > longest:
        reader.setScaledSize(
            size.scaled(QSize(longest, longest), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    return image if not image.isNull() else QImage()


def read_preview(layout: ArchiveLayout, photo: Photo, longest: int) -> QImage:
    """The photo's preview (made from the original the first time), or a null image when
    the original cannot be read. Call off the GUI thread."""
    try:
        path = preview_file(layout, photo)
    except (UnreadableImage, OSError):
        return QImage()
    return read_scaled(path, longest)


class _Signals(QObject):
    loaded = Signal(str, int, QImage)


class _Drain(QRunnable):
    """Takes requests from the loader's stack until it is empty."""

    def __init__(self, loader: "ThumbnailLoader") -> None:
        super().__init__()
        self._loader = loader

    def run(self) -> None:
        loader = self._loader
        while True:
            request = loader._take()
            if request is None:
                return
            key, path, longest = request
            loader._signals.loaded.emit(key, longest, read_scaled(path, longest))


class ThumbnailLoader(QObject):
    """`request(key, path, longest)`; `loaded(key)` fires on the GUI thread when `pixmap(key)`
    holds it. A cached pixmap is kept per key at one size; changing size clears the cache."""

    loaded = Signal(str)

    def __init__(self, parent: QObject | None = None, *, capacity: int = 900) -> None:
        super().__init__(parent)
        self._capacity = capacity
        self._longest = 0
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._missing: set[str] = set()
        self._waiting: OrderedDict[str, tuple[Path, int]] = OrderedDict()
        self._in_flight: set[str] = set()
        self._lock = threading.Lock()
        self._drains = 0
        self._signals = _Signals()
        self._signals.loaded.connect(self._on_loaded)

    def set_size(self, longest: int) -> None:
        if longest != self._longest:
            self._longest = longest
            self._pixmaps.clear()
            with self._lock:
                self._waiting.clear()

    def pixmap(self, key: str) -> QPixmap | None:
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
        return found

    def is_missing(self, key: str) -> bool:
        return key in self._missing

    def request(self, key: str, path: Path) -> None:
        if key in self._pixmaps or key in self._missing:
            return
        with self._lock:
            if key in self._in_flight:
                return
            self._waiting[key] = (path, self._longest)
            self._waiting.move_to_end(key)
            while len(self._waiting) > MAX_WAITING:
                self._waiting.popitem(last=False)
            start = self._drains < pool("thumbnails").maxThreadCount()
            if start:
                self._drains += 1
        if start:
            pool("thumbnails").start(_Drain(self))

    def forget(self, keys: set[str] | None = None) -> None:
        """Drop cached pictures (all, or these) so they are read again."""
        if keys is None:
            self._pixmaps.clear()
            self._missing.clear()
        else:
            for key in keys:
                self._pixmaps.pop(key, None)
                self._missing.discard(key)

    def _take(self) -> tuple[str, Path, int] | None:
        with self._lock:
            if not self._waiting:
                self._drains -= 1
                return None
            key, (path, longest) = self._waiting.popitem(last=True)
            self._in_flight.add(key)
            return key, path, longest

    def _on_loaded(self, key: str, longest: int, image: QImage) -> None:
        with self._lock:
            self._in_flight.discard(key)
        if longest != self._longest:
            return  # read for a tile size no longer shown
        if image.isNull():
            self._missing.add(key)
        else:
            self._pixmaps[key] = QPixmap.fromImage(image)
            while len(self._pixmaps) > self._capacity:
                self._pixmaps.popitem(last=False)
        self.loaded.emit(key)
