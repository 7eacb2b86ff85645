"""The virtual quilt render: time and peak memory for a big quilt of camera-size photos.

    .venv/bin/python -m bench.quilt_render --rows 20 --columns 20 --width 7200

Builds an archive from the camera-size JPEGs in `--photos` (made once with the shared
generator), repeats them over a rows × columns quilt (many patches may show the same photo)
and renders it; `--no-reuse` makes it decode each row's photos afresh. The peak is the
process's maximum resident size during the render minus before it: what the render holds.
"""

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from quiltarchive.archive import Archive
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights
from quiltarchive.works import render
from quiltarchive.works.patches import add_patch
from quiltarchive.works.quilts import create_quilt
from quiltarchive.works.render import RenderOptions, render_quilt

REPO = Path(__file__).resolve().parents[1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(folder: Path, photos: Path, rows: int, columns: int) -> Archive:
    archive = Archive.create(folder / "archive", user="bench")
    list(import_photos(archive, [photos], workers=2))
    photo_ids = [p.id for p in archive.photos.list()]
    for photo_id in photo_ids:
        set_rights(archive, photo_id, Rights.STAFF)
        set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
    maker = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    record_consent(
        archive, maker.id, given_by_id=maker.id, given_on=date(2026, 1, 1), uses=[Use.PRINT]
    )
    quilt = create_quilt(archive, "Bench quilt", rows, columns)
    for index in range(rows * columns):
        row, column = divmod(index, columns)
        add_patch(
            archive,
            f"P-{index + 1:04d}",
            title=f"Patch {index + 1}",
            maker_id=maker.id,
            place=(quilt.id, row + 1, column + 1),
            photos=[(photo_ids[index % len(photo_ids)], PhotoRole.FRONT)],
        )
    return archive


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10)
    parser.add_argument("--columns", type=int, default=10)
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--photos", type=Path, default=REPO / ".cache" / "camera-photos-6")
    parser.add_argument("--to", default="png", choices=["png", "jpg"])
    parser.add_argument("--from-originals", action="store_true")
    parser.add_argument(
        "--no-reuse",
        action="store_true",
        help="Keep no decoded photo for later rows, as if every row's photos were different.",
    )
    arguments = parser.parse_args()
    if arguments.no_reuse:
        render.CACHE_CELLS = 0
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        archive = build(folder, arguments.photos, arguments.rows, arguments.columns)
        before = peak_mb()
        started = time.perf_counter()
        report = render_quilt(
            archive,
            "Bench quilt",
            folder / f"quilt.{arguments.to}",
            RenderOptions(width=arguments.width, from_originals=arguments.from_originals),
        )
        seconds = time.perf_counter() - started
        after = peak_mb()
        archive.close()
    megapixels = report.width * report.height / 1e6
    print(
        f"{arguments.rows}×{arguments.columns} quilt, {report.width}×{report.height} "
        f"{arguments.to.upper()} ({megapixels:.0f} MP), "
        f"{'originals' if arguments.from_originals else 'previews when large enough'}: "
        f"{seconds:.1f} s; peak resident memory {after:.0f} MB "
        f"({max(0.0, after - before):.0f} MB above the {before:.0f} MB before the render)"
    )


if __name__ == "__main__":
    sys.exit(main())
