"""The quilt map: every cell of a quilt with its patch, the front photo's thumbnail, and whether
the patch may be shown for a chosen use (decided by the consent assessment)."""

from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess_subjects
from quiltarchive.model.consent import Use
from quiltarchive.model.quilt import QuiltCell, QuiltGrid
from quiltarchive.model.subject import Subject
from quiltarchive.works.refs import QuiltRef, find_quilt


def quilt_grid(
    archive: Archive,
    quilt: QuiltRef,
    use: Use = Use.ARCHIVE,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> QuiltGrid:
    """The quilt's grid, row by row; each placed patch with its decision for `use` on the day."""
    found = find_quilt(archive, quilt)
    patches = archive.patches.list(quilt_id=found.id)
    decisions = assess_subjects(
        archive, [Subject.patch(p.id) for p in patches], use, on_day, blur_regions=blur_regions
    )
    front_ids = [p.front_photo_id for p in patches if p.front_photo_id is not None]
    photos = {photo.id: photo for photo in archive.photos.get_many(front_ids)}
    by_cell = {(p.position.row, p.position.column): p for p in patches if p.position}
    rows = []
    for row in range(1, found.rows + 1):
        cells = []
        for column in range(1, found.columns + 1):
            patch = by_cell.get((row, column))
            if patch is None:
                cells.append(QuiltCell(row, column, None, "", "", None, None, None))
                continue
            photo = photos.get(patch.front_photo_id) if patch.front_photo_id else None
            cells.append(
                QuiltCell(
                    row,
                    column,
                    patch.id,
                    patch.code,
                    patch.title,
                    photo.id if photo else None,
                    archive.layout.thumbnail_path(photo.sha256) if photo else None,
                    decisions[Subject.patch(patch.id)],
                )
            )
        rows.append(tuple(cells))
    return QuiltGrid(found, tuple(rows))
