"""The patches as a table: the front photo's thumbnail and code, title, maker, place in a
quilt, and whether the maker's consent lets the patch be used for the chosen use."""

from typing import Any

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui import text
from ui.consent_status import use_name
from ui.grid.thumbnails import ThumbnailLoader
from ui.tables import Column, Index, RecordRole, RecordTableModel, SortRole, table_view
from ui.works.records import PatchRow, Works

THUMB = 56


def thumbnail_key(row: PatchRow) -> str:
    return f"patch:{row.patch.id}:{row.patch.front_photo_id}"


def place_text(row: PatchRow) -> str:
    position = row.patch.position
    if position is None:
        return text.tr("not placed")
    return text.tr("Row {1}, column {2} of {0}").format(row.quilt, position.row, position.column)


def consent_text(row: PatchRow) -> str:
    decision = row.decision
    if decision.allowed:
        if decision.credit:
            return text.tr("yes — credit “{0}”").format(decision.credit)
        return text.tr("yes — no name in the credit")
    reason = decision.reasons[0] if decision.reasons else ""
    return text.tr("no — {0}").format(reason.removeprefix(f"Patch {row.patch.code}: "))


class PatchTableModel(RecordTableModel[PatchRow]):
    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        columns: list[Column[PatchRow]] = [
            Column(text.tr("Code"), lambda r: r.patch.code, lambda r: r.patch.code.casefold()),
            Column(text.tr("Title"), lambda r: r.patch.title),
            Column(text.tr("Maker"), lambda r: r.maker or text.tr("not recorded")),
            Column(text.tr("Place in a quilt"), place_text),
            Column(
                text.tr("Consent"),
                consent_text,
                lambda r: (not r.decision.allowed, r.patch.code),
                tooltip=lambda r: "\n".join(r.decision.reasons) or consent_text(r),
            ),
        ]
        super().__init__(columns, parent)
        self._loader = loader
        loader.loaded.connect(self._thumbnail_loaded)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DecorationRole and index.isValid() and index.column() == 0:
            row = self.rows[index.row()]
            if row.thumbnail is None:
                return None
            key = thumbnail_key(row)
            pixmap = self._loader.pixmap(key)
            if pixmap is None:
                self._loader.request(key, row.thumbnail)
            return pixmap
        return super().data(index, role)

    def _thumbnail_loaded(self, key: str) -> None:
        for number, row in enumerate(self.rows):
            if thumbnail_key(row) == key:
                index = self.index(number, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class PatchList(QWidget):
    """`edit_requested(patch)`, `new_requested()`."""

    edit_requested = Signal(object)
    new_requested = Signal()

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PatchTableModel(loader, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SortRole)
        self.table = table_view(self.tr("Patches"), self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 6)
        for column, width in enumerate((130, 200, 170, 290)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)

        self.find = QLineEdit(self)
        self.find.setAccessibleName(self.tr("Find a patch"))
        self.find.setPlaceholderText(self.tr("Find a patch by code, title, maker…"))
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(260)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(self.tr("New patch…"), self)
        self.new_button.setAccessibleName(self.tr("New patch"))
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
        self.model.set_rows(works.patches)
        self.count.setText(
            text.count(len(works.patches), self.tr("1 patch"), self.tr("{0} patches"))
            + " · "
            + self.tr("consent shown for {0}").format(use_name(works.use))
        )

    def row_of(self, code: str) -> int | None:
        """The table row (as shown) of a patch."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.data(self.proxy.index(row, 0), RecordRole).patch.code == code:
                return row
        return None

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, RecordRole)
        if row is not None:
            self.edit_requested.emit(row.patch)
