"""The rebuildable cache: thumbnails and previews made again from the originals, and a
JPEG's preview made the first time it is wanted (the import leaves it out to stay fast)."""

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.imaging.decode import UnreadableImage, open_image
from quiltarchive.imaging.renditions import encode_jpeg, make_preview, make_renditions
from quiltarchive.layout import ArchiveLayout
from quiltarchive.model.photo import Photo


@dataclass(frozen=True, slots=True)
class RebuildProgress:
    done: int
    total: int
    photo_id: int
    problem: str = ""


def rebuild_renditions(
    archive: Archive, photo_ids: Iterable[int] | None = None, *, only_missing: bool = False
) -> Iterator[RebuildProgress]:
    layout = archive.layout
    wanted = set(photo_ids) if photo_ids is not None else None
    rows = [row for row in archive.photos.stored_files() if wanted is None or row[0] in wanted]
    for done, (photo_id, sha256, extension) in enumerate(rows, start=1):
        thumbnail, preview = layout.thumbnail_path(sha256), layout.preview_path(sha256)
        if only_missing and thumbnail.exists():
            yield RebuildProgress(done, len(rows), photo_id)
            continue
        photo = archive.photos.get(photo_id)
        problem = ""
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                image = open_image(layout.original_path(sha256, extension))
                made = make_renditions(image, photo.orientation, preview=not only_missing)
            if made.preview_jpeg is not None:
                files.write_atomic(preview, made.preview_jpeg)
            files.write_atomic(thumbnail, made.thumbnail_jpeg)
        except (UnreadableImage, OSError) as error:
            problem = getattr(error, "reason", None) or str(error)
        yield RebuildProgress(done, len(rows), photo_id, problem)


def preview_file(layout: ArchiveLayout, photo: Photo) -> Path:
    """The photo's preview, made from its original if the cache does not hold it yet.

    Safe to call from several threads or processes at once: each writes a temporary file and
    renames it. Raises UnreadableImage or OSError when the original cannot be read.
    """
    path = layout.preview_path(photo.sha256)
    if path.is_file():
        return path
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with open_image(layout.original_path(photo.sha256, photo.extension)) as image:
            made = make_preview(image, photo.orientation)
    files.write_atomic(path, encode_jpeg(made))
    return path
