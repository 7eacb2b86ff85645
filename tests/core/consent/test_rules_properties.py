"""Properties of the decision over random archives and days: it never says yes without the
consents the model requires, a minor's consent counts only from a recorded guardian, and it is
not simply saying no to everything."""

from hypothesis import given
from hypothesis import strategies as st

from quiltarchive.consent.rules import decide_photo
from quiltarchive.model.consent import Use
from quiltarchive.model.consent_facts import ArchiveFacts
from quiltarchive.model.photo import ReviewState, Rights
from tests.core.consent.oracle import counts, minor_on
from tests.core.consent.strategies import days, focal_situation, mostly, people, photos

consent_ages = st.sampled_from([16, 18, 21])


@st.composite
def situations(draw):
    use = draw(st.sampled_from([u for u in Use if u is not Use.ARCHIVE]) | st.just(Use.ARCHIVE))
    day = draw(days)
    consent_age = draw(consent_ages)
    if use is not Use.ARCHIVE and draw(mostly(8)):
        photo, persons = draw(focal_situation(use, day, consent_age))
    else:
        persons = draw(people(use, day, consent_age))
        photo = draw(photos(list(persons)))
    return photo, ArchiveFacts(persons, consent_age), use, day, draw(st.booleans())


@given(situations())
def test_the_decision_over_random_archives_and_days(situation):
    """One generated situation, every property checked on it (generation is the costly part)."""
    photo, facts, use, day, blur = situation
    decision = decide_photo(photo, facts, use, day, blur=blur)
    a_yes_always_rests_on_a_counting_consent_or_a_blur(photo, facts, use, day, blur, decision)
    a_minors_consent_counts_only_from_a_recorded_guardian(facts, day, decision)
    when_everything_required_is_there_the_answer_is_yes(photo, facts, use, day, blur, decision)
    credits_never_name_a_do_not_identify_person_or_a_minors_surname(facts, day, decision)
    blurring_only_turns_a_no_into_a_yes(photo, facts, use, day, decision, blur)
    every_failing_photo_level_reason_is_listed(photo, use, decision)


def a_yes_always_rests_on_a_counting_consent_or_a_blur(photo, facts, use, day, blur, decision):
    assert decision.allowed == (decision.reasons == ())
    if not decision.allowed:
        assert decision.credit == "" and decision.consent_ids == () and decision.blur == ()
        return
    assert not photo.withheld
    if use is Use.ARCHIVE:
        return
    assert photo.rights in (Rights.STAFF, Rights.LICENSED)
    assert photo.review_state is not ReviewState.UNREVIEWED
    relied = set(decision.consent_ids)
    for appearance in photo.appearances:
        if not appearance.identifiable:
            continue
        person = facts.people.get(appearance.person_id) if appearance.person_id else None
        covered = (
            person is not None
            and not person.do_not_identify
            and any(
                c.id in relied and counts(c, person, use, day, facts.guardian_consent_age)
                for c in person.consents
            )
        )
        blurred = blur and appearance.box is not None and appearance.box in decision.blur
        assert covered or blurred, (appearance, decision)


def a_minors_consent_counts_only_from_a_recorded_guardian(facts, day, decision):
    for person in facts.people.values():
        if not minor_on(person, day, facts.guardian_consent_age):
            continue
        for consent in person.consents:
            if consent.id in decision.consent_ids:
                assert consent.given_by_id in person.guardian_ids


def when_everything_required_is_there_the_answer_is_yes(photo, facts, use, day, blur, decision):
    """The rules are not simply saying no: where the model allows, so do they."""
    if photo.withheld:
        assert not decision.allowed
        return
    if use is Use.ARCHIVE:
        assert decision.allowed
        return
    ok = photo.rights is not Rights.UNKNOWN and photo.review_state is not ReviewState.UNREVIEWED
    for appearance in photo.appearances:
        if not appearance.identifiable:
            continue
        person = facts.people.get(appearance.person_id) if appearance.person_id else None
        covered = (
            person is not None
            and not person.do_not_identify
            and any(
                counts(c, person, use, day, facts.guardian_consent_age) for c in person.consents
            )
        )
        ok = ok and (covered or (blur and appearance.box is not None))
    assert decision.allowed == ok


def credits_never_name_a_do_not_identify_person_or_a_minors_surname(facts, day, decision):
    for person in facts.people.values():
        first, *rest = person.name.split()
        if person.do_not_identify:
            assert first not in decision.credit
        if minor_on(person, day, facts.guardian_consent_age):
            for part in rest:
                assert part not in decision.credit


def blurring_only_turns_a_no_into_a_yes(photo, facts, use, day, decision, blur):
    other = decide_photo(photo, facts, use, day, blur=not blur)
    plain, blurred = (other, decision) if blur else (decision, other)
    if plain.allowed:
        assert blurred.allowed
    assert len(blurred.reasons) <= len(plain.reasons)


def every_failing_photo_level_reason_is_listed(photo, use, decision):
    if use is Use.ARCHIVE:
        return
    photo_level = sum(
        [
            photo.withheld,
            photo.rights is Rights.UNKNOWN,
            photo.review_state is ReviewState.UNREVIEWED,
        ]
    )
    assert len(decision.reasons) >= photo_level
