"""A quilt: a grid of patches, and where each patch sits in it."""

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from quiltarchive.model.decision import Decision


@dataclass(frozen=True, slots=True)
class Quilt:
    id: int
    name: str
    rows: int
    columns: int
    notes: str
    created_at: str
    placed: int = 0  # how many patches sit in it

    @property
    def cells(self) -> int:
        return self.rows * self.columns


class Position(NamedTuple):
    """A cell of a quilt; rows and columns count from 1, top left."""

    quilt_id: int
    row: int
    column: int


class Move(NamedTuple):
    """One patch going from one cell (or none) to another (or none)."""

    patch_id: int
    code: str
    before: Position | None
    after: Position | None


class Placement(NamedTuple):
    """What placing, moving or swapping did: undoing it is `undo_placement(archive, this)`."""

    moves: tuple[Move, ...]

    def reversed(self) -> "Placement":
        return Placement(
            tuple(Move(m.patch_id, m.code, m.after, m.before) for m in reversed(self.moves))
        )


class QuiltCell(NamedTuple):
    """One cell of a quilt map: the patch in it (if any), its front photo's thumbnail, and
    whether the patch may be shown for the use the map was made for."""

    row: int
    column: int
    patch_id: int | None
    code: str
    title: str
    photo_id: int | None  # the front photo
    thumbnail: Path | None  # None when there is no front photo
    decision: Decision | None  # None for an empty cell

    @property
    def empty(self) -> bool:
        return self.patch_id is None

    @property
    def allowed(self) -> bool:
        return self.decision is not None and self.decision.allowed

    @property
    def credit(self) -> str:
        return self.decision.credit if self.decision is not None else ""


@dataclass(frozen=True, slots=True)
class QuiltGrid:
    quilt: Quilt
    cells: tuple[tuple[QuiltCell, ...], ...]  # rows of cells, top to bottom

    def cell(self, row: int, column: int) -> QuiltCell:
        return self.cells[row - 1][column - 1]

    def placed(self) -> list[QuiltCell]:
        return [cell for row in self.cells for cell in row if not cell.empty]
