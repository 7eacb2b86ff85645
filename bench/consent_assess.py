"""Consent assessment of a whole archive for one use: throughput and ratio to the floor.

Floor: reading the same rows (photos, appearances, people, consents) with nothing decided.
"""

import argparse
import resource
import time
from pathlib import Path

from bench.synthetic import build
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import allowed_photo_ids, assess_photos
from quiltarchive.model.consent import Use


def read_only_floor(archive: Archive) -> None:
    db = archive.db
    for table in (
        "photos",
        "appearances",
        "people",
        "guardianships",
        "consents",
        "consent_withdrawals",
    ):
        db.execute(f"SELECT * FROM {table}").fetchall()


def best_of(repeats: int, action) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def run(photos: int, folder: Path, repeats: int = 5) -> dict[str, float]:
    build(folder, photos)
    with Archive.open(folder, writable=False) as archive:
        floor = best_of(repeats, lambda: read_only_floor(archive))
        decisions: dict = {}

        def assess_all() -> None:
            decisions.update(assess_photos(archive, None, Use.WEB))

        seconds = best_of(repeats, assess_all)
        allowed = sum(d.allowed for d in decisions.values())
        ready: set[int] = set()
        ready_seconds = best_of(repeats, lambda: ready.update(allowed_photo_ids(archive, Use.WEB)))
        assert len(ready) == allowed, "the bulk path and the per-photo path disagree"
    return {
        "photos": photos,
        "seconds": seconds,
        "floor_seconds": floor,
        "photos_per_second": photos / seconds,
        "ratio_to_floor": floor / seconds,
        "ready_seconds": ready_seconds,
        "allowed": allowed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=Path("bench/.data/archive-100k"))
    arguments = parser.parse_args()
    result = run(arguments.photos, arguments.folder)
    print(f"which photos are ready (web), whole archive: {result['ready_seconds']:.3f}s")
    print(
        f"every decision with reasons (web): {result['photos']:,} photos in "
        f"{result['seconds']:.3f}s = {result['photos_per_second']:,.0f} photos/s; floor (read "
        f"the rows) {result['floor_seconds']:.3f}s; ratio {result['ratio_to_floor']:.2f}; "
        f"{result['allowed']:,} allowed; peak RSS {result['peak_rss_mb']:.0f} MB"
    )


if __name__ == "__main__":
    main()
