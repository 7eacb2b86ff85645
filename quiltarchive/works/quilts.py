"""Recording quilts: their names, grid sizes and notes, on the audit trail."""

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.quilt import Quilt
from quiltarchive.works.indexing import reindex_patches
from quiltarchive.works.refs import QuiltRef, find_quilt
from quiltarchive.works.snapshots import position_snapshot, quilt_snapshot

MAX_SIDE = 100


def _check(name: str, rows: int, columns: int) -> None:
    if not name.strip():
        raise InvalidInput("A quilt needs a name.")
    for count, what in ((rows, "rows"), (columns, "columns")):
        if not 1 <= count <= MAX_SIDE:
            raise InvalidInput(f"A quilt has 1 to {MAX_SIDE} {what}, not {count}.")


def create_quilt(archive: Archive, name: str, rows: int, columns: int, notes: str = "") -> Quilt:
    _check(name, rows, columns)
    with archive.atomic():
        quilt_id = archive.quilts.add(name.strip(), rows, columns, notes.strip())
        quilt = archive.quilts.get(quilt_id)
        archive.audit.record("quilt created", "quilt", quilt_id, after=quilt_snapshot(quilt))
        return quilt


def update_quilt(
    archive: Archive,
    quilt: QuiltRef,
    *,
    name: str | None = None,
    rows: int | None = None,
    columns: int | None = None,
    notes: str | None = None,
) -> Quilt:
    """Rename a quilt, change its notes, or resize its grid (never past a placed patch)."""
    with archive.atomic():
        before = find_quilt(archive, quilt)
        new_name = before.name if name is None else name.strip()
        new_rows = before.rows if rows is None else rows
        new_columns = before.columns if columns is None else columns
        _check(new_name, new_rows, new_columns)
        outside = archive.patches.outside(before.id, new_rows, new_columns)
        if outside:
            raise InvalidInput(
                f"Quilt “{before.name}” cannot become {new_rows} × {new_columns}: patch(es) "
                f"{', '.join(outside)} would fall outside it. Move them first."
            )
        archive.quilts.update(
            before.id,
            name=new_name,
            rows=new_rows,
            columns=new_columns,
            notes=before.notes if notes is None else notes.strip(),
        )
        after = archive.quilts.get(before.id)
        archive.audit.record(
            "quilt changed",
            "quilt",
            before.id,
            before=quilt_snapshot(before),
            after=quilt_snapshot(after),
        )
        if after.name != before.name:
            reindex_patches(archive, [p.id for p in archive.patches.list(quilt_id=before.id)])
        return after


def delete_quilt(archive: Archive, quilt: QuiltRef) -> list[str]:
    """Delete a quilt; its patches stay, unplaced. Returns their codes."""
    with archive.atomic():
        found = find_quilt(archive, quilt)
        patches = archive.patches.list(quilt_id=found.id)
        for patch in patches:
            archive.patches.set_position(patch.id, None)
            archive.audit.record(
                "patch unplaced",
                "patch",
                patch.id,
                before={"position": position_snapshot(patch.position)},
                after={"position": None},
            )
        archive.quilts.delete(found.id)
        codes = [p.code for p in patches]
        archive.audit.record(
            "quilt deleted",
            "quilt",
            found.id,
            before={**quilt_snapshot(found), "patches": codes},
        )
        reindex_patches(archive, [p.id for p in patches])
        return codes
