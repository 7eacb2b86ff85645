"""The photo grid's model: plain Photo records, thumbnails fetched lazily for visible tiles."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from quiltarchive.archive import Archive
from quiltarchive.model.photo import Photo
from ui.thumbnails import ThumbnailLoader

PhotoRole = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class PhotoGridModel(QAbstractListModel):
    def __init__(self, archive: Archive, loader: ThumbnailLoader) -> None:
        super().__init__()
        self._archive = archive
        self._loader = loader
        self._photos: list[Photo] = []
        self._row_of: dict[str, int] = {}
        self._pixmaps: dict[str, QPixmap] = {}
        loader.loaded.connect(self._on_thumbnail)

    def reload(self) -> None:
        self.beginResetModel()
        self._photos = self._archive.photos.list()
        self._row_of = {p.sha256: row for row, p in enumerate(self._photos)}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._photos)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        photo = self._photos[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return photo.file_name
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(photo.sha256)
            if pixmap is None:
                self._loader.request(
                    photo.sha256, self._archive.layout.thumbnail_path(photo.sha256)
                )
            return pixmap
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{photo.file_name}\n{photo.taken_at or ''}"
        if role == PhotoRole:
            return photo
        return None

    def _on_thumbnail(self, key: str, image: QImage) -> None:
        row = self._row_of.get(key)
        if row is None or image.isNull():
            return
        self._pixmaps[key] = QPixmap.fromImage(image)
        index = self.index(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
