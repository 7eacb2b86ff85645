"""Reading the grid's rows off the GUI thread, a page at a time, newest request first.

While the user scrolls fast, the pages scrolled past are dropped from the queue; the GUI thread
never waits for the database.
"""

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from ui.background import pool

MAX_WAITING = 12


class _Signals(QObject):
    loaded = Signal(object, int, object)  # the id list read from, page number, [Photo]


class _Drain(QRunnable):
    def __init__(self, loader: "PageLoader") -> None:
        super().__init__()
        self._loader = loader

    def run(self) -> None:
        loader = self._loader
        while True:
            request = loader._take()
            if request is None:
                return
            key, number, ids = request
            try:
                photos = loader._archive.photos.get_many(ids)
            except QuiltArchiveError:
                photos = []
            loader._signals.loaded.emit(key, number, photos)


class PageLoader(QObject):
    """`request(key, page_number, ids)`; `loaded(key, page_number, photos)` on the GUI thread.
    `key` identifies the list the page belongs to, so pages of an older list are ignored."""

    loaded = Signal(object, int, object)

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._lock = threading.Lock()
        self._waiting: dict[tuple[int, int], tuple[object, int, list[int]]] = {}
        self._draining = False
        self._signals = _Signals()
        self._signals.loaded.connect(self.loaded)

    def request(self, key: object, number: int, ids: list[int]) -> None:
        with self._lock:
            self._waiting.pop((id(key), number), None)
            self._waiting[(id(key), number)] = (key, number, ids)
            while len(self._waiting) > MAX_WAITING:
                del self._waiting[next(iter(self._waiting))]
            start = not self._draining
            self._draining = True
        if start:
            pool("rows").start(_Drain(self))

    def _take(self) -> tuple[object, int, list[int]] | None:
        with self._lock:
            if not self._waiting:
                self._draining = False
                return None
            return self._waiting.pop(next(reversed(self._waiting)))
