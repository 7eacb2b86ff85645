"""Asking the rules about photos in the archive: the function every view, list and export uses."""

from collections.abc import Iterable
from datetime import date

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.rules import (
    Standing,
    decide_photo,
    person_standing,
    photo_level_reasons,
)
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


def allowed_photo_ids(
    archive: Archive,
    use: Use,
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> set[int]:
    """Which photos of the whole archive may be used for `use` on the day.

    The same rules as `assess_photos`, applied to sets rather than photo by photo: the photo
    rules once per distinct (withheld, rights, review) state, each person's standing once (and
    kept until a consent record changes), then one query for the photos no one stops. For
    smart lists and counts; `assess_photos` gives the reasons for the photos someone looks at.
    """
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    passing = [state for state in store.photo_states() if not photo_level_reasons(0, *state, use)]
    if use is Use.ARCHIVE:
        return set(store.photo_ids_in_states(passing))
    good = people_in_good_standing(archive, use, day)
    return set(store.photos_without_blocking_people(passing, good, blur=blur_regions))


def people_in_good_standing(archive: Archive, use: Use, day: date) -> frozenset[int]:
    """Everyone who may be shown for `use` on `day` (named, not do-not-identify, a consent that
    counts). Kept per archive session until any consent record changes."""
    store = ConsentFactsStore(archive.db)
    epoch = store.consent_epoch()
    key = ("people in good standing", use, day)
    kept = archive.memo.get(key)
    if kept is not None and kept[0] == epoch and isinstance(kept[1], frozenset):
        return kept[1]
    consent_age = archive.settings.guardian_consent_age()
    good = frozenset(
        person_id
        for person_id, person in store.people().items()
        if person_standing(person, use, day, consent_age).ok
    )
    archive.memo[key] = (epoch, good)
    return good
