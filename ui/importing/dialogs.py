"""The three import dialogs: what to import and into which event; progress; the summary."""

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.importing.events import EventKind, ImportEvent, ImportSummary
from quiltarchive.model.event import Event
from ui import core_words, text
from ui.style import mark


@dataclass(frozen=True)
class ImportPlan:
    sources: list[str]
    event_id: int | None  # an existing event
    new_event: str = ""  # or the name of one to create
    held_on: date | None = None
    venue: str = ""


class ImportSetupDialog(QDialog):
    """Which files and folders, and which event (workshop) the photos belong to."""

    planned = Signal(object)  # ImportPlan

    def __init__(
        self, sources: list[str], events: list[Event], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import photos"))
        self.setAccessibleName(self.tr("Import photos"))
        self.sources = QListWidget(self)
        self.sources.setAccessibleName(self.tr("Files and folders to import"))
        self.sources.addItems(sources)
        self.sources.setMaximumHeight(self.sources.fontMetrics().lineSpacing() * 4 + 12)
        add_folder = QPushButton(self.tr("Add folder…"), self)
        add_folder.setAccessibleName(self.tr("Add folder"))
        add_folder.clicked.connect(self._add_folder)
        add_files = QPushButton(self.tr("Add files…"), self)
        add_files.setAccessibleName(self.tr("Add files"))
        add_files.clicked.connect(self._add_files)
        self.event = QComboBox(self)
        self.event.setAccessibleName(self.tr("Event"))
        self.event.setEditable(True)
        self.event.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.event.addItem(self.tr("No event"), None)
        for event in events:
            self.event.addItem(event.name, event.id)
        self.event.lineEdit().setPlaceholderText(self.tr("Choose an event, or type a new name"))
        self.event.setCurrentIndex(0)
        self.event.lineEdit().setAccessibleName(self.tr("Event name"))
        self.dated = QCheckBox(self.tr("Held on"), self)
        self.dated.setAccessibleName(self.tr("The new event has a date"))
        self.held_on = QDateEdit(QDate.currentDate(), self)
        self.held_on.setAccessibleName(self.tr("Date of the new event"))
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setEnabled(False)
        self.dated.toggled.connect(self.held_on.setEnabled)
        self.venue = QLineEdit(self)
        self.venue.setAccessibleName(self.tr("Venue of the new event"))
        self.venue.setPlaceholderText(self.tr("for example Burnt Oak Library"))
        self.new_event_hint = QLabel(self)
        self.new_event_hint.setProperty("role", "hint")
        self.event.editTextChanged.connect(self._event_typed)
        buttons = QDialogButtonBox(self)
        self.start = buttons.addButton(
            self.tr("Start import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start.setAccessibleName(self.tr("Start import"))
        mark(self.start, "primary")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        source_buttons = QHBoxLayout()
        source_buttons.addWidget(add_folder)
        source_buttons.addWidget(add_files)
        source_buttons.addStretch(1)
        when = QHBoxLayout()
        when.addWidget(self.dated)
        when.addWidget(self.held_on)
        when.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Event"), self.event)
        form.addRow("", self.new_event_hint)
        form.addRow(self.tr("Date"), when)
        form.addRow(self.tr("&Venue"), self.venue)
        self._form = form
        layout = QVBoxLayout(self)
        from_label = QLabel(self.tr("Import from"), self)
        from_label.setProperty("role", "section")
        layout.addWidget(from_label)
        layout.addWidget(self.sources)
        layout.addLayout(source_buttons)
        into_label = QLabel(self.tr("Into"), self)
        into_label.setProperty("role", "section")
        layout.addWidget(into_label)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._event_typed(self.event.currentText())
        self._update_start()
        self.resize(560, self.sizeHint().height())

    def _add_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder or camera card to import"))
        if chosen:
            self.sources.addItem(chosen)
            self._update_start()

    def _add_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, self.tr("Photos to import"))
        self.sources.addItems(chosen)
        self._update_start()

    def _update_start(self) -> None:
        self.start.setEnabled(self.sources.count() > 0)

    def _existing_event(self) -> int | None:
        found = self.event.findText(self.event.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.event.itemData(found) if found > 0 else None

    def _is_new(self) -> bool:
        typed = self.event.currentText().strip()
        return bool(typed) and self._existing_event() is None and self.event.findText(typed) != 0

    def _event_typed(self, _typed: str) -> None:
        new = self._is_new()
        self.new_event_hint.setText(self.tr("A new event will be created.") if new else "")
        self.held_on.setEnabled(new and self.dated.isChecked())
        form = getattr(self, "_form", None)
        if form is not None:  # the hint, date and venue rows matter only for a new event
            for row in (1, 2, 3):
                form.setRowVisible(row, new)

    def plan(self) -> ImportPlan:
        sources = [self.sources.item(row).text() for row in range(self.sources.count())]
        if self._is_new():
            held = self.held_on.date()
            return ImportPlan(
                sources,
                None,
                new_event=self.event.currentText().strip(),
                held_on=date(held.year(), held.month(), held.day())
                if self.dated.isChecked()
                else None,
                venue=self.venue.text().strip(),
            )
        return ImportPlan(sources, self._existing_event())

    def accept(self) -> None:
        if self.sources.count() == 0:
            return
        super().accept()
        self.planned.emit(self.plan())


class ImportProgressDialog(QDialog):
    """Count, current file, time left and Cancel; the window behind stays usable."""

    cancel_requested = Signal()

    def __init__(self, into: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing photos"))
        self.setAccessibleName(self.tr("Import progress"))
        self.setModal(False)
        self.heading = QLabel(into, self)
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.bar.setRange(0, 0)
        self.count = QLabel(self.tr("Looking for photos…"), self)
        self.count.setAccessibleName(self.tr("Files done"))
        self.current = QLabel(self)
        self.current.setAccessibleName(self.tr("Current file"))
        self.current.setProperty("role", "hint")
        self.current.setMinimumWidth(460)
        self.left = QLabel(self)
        self.left.setAccessibleName(self.tr("Time left"))
        self.tally = QLabel(self)
        self.tally.setAccessibleName(self.tr("What happened so far"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel import"))
        self.cancel_button.clicked.connect(self._cancel)
        self._imported = self._duplicates = self._problems = 0
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.count)
        layout.addWidget(self.current)
        layout.addWidget(self.left)
        layout.addWidget(self.tally)
        layout.addLayout(buttons)
        self.resize(520, self.sizeHint().height())

    def show_event(self, event: ImportEvent) -> None:
        if event.total:
            self.bar.setRange(0, event.total)
            self.bar.setValue(event.done)
        self.count.setText(
            self.tr("{0} of {1} files").format(f"{event.done:,}", f"{event.total:,}")
        )
        if event.path:
            metrics = self.current.fontMetrics()
            self.current.setText(
                metrics.elidedText(event.path, Qt.TextElideMode.ElideMiddle, self.current.width())
            )
        if event.kind is EventKind.IMPORTED:
            self._imported += 1
        elif event.kind is EventKind.DUPLICATE:
            self._duplicates += 1
        elif event.kind in (EventKind.FAILED, EventKind.SKIPPED):
            self._problems += 1
        self.tally.setText(
            self.tr("{0} imported · {1} already in the archive · {2} not imported").format(
                self._imported, self._duplicates, self._problems
            )
        )
        left = event.seconds_left
        if self.cancel_button.isEnabled():
            self.left.setText(time_left(self, left) if left is not None else "")

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Stopping…"))
        self.left.setText(self.tr("Stopping after the files in progress…"))
        self.cancel_requested.emit()

    def reject(self) -> None:
        """Escape or closing the window cancels, as the Cancel button does."""
        if self.cancel_button.isEnabled():
            self._cancel()


def time_left(widget: QWidget, seconds: float) -> str:
    if seconds < 10:
        return widget.tr("Almost done")
    if seconds < 90:
        return widget.tr("About {0} seconds left").format(int(round(seconds, -1)))
    minutes = round(seconds / 60)
    if minutes < 90:
        return widget.tr("About {0} minutes left").format(minutes)
    return widget.tr("About {0:.1f} hours left").format(seconds / 3600)


class ImportSummaryDialog(QDialog):
    """What the import did, with every file that was not imported and why."""

    show_photos = Signal()

    def __init__(self, summary: ImportSummary, into: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if summary.archive_full:
            title = self.tr("Import stopped: the archive's disk is full")
        elif summary.cancelled:
            title = self.tr("Import cancelled")
        else:
            title = self.tr("Import finished")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.summary = summary
        heading = QLabel(title, self)
        heading.setProperty("role", "heading")
        lines = [
            self.tr("{0} imported into {1}.").format(text.photos(summary.imported), into),
        ]
        if summary.duplicates:
            lines.append(
                text.count(
                    len(summary.duplicates),
                    self.tr("1 file was already in the archive and was not added again."),
                    self.tr("{0} files were already in the archive and were not added again."),
                )
            )
        if summary.failed:
            lines.append(
                text.count(
                    len(summary.failed),
                    self.tr("1 file could not be imported."),
                    self.tr("{0} files could not be imported."),
                )
            )
        if summary.skipped:
            lines.append(
                text.count(
                    len(summary.skipped),
                    self.tr("1 file was skipped (not a photo)."),
                    self.tr("{0} files were skipped (not photos)."),
                )
            )
        if summary.archive_full:
            lines.append(
                self.tr(
                    "The disk the archive is on is full, so the import stopped. Nothing "
                    "half-written was kept. Free some space, then File → Resume Import "
                    "carries on with the {0} files not yet imported."
                ).format(f"{summary.remaining:,}")
            )
        elif summary.cancelled and summary.remaining:
            lines.append(
                self.tr(
                    "{0} files were not looked at. File → Resume Import carries on where this "
                    "one stopped."
                ).format(f"{summary.remaining:,}")
            )
        self.headline = QLabel("\n".join(lines), self)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Summary"))
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Files not imported, and notes"))
        self.details.setOpenLinks(False)
        groups = [
            (self.tr("Could not be imported"), summary.failed),
            (self.tr("Already in the archive"), summary.duplicates),
            (self.tr("Skipped: not photos"), summary.skipped),
            (self.tr("Imported, with a note"), summary.notes),
        ]
        self._groups = [(title, outcomes) for title, outcomes in groups if outcomes]
        self.details.setHtml(self._details_html())
        listed = bool(self._groups)
        self.details.setVisible(listed)

        buttons = QDialogButtonBox(self)
        show = buttons.addButton(self.tr("Show the photos"), QDialogButtonBox.ButtonRole.AcceptRole)
        show.setAccessibleName(self.tr("Show the photos"))
        mark(show, "primary")
        show.setEnabled(summary.imported > 0)
        copy = buttons.addButton(self.tr("Copy list"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.setAccessibleName(self.tr("Copy the list of files"))
        copy.clicked.connect(self.copy_list)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        buttons.accepted.connect(self._show)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(820, 460 if listed else 200)

    def _details_html(self) -> str:
        rows = []
        for title, outcomes in self._groups:
            rows.append(
                "<tr><td colspan='2' style='padding:10px 0 4px 0'>"
                f"<b>{escape(title)} ({len(outcomes):,})</b></td></tr>"
            )
            rows += [
                f"<tr><td width='32%' style='padding:2px 12px 2px 8px'>"
                f"{escape(Path(o.path).name)}</td>"
                f"<td style='padding:2px 0'>{escape(core_words.reason(o.reason))}</td></tr>"
                for o in outcomes
            ]
        return f"<table width='100%' cellspacing='0'>{''.join(rows)}</table>"

    def as_text(self) -> str:
        lines = [self.headline.text(), ""]
        for title, outcomes in self._groups:
            lines.append(f"{title} ({len(outcomes):,})")
            lines += [f"  {o.path}: {core_words.reason(o.reason)}" for o in outcomes]
        return "\n".join(lines)

    def copy_list(self) -> None:
        QGuiApplication.clipboard().setText(self.as_text())

    def _show(self) -> None:
        self.accept()
        self.show_photos.emit()
