"""Import throughput against its floor, measured in the same run on the same files.

Floor: each file read, hashed (SHA-256) and decoded to thumbnail size with JPEG shrink-on-load,
spread over all cores, with nothing else. A second floor adds what no import can skip: the
copy written to the archive's disk, kept, and read back to check it.
Import: `import_photos` into a new archive (copy, verify, hash, EXIF, thumbnail, rows), with
one worker process per core.
"""

import argparse
import hashlib
import io
import os
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

from PIL import Image

from bench.photos import camera_photos
from quiltarchive import worker_processes
from quiltarchive.archive import Archive
from quiltarchive.importing.pipeline import import_photos


def _read_hash_decode(path: str) -> tuple[bytes, str]:
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    image = Image.open(io.BytesIO(data))
    image.draft("RGB", (256, 256 * image.height // image.width))
    image.load()
    return data, digest


def floor_one(path: str) -> str:
    return _read_hash_decode(path)[1]


def floor_with_copy_one(scratch: str, path: str) -> str:
    """The floor plus what no import can skip: a copy kept on the archive's disk (the folder
    `scratch`, emptied only after the run, as an import keeps its copies) and read back to
    check it holds the bytes that were hashed."""
    data, digest = _read_hash_decode(path)
    copy = Path(scratch) / Path(path).name
    copy.write_bytes(data)
    assert copy.read_bytes() == data
    return digest


def copy_floor(paths: list[str], workers: int, beside: Path) -> float:
    with tempfile.TemporaryDirectory(dir=beside) as scratch:
        return floor(paths, workers, partial(floor_with_copy_one, scratch))


def floor(paths: list[str], workers: int, one: Callable[[str], str] = floor_one) -> float:
    with ProcessPoolExecutor(workers, mp_context=worker_processes.context()) as pool:
        list(pool.map(one, paths[:workers]))  # start the workers before timing
        started = time.perf_counter()
        list(pool.map(one, paths, chunksize=1))
        return time.perf_counter() - started


def import_once(folder: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        archive = Archive.create(Path(scratch) / "archive", user="Benchmark")
        started = time.perf_counter()
        summary = list(import_photos(archive, [folder], workers=workers))[-1].summary
        seconds = time.perf_counter() - started
        archive.close()
        return seconds, summary.imported


def drop_caches(paths: list[str]) -> None:
    """Read every file once so both runs start from the same (warm) page cache."""
    for path in paths:
        Path(path).read_bytes()


def run(count: int, workers: int, repeats: int, folder: Path | None = None) -> dict[str, float]:
    folder = folder or camera_photos(count)
    paths = sorted(str(p) for p in folder.glob("*.jpg"))
    drop_caches(paths)
    floor_seconds = min(floor(paths, workers) for _ in range(repeats))
    copy_seconds = min(copy_floor(paths, workers, folder.parent) for _ in range(repeats))
    import_seconds, imported = min(import_once(folder, workers) for _ in range(repeats))
    assert imported == len(paths)
    return {
        "photos": len(paths),
        "workers": workers,
        "import_per_second": len(paths) / import_seconds,
        "floor_per_second": len(paths) / floor_seconds,
        "ratio": floor_seconds / import_seconds,
        "copy_floor_per_second": len(paths) / copy_seconds,
        "ratio_to_copy_floor": copy_seconds / import_seconds,
    }


def report(result: dict[str, float]) -> str:
    return (
        f"import: {result['photos']} camera-size photos, {result['workers']} workers: "
        f"{result['import_per_second']:.1f} photos/s; floor (read + SHA-256 + shrink-on-load "
        f"decode) {result['floor_per_second']:.1f} photos/s; ratio {result['ratio']:.2f} "
        "(target >= 0.8); floor with the copy written, kept and checked "
        f"{result['copy_floor_per_second']:.1f} photos/s, ratio "
        f"{result['ratio_to_copy_floor']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeats", type=int, default=2)
    arguments = parser.parse_args()
    print(report(run(arguments.photos, arguments.workers, arguments.repeats)))


if __name__ == "__main__":
    main()
