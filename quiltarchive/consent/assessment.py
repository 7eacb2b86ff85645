"""Asking the rules about photos in the archive: the function every view, list and export uses."""

from collections.abc import Iterable
from datetime import date
from typing import Any

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
from quiltarchive.model.consent_facts import ArchiveFacts, PersonFacts, PhotoFacts
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

    The same rules as `assess_photos`, applied to groups rather than photo by photo: the photo
    rules once per distinct (withheld, rights, review) state, each person's standing once. For
    smart lists and counts; `assess_photos` gives the reasons for the photos someone looks at.
    """
    return allowed_photo_ids_by_use(archive, [use], on_day, blur_regions=blur_regions)[use]


def allowed_photo_ids_by_use(
    archive: Archive,
    uses: Iterable[Use],
    on_day: date | None = None,
    *,
    blur_regions: bool = False,
) -> dict[Use, set[int]]:
    """`allowed_photo_ids` for several uses, reading the archive once for all of them."""
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    states = store.photo_states()
    consent_age = archive.settings.guardian_consent_age()
    loaded: dict[tuple[Any, ...], tuple[set[int], list[tuple[int, int | None, bool]]]] = {}
    people: dict[int, PersonFacts] = {}
    allowed: dict[Use, set[int]] = {}
    for use in dict.fromkeys(uses):
        passing = [state for state in states if not photo_level_reasons(0, *state, use)]
        key = tuple(passing)
        if key not in loaded:
            appearances = (
                [] if use is Use.ARCHIVE else store.identifiable_appearances_in_states(passing)
            )
            loaded[key] = (set(store.photo_ids_in_states(passing)), appearances)
            wanted = {person_id for _, person_id, _ in appearances if person_id}
            people.update(store.people(wanted - people.keys()))
        candidates, appearances = loaded[key]
        if use is Use.ARCHIVE or not candidates:
            allowed[use] = set(candidates)
            continue
        ok = {
            person_id: person_standing(person, use, day, consent_age).ok
            for person_id, person in people.items()
        }
        blocked = {
            photo_id
            for photo_id, person_id, has_box in appearances
            if not (person_id is not None and ok.get(person_id, False))
            and not (blur_regions and has_box)
        }
        allowed[use] = candidates - blocked
    return allowed
