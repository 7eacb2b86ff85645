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
from quiltarchive.consent.review_lists import ExpiringConsent, expiring_consents, needs_review
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState
from quiltarchive.model.photo_id_set import PhotoIdSet
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
    allowed: Mapping[Use, PhotoIdSet]  # for each use outside the archive
    unreviewed: PhotoIdSet
    withheld: PhotoIdSet

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
        allowed={use: PhotoIdSet(ids) for use, ids in allowed.items()},
        unreviewed=PhotoIdSet(ReviewListStore(archive.db).unreviewed_photo_ids()),
        withheld=PhotoIdSet(store.photo_ids_in_states(withheld_states)),
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
    allowed: dict[Use, PhotoIdSet] = {}
    for use in OUTSIDE_USES:
        decisions = assess_photos(archive, ids, use, overview.day)
        now_allowed = [photo_id for photo_id, decision in decisions.items() if decision.allowed]
        allowed[use] = overview.allowed[use].changed(ids, now_allowed)
    unreviewed = [i for i, p in facts.items() if p.review_state is ReviewState.UNREVIEWED]
    withheld = [i for i, p in facts.items() if p.withheld]
    return ConsentOverview(
        day=overview.day,
        allowed=allowed,
        unreviewed=overview.unreviewed.changed(ids, unreviewed),
        withheld=overview.withheld.changed(ids, withheld),
    )


@dataclass(frozen=True, slots=True)
class ReviewLists:
    """The lists a librarian works through, as the app shows them."""

    needs_review: dict[int, tuple[str, ...]]  # photo id → why it needs review
    expiring: list[ExpiringConsent]


def review_lists(archive: Archive, on_day: date | None = None) -> ReviewLists:
    return ReviewLists(
        needs_review=needs_review(archive, on_day),
        expiring=expiring_consents(archive, today=on_day),
    )


def overview_and_lists_of(
    root: str, on_day: date | None = None
) -> tuple[ConsentOverview, ReviewLists]:
    """Both, for the archive in folder `root` opened for reading: for running in another
    process, so that a large archive's overview never competes with the app's window."""
    with Archive.open(root, writable=False) as archive:
        return consent_overview(archive, on_day), review_lists(archive, on_day)


def review_lists_of(root: str, on_day: date | None = None) -> ReviewLists:
    with Archive.open(root, writable=False) as archive:
        return review_lists(archive, on_day)
