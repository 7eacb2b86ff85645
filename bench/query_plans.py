"""SQLite's plan for every statement behind each smart list, on the benchmark catalogue.

Written to bench/PLANS.md by `make bench`: each list's statements with how often they ran and
how SQLite reads them (SEARCH … USING INDEX is a seek; SCAN is a pass over a table or index).

    .venv/bin/python -m bench.query_plans --photos 5000
"""

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.synthetic import build
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import allowed_photo_ids
from quiltarchive.consent.review_lists import expiring_consents, needs_review
from quiltarchive.model.consent import Use
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.storage.query_plans import explain_while

SQL_SHOWN = 400


def smart_lists(archive: Archive) -> dict[str, Callable[[], Any]]:
    today = date.today()
    lists: dict[str, Callable[[], Any]] = {
        "Needs review": lambda: needs_review(archive),
        "Consent expiring": lambda: expiring_consents(archive),
    }
    for use in (Use.WEB, Use.PRINT, Use.SOCIAL, Use.PRESS):
        lists[f"Ready for {use.value}"] = lambda u=use: allowed_photo_ids(archive, u, today)
    lists["Withheld"] = lambda: allowed_photo_ids(archive, Use.ARCHIVE, today)
    lists["Search “quilt workshop”"] = lambda: archive.photos.ordered_ids(
        PhotoQuery(text="quilt workshop")
    )
    return lists


def report(folder: Path) -> str:
    out = [
        "# Query plans of the smart lists",
        "",
        f"On the benchmark catalogue `{folder.name}`, each list computed cold (nothing cached).",
        "",
    ]
    with Archive.open(folder, writable=False) as archive:
        for name, work in smart_lists(archive).items():
            archive.memo.clear()
            out += [f"## {name}", ""]
            for statement in explain_while(archive.db, work):
                sql = statement.sql
                shown = sql if len(sql) <= SQL_SHOWN else sql[:SQL_SHOWN] + " …"
                out += [
                    f"- run {statement.times_run}×: `{shown}`",
                    "",
                    "  ```",
                    *[f"  {line}" for line in statement.plan],
                    "  ```",
                    "",
                ]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "PLANS.md")
    arguments = parser.parse_args()
    folder = Path(__file__).parent / ".data" / f"catalogue-{arguments.photos}"
    build(folder, arguments.photos)
    arguments.out.write_text(report(folder), encoding="utf-8")
    print(f"written to {arguments.out}")


if __name__ == "__main__":
    main()
