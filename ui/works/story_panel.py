"""The Stories tab: residents' stories with their teller, language, translation, what they
refer to, and whether the teller's story permission lets them be published for the use."""

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import text
from ui.consent_status import use_name
from ui.tables import Column, RecordRole, RecordTableModel, SortRole, table_view
from ui.works.records import StoryRow, Works


def _published(row: StoryRow) -> str:
    if row.decision.allowed:
        return text.tr("yes")
    return text.tr("no — {0}").format(row.decision.reasons[0] if row.decision.reasons else "")


class StoryPanel(QWidget):
    edit_requested = Signal(object)  # the Story
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns: list[Column[StoryRow]] = [
            Column(self.tr("Title"), lambda r: r.story.title, lambda r: r.story.title.casefold()),
            Column(self.tr("Teller"), lambda r: r.teller or self.tr("not recorded")),
            Column(self.tr("Language"), lambda r: r.story.language),
            Column(self.tr("Translation"), lambda r: r.story.translation_language or "—"),
            Column(
                self.tr("Refers to"),
                lambda r: (
                    text.count(len(r.story.photo_ids), self.tr("1 photo"), self.tr("{0} photos"))
                    + ", "
                    + text.count(len(r.story.patch_ids), self.tr("1 patch"), self.tr("{0} patches"))
                ),
            ),
            Column(
                self.tr("May be published"),
                _published,
                tooltip=lambda r: "\n".join(r.decision.reasons) or _published(r),
            ),
        ]
        self.model = RecordTableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.table = table_view(self.tr("Stories"), self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((240, 180, 90, 100, 150)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.find = QLineEdit(self)
        self.find.setAccessibleName(self.tr("Find a story"))
        self.find.setPlaceholderText(self.tr("Find a story by title or teller…"))
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(260)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("New story…"), self)
        self.new_button.setAccessibleName(self.tr("New story"))
        self.new_button.clicked.connect(self.new_requested)
        self.count = QLabel(self)
        self.count.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(self.count)
        top.addStretch(1)
        top.addWidget(self.find)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)

    def show_works(self, works: Works) -> None:
        self.model.set_rows(works.stories)
        self.count.setText(
            text.count(len(works.stories), self.tr("1 story"), self.tr("{0} stories"))
            + " · "
            + self.tr("published only with the teller's story permission; shown for {0}").format(
                use_name(works.use)
            )
        )

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, RecordRole)
        if row is not None:
            self.edit_requested.emit(row.story)
