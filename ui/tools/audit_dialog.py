"""Archive → Audit Trail: who changed what and when, latest first, with the record before and
after each change; narrowed to one kind of record, or one record (Photo → History)."""

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.model.audit import AuditEntry
from ui import background, text
from ui.dialogs.form_parts import close_only
from ui.tables import Column, RecordTableModel, table_view

LIMIT = 5000


def tr(text: str) -> str:
    return QCoreApplication.translate("AuditTrail", text)


def action_words(entry: AuditEntry) -> str:
    """The change in the user's language: the core's words for it are translated as they are."""
    words = QCoreApplication.translate("AuditActions", entry.action)
    return tr("{0} (details erased)").format(words) if entry.redacted else words


def when(entry: AuditEntry) -> str:
    return text.local_time(entry.at)


def kinds() -> dict[str, str]:
    """The kinds of record on the trail, by the core's name for each."""
    return {
        "photo": tr("Photo"),
        "person": tr("Person"),
        "consent": tr("Consent"),
        "appearance": tr("Person in a photo"),
        "event": tr("Event"),
        "import_batch": tr("Import"),
        "collection": tr("Collection"),
        "patch": tr("Patch"),
        "quilt": tr("Quilt"),
        "story": tr("Story"),
        "setting": tr("Setting"),
    }


def record(entry: AuditEntry) -> str:
    return f"{kinds().get(entry.entity_type, entry.entity_type)} {entry.entity_id}"


def _value(value: Any) -> str:
    if value is None or value == "":
        return tr("(empty)")
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def changes(before: Any, after: Any) -> str:
    """The record before and after, one line per field: what changed first, as "was → is"."""
    if isinstance(before, dict) and isinstance(after, dict):
        changed = [k for k in sorted(before.keys() | after.keys()) if before.get(k) != after.get(k)]
        same = [k for k in sorted(before.keys() & after.keys()) if k not in changed]
        lines = [
            f"{k.replace('_', ' ')}: {_value(before.get(k))} → {_value(after.get(k))}"
            for k in changed
        ]
        if same:
            lines.append("")
            lines.append(tr("Unchanged:"))
            lines += [f"{k.replace('_', ' ')}: {_value(before[k])}" for k in same]
        return "\n".join(lines) if changed else tr("Nothing changed.")
    parts = []
    for title, value in ((tr("Before"), before), (tr("After"), after)):
        if isinstance(value, dict):
            fields = [f"  {k.replace('_', ' ')}: {_value(v)}" for k, v in sorted(value.items())]
            parts.append(f"{title}:\n" + "\n".join(fields))
        elif value is not None:
            parts.append(f"{title}: {_value(value)}")
    return "\n\n".join(parts)


class AuditTrailDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.setWindowTitle(self.tr("Audit trail"))
        self.setAccessibleName(self.tr("Audit trail"))
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of record"))
        self.kind.addItem(self.tr("Everything"), "")
        for key, name in kinds().items():
            self.kind.addItem(name, key)
        kind_label = QLabel(self.tr("&Show:"), self)
        kind_label.setBuddy(self.kind)
        self.number = QSpinBox(self)
        self.number.setAccessibleName(self.tr("Record number"))
        self.number.setRange(0, 2_000_000_000)
        self.number.setSpecialValueText(self.tr("any"))
        number_label = QLabel(self.tr("&Number:"), self)
        number_label.setBuddy(self.number)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Entries shown"))

        self.model: RecordTableModel[AuditEntry] = RecordTableModel(
            [
                Column(self.tr("When"), when),
                Column(self.tr("Who"), lambda e: e.user),
                Column(self.tr("What"), action_words),
                Column(self.tr("Record"), record),
            ],
            self,
        )
        self.table = table_view(self.tr("Audit trail entries"), self)
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 230)
        self.table.setColumnWidth(2, 210)
        self.details = QPlainTextEdit(self)
        self.details.setAccessibleName(self.tr("The record before and after the change"))
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(
            self.tr("Choose an entry to see the record before and after.")
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([360, 160])
        splitter.setChildrenCollapsible(False)
        buttons = close_only(self)

        filters = QHBoxLayout()
        filters.addWidget(kind_label)
        filters.addWidget(self.kind)
        filters.addWidget(number_label)
        filters.addWidget(self.number)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(820, 600)

        self.kind.currentIndexChanged.connect(self.reload)
        self.number.valueChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(self._show_entry)
        self.loaded = False
        self._asked = 0
        self.reload()

    def show_record(self, kind: str, number: int) -> None:
        """Only the entries about one record, e.g. one photo's history."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self.number.setValue(number)
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self._asked += 1
        archive, asked = self._archive, self._asked
        kind = self.kind.currentData() or None
        number = self.number.value() or None

        def read() -> list[AuditEntry]:
            return archive.audit.entries(entity_type=kind, entity_id=number, limit=LIMIT)

        background.run_task(read, lambda found: self._loaded(asked, found), owner=self)

    def _loaded(self, asked: int, entries: list[AuditEntry]) -> None:
        if asked != self._asked:
            return  # the filter changed meanwhile: a later read is on its way
        self.model.set_rows(entries)
        if len(entries) >= LIMIT:
            words = self.tr("The latest {0} entries").format(f"{LIMIT:,}")
        elif len(entries) == 1:
            words = self.tr("1 entry")
        else:
            words = self.tr("{0} entries").format(f"{len(entries):,}")
        self.summary.setText(words)
        self.details.clear()
        if entries:
            self.table.selectRow(0)
        self.loaded = True

    def _show_entry(self, current: object, _previous: object) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            self.details.clear()
            return
        entry = self.model.record(row)
        if entry.redacted:
            self.details.setPlainText(
                self.tr("The details of this change were erased with the person's data.")
            )
            return
        self.details.setPlainText(changes(entry.before, entry.after))
