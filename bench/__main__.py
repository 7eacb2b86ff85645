"""`make bench`: the five benchmarks on this machine, printed and written to bench/RESULTS.md.

.venv/bin/python -m bench            # the full sizes: 500 photos, a 100,000-photo catalogue
.venv/bin/python -m bench --quick    # small sizes, to see that everything runs
"""

import argparse
import os
import platform
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import PIL

from bench import (
    catalogue,
    consent_assess,
    export_gallery,
    gui_responsiveness,
    import_photos,
    query_plans,
)

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor() or "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    memory = ""
    if Path("/proc/meminfo").exists():
        kilobytes = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kilobytes / 1024 / 1024:.0f} GiB"
    from PySide6 import __version__ as pyside

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"Pillow {PIL.__version__}, PySide6 {pyside}"
    )


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def import_section(quick: bool) -> list[str]:
    result = import_photos.run(8 if quick else 500, os.cpu_count() or 1, 1 if quick else 2)
    return [
        f"| photos/s importing {result['photos']} camera-size JPEGs "
        f"({result['workers']} workers) | {result['import_per_second']:.1f} | "
        f"{result['floor_per_second']:.1f} | {result['ratio']:.2f} | ≥ 0.8 | "
        f"{verdict(result['ratio'] >= 0.8)} |",
        f"| the same against the floor with the copy written, kept and checked "
        f"| {result['import_per_second']:.1f} | {result['copy_floor_per_second']:.1f} "
        f"| {result['ratio_to_copy_floor']:.2f} | | |",
    ]


def export_section(quick: bool) -> list[str]:
    result = export_gallery.run(20 if quick else 500)
    return [
        f"| photos/s exporting a {result['photos']}-photo gallery ({result['workers']} workers) "
        f"| {result['photos_per_second']:.1f} | {result['floor_photos_per_second']:.1f} | "
        f"{result['ratio_to_floor']:.2f} | ≥ 0.7 | {verdict(result['ratio_to_floor'] >= 0.7)} |"
    ]


def consent_section(quick: bool) -> list[str]:
    photos = 5_000 if quick else 100_000
    result = consent_assess.run(photos, DATA / f"catalogue-{photos}", repeats=3)
    return [
        f"| assess {photos:,} photos for web: which may go "
        f"| {result['ready_seconds'] * 1000:.0f} ms | | | < 1 s "
        f"| {verdict(result['ready_seconds'] < 1)} |",
        f"| assess {photos:,} photos for web: every decision with its reasons "
        f"| {result['seconds'] * 1000:.0f} ms | {result['floor_seconds'] * 1000:.0f} ms (read the "
        f"rows) | {result['ratio_to_floor']:.2f} | | |",
    ]


def catalogue_section(quick: bool) -> list[str]:
    photos = 5_000 if quick else 100_000
    folder = DATA / f"catalogue-{photos}"
    rows = catalogue.run(photos, folder)
    (HERE / "PLANS.md").write_text(query_plans.report(folder), encoding="utf-8")
    return [
        *catalogue.table(rows).splitlines()[2:],
        "| how SQLite reads each smart list | see [PLANS.md](PLANS.md) | | |",
    ]


def gui_section(quick: bool) -> list[str]:
    photos = 5_000 if quick else 100_000
    result = gui_responsiveness.run(photos, DATA / f"catalogue-{photos}")
    painted = result["painted_s"] < gui_responsiveness.PAINTED_TARGET_S
    smooth = result["longest_block_ms"] < gui_responsiveness.BLOCK_TARGET_MS
    return [
        f"| launch to a painted grid of {result['photos']:,} photos | {result['painted_s']:.2f} s "
        f"| < {gui_responsiveness.PAINTED_TARGET_S} s | {verdict(painted)} |",
        f"| longest GUI-thread block scrolling top to bottom | "
        f"{result['longest_block_ms']:.0f} ms | < {gui_responsiveness.BLOCK_TARGET_MS:.0f} ms | "
        f"{verdict(smooth)} |",
        f"| launch to consent badges (background) | {result['badges_s']:.2f} s | | |",
        *[
            f"| click “{name}” to the grid showing it | {ms:.0f} ms "
            f"| < {gui_responsiveness.LIST_TARGET_MS} ms "
            f"| {verdict(ms < gui_responsiveness.LIST_TARGET_MS)} |"
            for name, ms in result["lists_ms"].items()
        ],
    ]


SECTIONS: dict[str, tuple[str, str, Callable[[bool], list[str]]]] = {
    "import": (
        "Import (benchmark 1)",
        "| what | measured | floor | ratio | target | |\n|---|---:|---:|---:|---:|---|",
        import_section,
    ),
    "export": (
        "Export (benchmark 2)",
        "| what | measured | floor | ratio | target | |\n|---|---:|---:|---:|---:|---|",
        export_section,
    ),
    "catalogue": (
        "Catalogue at scale (benchmark 3)",
        "| what | measured | target | |\n|---|---:|---:|---|",
        catalogue_section,
    ),
    "gui": (
        "GUI responsiveness (benchmark 4)",
        "| what | measured | target | |\n|---|---:|---:|---|",
        gui_section,
    ),
    "consent": (
        "Consent assessment (benchmark 5)",
        "| what | measured | floor | ratio | target | |\n|---|---:|---:|---:|---:|---|",
        consent_section,
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="Small sizes, to see it all runs.")
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    arguments = parser.parse_args()
    chosen = arguments.only or list(SECTIONS)
    started = datetime.now().astimezone()
    load = os.getloadavg()[0]
    out: list[str] = [
        "# Benchmark results",
        "",
        f"Run {started:%Y-%m-%d %H:%M %Z} with "
        f"`python -m bench{' --quick' if arguments.quick else ''}` on {machine()}. "
        f"Load average at the start: {load:.2f}.",
        "",
    ]
    for key in chosen:
        title, header, section = SECTIONS[key]
        print(f"{title}…", flush=True)
        began = time.perf_counter()
        rows: list[Any] = section(arguments.quick)
        out += [
            f"## {title}",
            "",
            header,
            *rows,
            "",
            f"(took {time.perf_counter() - began:.0f} s)",
            "",
        ]
        print("\n".join([header, *rows]), flush=True)
    out.append(f"Load average at the end: {os.getloadavg()[0]:.2f}.")
    arguments.out.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"written to {arguments.out}")


if __name__ == "__main__":
    main()
