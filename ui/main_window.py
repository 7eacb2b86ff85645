"""The main window: the photo grid of the open archive."""

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListView, QMainWindow

from quiltarchive.archive import Archive
from ui.models.photo_grid import PhotoGridModel
from ui.thumbnails import ThumbnailLoader


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(self.tr("QuiltArchive — {0}").format(archive.layout.root.name))
        self.loader = ThumbnailLoader(self)
        self.model = PhotoGridModel(archive, self.loader)
        self.grid = QListView(self)
        self.grid.setAccessibleName(self.tr("Photos"))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setIconSize(QSize(160, 160))
        self.grid.setGridSize(QSize(184, 200))
        self.grid.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.grid.setModel(self.model)
        self.setCentralWidget(self.grid)
        self.resize(1100, 720)
        self.model.reload()
        self.statusBar().showMessage(self.tr("{0} photos").format(self.model.rowCount()))

    def closeEvent(self, event) -> None:  # noqa: ANN001
        self.loader.wait()
        super().closeEvent(event)
