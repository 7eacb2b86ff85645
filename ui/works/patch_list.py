"""The patches as a table: the front photo's thumbnail and code, title, maker, place in a
quilt, and whether the maker's consent lets the patch be used for the chosen use."""

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QWidget

from ui import text
from ui.consent_status import use_name
from ui.grid.thumbnails import ThumbnailLoader
from ui.tables import Column, Index, RecordRole, RecordTableModel
from ui.works.record_list import RecordList
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


class PatchList(RecordList):
    """`edit_requested(patch)`, `new_requested()`."""

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build(
            PatchTableModel(loader, self),
            name=self.tr("Patches"),
            find_name=self.tr("Find a patch"),
            find_hint=self.tr("Find a patch by code, title, maker…"),
            new_label=self.tr("New patch…"),
            new_name=self.tr("New patch"),
            widths=(130, 200, 170, 290),
        )
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 6)

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

    def record_of(self, row: PatchRow) -> object:
        return row.patch
