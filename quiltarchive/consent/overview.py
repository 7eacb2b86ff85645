"""The whole archive at a glance: which photos may be used for what today.

The app paints a badge on every tile and counts its smart lists from this. The sets come from
`allowed_photo_ids` (the same rules as `assess`, applied to groups); after an edit only the
photos it touched are decided again, with `assess_photos`.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import allowed_photo_ids_by_use, assess_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState
from quiltarchive.storage.consent_facts import ConsentFactsStore
from quiltarchive.storage.review_lists import ReviewListStore

OUTSIDE_USES = tuple(use for use in Use if use is not Use.ARCHIVE)


class Badge(StrEnum):
    READY = "ready"  # may be used for the use asked about
    SOME_USES = "some-uses"  # not for that use, but for at least one other use outside
    BLOCKED = "blocked"  # for no use outside the archive (withheld, rights, consent…)
    UNREVIEWED = "unreviewed"  # nobody has recorded yet who is in it


@dataclass(frozen=True, slots=True)
class ConsentOverview:
    day: date
    allowed: Mapping[Use, frozenset[int]]  # for each use outside the archive
    unreviewed: frozenset[int]
    withheld: frozenset[int]

    def badge(self, photo_id: int, use: Use) -> Badge:
        if photo_id in self.withheld:
            return Badge.BLOCKED
        if photo_id in self.unreviewed:
            return Badge.UNREVIEWED
        if use is Use.ARCHIVE or photo_id in self.allowed[use]:
            return Badge.READY
        if any(photo_id in ids for ids in self.allowed.values()):
            return Badge.SOME_USES
        return Badge.BLOCKED

    def ready_uses(self, photo_id: int) -> list[Use]:
        """The uses outside the archive this photo may go to today."""
        return [use for use in OUTSIDE_USES if photo_id in self.allowed[use]]


def consent_overview(archive: Archive, on_day: date | None = None) -> ConsentOverview:
    """Every photo's standing for every use outside the archive, on the day (default today)."""
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    withheld_states = [state for state in store.photo_states() if state[0]]
    allowed = allowed_photo_ids_by_use(archive, OUTSIDE_USES, day)
    return ConsentOverview(
        day=day,
        allowed={use: frozenset(ids) for use, ids in allowed.items()},
        unreviewed=frozenset(ReviewListStore(archive.db).unreviewed_photo_ids()),
        withheld=frozenset(store.photo_ids_in_states(withheld_states)),
    )


def photos_affected_by_people(archive: Archive, person_ids: Iterable[int]) -> set[int]:
    """Photos whose decisions may change when these people's records or consents change."""
    return set(ReviewListStore(archive.db).photos_showing(person_ids))


def refreshed_overview(
    archive: Archive, overview: ConsentOverview, photo_ids: Iterable[int]
) -> ConsentOverview:
    """The overview with these photos decided again (after an edit touched them)."""
    ids = set(photo_ids)
    if not ids:
        return overview
    facts = {photo.id: photo for photo in ConsentFactsStore(archive.db).photos(ids)}
    allowed: dict[Use, frozenset[int]] = {}
    for use in OUTSIDE_USES:
        decisions = assess_photos(archive, ids, use, overview.day)
        now_allowed = {photo_id for photo_id, decision in decisions.items() if decision.allowed}
        allowed[use] = (overview.allowed[use] - ids) | now_allowed
    unreviewed = {i for i, p in facts.items() if p.review_state is ReviewState.UNREVIEWED}
    withheld = {i for i, p in facts.items() if p.withheld}
    return ConsentOverview(
        day=overview.day,
        allowed=allowed,
        unreviewed=(overview.unreviewed - ids) | unreviewed,
        withheld=(overview.withheld - ids) | withheld,
    )
