"""Before any export: which items of a set will go out, which will be left out and why, and
which lack alt text. The export itself follows exactly this plan.

Whether an item may go is the consent decision (`quiltarchive.consent.assessment`), on the day
of the export. On top of it, an item whose caption, alt text or title names someone beyond what
their consent allows is left out too, until its text is changed: a text never overrides a "no".
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import names_allowed
from quiltarchive.curation.collections import check_export_use
from quiltarchive.errors import InvalidInput
from quiltarchive.export.sources import Source, load_sources
from quiltarchive.export.texts import NamedPerson, NameGuard, numbered_stem, title_from
from quiltarchive.model.appearance import Box
from quiltarchive.model.collection import Collection, CollectionItem
from quiltarchive.model.consent import Use


@dataclass(frozen=True, slots=True)
class PlannedItem:
    """An item that will go out, numbered in the order of the export."""

    source: Source
    number: int  # 1, 2, 3… among the items that go out
    stem: str  # the file name without extension: `003-quilt-workshop`
    title: str
    caption: str
    alt_text: str  # never empty: written from the caption or the title when none is recorded
    alt_missing: bool  # nobody wrote alt text for it
    credit: str  # from the consent decision only

    @property
    def item(self) -> CollectionItem:
        return self.source.item

    @property
    def consent_ids(self) -> tuple[int, ...]:
        return self.source.decision.consent_ids

    @property
    def blur(self) -> tuple[Box, ...]:
        return self.source.decision.blur


@dataclass(frozen=True, slots=True)
class LeftOut:
    item: CollectionItem
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ExportPlan:
    collection: Collection
    use: Use
    day: date
    blur_unconsented: bool
    included: tuple[PlannedItem, ...]
    left_out: tuple[LeftOut, ...]
    problems: tuple[str, ...] = ()  # about the set itself (its name or description): stop it

    @property
    def lacking_alt_text(self) -> tuple[PlannedItem, ...]:
        return tuple(p for p in self.included if p.alt_missing)

    @property
    def blurred_regions(self) -> int:
        return sum(len(p.blur) for p in self.included)


def export_use(collection: Collection, use: Use | None) -> Use:
    chosen = use or collection.use
    if chosen is None:
        raise InvalidInput(
            f"Say which use the export of “{collection.name}” is for (web, print, social, press "
            "or exhibition), or give the collection a target use."
        )
    return check_export_use(chosen)


def preflight(
    archive: Archive,
    collection_id: int,
    use: Use | None = None,
    on_day: date | None = None,
    *,
    blur_unconsented: bool = False,
) -> ExportPlan:
    """What an export of the set for `use` on `on_day` (default today) would hold."""
    collection = archive.collections.get(collection_id)
    chosen = export_use(collection, use)
    day = on_day or clock.today()
    items = archive.collections.items(collection_id)
    sources = load_sources(archive, items, chosen, day, blur_unconsented)
    guard = _name_guard(archive, sources.values(), chosen, day)

    passing: list[tuple[Source, str]] = []
    left_out: list[LeftOut] = []
    for item in items:
        source = sources.get(item.id)
        if source is None:
            left_out.append(LeftOut(item, ("It is no longer in the archive.",)))
            continue
        title = title_from(source.caption, source.fallback_title)
        reasons = list(source.decision.reasons)
        if not reasons:
            texts = [source.caption, source.alt_text, title]
            if source.told is not None:
                texts += [source.told.title, source.told.text, source.told.translation]
            what = "Its caption, title or text" if source.told else "Its caption, alt text or title"
            reasons += guard.problems(texts, source.people, what)
        if reasons:
            left_out.append(LeftOut(item, tuple(reasons)))
        else:
            passing.append((source, title))

    total = len(passing)
    included = []
    for number, (source, title) in enumerate(passing, start=1):
        described = "" if title == source.kind_label else f": {title}"
        alt = (
            source.alt_text
            or source.caption
            or f"{source.kind_label} {number} of {total}{described}"
        )
        included.append(
            PlannedItem(
                source=source,
                number=number,
                stem=numbered_stem(number, total, title),
                title=title,
                caption=source.caption,
                alt_text=alt,
                alt_missing=source.picture is not None and not source.alt_text,
                credit=source.decision.credit,
            )
        )
    everyone = [p for s, _ in passing for p in s.people]
    problems = guard.problems(
        [collection.name, collection.description], everyone, "The collection's name or description"
    )
    quilt_ids = {
        p.source.work.quilt_id
        for p in included
        if p.source.work is not None and p.source.work.quilt_id is not None
    }
    quilt_names = [archive.quilts.get(quilt_id).name for quilt_id in sorted(quilt_ids)]
    problems += guard.problems(quilt_names, everyone, "The name of a quilt on its map")
    return ExportPlan(
        collection,
        chosen,
        day,
        blur_unconsented,
        tuple(included),
        tuple(left_out),
        tuple(problems),
    )


def _name_guard(archive: Archive, sources: Iterable[Source], use: Use, day: date) -> NameGuard:
    """Guards the names of everyone recorded in the set's items, and of every do-not-identify
    person in the archive (who must not be named anywhere, in the photo or not)."""
    hidden = set(archive.people.do_not_identify_ids())
    people = {p for source in sources for p in source.people}
    allowed = names_allowed(archive, people | hidden, use, day)
    return NameGuard(
        {
            person_id: NamedPerson(name, may_be, person_id in hidden)
            for person_id, (name, may_be) in allowed.items()
        },
        everywhere=sorted(hidden),
    )
