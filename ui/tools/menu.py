"""The Archive menu (events, check, audit trail, publication ledger, thumbnails, settings) and
Photo → History, wired to their dialogs. Each dialog is kept as an attribute while open, so it
is found again."""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from ui.tools.audit_dialog import AuditTrailDialog
from ui.tools.check_dialog import CheckDialog
from ui.tools.events_dialog import EventsDialog
from ui.tools.ledger_dialog import LedgerDialog
from ui.tools.rebuild_dialog import RebuildDialog
from ui.tools.settings_dialog import ArchiveSettingsDialog
from ui.window.places import Place

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


class ArchiveTools(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window
        self.check: CheckDialog | None = None
        self.audit: AuditTrailDialog | None = None
        self.settings: ArchiveSettingsDialog | None = None
        self.rebuild: RebuildDialog | None = None
        self.events: EventsDialog | None = None
        self.ledger: LedgerDialog | None = None
        actions = window.menu_actions
        actions.check_archive.triggered.connect(self.open_check)
        actions.audit_trail.triggered.connect(self.open_audit)
        actions.publication_ledger.triggered.connect(lambda: self.open_ledger())
        actions.history.triggered.connect(self.open_history)
        actions.archive_settings.triggered.connect(self.open_settings)
        actions.rebuild_cache.triggered.connect(self.open_rebuild)
        actions.events.triggered.connect(self.open_events)
        window.edits.changed.connect(lambda change: change.places and window.refresh_places())
        window.photos.grid.selectionModel().selectionChanged.connect(self._selection)
        self._selection()

    def _selection(self, *_args: object) -> None:
        self._window.menu_actions.history.setEnabled(
            len(self._window.photos.grid.selected_ids()) == 1
        )

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def open_check(self) -> CheckDialog:
        self.check = CheckDialog(self._window.archive, self._window)
        self._show(self.check)
        return self.check

    def open_audit(self) -> AuditTrailDialog:
        self.audit = AuditTrailDialog(self._window.archive, self._window)
        self._show(self.audit)
        return self.audit

    def open_ledger(self, person_id: int | None = None) -> LedgerDialog:
        """The publication ledger; given a person, only the exports holding them."""
        self.ledger = LedgerDialog(self._window.archive, self._window)
        if person_id is not None:
            name = self._window.archive.people.get(person_id).name
            self.ledger.setWindowTitle(self.tr("Where {0}'s photos have gone").format(name))
            self.ledger.show_person(person_id)
        self._show(self.ledger)
        return self.ledger

    def open_history(self) -> AuditTrailDialog | None:
        ids = self._window.photos.grid.selected_ids()
        if len(ids) != 1:
            return None
        dialog = self.open_audit()
        dialog.setWindowTitle(self.tr("History of photo {0}").format(ids[0]))
        dialog.show_record("photo", ids[0])
        return dialog

    def open_events(self) -> EventsDialog:
        self.events = EventsDialog(self._window.archive, self._window.edits, self._window)
        self.events.show_requested.connect(self._show_event)
        self._show(self.events)
        return self.events

    def _show_event(self, event_id: int) -> None:
        self._window.sidebar.choose_when_listed(Place("event", event_id))
        self._window.activateWindow()

    def open_settings(self) -> ArchiveSettingsDialog:
        self.settings = ArchiveSettingsDialog(
            self._window.archive, self._window.edits, self._window
        )
        self._show(self.settings)
        return self.settings

    def open_rebuild(self) -> RebuildDialog | None:
        answer = QMessageBox.question(
            self._window,
            self.tr("Rebuild thumbnails"),
            self.tr(
                "Make only the thumbnails and previews that are missing? "
                "No makes every one again from the originals, which takes longer."
            ),
            QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Cancel:
            return None
        only_missing = answer == QMessageBox.StandardButton.Yes
        if self.rebuild is not None and self.rebuild.done:
            self.rebuild.deleteLater()  # (closing it only hides it: it is the progress dialog)
        self.rebuild = RebuildDialog(self._window.archive, only_missing, self._window)
        self.rebuild.show()
        return self.rebuild
