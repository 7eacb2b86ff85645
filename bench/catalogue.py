"""A campaign-scale catalogue (100,000 photos with people, consents, patches and stories):
opening it, searching, filtering, every smart list, assessing the whole archive, memory.

Each figure is the best of several runs of the same core call the app makes. Smart lists are
timed cold (nothing kept from an earlier list) and warm (each person's standing kept, as the app
has it after the first list). The floor is reading the photos table's ids, measured in the same
run: nothing that lists photos can be faster.
"""

import argparse
import resource
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.synthetic import build
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import allowed_photo_ids, assess_photos
from quiltarchive.consent.consents import delete_mistaken_consent, record_consent
from quiltarchive.consent.overview import consent_overview
from quiltarchive.consent.review_lists import expiring_consents, needs_review
from quiltarchive.consent.rules import person_standing
from quiltarchive.errors import InvalidInput
from quiltarchive.model.consent import Use
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.storage.consent_facts import ConsentFactsStore

LIST_TARGET_MS = 100


def best_ms(
    action: Callable[[], Any], repeats: int = 3, before: Callable[[], None] | None = None
) -> float:
    best = float("inf")
    for _ in range(repeats):
        if before is not None:
            before()
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def withheld_photo_ids(archive: Archive) -> list[int]:
    store = ConsentFactsStore(archive.db)
    return store.photo_ids_in_states([state for state in store.photo_states() if state[0]])


class ConsentChanges:
    """Consents recorded as a librarian would, while the benchmark's reader keeps its lists;
    deleted again at the end so the archive is as it was built."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._recorded: list[int] = []

    def record_one(self) -> None:
        with Archive.open(self._folder, user="Benchmark") as writer:
            for person_id, _name in writer.people.names()[len(self._recorded) * 7 :]:
                try:
                    recorded = record_consent(
                        writer, person_id, given_by_id=person_id, given_on=date(2024, 1, 5),
                        uses=[Use.WEB],
                    )  # fmt: skip
                except InvalidInput:  # a child: their consent comes from a guardian
                    continue
                self._recorded.append(recorded.consent.id)
                return

    def undo(self) -> None:
        with Archive.open(self._folder, user="Benchmark") as writer:
            for consent_id in self._recorded:
                delete_mistaken_consent(writer, consent_id)


def open_and_first_page(folder: Path) -> None:
    with Archive.open(folder, writable=False) as archive:
        ids = archive.photos.ordered_ids(PhotoQuery())
        archive.photos.get_many(ids[:200])


def run(photos: int, folder: Path) -> list[dict[str, Any]]:
    build(folder, photos)
    rows: list[dict[str, Any]] = []

    def record(name: str, milliseconds: float, target_ms: float | None) -> None:
        rows.append({"what": name, "ms": milliseconds, "target_ms": target_ms})

    record(
        "open the archive and read the grid's first page",
        best_ms(lambda: open_and_first_page(folder)),
        1000,
    )
    archive = Archive.open(folder, writable=False)
    forget = archive.memo.clear
    changes = ConsentChanges(folder)
    one_consent_change = changes.record_one
    today = date.today()
    record(
        "floor: read every photo id",
        best_ms(lambda: archive.photos.ordered_ids(PhotoQuery())),
        None,
    )
    for words in ("patch", "surname5", "quilt workshop", "libr"):
        record(
            f"search “{words}”",
            best_ms(lambda w=words: archive.photos.ordered_ids(PhotoQuery(text=w))),
            LIST_TARGET_MS,
        )
    record(
        "filter: one event",
        best_ms(lambda: archive.photos.ordered_ids(PhotoQuery(event_id=7))),
        LIST_TARGET_MS,
    )
    record(
        "filter: one person",
        best_ms(lambda: archive.photos.ordered_ids(PhotoQuery(person_id=42))),
        LIST_TARGET_MS,
    )
    record(
        "filter: a month",
        best_ms(
            lambda: archive.photos.ordered_ids(
                PhotoQuery(taken_from=date(2024, 3, 1), taken_to=date(2024, 3, 31))
            )
        ),
        LIST_TARGET_MS,
    )
    record(
        "smart list: needs review (cold)",
        best_ms(lambda: needs_review(archive), before=forget),
        LIST_TARGET_MS,
    )
    record(
        "smart list: needs review (warm)", best_ms(lambda: needs_review(archive)), LIST_TARGET_MS
    )
    record(
        "smart list: consent expiring", best_ms(lambda: expiring_consents(archive)), LIST_TARGET_MS
    )
    for use in (Use.WEB, Use.PRINT, Use.SOCIAL, Use.PRESS):
        record(
            f"smart list: ready for {use.value} (cold)",
            best_ms(lambda u=use: allowed_photo_ids(archive, u, today), before=forget),
            LIST_TARGET_MS,
        )
        record(
            f"smart list: ready for {use.value} (warm)",
            best_ms(lambda u=use: allowed_photo_ids(archive, u, today)),
            LIST_TARGET_MS,
        )
    people = ConsentFactsStore(archive.db).people
    consent_age = archive.settings.guardian_consent_age()
    everyone = people()
    record("cold list, part: reading every person and consent", best_ms(people), None)
    record(
        "cold list, part: deciding each person's standing for web",
        best_ms(
            lambda: [person_standing(p, Use.WEB, today, consent_age) for p in everyone.values()]
        ),
        None,
    )
    record(
        "cold list, part: the photos no one stops (as warm)",
        best_ms(lambda: allowed_photo_ids(archive, Use.WEB, today)),
        None,
    )
    record(
        "smart list: ready for web after a librarian records a consent",
        best_ms(lambda: allowed_photo_ids(archive, Use.WEB, today), before=one_consent_change),
        LIST_TARGET_MS,
    )
    record(
        "smart list: withheld",
        best_ms(lambda: allowed_photo_ids(archive, Use.ARCHIVE, today)),
        LIST_TARGET_MS,
    )
    record(
        "assess-all for web: which photos may go (cold)",
        best_ms(lambda: allowed_photo_ids(archive, Use.WEB, today), before=forget),
        1000,
    )
    record(
        "assess-all for web: every decision with its reasons",
        best_ms(lambda: assess_photos(archive, None, Use.WEB, today), repeats=2),
        None,
    )
    record(
        "the app's consent overview (5 uses, cold)",
        best_ms(lambda: consent_overview(archive, today), repeats=2, before=forget),
        None,
    )
    archive.close()
    changes.undo()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows.append(
        {
            "what": "peak memory (RSS) of all the above",
            "ms": None,
            "target_ms": None,
            "mb": peak,
            "target_mb": 400,
        }
    )
    return rows


def verdict(row: dict[str, Any]) -> str:
    if "mb" in row:
        return "met" if row["mb"] < row["target_mb"] else "MISSED"
    if row["target_ms"] is None:
        return ""
    return "met" if row["ms"] < row["target_ms"] else "MISSED"


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| what | measured | target | |", "|---|---:|---:|---|"]
    for row in rows:
        if "mb" in row:
            measured, target = f"{row['mb']:.0f} MB", f"< {row['target_mb']} MB"
        else:
            measured = f"{row['ms']:.0f} ms"
            target = f"< {row['target_ms']:.0f} ms" if row["target_ms"] else ""
        lines.append(f"| {row['what']} | {measured} | {target} | {verdict(row)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=100_000)
    parser.add_argument("--folder", type=Path, default=None)
    arguments = parser.parse_args()
    folder = arguments.folder or Path(__file__).parent / ".data" / f"catalogue-{arguments.photos}"
    print(table(run(arguments.photos, folder)))


if __name__ == "__main__":
    main()
