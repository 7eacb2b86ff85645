"""What writing an import's copies costs in memory used for the first time, against memory used
and freed before: on a virtual machine the host backs each guest page on first touch.

Writes the camera photos' bytes to new files three times: into fresh page cache, again into
more fresh page cache while the first set is kept, and once more after deleting the first set,
so the kernel hands back pages it has used. Prints milliseconds a file for each.

    python -m bench.first_touch [--photos 100]
"""

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench.photos import camera_photos


def write_all(folder: Path, contents: list[bytes]) -> float:
    folder.mkdir()
    started = time.perf_counter()
    for number, data in enumerate(contents):
        with open(folder / f"{number}.jpg", "wb") as handle:
            handle.write(data)
    return (time.perf_counter() - started) / len(contents) * 1000


def run(count: int, source: Path | None = None) -> dict[str, float]:
    source = source or camera_photos(count)
    contents = [path.read_bytes() for path in sorted(source.glob("*.jpg"))[:count]]
    with tempfile.TemporaryDirectory(dir=source.parent) as scratch:
        root = Path(scratch)
        first = write_all(root / "first", contents)
        second = write_all(root / "second", contents)
        shutil.rmtree(root / "first")
        reused = write_all(root / "reused", contents)
    return {
        "megabytes_a_file": sum(map(len, contents)) / len(contents) / 1e6,
        "fresh_ms": min(first, second),
        "reused_ms": reused,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    result = run(parser.parse_args().photos)
    print(
        f"writing a {result['megabytes_a_file']:.1f} MB copy: {result['fresh_ms']:.1f} ms into "
        f"memory not used before, {result['reused_ms']:.1f} ms into memory used and freed"
    )


if __name__ == "__main__":
    main()
