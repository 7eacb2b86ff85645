"""Archive → Events: the workshops and other occasions, with their photo counts; a new one
recorded, or one's name, date and venue corrected (undoable, on the audit trail)."""

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.model.event import Event
from ui import background, text
from ui.dialogs.form_parts import close_only, save_cancel
from ui.edits import Edits
from ui.style import mark
from ui.tables import Column, RecordTableModel, table_view


def _day(held_on: str | None) -> str:
    try:
        return text.day(date.fromisoformat(held_on)) if held_on else ""
    except ValueError:
        return held_on or ""


class EventForm(QDialog):
    """One event's name, day and venue; closed by whoever saves it, once the archive agrees."""

    save_requested = Signal()

    def __init__(self, event: Event | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = self.tr("New event") if event is None else self.tr("Change event")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.name = QLineEdit(event.name if event else "", self)
        self.name.setAccessibleName(self.tr("Event name"))
        self.name.setPlaceholderText(self.tr("for example Burnt Oak quilt workshop"))
        self.dated = QCheckBox(self.tr("Held &on"), self)
        self.dated.setAccessibleName(self.tr("The day is known"))
        self.held_on = QDateEdit(self)
        self.held_on.setAccessibleName(self.tr("Day it was held"))
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("d MMMM yyyy")
        known = event.held_on if event else None
        self.held_on.setDate(
            QDate.fromString(known, "yyyy-MM-dd") if known else QDate.currentDate()
        )
        self.dated.setChecked(bool(known) or event is None)
        self.held_on.setEnabled(self.dated.isChecked())
        self.dated.toggled.connect(self.held_on.setEnabled)
        self.venue = QLineEdit(event.venue if event else "", self)
        self.venue.setAccessibleName(self.tr("Venue"))
        self.venue.setPlaceholderText(self.tr("for example Burnt Oak Library"))
        self.error = QLabel(self)
        self.error.setAccessibleName(self.tr("Problem with the event"))
        self.error.setWordWrap(True)
        mark(self.error, "role", "error")
        self.error.hide()
        buttons, self.save_button = save_cancel(self, self.save_requested.emit)
        self.name.textChanged.connect(
            lambda typed: self.save_button.setEnabled(bool(typed.strip()))
        )
        self.save_button.setEnabled(bool(self.name.text().strip()))
        day = QHBoxLayout()
        day.addWidget(self.dated)
        day.addWidget(self.held_on, 1)
        form = QFormLayout()
        name_label = QLabel(self.tr("&Name"), self)
        name_label.setBuddy(self.name)
        venue_label = QLabel(self.tr("&Venue"), self)
        venue_label.setBuddy(self.venue)
        form.addRow(name_label, self.name)
        form.addRow("", day)
        form.addRow(venue_label, self.venue)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def chosen_day(self) -> str | None:
        if not self.dated.isChecked():
            return None
        return self.held_on.date().toString("yyyy-MM-dd")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class EventsDialog(QDialog):
    show_requested = Signal(int)  # an event's id: show its photos

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._edits = archive, edits
        self.form: EventForm | None = None
        self.setWindowTitle(self.tr("Events"))
        self.setAccessibleName(self.tr("Events"))
        self.model: RecordTableModel[Event] = RecordTableModel(
            [
                Column(self.tr("Event"), lambda e: e.name),
                Column(self.tr("Held on"), lambda e: _day(e.held_on)),
                Column(self.tr("Venue"), lambda e: e.venue),
                Column(self.tr("Photos"), lambda e: f"{e.photo_count:,}", numeric=True),
            ],
            self,
        )
        self.table = table_view(self.tr("Events"), self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(self.tr("&New Event…"), self)
        self.new_button.setAccessibleName(self.tr("New event"))
        self.edit_button = QPushButton(self.tr("&Change…"), self)
        self.edit_button.setAccessibleName(self.tr("Change the chosen event"))
        self.show_button = QPushButton(self.tr("&Show Photos"), self)
        self.show_button.setAccessibleName(self.tr("Show the chosen event's photos"))
        buttons = close_only(self)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(720, 440)

        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_event)
        self.show_button.clicked.connect(self._show_photos)
        self.table.activated.connect(lambda _index: self.edit_event())
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        edits.changed.connect(lambda change: change.places and self.reload())
        self.loaded = False
        self._chosen()
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        archive = self._archive
        background.run_task(lambda: archive.events.list(), self._listed, owner=self)

    def _listed(self, events: list[Event]) -> None:
        chosen = self.chosen()
        self.model.set_rows(events)
        for row, event in enumerate(events):
            if chosen is not None and event.id == chosen.id:
                self.table.selectRow(row)
        self._chosen()
        self.loaded = True

    def chosen(self) -> Event | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _chosen(self, *_args: object) -> None:
        has = self.chosen() is not None
        self.edit_button.setEnabled(has)
        self.show_button.setEnabled(has)

    def new_event(self) -> EventForm:
        return self._open_form(None)

    def edit_event(self) -> EventForm | None:
        event = self.chosen()
        return self._open_form(event) if event is not None else None

    def _open_form(self, event: Event | None) -> EventForm:
        form = EventForm(event, self)
        form.save_requested.connect(lambda: self._save(form, event))
        form.setWindowModality(Qt.WindowModality.WindowModal)
        self.form = form
        form.show()
        return form

    def _save(self, form: EventForm, event: Event | None) -> None:
        name, day, venue = form.name.text(), form.chosen_day(), form.venue.text()
        if event is None:
            outcome = self._edits.create_event(name, held_on=day, venue=venue)
        else:
            outcome = self._edits.update_event(event.id, name=name, held_on=day, venue=venue)
        if outcome.ok:
            form.done(QDialog.DialogCode.Accepted)
        else:
            form.show_error(outcome.error)

    def _show_photos(self) -> None:
        event = self.chosen()
        if event is not None:
            self.show_requested.emit(event.id)
