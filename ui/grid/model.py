"""The grid's model: an ordered list of photo ids; rows read in pages as tiles come into view.

A 100,000-photo archive is 100,000 ints here. The records of the visible tiles are read in
pages of `PAGE` on a worker thread (one query each; a tile shows a placeholder meanwhile) and
a bounded number of pages is kept; the thumbnails come from the thumbnail loader, the badges
from the consent status.
"""

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPixmap

from quiltarchive.archive import Archive
from quiltarchive.consent.overview import Badge
from quiltarchive.model.photo import Photo
from ui.consent_status import ConsentStatus, badge_text
from ui.grid.pages import PageLoader
from ui.grid.thumbnails import ThumbnailLoader

PAGE = 128
KEPT_PAGES = 64

PhotoIdRole = Qt.ItemDataRole.UserRole + 1
PhotoRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex


def short_day(taken_at: str | None) -> str:
    return taken_at[:10] if taken_at else ""


class PhotoGridModel(QAbstractListModel):
    def __init__(
        self,
        archive: Archive,
        status: ConsentStatus,
        loader: ThumbnailLoader,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        self._status = status
        self._loader = loader
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, Photo]] = OrderedDict()
        self._row_of: dict[int, int] | None = None
        self._row_of_sha: dict[str, int] = {}
        self._page_loader = PageLoader(archive, self)
        self._page_loader.loaded.connect(self._page_loaded)
        loader.loaded.connect(self._thumbnail_loaded)
        status.changed.connect(self._badges_changed)
        status.use_changed.connect(self._badges_changed)

    # -- contents --------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._row_of = None
        self._row_of_sha.clear()
        self.endResetModel()

    def photo_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, photo_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {photo_id: row for row, photo_id in enumerate(self._ids)}
        return self._row_of.get(photo_id)

    def photo(self, row: int) -> Photo | None:
        """The record of the photo in `row`, or None while its page is being read."""
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // PAGE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * PAGE
            self._page_loader.request(self._ids, page_number, self._ids[start : start + PAGE])
            return None
        self._pages.move_to_end(page_number)
        return page.get(self._ids[row])

    def _page_loaded(self, key: object, page_number: int, photos: list[Photo]) -> None:
        if key is not self._ids:
            return  # a page of a list no longer shown
        start = page_number * PAGE
        page = {photo.id: photo for photo in photos}
        for offset, photo_id in enumerate(self._ids[start : start + PAGE]):
            found = page.get(photo_id)
            if found is not None:
                self._row_of_sha[found.sha256] = start + offset
        self._pages[page_number] = page
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        last = min(start + PAGE, len(self._ids)) - 1
        if last >= start:
            self.dataChanged.emit(self.index(start), self.index(last))

    def reload_photos(self, photo_ids: set[int] | frozenset[int]) -> None:
        """Read these photos' records again (after an edit); their tiles show the old record
        until the new one arrives."""
        pages = {row // PAGE for row in map(self.row_of, photo_ids) if row is not None}
        for page_number in pages:
            if page_number in self._pages:
                start = page_number * PAGE
                self._page_loader.request(self._ids, page_number, self._ids[start : start + PAGE])

    def thumbnail(self, row: int) -> QPixmap | None:
        photo = self.photo(row)
        if photo is None:
            return None
        pixmap = self._loader.pixmap(photo.sha256)
        if pixmap is None:
            self._loader.request(photo.sha256, self._archive.layout.thumbnail_path(photo.sha256))
        return pixmap

    def thumbnail_missing(self, row: int) -> bool:
        photo = self.photo(row)
        return photo is not None and self._loader.is_missing(photo.sha256)

    def badge(self, row: int) -> Badge | None:
        return self._status.badge(self._ids[row]) if 0 <= row < len(self._ids) else None

    # -- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or row >= len(self._ids):
            return None
        if role == PhotoIdRole:
            return self._ids[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            photo = self.photo(row)
            if photo is None:
                return ""
            title = photo.caption or photo.file_name
            if role == Qt.ItemDataRole.DisplayRole:
                return title
            badge = self.badge(row)
            parts = [title, short_day(photo.taken_at)]
            if badge is not None:
                parts.append(badge_text(badge, self._status.use))
            return ", ".join(part for part in parts if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            photo = self.photo(row)
            heading = f"{photo.file_name} · {short_day(photo.taken_at)}" if photo else ""
            return f"{heading}\n{self._status.tooltip(self._ids[row])}".strip()
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(row)
        if role == PhotoRole:
            return self.photo(row)
        if role == BadgeRole:
            badge = self.badge(row)
            return badge.value if badge is not None else None
        return None

    # -- updates ---------------------------------------------------------------------------

    def _thumbnail_loaded(self, key: str) -> None:
        row = self._row_of_sha.get(key)
        if row is not None and row < len(self._ids):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _badges_changed(self) -> None:
        # Only the pages read last (those in view): telling a list view that all 100,000
        # rows changed costs it a pass over every item; the others are painted afresh when
        # they come into view.
        for page_number in list(self._pages)[-3:]:
            start = page_number * PAGE
            last = min(start + PAGE, len(self._ids)) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start), self.index(last), [BadgeRole])
