"""Asking the rules about photos in the archive: the function every view, list and export uses."""

from collections.abc import Iterable
from datetime import date

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.rules import Standing, decide_photo
from quiltarchive.errors import NotFound
from quiltarchive.model.consent import Use
from quiltarchive.model.consent_facts import ArchiveFacts, PhotoFacts
from quiltarchive.model.decision import Decision
from quiltarchive.storage.consent_facts import ConsentFactsStore


def load_facts(
    archive: Archive, photo_ids: Iterable[int] | None
) -> tuple[list[PhotoFacts], ArchiveFacts]:
    store = ConsentFactsStore(archive.db)
    photos = store.photos(photo_ids)
    if photo_ids is None:
        people = store.people(None)
    else:
        people = store.people(
            a.person_id for p in photos for a in p.appearances if a.person_id is not None
        )
    return photos, ArchiveFacts(people, archive.settings.guardian_consent_age())


def assess(
    archive: Archive,
    photo_id: int,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> Decision:
    """May this photo be used for `use` on `on_day` (default: today)?"""
    decisions = assess_photos(archive, [photo_id], use, on_day, blur_regions=blur_regions)
    if photo_id not in decisions:
        raise NotFound(f"There is no photo with id {photo_id}.")
    return decisions[photo_id]


def assess_photos(
    archive: Archive,
    photo_ids: Iterable[int] | None,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> dict[int, Decision]:
    """Decisions for many photos (all when `photo_ids` is None), from one bulk load."""
    day = on_day or clock.today()
    photos, facts = load_facts(archive, photo_ids)
    standings: dict[int, Standing] = {}
    return {
        photo.id: decide_photo(photo, facts, use, day, blur=blur_regions, standings=standings)
        for photo in photos
    }
