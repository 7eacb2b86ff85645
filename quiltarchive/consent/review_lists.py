"""The lists a librarian works through: consents expiring soon, and photos needing review."""

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.credit import possessive
from quiltarchive.consent.kept import brought_up_to_date
from quiltarchive.consent.rules import superseded_on, why_not_in_force
from quiltarchive.model.consent import Consent
from quiltarchive.model.consent_facts import PersonFacts
from quiltarchive.storage.consent_facts import ConsentFactsStore
from quiltarchive.storage.review_lists import ReviewListStore

EXPIRING_WITHIN_DAYS = 30


@dataclass(frozen=True, slots=True)
class ExpiringConsent:
    consent: Consent
    person_name: str
    days_left: int
    photo_ids: tuple[int, ...]  # photos that show the person identifiably


def expiring_consents(
    archive: Archive, within_days: int = EXPIRING_WITHIN_DAYS, today: date | None = None
) -> list[ExpiringConsent]:
    """Consents in force today that expire within `within_days` days, soonest first."""
    day = today or clock.today()
    last = day + timedelta(days=within_days)
    store = ReviewListStore(archive.db)
    candidates = store.people_with_consents_expiring(day.isoformat(), last.isoformat())
    people = ConsentFactsStore(archive.db).people(candidates)
    expiring: list[tuple[Consent, str]] = []
    for person in people.values():
        replaced = superseded_on(person.consents)
        for consent in person.consents:
            if (
                consent.expires_on is not None
                and day <= consent.expires_on <= last
                and not why_not_in_force(consent, day, replaced)
            ):
                expiring.append((consent, person.name))
    shown = store.photos_showing(c.person_id for c, _ in expiring)
    by_person: dict[int, list[int]] = {}
    for photo_id, person_ids in shown.items():
        for person_id in person_ids:
            by_person.setdefault(person_id, []).append(photo_id)
    return sorted(
        (
            ExpiringConsent(
                consent,
                name,
                (consent.expires_on - day).days if consent.expires_on else 0,
                tuple(by_person.get(consent.person_id, ())),
            )
            for consent, name in expiring
        ),
        key=lambda e: (e.days_left, e.person_name, e.consent.id),
    )


UNREVIEWED = "nobody has recorded who is in it"
UNIDENTIFIED = "an identifiable person in it is not identified"


def needs_review(archive: Archive, today: date | None = None) -> dict[int, tuple[str, ...]]:
    """Photo id → why it needs review, in photo order: unreviewed photos, photos with an
    unidentified identifiable person, and photos of people whose every consent has lapsed
    (expired, withdrawn or superseded, none in force)."""
    day = today or clock.today()
    store = ReviewListStore(archive.db)
    reasons: dict[int, tuple[str, ...]] = dict.fromkeys(store.unreviewed_photo_ids(), (UNREVIEWED,))
    for photo_id in store.photos_with_unknown_people():
        reasons[photo_id] = (*reasons.get(photo_id, ()), UNIDENTIFIED)
    lapsed = people_whose_consent_lapsed(archive, day)
    for photo_id, person_ids in store.photos_showing(lapsed).items():
        reasons[photo_id] = reasons.get(photo_id, ()) + tuple(
            f"{possessive(lapsed[person_id])} consent has lapsed"
            for person_id in dict.fromkeys(person_ids)
        )
    return dict(sorted(reasons.items()))


def people_whose_consent_lapsed(archive: Archive, day: date) -> dict[int, str]:
    """People with consents on record of which none is in force (or will be) on `day`: all
    expired, withdrawn or superseded. Kept for the session; after a change only the people it
    concerns are looked at again (consent.kept)."""
    store = ConsentFactsStore(archive.db)

    def decide(
        people: dict[int, PersonFacts], kept: dict[int, str] | None, changed: AbstractSet[int]
    ) -> dict[int, str]:
        unchanged = {pid: name for pid, name in (kept or {}).items() if pid not in changed}
        return unchanged | _lapsed(people.values(), day)

    key = ("people whose consent lapsed", day)
    return brought_up_to_date(archive, store.consent_epoch(), key, dict, decide, store.people)


def _lapsed(people: Iterable[PersonFacts], day: date) -> dict[int, str]:
    lapsed = {}
    for person in people:
        replaced = superseded_on(person.consents)
        if person.consents and all(
            why_not_in_force(c, day, replaced) in ("withdrawn", "expired", "superseded")
            for c in person.consents
        ):
            lapsed[person.id] = person.name
    return lapsed
