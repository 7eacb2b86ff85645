"""Everyone on record, with how many photos they are in and what they may be shown for."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.person_status import PersonSummary, people_summaries
from ui import text
from ui.background import run_task
from ui.consent_status import use_name
from ui.tables import Column, FilterProxy, RecordRole, RecordTableModel, table_view


class PeoplePage(QWidget):
    person_requested = Signal(int)
    new_person_requested = Signal()
    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._generation = 0
        columns: list[Column[PersonSummary]] = [
            Column(self.tr("Name"), lambda s: s.person.name, lambda s: s.person.name.casefold()),
            Column(self.tr("Age"), self._age),
            Column(self.tr("Photos"), lambda s: f"{s.photo_count:,}", lambda s: s.photo_count),
            Column(self.tr("May be shown today for"), self._uses, tooltip=self._uses),
        ]
        self.model = RecordTableModel(columns, self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = table_view(self.tr("People"), self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setColumnWidth(0, 240)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 80)
        self.table.activated.connect(self._activated)

        self.find = QLineEdit(self)
        self.find.setAccessibleName(self.tr("Find a person"))
        self.find.setPlaceholderText(self.tr("Find a person by name…"))
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("New person…"), self)
        self.new_button.setAccessibleName(self.tr("New person"))
        self.new_button.clicked.connect(self.new_person_requested)
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        heading = QLabel(self.tr("People"), self)
        heading.setProperty("role", "heading")

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(heading)
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.find)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def _age(self, summary: PersonSummary) -> str:
        person = summary.person
        words = text.age(person.birth_year, person.age_band, clock.today())
        return self.tr("{0} · do not identify").format(words) if person.do_not_identify else words

    def _uses(self, summary: PersonSummary) -> str:
        if summary.person.do_not_identify:
            return self.tr("never identifiable outside the archive")
        if not summary.ready_uses:
            return self.tr("nothing outside the archive")
        return ", ".join(use_name(use) for use in summary.ready_uses)

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        archive = self._archive

        def done(summaries: list[PersonSummary]) -> None:
            if generation == self._generation:
                self.model.set_rows(summaries)
                self.count.setText(
                    text.count(len(summaries), self.tr("1 person"), self.tr("{0} people"))
                )
                self.loaded.emit()

        run_task(lambda: people_summaries(archive), done, owner=self)

    def _activated(self, index: QModelIndex) -> None:
        summary = self.proxy.data(index, RecordRole)
        if summary is not None:
            self.person_requested.emit(summary.person.id)
