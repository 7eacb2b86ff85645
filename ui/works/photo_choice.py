"""Choosing photos from the archive: a picker of thumbnails, and a field that shows the photos
chosen with a button to change them."""

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from ui.grid.thumbnails import ThumbnailLoader

PICKER_TILE = 112
MAX_LISTED = 5000


class PhotoPicker(QDialog):
    """The archive's photos as thumbnails with their file names; choose one or several."""

    def __init__(
        self,
        archive: Archive,
        title: str,
        chosen: list[int],
        *,
        several: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._loader = ThumbnailLoader(self)
        self._loader.set_size(PICKER_TILE)
        self._loader.loaded.connect(self._loaded)
        self.find = QLineEdit(self)
        self.find.setAccessibleName(self.tr("Find a photo by file name"))
        self.find.setPlaceholderText(self.tr("Find by file name…"))
        self.find.textChanged.connect(self._filter)
        self.photos = QListWidget(self)
        self.photos.setAccessibleName(self.tr("Photos to choose from"))
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photos.setIconSize(QSize(PICKER_TILE, PICKER_TILE))
        self.photos.setGridSize(QSize(PICKER_TILE + 24, PICKER_TILE + 36))
        self.photos.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if several
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self._items: dict[str, QListWidgetItem] = {}
        for photo in archive.photos.list(limit=MAX_LISTED):
            item = QListWidgetItem(photo.file_name)
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(self.tr("Photo {0}: {1}").format(photo.id, photo.file_name))
            self.photos.addItem(item)
            key = f"photo:{photo.id}"
            self._items[key] = item
            self._loader.request(key, archive.layout.thumbnail_path(photo.sha256))
            item.setSelected(photo.id in chosen)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("Choose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.photos.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.find)
        layout.addWidget(self.photos, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def chosen(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.photos.item(n) for n in range(self.photos.count()))
            if item.isSelected()
        ]

    def choose(self, photo_ids: list[int]) -> None:
        for n in range(self.photos.count()):
            item = self.photos.item(n)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in photo_ids)

    def _filter(self, words: str) -> None:
        for n in range(self.photos.count()):
            item = self.photos.item(n)
            item.setHidden(words.casefold() not in item.text().casefold())

    def _loaded(self, key: str) -> None:
        pixmap, item = self._loader.pixmap(key), self._items.get(key)
        if pixmap is not None and item is not None:
            item.setIcon(QIcon(pixmap))


class PhotoField(QWidget):
    """The photos chosen (their file names) and a button to choose again."""

    changed = Signal()

    def __init__(
        self, archive: Archive, name: str, *, several: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._archive, self._name, self._several = archive, name, several
        self.ids: list[int] = []
        self.picker: PhotoPicker | None = None
        self.shown = QLabel(self)
        self.shown.setWordWrap(True)
        self.shown.setAccessibleName(name)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.setAccessibleName(self.tr("Choose {0}").format(name))
        self.choose_button.clicked.connect(self.open_picker)
        self.clear_button = QPushButton(self.tr("None"), self)
        self.clear_button.setAccessibleName(self.tr("No {0}").format(name))
        self.clear_button.clicked.connect(lambda: self.set_ids([]))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.clear_button)
        self.set_ids([])

    def set_ids(self, photo_ids: list[int]) -> None:
        self.ids = list(photo_ids)
        photos = self._archive.photos.get_many(self.ids)
        self.shown.setText(
            ", ".join(self.tr("{0} (photo {1})").format(p.file_name, p.id) for p in photos)
            or self.tr("none")
        )
        self.clear_button.setEnabled(bool(self.ids))
        self.changed.emit()

    def open_picker(self) -> PhotoPicker:
        self.picker = PhotoPicker(
            self._archive,
            self.tr("Choose {0}").format(self._name),
            self.ids,
            several=self._several,
            parent=self,
        )
        self.picker.accepted.connect(
            lambda: self.set_ids(self.picker.chosen() if self.picker else [])
        )
        self.picker.open()
        return self.picker
