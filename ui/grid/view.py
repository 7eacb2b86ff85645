"""The thumbnail grid: a QListView in icon mode, laid out in batches so that even 100,000
tiles never hold up the window, with a zoom for the tile size."""

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from ui.grid.delegate import PhotoDelegate
from ui.grid.model import PhotoGridModel
from ui.grid.thumbnails import ThumbnailLoader

MIN_TILE, MAX_TILE = 96, 320
LAYOUT_BATCH = 1000


class PhotoGridView(QListView):
    tile_size_changed = Signal(int)

    def __init__(
        self, model: PhotoGridModel, loader: ThumbnailLoader, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(LAYOUT_BATCH)
        self.setUniformItemSizes(True)
        self.setWrapping(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionRectVisible(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setDragEnabled(False)
        self.setMouseTracking(True)
        self.delegate = PhotoDelegate(model, parent=self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.set_tile_size(168)

    def photo_model(self) -> PhotoGridModel:
        model = self.model()
        assert isinstance(model, PhotoGridModel)
        return model

    @property
    def tile_size(self) -> int:
        return self.delegate.tile

    def set_tile_size(self, size: int) -> None:
        size = max(MIN_TILE, min(MAX_TILE, size))
        self.delegate.tile = size
        self._loader.set_size(round(size * self.devicePixelRatioF()))
        cell = self.delegate.cell_size(self.fontMetrics().height())
        self.setGridSize(cell)
        self.setIconSize(QSize(size, size))
        self.verticalScrollBar().setSingleStep(max(20, cell.height() // 4))
        self.tile_size_changed.emit(size)

    def selected_rows(self) -> list[int]:
        """Selected rows in order, read from the selection's ranges (Select All on 100,000
        photos is one range, not 100,000 indexes)."""
        rows: set[int] = set()
        for selection_range in self.selectionModel().selection():
            rows.update(range(selection_range.top(), selection_range.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        model = self.photo_model()
        return [model.photo_id(row) for row in self.selected_rows()]

    def selected_count(self) -> int:
        return sum(r.bottom() - r.top() + 1 for r in self.selectionModel().selection())

    def current_id(self) -> int | None:
        index = self.currentIndex()
        return self.photo_model().photo_id(index.row()) if index.isValid() else None
