"""Camera-size photos for the benchmarks, generated once with the shared tool and kept."""

import csv
import os
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / ".data"


def _generated_sets() -> list[tuple[int, Path]]:
    found = []
    for folder in DATA.glob("camera-photos-*"):
        if (folder / "manifest.csv").is_file() and folder.name.rsplit("-", 1)[1].isdigit():
            found.append((int(folder.name.rsplit("-", 1)[1]), folder))
    return sorted(found)


def _linked_subset(larger: Path, folder: Path, count: int) -> None:
    """The shared tool's photo i does not depend on how many are made: link the first `count`."""
    with (larger / "manifest.csv").open(newline="") as source:
        rows = list(csv.reader(source))
    header, chosen = rows[0], rows[1 : count + 1]
    folder.mkdir(parents=True, exist_ok=True)
    for row in chosen:
        target = folder / row[0]
        if not target.exists():
            os.link(larger / row[0], target)
    with (folder / "manifest.csv").open("w", newline="") as out:
        csv.writer(out).writerows([header, *chosen])


def camera_photos(count: int) -> Path:
    """A folder of `count` 12 MP JPEGs with real camera EXIF (half with GPS)."""
    folder = DATA / f"camera-photos-{count}"
    if (folder / "manifest.csv").is_file():
        return folder
    larger = next((path for size, path in _generated_sets() if size >= count), None)
    if larger is not None:
        _linked_subset(larger, folder, count)
        return folder
    print(f"generating {count} camera-size photos into {folder} (once)…", file=sys.stderr)
    generate(folder, count)
    return folder


def generate(folder: Path, count: int, shared: Path = SHARED) -> None:
    """Run the shared generator (about 4 s a photo a core); it writes manifest.csv last."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(shared / "tools" / "make_photos.py"),
            "-o",
            str(folder),
            "-n",
            str(count),
        ],
        check=True,
        capture_output=True,
    )
