"""Where an import's time goes: one worker's work on camera-size photos under pyinstrument.

The import runs one worker process per core, each doing this same per-file work; profiling it
in one process shows what the workers spend beyond the floor (read, SHA-256, reduced decode).
The main process only orders results and writes rows, which the last lines measure apart.

    .venv/bin/python -m bench.profile_import --photos 20   # writes bench/PROFILE-import.txt
"""

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from pyinstrument import Profiler

from bench.photos import camera_photos
from quiltarchive.archive import Archive
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.importing.worker import FileJob, Processed, process_file

HERE = Path(__file__).resolve().parent


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _only(folder: Path, paths: list[Path], scratch: str) -> Path:
    """A folder holding just the profiled photos (hard links)."""
    chosen = Path(scratch) / "chosen"
    chosen.mkdir()
    for path in paths:
        os.link(path, chosen / path.name)
    return chosen


def profile(folder: Path, count: int) -> str:
    paths = sorted(folder.glob("*.jpg"))[:count]
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        archive = Archive.create(Path(scratch) / "worker", user="Benchmark")
        jobs = [FileJob(index, str(path), archive.layout) for index, path in enumerate(paths)]
        profiler = Profiler(interval=0.0005)
        started = time.perf_counter()
        with profiler:
            results = [process_file(job) for job in jobs]
        worker_seconds = time.perf_counter() - started
        archive.close()
        assert all(isinstance(result, Processed) for result in results), results

        whole = Archive.create(Path(scratch) / "whole", user="Benchmark")
        workers = os.cpu_count() or 1
        before = _cpu(resource.RUSAGE_SELF)
        started = time.perf_counter()
        list(import_photos(whole, [_only(folder, paths, scratch)], workers=workers))
        whole_seconds = time.perf_counter() - started
        main_cpu = _cpu(resource.RUSAGE_SELF) - before
        whole.close()
    text = profiler.output_text(unicode=True, color=False, show_all=False, short_mode=False)
    return (
        f"Per-file work of {len(paths)} photos in one process: {worker_seconds:.2f} s "
        f"({worker_seconds / len(paths) * 1000:.0f} ms a photo).\n"
        f"The whole import of the same {len(paths)} photos with {workers} workers: "
        f"{whole_seconds:.2f} s, of which the main process (ordering results, moving files "
        f"into place, writing rows) used {main_cpu:.2f} s of CPU.\n\n" + text
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100)
    parser.add_argument("--out", type=Path, default=HERE / "PROFILE-import.txt")
    arguments = parser.parse_args()
    folder = camera_photos(arguments.photos)
    arguments.out.write_text(profile(folder, arguments.photos), encoding="utf-8")
    print(f"written to {arguments.out}")


if __name__ == "__main__":
    main()
