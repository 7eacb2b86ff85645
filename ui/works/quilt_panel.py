"""The Quilts tab: choose a quilt, see its map, drag patches onto it (from the map or from the
patches not yet placed), filter to the patches a use allows, create a quilt, render it."""

from PySide6.QtCore import QEvent, QMimeData, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.overview import OUTSIDE_USES
from quiltarchive.model.consent import Use
from quiltarchive.model.quilt import QuiltGrid
from quiltarchive.works.quilt_map import quilt_grid
from ui.background import run_task
from ui.consent_status import use_name
from ui.dialogs.form_parts import ERROR_COLOUR
from ui.grid.thumbnails import ThumbnailLoader
from ui.works.quilt_dialog import QuiltDialog
from ui.works.quilt_map import GAP, MARGIN, QuiltMapView, patch_mime, patch_of
from ui.works.records import Works
from ui.works.render_dialog import RenderDialog
from ui.works.work_edits import WorkEdits

MIN_CELL, MAX_CELL = 72, 168
LIST_ICON = 40


class UnplacedList(QListWidget):
    """Patches in no quilt: dragged from here onto the map; a patch dropped here leaves its
    quilt."""

    unplace_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Patches not placed in a quilt"))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setIconSize(QSize(LIST_ICON, LIST_ICON))

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:
        return patch_mime(items[0].data(Qt.ItemDataRole.UserRole)) if items else QMimeData()

    def mimeTypes(self) -> list[str]:
        return ["application/x-quiltarchive-patch"]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.source() is not self and patch_of(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.source() is not self and patch_of(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        patch_id = patch_of(event.mimeData())
        if patch_id is not None and event.source() is not self:
            event.acceptProposedAction()
            self.unplace_requested.emit(patch_id)


class QuiltPanel(QWidget):
    patch_requested = Signal(int)  # open this patch

    def __init__(self, archive: Archive, works: WorkEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._works = archive, works
        self._generation = 0
        self.data: Works | None = None
        self.grid: QuiltGrid | None = None
        self.render_dialog: RenderDialog | None = None
        self.quilt_dialog: QuiltDialog | None = None
        self._show_next: int | None = None  # a quilt just created, shown once listed
        self.loader = ThumbnailLoader(self)
        self.loader.set_size(120)
        self.list_loader = ThumbnailLoader(self)
        self.list_loader.set_size(LIST_ICON)
        self.list_loader.loaded.connect(self._icon_loaded)

        self.quilt = QComboBox(self)
        self.quilt.setAccessibleName(self.tr("Quilt shown"))
        self.quilt.setMinimumContentsLength(18)
        self.new_button = QPushButton(self.tr("New quilt…"), self)
        self.new_button.setAccessibleName(self.tr("New quilt"))
        self.render_button = QPushButton(self.tr("Render quilt…"), self)
        self.render_button.setAccessibleName(self.tr("Render quilt"))
        self.filter = QComboBox(self)
        self.filter.setAccessibleName(self.tr("Show patches allowed for"))
        self.filter.addItem(self.tr("All patches"), None)
        for use in OUTSIDE_USES:
            self.filter.addItem(
                self.tr("Only those allowed for {0}").format(use_name(use)), use.value
            )
        self.summary = QLabel(self)
        self.summary.setProperty("role", "hint")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Quilt map message"))
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setVisible(False)
        self.map = QuiltMapView(self.loader, self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.map)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll.setFocusProxy(self.map)
        self.scroll.viewport().installEventFilter(self)
        self.unplaced = UnplacedList(self)
        unplaced_title = QLabel(self.tr("Not placed yet — drag onto a cell"), self)
        unplaced_title.setBuddy(self.unplaced)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(unplaced_title)
        side_layout.addWidget(self.unplaced, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([700, 220])

        top = QHBoxLayout()
        top.addWidget(self.quilt)
        top.addWidget(self.summary)
        top.addStretch(1)
        top.addWidget(self.filter)
        top.addWidget(self.new_button)
        top.addWidget(self.render_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.map)

        self.quilt.currentIndexChanged.connect(lambda _i: self.read_grid())
        self.filter.currentIndexChanged.connect(lambda _i: self.read_grid())
        self.new_button.clicked.connect(self.new_quilt)
        self.render_button.clicked.connect(self.open_render)
        self.map.patch_clicked.connect(self.patch_requested)
        self.map.drop_requested.connect(self.place)
        self.map.drop_refused.connect(self._say)
        self.map.place_requested.connect(self._place_chosen)
        self.unplaced.itemActivated.connect(
            lambda item: self.patch_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.unplaced.unplace_requested.connect(self.unplace)

    # -- contents --------------------------------------------------------------------------

    def quilt_id(self) -> int | None:
        return self.quilt.currentData()

    def filter_use(self) -> Use | None:
        value = self.filter.currentData()
        return Use(value) if value else None

    def choose_quilt(self, quilt_id: int) -> None:
        self.quilt.setCurrentIndex(max(0, self.quilt.findData(quilt_id)))

    def show_works(self, works: Works) -> None:
        self.data = works
        chosen = self._show_next or self.quilt_id()
        self._show_next = None
        self.quilt.blockSignals(True)
        self.quilt.clear()
        for quilt in works.quilts:
            self.quilt.addItem(
                self.tr("{0} ({1} × {2})").format(quilt.name, quilt.rows, quilt.columns), quilt.id
            )
        if chosen is not None and self.quilt.findData(chosen) >= 0:
            self.quilt.setCurrentIndex(self.quilt.findData(chosen))
        self.quilt.blockSignals(False)
        self.render_button.setEnabled(bool(works.quilts))
        self.unplaced.clear()
        for row in works.patches:
            if row.patch.position is None:
                item = QListWidgetItem(f"{row.patch.code} — {row.patch.title}")
                item.setData(Qt.ItemDataRole.UserRole, row.patch.id)
                item.setToolTip(row.maker)
                self.unplaced.addItem(item)
                if row.thumbnail is not None:
                    key = f"unplaced:{row.patch.front_photo_id}"
                    item.setData(Qt.ItemDataRole.UserRole + 1, key)
                    pixmap = self.list_loader.pixmap(key)
                    if pixmap is None:
                        self.list_loader.request(key, row.thumbnail)
                    else:
                        item.setIcon(QIcon(pixmap))
        self.read_grid()

    def _icon_loaded(self, key: str) -> None:
        pixmap = self.list_loader.pixmap(key)
        for n in range(self.unplaced.count()):
            item = self.unplaced.item(n)
            if pixmap is not None and item.data(Qt.ItemDataRole.UserRole + 1) == key:
                item.setIcon(QIcon(pixmap))

    def read_grid(self) -> None:
        self._generation += 1
        generation = self._generation
        quilt_id, use = self.quilt_id(), self.filter_use()
        if quilt_id is None:
            self.grid = None
            self.map.show_grid(None, filtered=False)
            self.summary.setText(self.tr("No quilts yet: New quilt… makes one."))
            return
        archive = self._archive

        def done(grid: QuiltGrid) -> None:
            if generation == self._generation:
                self.grid = grid
                self._fit_cells()
                self.map.show_grid(grid, filtered=use is not None)
                placed = len(grid.placed())
                text = self.tr("{0} of {1} cells hold a patch").format(placed, grid.quilt.cells)
                if use is not None:
                    refused = sum(1 for c in grid.placed() if not c.allowed)
                    text += self.tr(" · {0} not allowed for {1}, shown plain").format(
                        refused, use_name(use)
                    )
                self.summary.setText(text)

        run_task(lambda: quilt_grid(archive, quilt_id, use or Use.ARCHIVE), done, owner=self)

    def _fit_cells(self) -> None:
        if self.grid is None:
            return
        viewport = self.scroll.viewport().size()
        quilt = self.grid.quilt
        across = (viewport.width() - MARGIN - GAP) // quilt.columns - GAP
        down = (viewport.height() - MARGIN - GAP) // quilt.rows - GAP
        self.map.set_cell_size(max(MIN_CELL, min(MAX_CELL, across, max(down, MIN_CELL))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_cells()
        return super().eventFilter(watched, event)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    # -- changes ---------------------------------------------------------------------------

    def place(self, patch_id: int, row: int, column: int) -> None:
        quilt_id = self.quilt_id()
        if quilt_id is None:
            return
        outcome = self._works.place(patch_id, quilt_id, row, column)
        self._say("" if outcome.ok else outcome.error)

    def _place_chosen(self, row: int, column: int) -> None:
        """Enter on an empty cell places the patch chosen in the list of unplaced patches."""
        item = self.unplaced.currentItem()
        if item is None:
            self._say(self.tr("Choose a patch in “Not placed yet” first, then press Enter here."))
            return
        self.place(item.data(Qt.ItemDataRole.UserRole), row, column)

    def unplace(self, patch_id: int) -> None:
        outcome = self._works.unplace(patch_id)
        self._say("" if outcome.ok else outcome.error)

    def new_quilt(self) -> QuiltDialog:
        self.quilt_dialog = QuiltDialog(self._works, self)
        self.quilt_dialog.saved.connect(lambda quilt: setattr(self, "_show_next", quilt.id))
        self.quilt_dialog.open()
        return self.quilt_dialog

    def open_render(self) -> RenderDialog | None:
        quilt_id = self.quilt_id()
        if quilt_id is None:
            return None
        self.render_dialog = RenderDialog(self._archive, self._archive.quilts.get(quilt_id), self)
        self.render_dialog.open()
        return self.render_dialog
