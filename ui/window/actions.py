"""The window's actions and menus, with the platform's standard shortcuts."""

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.resources import icon

Key = QKeySequence.StandardKey


class Actions:
    """Every menu command of the main window; the window connects them to what they do."""

    def __init__(self, window: QMainWindow, undo: QAction, redo: QAction) -> None:
        self._window = window
        tr = window.tr
        make = self._make
        # File
        self.new_archive = make(tr("&New Archive…"), Key.New)
        self.open_archive = make(tr("&Open Archive…"), Key.Open)
        self.recent = QMenu(tr("Open &Recent"), window)
        self.import_photos = make(tr("&Import Photos…"), "Ctrl+Shift+I", "import")
        self.resume_import = make(tr("&Resume Import"))
        self.user_name = make(tr("Your &Name…"))
        self.close_window = make(tr("&Close Window"), Key.Close)
        self.quit = make(tr("&Quit"), Key.Quit)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        self.undo, self.redo = undo, redo
        undo.setShortcut(Key.Undo)
        redo.setShortcut(Key.Redo)
        self.select_all = make(tr("Select &All"), Key.SelectAll)
        self.find = make(tr("&Find…"), Key.Find, "search")
        # View
        self.zoom_in = make(tr("&Larger Thumbnails"), Key.ZoomIn)
        self.zoom_out = make(tr("&Smaller Thumbnails"), Key.ZoomOut)
        self.show_filters = make(tr("Show &Filters"), "Ctrl+Shift+F", "filter")
        self.show_filters.setCheckable(True)
        self.show_details = make(tr("Show &Details Pane"), "Ctrl+Shift+D")
        self.show_details.setCheckable(True)
        self.show_details.setChecked(True)
        self.go_places = make(tr("Go to &Places"), "Ctrl+1")
        self.go_photos = make(tr("Go to P&hotos"), "Ctrl+2")
        self.go_details = make(tr("Go to D&etails"), "Ctrl+3")
        # Photo
        self.review = make(tr("&Who Is in It…"), "Ctrl+E", "review")
        self.mark_reviewed = make(tr("Mark &Reviewed"), "Ctrl+Shift+R")
        self.mark_no_people = make(tr("Mark &No Identifiable People"))
        self.withhold = make(tr("&Withhold"), "Ctrl+Shift+W", "withheld")
        self.release = make(tr("R&elease"))
        self.history = make(tr("&History…"), "Ctrl+Shift+H")
        # People
        self.people = make(tr("Show &People"), "Ctrl+Shift+P", "people")
        self.new_person = make(tr("&New Person…"), "Ctrl+Shift+N", "add-person")
        self.expiring = make(tr("Consent &Expiring"), icon_name="expiring")
        self.needs_review = make(tr("Needs &Review"), icon_name="needs-review")
        # Archive
        self.events = make(tr("&Events…"), icon_name="event")
        self.check_archive = make(tr("&Check Archive…"))
        self.audit_trail = make(tr("&Audit Trail…"))
        self.publication_ledger = make(tr("&Publication Ledger…"))
        self.rebuild_cache = make(tr("&Rebuild Thumbnails…"))
        self.archive_settings = make(tr("Archive &Settings…"))
        self.archive_settings.setMenuRole(QAction.MenuRole.NoRole)
        # Help
        self.about = make(tr("&About QuiltArchive"))
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = make(tr("About &Qt"))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)
        self._menus(tr)

    def _make(
        self, text: str, keys: QKeySequence.StandardKey | str | None = None, icon_name: str = ""
    ) -> QAction:
        action = QAction(text, self._window)
        if keys is not None:
            action.setShortcut(
                keys if isinstance(keys, QKeySequence.StandardKey) else QKeySequence(keys)
            )
        if icon_name:
            action.setIcon(icon(icon_name))
        self._window.addAction(action)
        return action

    def _menus(self, tr: Callable[[str], str]) -> None:
        bar = self._window.menuBar()
        file = bar.addMenu(tr("&File"))
        file.addActions([self.new_archive, self.open_archive])
        file.addMenu(self.recent)
        file.addSeparator()
        file.addActions([self.import_photos, self.resume_import])
        file.addSeparator()
        file.addAction(self.user_name)
        file.addSeparator()
        file.addActions([self.close_window, self.quit])
        edit = bar.addMenu(tr("&Edit"))
        edit.addActions([self.undo, self.redo])
        edit.addSeparator()
        edit.addActions([self.select_all, self.find])
        view = bar.addMenu(tr("&View"))
        view.addActions([self.zoom_in, self.zoom_out])
        view.addSeparator()
        view.addActions([self.show_filters, self.show_details])
        view.addSeparator()
        view.addActions([self.go_places, self.go_photos, self.go_details])
        photo = bar.addMenu(tr("&Photo"))
        photo.addActions([self.review, self.mark_reviewed, self.mark_no_people])
        photo.addSeparator()
        photo.addActions([self.withhold, self.release])
        photo.addSeparator()
        photo.addAction(self.history)
        people = bar.addMenu(tr("Pe&ople"))
        people.addActions([self.people, self.new_person])
        people.addSeparator()
        people.addActions([self.needs_review, self.expiring])
        archive = bar.addMenu(tr("&Archive"))
        archive.addAction(self.events)
        archive.addSeparator()
        archive.addActions([self.check_archive, self.audit_trail, self.publication_ledger])
        archive.addAction(self.rebuild_cache)
        archive.addSeparator()
        archive.addAction(self.archive_settings)
        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addActions([self.about, self.about_qt])
