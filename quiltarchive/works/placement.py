"""Placing patches in quilts, moving and swapping them, and undoing that.

Every function returns a `Placement` listing each patch's move (before → after), which is what
an undo needs: `undo_placement(archive, placement)` puts them back and returns the placement
that redoes it.
"""

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.quilt import Move, Placement, Position
from quiltarchive.works.indexing import reindex_patches
from quiltarchive.works.refs import PatchRef, QuiltRef, find_patch, find_quilt
from quiltarchive.works.snapshots import position_snapshot


def checked_position(archive: Archive, quilt: QuiltRef, row: int, column: int) -> Position:
    """The cell (row, column) of a quilt, refused with a plain reason if it is not in the grid."""
    found = find_quilt(archive, quilt)
    if not 1 <= row <= found.rows:
        raise InvalidInput(
            f"Row {row} is outside quilt “{found.name}”, which has rows 1 to {found.rows}."
        )
    if not 1 <= column <= found.columns:
        raise InvalidInput(
            f"Column {column} is outside quilt “{found.name}”, which has columns 1 to "
            f"{found.columns}."
        )
    return Position(found.id, row, column)


def describe_position(archive: Archive, position: Position) -> str:
    name = archive.quilts.get(position.quilt_id).name
    return f"Row {position.row}, column {position.column} of quilt “{name}”"


def place_patch(
    archive: Archive,
    patch: PatchRef,
    quilt: QuiltRef,
    row: int,
    column: int,
    *,
    swap: bool = False,
) -> Placement:
    """Put a patch in a cell (placing it, or moving it from where it was). An occupied cell is
    refused, unless `swap`: then its patch takes the moved patch's old place (or none)."""
    with archive.atomic():
        moving = find_patch(archive, patch)
        target = checked_position(archive, quilt, row, column)
        if moving.position == target:
            return Placement(())
        moves = [Move(moving.id, moving.code, moving.position, target)]
        occupant_id = archive.patches.occupant(target)
        if occupant_id is not None:
            occupant = archive.patches.get(occupant_id)
            if not swap:
                raise InvalidInput(
                    f"{describe_position(archive, target)} already holds patch {occupant.code}; "
                    f"move that one first, or swap the two."
                )
            moves.append(Move(occupant.id, occupant.code, target, moving.position))
        placement = Placement(tuple(moves))
        _apply(archive, placement)
        return placement


def unplace_patch(archive: Archive, patch: PatchRef) -> Placement:
    """Take a patch out of its quilt (it keeps everything else)."""
    with archive.atomic():
        found = find_patch(archive, patch)
        if found.position is None:
            return Placement(())
        placement = Placement((Move(found.id, found.code, found.position, None),))
        _apply(archive, placement)
        return placement


def undo_placement(archive: Archive, placement: Placement) -> Placement:
    """Put the patches of `placement` back where they were; returns the placement to redo it.
    Refused if any of them has been moved since."""
    with archive.atomic():
        for move in placement.moves:
            now = archive.patches.get(move.patch_id).position
            if now != move.after:
                raise InvalidInput(
                    f"Patch {move.code} has been moved since, so that change cannot be undone."
                )
        undo = placement.reversed()
        _apply(archive, undo)
        return undo


def _apply(archive: Archive, placement: Placement) -> None:
    """Take every moving patch out first, so a swap never has two patches in one cell."""
    for move in placement.moves:
        if move.before is not None:
            archive.patches.set_position(move.patch_id, None)
    for move in placement.moves:
        if move.after is not None:
            checked_position(archive, move.after.quilt_id, move.after.row, move.after.column)
            occupant = archive.patches.occupant(move.after)
            if occupant is not None:
                raise InvalidInput(
                    f"{describe_position(archive, move.after)} now holds patch "
                    f"{archive.patches.get(occupant).code}, so patch {move.code} cannot go there."
                )
            archive.patches.set_position(move.patch_id, move.after)
        if move.before is None:
            action = "patch placed"
        elif move.after is None:
            action = "patch unplaced"
        else:
            action = "patch moved"
        archive.audit.record(
            action,
            "patch",
            move.patch_id,
            before={"position": position_snapshot(move.before)},
            after={"position": position_snapshot(move.after)},
        )
    reindex_patches(archive, [move.patch_id for move in placement.moves])
