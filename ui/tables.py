"""A read-only table model over plain records, with columns declared once."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    tooltip: Callable[[Row], str] | None = None
    numeric: bool = False  # right-aligned, so the digits line up


class RecordTableModel(QAbstractTableModel, Generic[Row]):
    """Rows sort themselves (`sort`) with one Python sort of the list by the column's key: a
    sorting proxy would call back into Python for every comparison, half a second for 8,000
    people."""

    def __init__(self, columns: Sequence[Column[Row]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            key, descending = self._ordering(*self._sorted_by)
            self._rows.sort(key=key, reverse=descending)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self._sorted_by = (column, order)
        key, descending = self._ordering(column, order)
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        positions = sorted(
            range(len(self._rows)), key=lambda at: key(self._rows[at]), reverse=descending
        )
        new_row = {old: new for new, old in enumerate(positions)}
        self._rows = [self._rows[old] for old in positions]
        self.changePersistentIndexList(
            kept, [self.index(new_row[index.row()], index.column()) for index in kept]
        )
        self.layoutChanged.emit()

    def _ordering(self, column: int, order: Qt.SortOrder) -> tuple[Callable[[Row], Any], bool]:
        """The column's sort key, and whether it sorts descending (stably, either way)."""
        chosen = self._columns[column]
        return chosen.sort_key or chosen.text, order == Qt.SortOrder.DescendingOrder

    def record(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record, column = self._rows[index.row()], self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == SortRole:
            return column.sort_key(record) if column.sort_key else column.text(record)
        if role == RecordRole:
            return record
        return None


class FilterProxy(QSortFilterProxyModel):
    """Finds rows by their text, and leaves sorting to the RecordTableModel under it."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)


def table_view(name: str, parent: QWidget | None = None) -> QTableView:
    """A table as the app shows them: whole rows selected, sortable, readable at a glance."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setTabKeyNavigation(False)
    return view
