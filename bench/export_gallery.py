"""Offline gallery export of camera-size photos: throughput and ratio to the floor.

Floor: decoding, resizing (display and thumbnail sizes) and encoding the same images in a pool
of one process per core, with nothing else: no archive, no consent decision, no files written.
The export is the whole `export_collection` run: plan and consent decisions, worker processes
making both sizes from the originals, pages, manifests and checksums, ledger, rename.

    .venv/bin/python -m bench.export_gallery              # 500 photos (made once, ~15 min)
    .venv/bin/python -m bench.export_gallery --photos 20  # a quicker look
"""

import argparse
import hashlib
import io
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image

from bench.photos import camera_photos
from quiltarchive.archive import Archive
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.events import ExportKind
from quiltarchive.export.gallery import (
    DISPLAY_QUALITY,
    DISPLAY_SIZE,
    THUMBNAIL_QUALITY,
    THUMBNAIL_SIZE,
)
from quiltarchive.export.run import export_collection
from quiltarchive.imaging.metadata import ORIENTATION_TAG
from quiltarchive.imaging.renditions import apply_orientation, fit_within, oriented_size
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import NewPhoto, ReviewState, Rights, TakenAtSource

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "bench" / ".data"


def build_archive(root: Path, sources: list[Path]) -> tuple[Archive, int]:
    """An archive holding `sources` as originals (hard links, not copies), ready for exhibition."""
    archive = Archive.create(root, user="Benchmark")
    with archive.atomic():
        batch = archive.imports.create_batch([str(sources[0].parent)], event_id=None, user="Bench")
        ids = []
        for source in sources:
            data = source.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            with Image.open(io.BytesIO(data)) as image:
                orientation = int(image.getexif().get(ORIENTATION_TAG, 1))
                width, height = oriented_size(image.width, image.height, orientation)
            original = archive.layout.original_path(sha, "jpg")
            original.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, original)
            facts = NewPhoto(
                sha,
                source.name,
                "jpg",
                "JPEG",
                len(data),
                width,
                height,
                orientation,
                None,
                TakenAtSource.FILE_TIME,
            )
            ids.append(archive.photos.add(facts, batch_id=batch.id, event_id=None))
            archive.photos.set_rights(ids[-1], Rights.STAFF, "")
            archive.photos.set_review_state(ids[-1], ReviewState.NO_PEOPLE)
    collection = create_collection(archive, "Benchmark gallery", Use.EXHIBITION)
    add_items(archive, collection.id, ids)
    return archive, collection.id


def floor_one(path: str) -> int:
    """Decode, resize to both gallery sizes and encode one photo, in memory."""
    image = Image.open(path)
    orientation = int(image.getexif().get(ORIENTATION_TAG, 1))
    image.draft("RGB", fit_within(image.width, image.height, DISPLAY_SIZE))
    image.load()
    if image.mode != "RGB":
        image = image.convert("RGB")
    written = 0
    for longest, quality in ((DISPLAY_SIZE, DISPLAY_QUALITY), (THUMBNAIL_SIZE, THUMBNAIL_QUALITY)):
        image = image.resize(
            fit_within(image.width, image.height, longest),
            Image.Resampling.LANCZOS,
            reducing_gap=3.0,
        )
        buffer = io.BytesIO()
        apply_orientation(image, orientation).save(buffer, "JPEG", quality=quality)
        written += buffer.tell()
    return written


def floor(sources: list[Path], workers: int) -> float:
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(floor_one, [str(s) for s in sources], chunksize=1))
    return time.perf_counter() - started


def run(photos: int, source: Path | None = None, workers: int | None = None) -> dict[str, float]:
    folder = source or camera_photos(photos)
    sources = sorted(folder.glob("*.jpg"))[:photos]
    if len(sources) < photos:
        raise SystemExit(f"only {len(sources)} photos in {folder}")
    workers = workers or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(dir=DATA if DATA.is_dir() else None) as temporary:
        root = Path(temporary)
        archive, collection_id = build_archive(root / "archive", sources)
        floor_before = floor(sources, workers)
        started = time.perf_counter()
        events = list(
            export_collection(
                archive, collection_id, ExportKind.GALLERY, root / "gallery", workers=workers
            )
        )
        seconds = time.perf_counter() - started
        summary = events[-1].summary
        assert summary is not None and len(summary.exported) == photos
        archive.close()
        shutil.rmtree(root / "gallery")
        # Measured again after the export, and the faster one kept: the ratio is never flattered
        # by the machine being busier during the floor than during the export.
        floor_seconds = min(floor_before, floor(sources, workers))
    return {
        "photos": photos,
        "workers": workers,
        "seconds": seconds,
        "floor_seconds": floor_seconds,
        "photos_per_second": photos / seconds,
        "floor_photos_per_second": photos / floor_seconds,
        "ratio_to_floor": floor_seconds / seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--source", type=Path, help="A folder of JPEGs to use instead.")
    parser.add_argument("--workers", type=int)
    arguments = parser.parse_args()
    result = run(arguments.photos, arguments.source, arguments.workers)
    print(
        f"gallery export: {result['photos']} camera-size photos in {result['seconds']:.1f}s = "
        f"{result['photos_per_second']:.2f} photos/s on {result['workers']} worker(s); floor "
        f"(decode + resize + encode, all cores) {result['floor_seconds']:.1f}s = "
        f"{result['floor_photos_per_second']:.2f} photos/s; ratio {result['ratio_to_floor']:.2f}"
    )


if __name__ == "__main__":
    main()
