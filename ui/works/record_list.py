"""A searchable, sortable table of records with a count and a "New…" button: the shape the
Patches and Stories tabs share."""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.tables import FilterProxy, RecordRole, RecordTableModel, table_view


class RecordList(QWidget):
    """`edit_requested(record)` when a row is activated, `new_requested()` for the button."""

    edit_requested = Signal(object)
    new_requested = Signal()

    def _build(
        self,
        model: RecordTableModel[Any],
        *,
        name: str,
        find_name: str,
        find_hint: str,
        new_label: str,
        new_name: str,
        widths: Sequence[int],
    ) -> None:
        """Called by each subclass once its model exists (its words need `self.tr`)."""
        self.model = model
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = table_view(name, self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)

        self.find = QLineEdit(self)
        self.find.setAccessibleName(find_name)
        self.find.setPlaceholderText(find_hint)
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(260)
        self.find.textChanged.connect(self.proxy.setFilterFixedString)
        self.new_button = QPushButton(new_label, self)
        self.new_button.setAccessibleName(new_name)
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

    def record_of(self, row: Any) -> object:
        """What `edit_requested` carries for a table row's record."""
        raise NotImplementedError

    def _activated(self, index: QModelIndex) -> None:
        row = self.proxy.data(index, RecordRole)
        if row is not None:
            self.edit_requested.emit(self.record_of(row))
