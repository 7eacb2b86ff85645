"""The Qt binding itself: PySide6 6.12.0 dropped a reference to None on every model `data()`
call that returns None (any role a model does not provide), which crashes a model view after a
few minutes of use. pyproject excludes that release; this test notices if it comes back."""

import sys

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt


class OneRow(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "photo" if role == Qt.ItemDataRole.DisplayRole else None


def test_returning_none_from_data_keeps_none_alive(qapp):
    model = OneRow()
    index = model.index(0)
    before = sys.getrefcount(None)
    for _ in range(1000):
        index.data(Qt.ItemDataRole.DecorationRole)
    assert sys.getrefcount(None) >= before - 10
