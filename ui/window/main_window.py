"""The main window: places on the left, photos (or people) in the centre, details on the right.

It puts the parts together and wires them; each part lives in its own module.
"""

import shiboken6
from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QSlider,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.overview import OUTSIDE_USES
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState
from ui import background, settings, text
from ui.collections.flows import CollectionFlows
from ui.consent_status import ConsentStatus, use_name
from ui.detail.pane import DetailPane
from ui.dialogs.about import show_about
from ui.edits import Change, Edits, Outcome
from ui.grid.thumbnails import ThumbnailLoader
from ui.grid.view import MAX_TILE, MIN_TILE
from ui.importing.controller import ImportController
from ui.people.expiring_page import ExpiringPage
from ui.people.flows import PeopleFlows
from ui.people.people_page import PeoplePage
from ui.people.person_page import PersonPage
from ui.resources import icon
from ui.review.viewer import ReviewViewer
from ui.tools.menu import ArchiveTools
from ui.window.actions import Actions
from ui.window.patches_page import PatchesPage
from ui.window.photos_page import PhotosPage
from ui.window.places import (
    ALL_PHOTOS,
    EXPIRING,
    NEEDS_REVIEW,
    PATCHES,
    PEOPLE,
    WITHHELD,
    Place,
)
from ui.window.search_bar import SearchField
from ui.window.sidebar import Sidebar
from ui.works.matches_bar import WorkMatchesBar

LIVE_IMPORT_REFRESH_MS = 1500


class MainWindow(QMainWindow):
    archive_requested = Signal(str)  # "new", "open" or a folder: the application switches

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("QuiltArchive — {0}").format(archive.layout.root.name))
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self.edits = Edits(archive, self)
        self.status = ConsentStatus(archive, _use(settings.CHECK_USE.read()), self)
        self.loader = ThumbnailLoader(self)
        self.imports = ImportController(archive, self)
        self.flows = PeopleFlows(archive, self.edits, self)
        self.viewer: ReviewViewer | None = None
        self.place: Place = Place("none")
        self._shown_before = False

        undo = self.edits.stack.createUndoAction(self, self.tr("&Undo"))
        redo = self.edits.stack.createRedoAction(self, self.tr("&Redo"))
        self.menu_actions = Actions(self, undo, redo)
        self._build()
        self._connect()
        self.tools = ArchiveTools(self)
        self.collections = CollectionFlows(self)
        self.pages.addWidget(self.collections.page)
        self._restore_state()
        self.refresh_places()
        self.sidebar.choose(ALL_PHOTOS)
        self.status.refresh_all()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = Sidebar(self)
        self.photos = PhotosPage(self.archive, self.status, self.loader, self)
        self.people = PeoplePage(self.archive, self)
        self.person = PersonPage(self.archive, self.edits, self.status, self.loader, self)
        self.expiring = ExpiringPage(self.status, self)
        self.patches = PatchesPage(self.archive, self.edits, self)
        self.work_matches = WorkMatchesBar(self.archive, self.photos)
        self.photos.layout().insertWidget(1, self.work_matches)
        self.pages = QStackedWidget(self)
        for page in (self.photos, self.people, self.person, self.expiring, self.patches):
            self.pages.addWidget(page)
        self.details = DetailPane(self.archive, self.edits, self.status, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([290, 750, 360])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.menu_actions.import_photos)
        toolbar.addAction(self.menu_actions.review)
        toolbar.addSeparator()
        self.search = SearchField(self)
        toolbar.addWidget(self.search)
        toolbar.addAction(self.menu_actions.show_filters)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        badge_label = QLabel(self.tr("Badges show:"), self)
        self.check_use = QComboBox(self)
        self.check_use.setAccessibleName(self.tr("Use the badges answer for"))
        for use in OUTSIDE_USES:
            self.check_use.addItem(self.tr("ready for {0}").format(use_name(use)), use.value)
        self.check_use.setCurrentIndex(max(0, self.check_use.findData(self.status.use.value)))
        badge_label.setBuddy(self.check_use)
        toolbar.addWidget(badge_label)
        toolbar.addWidget(self.check_use)
        self.addToolBar(toolbar)

        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Photo count"))
        self.activity = QLabel(self)
        self.activity.setAccessibleName(self.tr("Background work"))
        self.zoom = QSlider(Qt.Orientation.Horizontal, self)
        self.zoom.setAccessibleName(self.tr("Thumbnail size"))
        self.zoom.setRange(MIN_TILE, MAX_TILE)
        self.zoom.setSingleStep(8)
        self.zoom.setPageStep(32)
        self.zoom.setFixedWidth(140)
        self.zoom.setValue(settings.ZOOM.read())
        self.statusBar().addWidget(self.count)
        self.statusBar().addWidget(self.activity, 1)
        self.zoom_label = QLabel(self.tr("Size"), self)
        self.zoom_label.setBuddy(self.zoom)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.zoom)
        self.photos.grid.set_tile_size(self.zoom.value())
        self._pending_selection: list[int] = []
        self._selection_timer = QTimer(self, singleShot=True, interval=80)
        self._selection_timer.timeout.connect(
            lambda: self.details.show_selection(self._pending_selection)
        )
        self._live_refresh = QTimer(self, singleShot=True, interval=LIVE_IMPORT_REFRESH_MS)
        self._live_refresh.timeout.connect(self.photos.reload)

    def _connect(self) -> None:
        a = self.menu_actions
        a.new_archive.triggered.connect(lambda: self.archive_requested.emit("new"))
        a.open_archive.triggered.connect(lambda: self.archive_requested.emit("open"))
        a.import_photos.triggered.connect(self._choose_import)
        a.resume_import.triggered.connect(self.imports.resume)
        a.close_window.triggered.connect(self.close)
        a.quit.triggered.connect(self.close)
        a.select_all.triggered.connect(self._select_all)
        a.find.triggered.connect(self._find)
        a.zoom_in.triggered.connect(lambda: self.zoom.setValue(self.zoom.value() + 32))
        a.zoom_out.triggered.connect(lambda: self.zoom.setValue(self.zoom.value() - 32))
        a.show_filters.toggled.connect(self.photos.filters.setVisible)
        a.show_details.toggled.connect(self._show_details)
        a.go_places.triggered.connect(self.sidebar.setFocus)
        a.go_photos.triggered.connect(lambda: self.pages.currentWidget().setFocus())
        a.go_details.triggered.connect(self.details.setFocus)
        a.review.triggered.connect(self.review_selection)
        a.mark_reviewed.triggered.connect(lambda: self._review_state(ReviewState.REVIEWED))
        a.mark_no_people.triggered.connect(lambda: self._review_state(ReviewState.NO_PEOPLE))
        a.withhold.triggered.connect(lambda: self._withheld(True))
        a.release.triggered.connect(lambda: self._withheld(False))
        a.people.triggered.connect(lambda: self.sidebar.choose(PEOPLE))
        a.new_person.triggered.connect(self.flows.new_person)
        a.needs_review.triggered.connect(lambda: self.sidebar.choose(NEEDS_REVIEW))
        a.expiring.triggered.connect(lambda: self.sidebar.choose(EXPIRING))
        a.about.triggered.connect(self._about)
        a.about_qt.triggered.connect(lambda: QMessageBox.aboutQt(self, self.tr("About Qt")))

        self.sidebar.place_chosen.connect(self.go)
        self.search.search_changed.connect(self._search)
        self.check_use.currentIndexChanged.connect(self._check_use_chosen)
        self.zoom.valueChanged.connect(self._zoom)
        self.pages.currentChanged.connect(self._page_changed)
        grid = self.photos.grid
        grid.selectionModel().selectionChanged.connect(self._selection_changed)
        grid.activated.connect(lambda _index: self.review_selection())
        self.photos.model.modelReset.connect(self._selection_changed)
        self.photos.loaded.connect(self._count_changed)
        self.photos.review_requested.connect(self._review_list)
        self.details.person_requested.connect(self.open_person)
        self.details.review_requested.connect(self.review_selection)
        self.details.failed.connect(self.show_problem)
        self.people.person_requested.connect(self.open_person)
        self.people.new_person_requested.connect(self.flows.new_person)
        self.expiring.person_requested.connect(self.open_person)
        self.work_matches.patch_requested.connect(lambda i: self._open_work("patch", i))
        self.work_matches.story_requested.connect(lambda i: self._open_work("story", i))
        self.person.back_requested.connect(lambda: self.sidebar.choose(PEOPLE))
        self.person.person_requested.connect(self.open_person)
        self.person.review_requested.connect(self.open_review)
        self.person.edit_requested.connect(self.flows.edit_person)
        self.person.consent_requested.connect(self.flows.record_consent)
        self.person.withdraw_requested.connect(self.flows.withdraw)
        self.person.guardian_requested.connect(self.flows.add_guardian)
        self.person.export_requested.connect(self.flows.export_person)
        self.person.forget_requested.connect(self.flows.forget)
        self.person.ledger_requested.connect(lambda person_id: self.tools.open_ledger(person_id))
        self.flows.person_forgotten.connect(self._person_forgotten)
        self.flows.person_saved.connect(lambda person: self.open_person(person.id))
        self.flows.consent_recorded.connect(lambda r: self.person.show_warnings(r.warnings))
        self.flows.message.connect(lambda text: text and self.show_problem(text))
        self.edits.changed.connect(self._edited)
        self.edits.failed.connect(self.show_problem)
        self.status.changed.connect(self._status_changed)
        self.status.lists_changed.connect(self._status_changed)
        self.imports.started.connect(lambda: self._activity(self.tr("Importing…")))
        self.imports.photos_arrived.connect(self._photos_arrived)
        self.imports.finished.connect(self._import_finished)
        self.imports.show_requested.connect(self._show_imported)
        self.imports.failed.connect(self.show_problem)

    # -- places ----------------------------------------------------------------------------

    def go(self, place: Place) -> None:
        same = place.same_as(self.place) and self._page_for(place) is self.pages.currentWidget()
        self.place = place
        if same:
            return
        page = self._page_for(place)
        self.pages.setCurrentWidget(page)
        self.details.setVisible(place.shows_photos and self.menu_actions.show_details.isChecked())
        if place.shows_photos:
            self.photos.show_place(place)
        elif place.kind == "people":
            self.people.reload()
        elif place.kind == "expiring":
            self.expiring.refresh()
        elif place.kind == "patches":
            self.patches.reload()
        elif place.kind == "collection" and place.id is not None:
            self.collections.page.show_collection(place.id)
        self._count_changed()

    def _page_for(self, place: Place) -> QWidget:
        if place.shows_photos:
            return self.photos
        if place.kind == "collection":
            return self.collections.page
        return {"people": self.people, "expiring": self.expiring, "patches": self.patches}.get(
            place.kind, self.person
        )

    def _open_work(self, kind: str, record_id: int) -> None:
        self.sidebar.choose(PATCHES)
        self.patches.open_later(kind, record_id)

    def open_person(self, person_id: int) -> None:
        if self.person.show_person(person_id):
            self.place = Place("person", person_id)
            self._leave_sidebar()
            self.pages.setCurrentWidget(self.person)
            self.details.setVisible(False)
            self.person.setFocus()
            self._count_changed()

    def refresh_places(self) -> None:
        """Events, collections and counts for the sidebar and filters, read in the background."""
        archive = self.archive

        def read() -> tuple:
            return (
                archive.events.list(),
                archive.collections.all(),
                archive.photos.count(),
                archive.people.names(),
            )

        background.run_task(read, self._places_read, owner=self)

    def _places_read(self, found: tuple) -> None:
        events, collections, count, people = found
        self.sidebar.set_events(events)
        self.sidebar.set_collections(collections)
        self.sidebar.set_count(ALL_PHOTOS, count)
        self.photos.filters.set_events(events)
        self.photos.filters.set_people(people)

    def _status_changed(self) -> None:
        overview = self.status.overview
        if overview is not None:
            for use in (Use.WEB, Use.PRINT, Use.SOCIAL, Use.PRESS):
                self.sidebar.set_count(Place("ready", use=use), len(overview.allowed[use]))
            self.sidebar.set_count(WITHHELD, len(overview.withheld))
        if self.status.needs_review is not None:
            self.sidebar.set_count(NEEDS_REVIEW, len(self.status.needs_review))
        if self.status.expiring is not None:
            self.sidebar.set_count(EXPIRING, len(self.status.expiring))
        self._activity(
            "" if self.status.ready and not self.imports.running else self.activity.text()
        )
        self._selection_changed()

    # -- the photos ------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        if not self.place.shows_photos:
            self.sidebar.choose(ALL_PHOTOS)
        self.photos.set_search(text)
        self.work_matches.search(text)

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _select_all(self) -> None:
        """Select All selects the text being typed in, else every photo shown."""
        widget = self.focusWidget()
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.selectAll()
        elif self.place.shows_photos:
            self.photos.grid.selectAll()

    def _selection_changed(self, *_args: object) -> None:
        ids = self.photos.grid.selected_ids() if self.place.shows_photos else []
        if len(ids) > 1:
            # A rubber band or Shift+arrows changes the selection many times a second.
            self._pending_selection = ids
            self._selection_timer.start()
        else:
            self._selection_timer.stop()
            self.details.show_selection(ids)
        has = bool(ids)
        for action in (
            self.menu_actions.review,
            self.menu_actions.mark_reviewed,
            self.menu_actions.mark_no_people,
            self.menu_actions.withhold,
            self.menu_actions.release,
        ):
            action.setEnabled(has)
        self._count_changed()

    def _count_changed(self) -> None:
        if not self.place.shows_photos:
            self.count.setText("")
            return
        total = self.photos.model.rowCount()
        chosen = self.photos.grid.selected_count()
        words = self.tr("{0} photos").format(f"{total:,}")
        if chosen:
            words += " · " + self.tr("{0} selected").format(f"{chosen:,}")
        self.count.setText(words)

    def _page_changed(self) -> None:
        """Thumbnail size belongs to the photo grid: elsewhere it is neither shown nor offered."""
        on_grid = self.pages.currentWidget() is self.photos
        for widget in (self.zoom_label, self.zoom):
            widget.setVisible(on_grid)
        self.menu_actions.zoom_in.setEnabled(on_grid)
        self.menu_actions.zoom_out.setEnabled(on_grid)

    def _zoom(self, size: int) -> None:
        self.photos.grid.set_tile_size(size)
        settings.ZOOM.write(size)

    def _check_use_chosen(self, _index: int) -> None:
        use = _use(self.check_use.currentData())
        settings.CHECK_USE.write(use.value)
        self.status.set_use(use)

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown and self.place.shows_photos)

    # -- editing ---------------------------------------------------------------------------

    def review_selection(self) -> None:
        grid = self.photos.grid
        ids = grid.selected_ids()
        if len(ids) > 1:
            self.open_review(ids, 0)
            return
        current = grid.currentIndex()
        if current.isValid():
            self.open_review(self.photos.model.ids, current.row())

    def _review_list(self) -> None:
        if self.photos.model.ids:
            self.open_review(self.photos.model.ids, 0)

    def open_review(self, photo_ids: list[int], start: int) -> ReviewViewer:
        if self.viewer is not None and shiboken6.isValid(self.viewer):
            self.viewer.close()
        self.viewer = ReviewViewer(self.archive, self.edits, photo_ids, start, self)
        self.viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.viewer.photo_shown.connect(self._follow_viewer)
        self.viewer.show()
        self.viewer.raise_()
        self.viewer.activateWindow()
        return self.viewer

    def _follow_viewer(self, photo_id: int) -> None:
        row = self.photos.model.row_of(photo_id)
        if row is not None and self.place.shows_photos:
            self.photos.grid.setCurrentIndex(self.photos.model.index(row))

    def _review_state(self, state: ReviewState) -> None:
        self._report(self.edits.set_review_state(self.photos.grid.selected_ids(), state))

    def _withheld(self, withheld: bool) -> None:
        self._report(self.edits.set_withheld(self.photos.grid.selected_ids(), withheld))

    def _report(self, outcome: Outcome) -> None:
        if not outcome.ok:
            self.show_problem(outcome.error)

    def _edited(self, change: Change) -> None:
        self.status.edited(change)
        self.photos.model.reload_photos(change.photo_ids)
        if change.person_ids:
            self.refresh_places()
            if self.place.kind == "people":
                self.people.reload()
        if self.place.shows_photos:
            self.details.refresh()

    def _person_forgotten(self, _report: object) -> None:
        # An erasure cannot be undone, and earlier edits may refer to what it removed.
        self.edits.stack.clear()
        self.status.refresh_all()
        self.photos.reload()
        self.refresh_places()
        self.sidebar.choose(PEOPLE)
        self.people.reload()

    def show_problem(self, message: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("QuiltArchive"), message, parent=self)
        box.open()
        self.problem = box
        return box

    def _about(self) -> None:
        self.about_box = show_about(self, str(self.archive.layout.root), self.archive.user)

    def _activity(self, text: str) -> None:
        self.activity.setText(text)

    # -- importing -------------------------------------------------------------------------

    def import_paths(self, paths: list[str]) -> None:
        self.imports.choose(paths)

    def _choose_import(self) -> None:
        """File → Import Photos: a folder or camera card first, then the import's details."""
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("The folder or camera card to import from")
        )
        if folder:
            self.import_paths([folder])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def _photos_arrived(self) -> None:
        if not self._live_refresh.isActive():
            self._live_refresh.start()

    def _import_finished(self, _summary: object, _event_id: int | None) -> None:
        self._live_refresh.stop()
        self._activity("")
        self.refresh_places()
        self.status.refresh_all()
        self.photos.reload()

    def _show_imported(self, batch_id: int) -> None:
        """The photos one import brought in, whatever event they went into."""
        batch = self.archive.imports.get_batch(batch_id)
        title = self.tr("Photos imported {0}").format(text.local_time(batch.started_at))
        self._leave_sidebar()
        self.go(Place("import", batch_id, title=title))

    def _leave_sidebar(self) -> None:
        """For places the sidebar does not list (a person, an import): nothing is marked."""
        self.sidebar.clearSelection()
        self.sidebar.setCurrentIndex(self.sidebar.currentIndex().sibling(-1, -1))

    # -- saving state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.read()
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = settings.WINDOW_STATE.read()
        if not state.isEmpty():
            self.restoreState(state)
        filters = settings.FILTERS_VISIBLE.read()
        self.menu_actions.show_filters.setChecked(filters)
        self.photos.filters.setVisible(filters)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_before:
            self._shown_before = True
            # Once the window has its size: the panes' widths are kept as they were left.
            QTimer.singleShot(0, self._restore_splitter)

    def _restore_splitter(self) -> None:
        splitter = settings.SPLITTER_STATE.read()
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_STATE.write(self.saveState())
        settings.SPLITTER_STATE.write(QByteArray(self.splitter.saveState()))
        settings.FILTERS_VISIBLE.write(self.menu_actions.show_filters.isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.imports.running:
            answer = QMessageBox.question(
                self,
                self.tr("An import is running"),
                self.tr(
                    "Stop the import after the files in progress and close? "
                    "File → Resume Import carries on later."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            self.imports.cancel()
        self.details.single.description.save()
        self.save_state()
        self.status.shutdown()
        background.drain()
        super().closeEvent(event)


def _use(value: str) -> Use:
    try:
        use = Use(value)
    except ValueError:
        return Use.WEB
    return use if use is not Use.ARCHIVE else Use.WEB
