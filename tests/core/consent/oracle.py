"""The consent model restated as directly as possible from the design note, written apart from
`quiltarchive.consent.rules` so the two can be checked against each other."""

from datetime import date

from quiltarchive.model.consent import Consent, Use
from quiltarchive.model.consent_facts import PersonFacts

BAND_LOWEST_AGE = {"child": 0, "teen": 13, "adult": 18}


def minor_on(person: PersonFacts, day: date, consent_age: int) -> bool:
    """Fail closed: a minor unless every record shows they are old enough on that day."""
    known = False
    if person.birth_year is not None:
        known = True
        if day.year - person.birth_year - 1 < consent_age:  # born late in the year: younger
            return True
    if person.age_band is not None:
        known = True
        if BAND_LOWEST_AGE[person.age_band.value] < consent_age:
            return True
    return not known


def in_force(consent: Consent, everything: tuple[Consent, ...], day: date) -> bool:
    if consent.given_on > day:
        return False
    if consent.withdrawal and consent.withdrawal.withdrawn_on <= day:
        return False
    if consent.expires_on and consent.expires_on < day:
        return False
    return not any(c.supersedes_id == consent.id and c.given_on <= day for c in everything)


def counts(consent: Consent, person: PersonFacts, use: Use, day: date, consent_age: int) -> bool:
    """Does this consent let `person` be shown for `use` on `day`?"""
    if not in_force(consent, person.consents, day) or use not in consent.uses:
        return False
    if consent.given_by_id in person.guardian_ids:
        return True
    if consent.given_by_id != person.id:
        return False
    return not minor_on(person, day, consent_age) and not minor_on(
        person, consent.given_on, consent_age
    )
