"""The edges of each rule, decided directly: the day an expiry or withdrawal takes effect, the
birth year at the age of consent, who may give consent, credits and blurring."""

from datetime import date, timedelta

import pytest

from quiltarchive.consent.rules import decide_maker_work, decide_photo
from quiltarchive.model.appearance import Appearance, Box
from quiltarchive.model.consent import Consent, ConsentMethod, Use, Withdrawal
from quiltarchive.model.consent_facts import ArchiveFacts, PersonFacts, PhotoFacts
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights

D = date(2026, 6, 15)
DAY = timedelta(days=1)
AMINA, GRACE, PAUL = 1, 2, 3


def consent(
    cid=1,
    person=AMINA,
    by=AMINA,
    given=D - 30 * DAY,
    uses=(Use.WEB,),
    expires=None,
    withdrawn=None,
    supersedes=None,
    credit=None,
    story=False,
):
    return Consent(
        cid,
        person,
        by,
        given,
        ConsentMethod.PAPER,
        "",
        None,
        None,
        frozenset(uses),
        credit,
        story,
        expires,
        supersedes,
        "",
        Withdrawal(withdrawn, "", "") if withdrawn else None,
    )


def person(
    pid=AMINA,
    name="Amina Yusuf",
    consents=(),
    birth_year=None,
    band=AgeBand.ADULT,
    guardians=(),
    credit=Credit.FULL,
    dni=False,
):
    return PersonFacts(
        pid, name, credit, birth_year, band, dni, frozenset(guardians), tuple(consents)
    )


def photo(*appearances, withheld=False, rights=Rights.STAFF, review=ReviewState.REVIEWED):
    return PhotoFacts(7, withheld, rights, review, tuple(appearances))


def shows(pid, box=None, identifiable=True, aid=1):
    return Appearance(aid, 7, pid, box, identifiable)


def decide(people, the_photo, use=Use.WEB, day=D, blur=False, consent_age=18):
    facts = ArchiveFacts({p.id: p for p in people}, consent_age)
    return decide_photo(the_photo, facts, use, day, blur=blur)


@pytest.mark.parametrize(("expires", "allowed"), [(D - DAY, False), (D, True), (D + DAY, True)])
def test_a_consent_counts_up_to_and_including_its_expiry_day(expires, allowed):
    amina = person(consents=[consent(expires=expires)])
    assert decide([amina], photo(shows(AMINA))).allowed is allowed


@pytest.mark.parametrize(("withdrawn", "allowed"), [(D - DAY, False), (D, False), (D + DAY, True)])
def test_a_withdrawal_takes_effect_on_its_own_day(withdrawn, allowed):
    amina = person(consents=[consent(withdrawn=withdrawn)])
    assert decide([amina], photo(shows(AMINA))).allowed is allowed


@pytest.mark.parametrize(("given", "allowed"), [(D - DAY, True), (D, True), (D + DAY, False)])
def test_a_consent_counts_from_the_day_it_is_given(given, allowed):
    amina = person(consents=[consent(given=given)])
    assert decide([amina], photo(shows(AMINA))).allowed is allowed


def test_a_superseding_consent_takes_over_on_the_day_it_is_given():
    old = consent(1, uses=(Use.WEB,), given=D - 60 * DAY)
    new = consent(2, uses=(Use.PRINT,), given=D, supersedes=1)
    amina = person(consents=[old, new])
    assert decide([amina], photo(shows(AMINA)), day=D - DAY).allowed
    assert not decide([amina], photo(shows(AMINA)), day=D).allowed
    assert decide([amina], photo(shows(AMINA)), use=Use.PRINT, day=D).consent_ids == (2,)


@pytest.mark.parametrize(
    ("birth_year", "minor"),
    [(2009, True), (2008, True), (2007, False), (1980, False)],  # on 2026-06-15, age 18
)
def test_a_birth_year_at_the_age_of_consent_counts_as_a_minor_while_in_doubt(birth_year, minor):
    amina = person(consents=[consent(by=AMINA)], birth_year=birth_year, band=None)
    assert decide([amina], photo(shows(AMINA))).allowed is not minor


@pytest.mark.parametrize(
    ("band", "consent_age", "minor"),
    [
        (AgeBand.TEEN, 18, True),
        (AgeBand.TEEN, 13, False),
        (AgeBand.ADULT, 18, False),
        (AgeBand.ADULT, 21, True),
        (AgeBand.CHILD, 16, True),
        (None, 18, True),
    ],
)
def test_an_age_band_counts_at_its_youngest(band, consent_age, minor):
    amina = person(consents=[consent(by=AMINA)], band=band)
    decision = decide([amina], photo(shows(AMINA)), consent_age=consent_age)
    assert decision.allowed is not minor


def test_an_unrecorded_age_is_treated_as_a_minor_and_says_so():
    amina = person(consents=[consent(by=AMINA)], band=None)
    assert decide([amina], photo(shows(AMINA))).reasons == (
        "Amina Yusuf's age is not recorded, so Amina Yusuf counts as a minor: consent for web "
        "must come from a recorded guardian.",
    )


def test_a_consent_a_child_gave_themself_does_not_count_once_they_are_grown_up():
    amina = person(consents=[consent(by=AMINA, given=date(2020, 1, 1))], birth_year=2004, band=None)
    decision = decide([amina], photo(shows(AMINA)))
    assert decision.reasons == (
        "Amina Yusuf gave consent for web themself while a minor; a recorded guardian must give "
        "it, or Amina Yusuf again as an adult.",
    )


def test_consent_for_an_adult_from_someone_who_is_not_their_guardian_does_not_count():
    amina = person(consents=[consent(by=PAUL)])
    paul = person(PAUL, "Paul Neighbour")
    decision = decide([amina, paul], photo(shows(AMINA)))
    assert decision.reasons == (
        "The consent for web was given by someone who is neither Amina Yusuf nor a recorded "
        "guardian of theirs.",
    )


def test_a_guardian_may_consent_for_an_adult_in_their_care():
    amina = person(consents=[consent(by=GRACE)], guardians=[GRACE])
    assert decide([amina, person(GRACE, "Grace Lee")], photo(shows(AMINA))).allowed


@pytest.mark.parametrize(
    ("choice", "band", "credit"),
    [
        (Credit.FULL, AgeBand.ADULT, "Amina Yusuf"),
        (Credit.FIRST, AgeBand.ADULT, "Amina"),
        (Credit.INITIALS, AgeBand.ADULT, "A. Y."),
        (Credit.NONE, AgeBand.ADULT, ""),
        (Credit.FULL, AgeBand.CHILD, "Amina"),
        (Credit.INITIALS, AgeBand.CHILD, "A. Y."),
    ],
)
def test_credit_lines_follow_the_choice_and_give_minors_at_most_a_first_name(choice, band, credit):
    amina = person(consents=[consent(by=GRACE, credit=choice)], band=band, guardians=[GRACE])
    decision = decide([amina, person(GRACE, "Grace Lee")], photo(shows(AMINA)))
    assert decision.allowed and decision.credit == credit


def test_the_consents_own_credit_choice_wins_over_the_persons_default():
    amina = person(consents=[consent(credit=Credit.INITIALS)], credit=Credit.FULL)
    assert decide([amina], photo(shows(AMINA))).credit == "A. Y."


def test_a_blur_needs_a_marked_region():
    unboxed = decide([], photo(shows(None)), blur=True)
    assert not unboxed.allowed
    assert unboxed.reasons[0].endswith(
        "No region is marked around them, so they cannot be blurred."
    )
    box = Box(0.1, 0.1, 0.2, 0.2)
    assert decide([], photo(shows(None, box)), blur=True).blur == (box,)


def test_people_who_are_not_identifiable_need_no_consent_and_get_no_credit():
    samir = person(name="Samir Haddad", dni=True)
    decision = decide(
        [samir], photo(shows(AMINA, identifiable=False), shows(None, aid=2, identifiable=False))
    )
    assert decision.allowed and decision.credit == ""


def test_every_failing_reason_is_listed_at_once():
    amina = person(consents=[consent(uses=(Use.PRINT,))])
    decision = decide(
        [amina],
        photo(
            shows(AMINA),
            shows(None, aid=2),
            withheld=True,
            rights=Rights.UNKNOWN,
            review=ReviewState.UNREVIEWED,
        ),
    )
    assert len(decision.reasons) == 5


def test_a_person_shown_but_missing_from_the_records_stops_the_photo():
    decision = decide([], photo(shows(99)))
    assert decision.reasons == ("Person 99, shown in photo 7, is not on record.",)


def test_a_story_needs_story_permission_as_well_as_the_use():
    with_story = person(consents=[consent(story=True)])
    without = person(consents=[consent(story=False)])
    facts = ArchiveFacts({}, 18)
    assert decide_maker_work(with_story, facts, Use.WEB, D, what="story 3", story=True).ok
    refused = decide_maker_work(without, facts, Use.WEB, D, what="story 3", story=True)
    assert refused.reason == "Amina Yusuf has not given permission to publish their story."
    assert decide_maker_work(without, facts, Use.WEB, D, what="patch P-0001", story=False).ok
    missing = decide_maker_work(None, facts, Use.WEB, D, what="patch P-0001", story=False)
    assert missing.reason == "The maker of patch P-0001 is not recorded (needed for web)."


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("Amina Yusuf", "Amina Yusuf's current consent does not cover press."),
        ("Year 4 Robins", "Year 4 Robins' current consent does not cover press."),
        ("Year 4, St Mary's", "Year 4, St Mary's current consent does not cover press."),
        ("St Mary’s Quilters", "St Mary’s Quilters' current consent does not cover press."),
    ],
)
def test_a_reason_names_its_person_with_one_possessive_ending(name, reason):
    decision = decide([person(name=name, consents=[consent()])], photo(shows(AMINA)), Use.PRESS)
    assert decision.reasons == (reason,)


USE_IN_WORDS = [
    (Use.WEB, "web"),
    (Use.PRINT, "print"),
    (Use.SOCIAL, "social media"),
    (Use.PRESS, "press"),
    (Use.EXHIBITION, "exhibition"),
]


@pytest.mark.parametrize(("use", "words"), USE_IN_WORDS)
def test_every_reason_names_the_use_in_plain_words(use, words):
    other = Use.ARCHIVE
    uncovered = person(consents=[consent(uses=(other,))])
    withdrawn = person(consents=[consent(uses=(use,), withdrawn=D - DAY)])
    child = person(consents=[consent(uses=(use,))], band=AgeBand.CHILD)
    hidden = person(consents=[consent(uses=(use,))], dni=True)
    assert decide([uncovered], photo(shows(AMINA)), use).reasons == (
        f"Amina Yusuf's current consent does not cover {words}.",
    )
    assert decide([withdrawn], photo(shows(AMINA)), use).reasons == (
        f"Amina Yusuf withdrew consent on {(D - DAY).isoformat()} (needed for {words}).",
    )
    assert decide([child], photo(shows(AMINA)), use).reasons == (
        f"Amina Yusuf is a minor, and no recorded guardian of theirs gave consent for {words}.",
    )
    assert decide([hidden], photo(shows(AMINA)), use).reasons == (
        "Amina Yusuf must never be identifiable outside the archive (do-not-identify), so "
        f"photo 7 cannot be used for {words} unless they are blurred.",
    )
    assert decide([], photo(shows(None)), use).reasons == (
        f"An unidentified person is in photo 7: for {words} they must be identified and "
        "consent, be marked not identifiable, or be blurred.",
    )
