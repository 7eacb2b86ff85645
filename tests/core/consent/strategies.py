"""Hypothesis strategies for random people, consents and photos around a decision day.

Dates cluster at the edges that matter (the day before, of and after the decision day), birth
years at the age of consent, and most consents cover the use asked about, so the rare
combinations where a wrong rule would say yes are generated often.
"""

from datetime import date, timedelta

from hypothesis import strategies as st

from quiltarchive.model.appearance import Appearance, Box
from quiltarchive.model.consent import Consent, ConsentMethod, Use, Withdrawal
from quiltarchive.model.consent_facts import PersonFacts, PhotoFacts
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights

NAMES = ["Amina Yusuf", "Tom Okafor", "Grace Lee", "Samir Haddad", "Nadia Karim", "Olu Ade"]
days = st.integers(0, 900).map(lambda n: date(2024, 1, 1) + timedelta(days=n))
boxes = st.sampled_from([Box(0.1, 0.1, 0.2, 0.3), Box(0.5, 0.2, 0.25, 0.4)])
EDGES = [-1, 0, 1]


def mostly(chance_in_ten: int) -> st.SearchStrategy[bool]:
    return st.integers(0, 9).map(lambda n: n < chance_in_ten)


def near(day: date, spread: int = 400) -> st.SearchStrategy[date]:
    """A date at the decision day's edge, or anywhere within `spread` days of it."""
    offsets = st.sampled_from(EDGES) | st.integers(-spread, spread)
    return offsets.map(lambda n: day + timedelta(days=n))


@st.composite
def consent_for(draw, consent_id, person_id, ids, guardians, use, day, earlier):
    given_on = draw(st.sampled_from([0, 1]).map(lambda n: day + timedelta(days=n)) | near(day))
    given_by = draw(
        st.sampled_from(
            [person_id] * 3 + sorted(guardians) * 2 + [i for i in ids if i != person_id]
        )
    )
    covered = draw(mostly(7))
    others = draw(st.frozensets(st.sampled_from([u for u in Use if u is not use])))
    uses = others | {use} if covered or not others else others
    expires = draw(st.none() | near(day).filter(lambda d: d >= given_on))
    withdrawn = draw(st.none() | st.none() | near(day).filter(lambda d: d >= given_on))
    return Consent(
        id=consent_id,
        person_id=person_id,
        given_by_id=given_by,
        given_on=given_on,
        method=ConsentMethod.PAPER,
        form_ref="",
        scan_sha256=None,
        scan_extension=None,
        uses=frozenset(uses),
        credit=draw(st.none() | st.sampled_from(list(Credit))),
        story=draw(st.booleans()),
        expires_on=expires,
        supersedes_id=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
        recorded_at="",
        withdrawal=None if withdrawn is None else Withdrawal(withdrawn, "", ""),
    )


@st.composite
def people(draw, use, day, consent_age):
    n = draw(st.integers(1, 4))
    ids = list(range(1, n + 1))
    persons, next_id = {}, 1
    for person_id in ids:
        others = [i for i in ids if i != person_id]
        guardians = draw(st.frozensets(st.sampled_from(others), max_size=2)) if others else set()
        consents: list[Consent] = []
        for _ in range(draw(st.integers(0, 3))):
            consents.append(
                draw(
                    consent_for(
                        next_id, person_id, ids, guardians, use, day, [c.id for c in consents]
                    )
                )
            )
            next_id += 1
        threshold = day.year - consent_age
        birth_year = draw(
            st.none()
            | st.sampled_from([threshold - 2, threshold - 1, threshold, threshold + 1])
            | st.integers(1940, day.year)
        )
        persons[person_id] = PersonFacts(
            id=person_id,
            name=NAMES[person_id - 1],
            credit=draw(st.sampled_from(list(Credit))),
            birth_year=birth_year,
            age_band=draw(st.none() | st.sampled_from(list(AgeBand))),
            do_not_identify=draw(mostly(2)),
            guardian_ids=frozenset(guardians),
            consents=tuple(consents),
        )
    return persons


@st.composite
def photos(draw, person_ids):
    appearances = tuple(
        Appearance(
            id=index + 1,
            photo_id=1,
            person_id=draw(st.sampled_from(person_ids)) if draw(mostly(8)) else None,
            box=draw(st.none() | boxes),
            identifiable=draw(mostly(8)),
        )
        for index in range(draw(st.integers(0, 3)))
    )
    return PhotoFacts(
        id=1,
        withheld=draw(mostly(1)),
        rights=draw(st.sampled_from([Rights.STAFF, Rights.STAFF, Rights.LICENSED, Rights.UNKNOWN])),
        review_state=draw(
            st.sampled_from(
                [ReviewState.REVIEWED] * 3 + [ReviewState.NO_PEOPLE, ReviewState.UNREVIEWED]
            )
        ),
        appearances=appearances,
    )


@st.composite
def focal_situation(draw, use, day, consent_age):
    """A clean photo (not withheld, staff rights, reviewed) showing one identifiable person,
    so the answer turns on that person's age, guardians and consents at the day's edges."""
    guardian, stranger, focal = 2, 3, 1
    threshold = day.year - consent_age
    birth_year, band = draw(
        st.sampled_from(
            [
                (day.year - 40, AgeBand.ADULT),
                (day.year - 40, None),
                (None, AgeBand.ADULT),
                (threshold - 1, None),
                (threshold, None),
                (threshold + 1, None),
                (None, AgeBand.TEEN),
                (day.year - 9, AgeBand.CHILD),
                (None, None),
            ]
        )
    )
    edge = st.sampled_from([-1, 0, 1]).map(lambda n: day + timedelta(days=n))
    consents: list[Consent] = []
    for consent_id in range(1, draw(st.sampled_from([1, 1, 2])) + 1):
        given_on = draw(edge | st.just(day - timedelta(days=100)))
        expires = draw(st.none() | edge | st.just(day + timedelta(days=200)))
        withdrawn = draw(st.none() | st.none() | edge)
        earlier = [c.id for c in consents]
        consents.append(
            Consent(
                id=consent_id,
                person_id=focal,
                given_by_id=draw(st.sampled_from([focal, guardian, stranger])),
                given_on=given_on,
                method=ConsentMethod.PAPER,
                form_ref="",
                scan_sha256=None,
                scan_extension=None,
                uses=frozenset({use} if draw(mostly(8)) else {Use.ARCHIVE}),
                credit=draw(st.none() | st.sampled_from(list(Credit))),
                story=False,
                expires_on=expires if expires is None or expires >= given_on else None,
                supersedes_id=draw(st.none() | st.sampled_from(earlier)) if earlier else None,
                recorded_at="",
                withdrawal=None
                if withdrawn is None or withdrawn < given_on
                else Withdrawal(withdrawn, "", ""),
            )
        )
    persons = {
        focal: PersonFacts(
            focal,
            NAMES[0],
            draw(st.sampled_from(list(Credit))),
            birth_year,
            band,
            False,
            frozenset({guardian}),
            tuple(consents),
        ),
        guardian: PersonFacts(guardian, NAMES[2], Credit.FULL, day.year - 45, AgeBand.ADULT, False),
        stranger: PersonFacts(stranger, NAMES[5], Credit.FULL, day.year - 50, AgeBand.ADULT, False),
    }
    photo = PhotoFacts(
        id=1,
        withheld=False,
        rights=Rights.STAFF,
        review_state=ReviewState.REVIEWED,
        appearances=(Appearance(1, 1, focal, draw(st.none() | boxes), True),),
    )
    return photo, persons
