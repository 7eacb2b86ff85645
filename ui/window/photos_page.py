"""The centre of the window for photo lists: a header, the filter bar and the grid."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from ui import text
from ui.background import run_task
from ui.consent_status import ConsentStatus
from ui.grid.model import PhotoGridModel
from ui.grid.sources import PhotoListRequest, photo_ids
from ui.grid.thumbnails import ThumbnailLoader
from ui.grid.view import PhotoGridView
from ui.window.places import ALL_PHOTOS, Place
from ui.window.search_bar import FilterBar


class PhotosPage(QWidget):
    loaded = Signal()  # the grid shows the photos asked for
    review_requested = Signal()  # "Review these photos…"

    def __init__(
        self,
        archive: Archive,
        status: ConsentStatus,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        self._status = status
        self.place: Place = ALL_PHOTOS
        self.search_text = ""
        self._generation = 0
        self._waiting: PhotoListRequest | None = None
        self.model = PhotoGridModel(archive, status, loader, self)
        self.grid = PhotoGridView(self.model, loader, self)
        self.grid.setObjectName("photoGrid")
        self.grid.setAccessibleName(self.tr("Photos"))
        self.filters = FilterBar(self)
        self.filters.setVisible(False)
        self.filters.changed.connect(self.reload)

        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        self.review_button = QPushButton(self.tr("Review these photos…"), self)
        self.review_button.setAccessibleName(self.tr("Review these photos"))
        self.review_button.clicked.connect(self.review_requested)
        header = QHBoxLayout()
        header.setContentsMargins(12, 8, 12, 6)
        header.setSpacing(12)
        header.addWidget(self.title)
        header.addWidget(self.count)
        header.addStretch(1)
        header.addWidget(self.review_button)

        self.empty = QLabel(self)
        self.empty.setProperty("role", "empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.stack, 1)
        self.setFocusProxy(self.grid)
        status.changed.connect(self._overview_arrived)
        status.lists_changed.connect(self._overview_arrived)
        status.use_changed.connect(self._use_changed)

    # -- what to show ----------------------------------------------------------------------

    def show_place(self, place: Place) -> None:
        self.place = place
        self.title.setText(place.title or self.tr("All photos"))
        self.review_button.setVisible(place.kind in ("needs-review", "event", "import"))
        self.reload()

    def set_search(self, text: str) -> None:
        if text != self.search_text:
            self.search_text = text
            self.reload()

    def request(self) -> PhotoListRequest:
        return PhotoListRequest(
            place=self.place,
            query=self.filters.query(self.search_text),
            badge=self.filters.badge(),
            ready_use=self.filters.ready_use(),
            use=self._status.use,
        )

    def reload(self) -> None:
        """Work out the list again in the background; the newest request wins."""
        self._generation += 1
        generation = self._generation
        request = self.request()
        archive, status = self._archive, self._status
        overview, needs_review = status.overview, status.needs_review
        self.count.setText(self.tr("Looking…"))

        def found(ids: list[int] | None) -> None:
            if generation != self._generation:
                return
            if ids is None:
                self._waiting = request
                self.count.setText(self.tr("Checking consent…"))
                return
            self._waiting = None
            self._show(ids)

        run_task(
            lambda: photo_ids(archive, request, overview, needs_review),
            found,
            owner=self,
        )

    def _show(self, ids: list[int]) -> None:
        keep = self.grid.current_id()
        self.model.set_ids(ids)
        self.count.setText(text.photos(len(ids)))
        searching = bool(self.search_text) or self.filters.active
        if ids:
            self.stack.setCurrentWidget(self.grid)
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None:
                self.grid.setCurrentIndex(self.model.index(row))
        else:
            self.empty.setText(self._empty_text(searching))
            self.stack.setCurrentWidget(self.empty)
        self.loaded.emit()

    def _empty_text(self, searching: bool) -> str:
        if searching:
            return self.tr("No photos match the search and filters.")
        kind = self.place.kind
        if kind == "all":
            return self.tr(
                "No photos yet.\n\nImport photos from a camera card or phone with "
                "File → Import Photos…, or drag a folder onto this window."
            )
        if kind == "needs-review":
            return self.tr("Nothing needs review. Every photo has been reviewed.")
        if kind == "withheld":
            return self.tr("No photo is withheld.")
        if kind == "ready":
            return self.tr("No photo is ready for this use yet.")
        if kind == "collection":
            return self.tr("This collection is empty.")
        if kind == "import":
            return self.tr("None of the photos this import brought in is in the archive now.")
        return self.tr("No photos here yet.")

    def _overview_arrived(self) -> None:
        if self._waiting is not None:
            self.reload()

    def _use_changed(self) -> None:
        self.filters.set_check_use(self._status.use)
        if self.request().needs_overview:
            self.reload()
