"""Collections in the window: the Collection menu, the photo grid's context menu (add the
selected photos to a collection), the collection page, and the export dialog."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.errors import QuiltArchiveError
from ui.collections.dialogs import NEW_COLLECTION, ChooseCollectionDialog, NameDialog, chosen_use
from ui.collections.export_dialog import ExportDialog
from ui.collections.page import CollectionPage
from ui.resources import icon
from ui.window.places import ALL_PHOTOS, Place

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


class CollectionFlows(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.archive = window.archive
        self.page = CollectionPage(self.archive, window)
        self.name_dialog: NameDialog | None = None
        self.choose_dialog: ChooseCollectionDialog | None = None
        self.export_dialog: ExportDialog | None = None

        tr = window.tr
        self.new_collection = self._action(tr("&New Collection…"), "Ctrl+Alt+N", "collection")
        self.add_selected = self._action(tr("&Add Selected Photos to Collection…"), "Ctrl+Shift+K")
        self.export = self._action(tr("&Export Collection…"), "Ctrl+Shift+E")
        menu = QMenu(tr("Co&llection"), window)
        bar = window.menuBar()
        bar.insertMenu(bar.actions()[-1], menu)  # before Help
        menu.addActions([self.new_collection, self.add_selected])
        menu.addSeparator()
        menu.addAction(self.export)
        self.new_collection.triggered.connect(lambda: self.ask_new_collection())
        self.add_selected.triggered.connect(lambda: self.ask_add_selected())
        self.export.triggered.connect(self._export_current)

        grid = window.photos.grid
        grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        grid.customContextMenuRequested.connect(self._grid_menu)
        self.page.changed.connect(window.refresh_places)
        self.page.deleted.connect(lambda: window.sidebar.choose(ALL_PHOTOS))
        self.page.export_requested.connect(lambda collection_id: self.open_export(collection_id))
        self.page.failed.connect(window.show_problem)

    def _action(self, text: str, keys: str, icon_name: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        if icon_name:
            action.setIcon(icon(icon_name))
        self.window.addAction(action)
        return action

    def _selected(self) -> list[int]:
        return self.window.photos.grid.selected_ids() if self.window.place.shows_photos else []

    def show(self, collection_id: int) -> None:
        self.window.sidebar.choose_when_listed(Place("collection", collection_id))
        self.window.refresh_places()

    # -- making and filling ----------------------------------------------------------------

    def ask_new_collection(self, photo_ids: list[int] | None = None) -> NameDialog:
        dialog = NameDialog(self.window.tr("New Collection"), parent=self.window, with_use=True)

        def done() -> None:
            try:
                created = create_collection(
                    self.archive, dialog.name.text(), chosen_use(dialog.use)
                )
                if photo_ids:
                    add_items(self.archive, created.id, photo_ids)
            except QuiltArchiveError as error:
                self.window.show_problem(str(error))
                return
            self.show(created.id)

        dialog.accepted.connect(done)
        dialog.open()
        self.name_dialog = dialog
        return dialog

    def ask_add_selected(self) -> ChooseCollectionDialog | None:
        photo_ids = self._selected()
        if not photo_ids:
            self.window.show_problem(
                self.window.tr("Select the photos to add first, in a list of photos.")
            )
            return None
        dialog = ChooseCollectionDialog(self.archive.collections.all(), len(photo_ids), self.window)

        def done() -> None:
            chosen = dialog.chosen_id()
            if chosen == NEW_COLLECTION:
                try:
                    chosen = create_collection(self.archive, dialog.new_name.text()).id
                except QuiltArchiveError as error:
                    self.window.show_problem(str(error))
                    return
            self.add_photos(chosen, photo_ids)

        dialog.accepted.connect(done)
        dialog.open()
        self.choose_dialog = dialog
        return dialog

    def add_photos(self, collection_id: int, photo_ids: list[int]) -> None:
        try:
            added, _already = add_items(self.archive, collection_id, photo_ids)
        except QuiltArchiveError as error:
            self.window.show_problem(str(error))
            return
        name = self.archive.collections.get(collection_id).name
        self.window.statusBar().showMessage(
            self.window.tr("Added %n photo(s) to “{0}”.", "", len(added)).format(name), 6000
        )
        self.window.refresh_places()
        if self.page.collection_id == collection_id:
            self.page.reload()

    def _grid_menu(self, position: QPoint) -> QMenu | None:
        photo_ids = self._selected()
        if not photo_ids:
            return None
        menu = QMenu(self.window)
        add_to = menu.addMenu(self.window.tr("Add to Collection"))
        for found in self.archive.collections.all():
            action = add_to.addAction(found.name)
            action.triggered.connect(
                lambda _checked=False, cid=found.id: self.add_photos(cid, photo_ids)
            )
        add_to.addSeparator()
        new = add_to.addAction(self.window.tr("New Collection…"))
        new.triggered.connect(lambda: self.ask_new_collection(photo_ids))
        self.grid_menu = menu
        menu.popup(self.window.photos.grid.viewport().mapToGlobal(position))
        return menu

    # -- exporting -------------------------------------------------------------------------

    def _export_current(self) -> None:
        if self.window.place.kind == "collection" and self.window.place.id is not None:
            self.open_export(self.window.place.id)
        else:
            self.window.show_problem(
                self.window.tr("Open a collection in the sidebar first, then export it.")
            )

    def open_export(self, collection_id: int) -> ExportDialog | None:
        try:
            collection = self.archive.collections.get(collection_id)
        except QuiltArchiveError as error:
            self.window.show_problem(str(error))
            return None
        dialog = ExportDialog(self.archive, collection, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.done.connect(lambda _summary: self.page.reload())
        dialog.open()
        self.export_dialog = dialog
        return dialog
