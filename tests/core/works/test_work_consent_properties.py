"""Properties of the decision for patches and stories over random makers, photos and days: no
patch or story is ever allowed without its maker's covering consent (story permission
included where needed, a group's only from its responsible adult), a patch never without its
photo being allowed too, and whenever all of that is there, the answer is yes."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from quiltarchive.consent.rules import decide_patch, decide_photo, decide_story
from quiltarchive.model.consent import Use
from quiltarchive.model.consent_facts import ArchiveFacts, PatchFacts, StoryFacts
from tests.core.consent.oracle import counts, in_force, minor_on
from tests.core.consent.strategies import days, focal_situation, mostly, people, photos

consent_ages = st.sampled_from([16, 18, 21])


@st.composite
def situations(draw):
    use = draw(st.sampled_from([u for u in Use if u is not Use.ARCHIVE]) | st.just(Use.ARCHIVE))
    day = draw(days)
    consent_age = draw(consent_ages)
    if use is not Use.ARCHIVE and draw(mostly(8)):
        # Mostly one maker whose answer turns on their age, guardians and consents at the
        # day's edges, shown by a clean photo or by one they appear in.
        focal_photo, persons = draw(focal_situation(use, day, consent_age))
        maker = persons[1]
        consents = tuple(replace(c, story=draw(st.booleans())) for c in maker.consents)
        persons[1] = replace(maker, consents=consents, is_group=draw(mostly(3)))
        maker_id = 1
        photo = focal_photo if draw(mostly(3)) else focal_photo._replace(appearances=())
    else:
        persons = draw(people(use, day, consent_age))
        persons = {
            person_id: replace(person, is_group=draw(mostly(3)))
            for person_id, person in persons.items()
        }
        maker_id = draw(st.sampled_from(sorted(persons)) | st.none())
        photo = draw(photos(sorted(persons)) | st.none())
    with_story = draw(st.booleans())
    blur = draw(st.booleans())
    facts = ArchiveFacts(persons, consent_age)
    patch = PatchFacts(1, "P-0001", maker_id, photo.id if photo else None)
    return patch, photo, facts, use, day, with_story, blur


def maker_consents(person, use, day, consent_age, *, story):
    """The consents that let `person`'s work out for `use` on `day`, from the design note."""
    found = []
    for consent in person.consents:
        if story and not consent.story:
            continue
        if person.is_group:
            ok = (
                in_force(consent, person.consents, day)
                and use in consent.uses
                and consent.given_by_id in person.guardian_ids
            )
        else:
            ok = counts(consent, person, use, day, consent_age)
        if ok:
            found.append(consent)
    return found


@given(situations())
def test_patches_and_stories_over_random_makers_photos_and_days(situation):
    """One generated situation, both properties checked on it (generation is the costly part)."""
    no_patch_is_allowed_without_its_makers_covering_consent(*situation)
    no_story_is_published_without_the_tellers_story_permission(*situation)


def no_patch_is_allowed_without_its_makers_covering_consent(
    patch, photo, facts, use, day, with_story, blur
):
    decision = decide_patch(patch, photo, facts, use, day, with_story=with_story, blur=blur)
    assert decision.allowed == (decision.reasons == ())
    maker = facts.people.get(patch.maker_id) if patch.maker_id else None
    covering = (
        maker_consents(maker, use, day, facts.guardian_consent_age, story=with_story)
        if maker
        else []
    )
    photo_decision = decide_photo(photo, facts, use, day, blur=blur) if photo else None
    if use is Use.ARCHIVE:
        assert decision.allowed == (photo_decision is None or photo_decision.allowed)
        return
    required = bool(covering) and photo_decision is not None and photo_decision.allowed
    assert decision.allowed == required
    if decision.allowed:
        assert set(decision.consent_ids) & {c.id for c in covering}
        assert set(photo_decision.consent_ids) <= set(decision.consent_ids)
        assert decision.blur == photo_decision.blur
        credits_respect_the_makers_limits(maker, day, facts.guardian_consent_age, decision)
    else:
        assert decision.credit == "" and decision.consent_ids == ()


def credits_respect_the_makers_limits(maker, day, consent_age, decision):
    if maker.do_not_identify:
        assert maker.name not in decision.credit
        return
    if maker.is_group:
        return  # a group's name is credited whole, or by initials, or not at all
    if minor_on(maker, day, consent_age):
        surname = maker.name.split()[-1]
        assert surname not in decision.credit.split(", ")[0]


def no_story_is_published_without_the_tellers_story_permission(patch, _photo, facts, use, day, *_):
    story = StoryFacts(1, "Arriving", patch.maker_id)
    decision = decide_story(story, facts, use, day)
    teller = facts.people.get(story.teller_id) if story.teller_id else None
    if use is Use.ARCHIVE:
        assert decision.allowed
        return
    covering = (
        maker_consents(teller, use, day, facts.guardian_consent_age, story=True) if teller else []
    )
    assert decision.allowed == bool(covering)
    if decision.allowed:
        assert set(decision.consent_ids) <= {c.id for c in covering}
        assert len(decision.consent_ids) == 1
