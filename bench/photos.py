"""Camera-size photos for the benchmarks, generated once with the shared tool and kept."""

import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / ".data"


def camera_photos(count: int) -> Path:
    """A folder of `count` 12 MP JPEGs with real camera EXIF (half with GPS)."""
    folder = DATA / f"camera-photos-{count}"
    if not (folder / "manifest.csv").is_file():
        folder.mkdir(parents=True, exist_ok=True)
        print(f"generating {count} camera-size photos into {folder} (once)…", file=sys.stderr)
        subprocess.run(
            [
                sys.executable,
                str(SHARED / "tools" / "make_photos.py"),
                "-o",
                str(folder),
                "-n",
                str(count),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return folder
