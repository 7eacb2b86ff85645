"""Where people stand today: for each use, and for each of their consents.

For the app's people list and person page; the answers come from the rules in `rules.py`.
"""

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from functools import cache

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import standings_by_use
from quiltarchive.consent.rules import (
    giver_is_valid,
    person_standing,
    superseded_on,
    why_not_in_force,
)
from quiltarchive.errors import NotFound
from quiltarchive.model.consent import Consent, Use
from quiltarchive.model.consent_facts import PersonFacts
from quiltarchive.storage.consent_facts import ConsentFactsStore
from quiltarchive.storage.review_lists import ReviewListStore

OUTSIDE_USES = tuple(use for use in Use if use is not Use.ARCHIVE)


@dataclass(frozen=True, slots=True)
class UseStanding:
    use: Use
    ok: bool
    reason: str  # why not, in plain words; "" when ok


@dataclass(frozen=True, slots=True)
class ConsentState:
    consent: Consent
    given_by_name: str
    status: str  # "in-force", "not-yet", "withdrawn", "expired" or "superseded"
    counts: bool  # in force today and given by someone entitled to give it


@dataclass(frozen=True, slots=True)
class PersonSummary:
    person: PersonFacts
    photo_count: int  # photos in which they are identifiable
    ready_uses: tuple[Use, ...]  # uses outside the archive their consent covers today


def _facts(archive: Archive, person_id: int) -> PersonFacts:
    found = ConsentFactsStore(archive.db).people([person_id])
    if person_id not in found:
        raise NotFound(f"There is no person with id {person_id}.")
    return found[person_id]


def use_standings(
    archive: Archive, person_id: int, on_day: date | None = None
) -> list[UseStanding]:
    """For each use outside the archive: may photos in which this person is identifiable be
    used for it, as far as this person is concerned?"""
    day = on_day or clock.today()
    person = _facts(archive, person_id)
    consent_age = archive.settings.guardian_consent_age()
    standings = []
    for use in OUTSIDE_USES:
        found = person_standing(person, use, day, consent_age)
        reason = found.reason.replace("photo {photo_id}", "their photos")
        standings.append(UseStanding(use, found.ok, "" if found.ok else reason))
    return standings


def consent_states(
    archive: Archive, person_id: int, on_day: date | None = None
) -> list[ConsentState]:
    """The person's consents, newest first, each with where it stands on the day."""
    day = on_day or clock.today()
    person = _facts(archive, person_id)
    consent_age = archive.settings.guardian_consent_age()
    replaced = superseded_on(person.consents)
    givers = {p.id: p.name for p in archive.people.get_many(c.given_by_id for c in person.consents)}
    states = []
    for consent in sorted(person.consents, key=lambda c: (c.given_on, c.id), reverse=True):
        why = why_not_in_force(consent, day, replaced)
        states.append(
            ConsentState(
                consent=consent,
                given_by_name=givers.get(consent.given_by_id, f"person {consent.given_by_id}"),
                status=why or "in-force",
                counts=not why and giver_is_valid(consent, person, day, consent_age),
            )
        )
    return states


def people_summaries(
    archive: Archive, on_day: date | None = None, person_ids: Iterable[int] | None = None
) -> list[PersonSummary]:
    """Everyone (or these people) by name, with their photo count and the uses they may be
    shown for today."""
    day = on_day or clock.today()
    store = ConsentFactsStore(archive.db)
    ready: dict[Use, AbstractSet[int]]
    if person_ids is None:  # everyone: the standings the smart lists keep, sharing one load
        everyone = cache(store.people)
        standings = standings_by_use(archive, OUTSIDE_USES, day, everyone)
        people = everyone()
        ready = {use: standings[use].in_good_standing for use in OUTSIDE_USES}
    else:
        people = store.people(person_ids)
        consent_age = archive.settings.guardian_consent_age()
        ready = {
            use: {
                person_id
                for person_id, person in people.items()
                if person_standing(person, use, day, consent_age).ok
            }
            for use in OUTSIDE_USES
        }
    counts = ReviewListStore(archive.db).photo_counts(None if person_ids is None else list(people))
    summaries = [
        PersonSummary(
            person=person,
            photo_count=counts.get(person.id, 0),
            ready_uses=tuple(use for use in OUTSIDE_USES if person.id in ready[use]),
        )
        for person in people.values()
    ]
    return sorted(summaries, key=lambda s: (s.person.name.casefold(), s.person.id))
