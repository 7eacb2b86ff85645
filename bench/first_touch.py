"""What writing an import's copies costs in new page cache, against rewriting one file whose
pages the kernel hands straight back.

This machine class is a virtual machine with free page reporting: memory the guest frees is
given back to the host, and the first write to such a page costs a fault in the host. An import
fills about 4 MB of new page cache a photo, so it pays that whenever the host has taken memory
back. Prints milliseconds a file, median and range, for both.

    python -m bench.first_touch [--photos 100]
"""

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.photos import camera_photos


def timed_writes(contents: list[bytes], target: Callable[[int], Path]) -> list[float]:
    times = []
    for number, data in enumerate(contents):
        started = time.perf_counter()
        with open(target(number), "wb") as handle:
            handle.write(data)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(count: int, source: Path | None = None) -> dict[str, float]:
    source = source or camera_photos(count)
    contents = [path.read_bytes() for path in sorted(source.glob("*.jpg"))[:count]]
    with tempfile.TemporaryDirectory(dir=source.parent) as scratch:
        root = Path(scratch)
        new_files = timed_writes(contents, lambda number: root / f"{number}.jpg")
        one_file = timed_writes(contents, lambda _number: root / "rewritten.jpg")
    return {
        "megabytes_a_file": sum(map(len, contents)) / len(contents) / 1e6,
        "new_median_ms": statistics.median(new_files),
        "new_min_ms": min(new_files),
        "new_max_ms": max(new_files),
        "rewritten_median_ms": statistics.median(one_file),
        "rewritten_min_ms": min(one_file),
        "rewritten_max_ms": max(one_file),
    }


def report(result: dict[str, float]) -> str:
    return (
        f"writing a {result['megabytes_a_file']:.1f} MB copy to a new file: "
        f"median {result['new_median_ms']:.1f} ms ({result['new_min_ms']:.1f} to "
        f"{result['new_max_ms']:.1f}); rewriting one file, its pages reused at once: median "
        f"{result['rewritten_median_ms']:.1f} ms ({result['rewritten_min_ms']:.1f} to "
        f"{result['rewritten_max_ms']:.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    print(report(run(parser.parse_args().photos)))


if __name__ == "__main__":
    main()
