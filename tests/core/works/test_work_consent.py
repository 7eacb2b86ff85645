"""A patch or a story is its maker's work: worked cases of the decision, each in a real archive
on day D, asked through `assess_subject` as every view and export asks it."""

from datetime import timedelta

from quiltarchive.consent.assessment import assess, assess_subject, assess_subjects
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.model.subject import Subject
from quiltarchive.photo_states import set_withheld
from quiltarchive.works.patches import add_patch_photo
from quiltarchive.works.stories import add_story
from tests.core.consent.scene import FACE, D


def patch_decision(workshop, patch, use=Use.WEB, **options):
    return assess_subject(workshop.archive, Subject.patch(patch.id, **options), use, D)


def story_decision(workshop, story, use=Use.WEB):
    return assess_subject(workshop.archive, Subject.story(story.id), use, D)


def clean_patch(workshop, maker, code="P-0001"):
    """A patch whose front photo is a no-people close-up taken by staff."""
    return workshop.patch(code, maker, photo=workshop.patch_photo())


def test_an_adult_makers_consent_lets_their_patch_out_with_their_credit(workshop):
    amina = workshop.adult(credit=Credit.FULL)
    consent = workshop.consent(amina, (Use.WEB, Use.PRINT))
    patch = clean_patch(workshop, amina)
    decision = patch_decision(workshop, patch)
    assert decision.allowed and decision.reasons == ()
    assert decision.credit == "Amina Yusuf"
    assert decision.consent_ids == (consent,)


def test_the_makers_consent_must_cover_the_use(workshop):
    amina = workshop.consenting_adult(uses=(Use.WEB,))
    patch = clean_patch(workshop, amina)
    decision = patch_decision(workshop, patch, Use.SOCIAL)
    assert not decision.allowed
    assert decision.reasons == (
        "Patch P-0001: Amina Yusuf's current consent does not cover social media.",
    )
    assert decision.credit == "" and decision.consent_ids == ()


def test_a_minor_maker_without_a_guardians_consent_is_refused(workshop):
    tom = workshop.child("Tom Okafor", age=9)
    workshop.consent(tom)  # given by Tom himself
    patch = clean_patch(workshop, tom)
    decision = patch_decision(workshop, patch)
    assert not decision.allowed
    assert decision.reasons == (
        "Patch P-0001: Tom Okafor is a minor, and no recorded guardian of theirs gave consent "
        "for web.",
    )


def test_a_minor_maker_with_a_guardians_consent_is_credited_by_first_name_only(workshop):
    mother = workshop.adult("Grace Okafor")
    tom = workshop.child("Tom Okafor", age=9, guardians=[mother])
    consent = workshop.consent(tom, by=mother, credit=Credit.FULL)
    patch = clean_patch(workshop, tom)
    decision = patch_decision(workshop, patch)
    assert decision.allowed
    assert decision.credit == "Tom"
    assert decision.consent_ids == (consent,)


def test_a_group_maker_consented_by_its_responsible_adult_is_credited_by_its_name(workshop):
    archive = workshop.archive
    teacher = workshop.adult("Helen Clarke")
    group = add_person(
        archive, "Year 4, St Mary's", age_band=AgeBand.CHILD, is_group=True, guardian_ids=[teacher]
    )
    consent = record_consent(
        archive, group.id, given_by_id=teacher, given_on=D - timedelta(days=30), uses=[Use.WEB]
    )
    assert consent.warnings == ()
    patch = clean_patch(workshop, group.id)
    decision = patch_decision(workshop, patch)
    assert decision.allowed
    # A class of children: the minor first-name rule must not cut the group's name to "Year".
    assert decision.credit == "Year 4, St Mary's"


def test_a_group_cannot_consent_for_itself_whatever_its_age(workshop):
    archive = workshop.archive
    circle = add_person(archive, "Hillside Knitting Circle", age_band=AgeBand.ADULT, is_group=True)
    recorded = record_consent(
        archive, circle.id, given_by_id=circle.id, given_on=D - timedelta(days=30), uses=[Use.WEB]
    )
    assert recorded.warnings == (
        "Hillside Knitting Circle is a group: this consent will not count until it is given by "
        "one of the group's recorded responsible adults.",
    )
    decision = patch_decision(workshop, clean_patch(workshop, circle.id))
    assert not decision.allowed
    assert decision.reasons == (
        "Patch P-0001: Hillside Knitting Circle is a group: consent for web must come from a "
        "recorded responsible adult for the group.",
    )


def test_a_group_credited_by_initials_or_not_at_all_as_chosen(workshop):
    archive = workshop.archive
    teacher = workshop.adult("Helen Clarke")
    group = add_person(
        archive, "Year 4 St Marys", is_group=True, guardian_ids=[teacher], credit=Credit.NONE
    )
    workshop.consent(group.id, by=teacher)
    patch = clean_patch(workshop, group.id)
    assert patch_decision(workshop, patch).credit == ""
    workshop.consent(group.id, by=teacher, credit=Credit.INITIALS)
    assert patch_decision(workshop, patch).credit == "Y. 4. S. M."


def test_a_group_recorded_as_identifiable_in_a_photo_blocks_the_photo(workshop):
    archive = workshop.archive
    teacher = workshop.adult("Helen Clarke")
    group = add_person(archive, "Year 4, St Mary's", is_group=True, guardian_ids=[teacher])
    workshop.consent(group.id, by=teacher)
    photo = workshop.reviewed_photo()
    workshop.appears(photo, group.id)
    decision = assess(archive, photo, Use.WEB, D)
    assert not decision.allowed
    assert decision.reasons == (
        f"Year 4, St Mary's is a group, recorded in photo {photo} as one person: record each "
        "identifiable member, or mark the group not identifiable.",
    )


def test_a_withdrawn_makers_consent_stops_the_patch(workshop):
    amina = workshop.adult()
    consent = workshop.consent(amina)
    patch = clean_patch(workshop, amina)
    assert patch_decision(workshop, patch).allowed
    workshop.withdraw(consent, D - timedelta(days=1))
    decision = patch_decision(workshop, patch)
    assert not decision.allowed
    assert decision.reasons == (
        "Patch P-0001: Amina Yusuf withdrew consent on 2026-06-14 (needed for web).",
    )


def test_a_story_needs_the_tellers_story_permission(workshop):
    samir = workshop.adult("Samir Haddad")
    workshop.consent(samir, (Use.WEB,), story=False)
    story = add_story(workshop.archive, "Arriving", teller_id=samir, text="I came in winter.")
    decision = story_decision(workshop, story)
    assert not decision.allowed
    assert decision.reasons == (
        "Story “Arriving”: Samir Haddad has not given permission to publish their story.",
    )
    consent = workshop.consent(samir, (Use.WEB,), story=True)
    decision = story_decision(workshop, story)
    assert decision.allowed and decision.credit == "Samir Haddad"
    assert decision.consent_ids == (consent,)
    assert not story_decision(workshop, story, Use.PRESS).allowed  # still only for web


def test_a_patch_shown_with_its_makers_words_needs_story_permission(workshop):
    amina = workshop.consenting_adult()
    patch = clean_patch(workshop, amina)
    assert patch_decision(workshop, patch).allowed
    decision = patch_decision(workshop, patch, with_story=True)
    assert not decision.allowed
    assert decision.reasons == (
        "Patch P-0001: Amina Yusuf has not given permission to publish their story.",
    )


def test_a_patch_photo_with_unknown_rights_stops_the_patch(workshop):
    amina = workshop.consenting_adult()
    photo = workshop.patch_photo(rights=Rights.UNKNOWN)
    patch = workshop.patch("P-0001", amina, photo=photo)
    decision = patch_decision(workshop, patch)
    assert not decision.allowed
    assert decision.reasons == (
        f"The rights to photo {photo} are unknown: record whether staff took it or it is used "
        "under a licence.",
    )


def test_everyone_identifiable_in_the_patch_photo_counts_too(workshop):
    amina = workshop.consenting_adult()
    photo = workshop.patch_photo(review=ReviewState.REVIEWED)
    workshop.appears(photo, None, box=FACE)  # an unknown person holding the patch up
    patch = workshop.patch("P-0001", amina, photo=photo)
    decision = patch_decision(workshop, patch)
    assert not decision.allowed
    assert decision.reasons == (
        f"An unidentified person is in photo {photo}: for web they must be identified and "
        "consent, be marked not identifiable, or be blurred.",
    )
    blurred = assess_subject(
        workshop.archive, Subject.patch(patch.id), Use.WEB, D, blur_regions=True
    )
    assert blurred.allowed and blurred.blur == (FACE,)


def test_the_credit_names_the_maker_first_then_the_people_in_the_photo(workshop):
    amina = workshop.consenting_adult(credit=Credit.FIRST)
    grace = workshop.consenting_adult("Grace Lee")
    photo = workshop.patch_photo(review=ReviewState.REVIEWED)
    workshop.appears(photo, grace)
    workshop.appears(photo, amina)
    patch = workshop.patch("P-0001", amina, photo=photo)
    decision = patch_decision(workshop, patch)
    assert decision.allowed and decision.credit == "Amina, Grace Lee"


def test_a_patch_with_no_photo_cannot_leave_but_may_be_kept(workshop):
    amina = workshop.consenting_adult()
    patch = workshop.patch("P-0001", amina)
    decision = patch_decision(workshop, patch)
    assert decision.reasons == ("Patch P-0001 has no photo to show it: record its front photo.",)
    assert patch_decision(workshop, patch, use=Use.ARCHIVE).allowed


def test_another_photo_of_the_patch_may_be_the_one_shown(workshop):
    amina = workshop.consenting_adult()
    patch = clean_patch(workshop, amina)
    detail = workshop.patch_photo(rights=Rights.UNKNOWN)
    add_patch_photo(workshop.archive, patch.id, detail, PhotoRole.DETAIL)
    decision = assess_subject(
        workshop.archive, Subject.patch(patch.id), Use.WEB, D, shown_photo_id=detail
    )
    assert not decision.allowed and f"photo {detail} are unknown" in decision.reasons[0]


def test_a_do_not_identify_maker_is_never_named(workshop):
    safe = workshop.adult("Mariam Safi", do_not_identify=True)
    workshop.consent(safe)
    decision = patch_decision(workshop, clean_patch(workshop, safe))
    assert decision.allowed and decision.credit == ""


def test_for_archive_use_only_a_withheld_photo_stops_a_patch(workshop):
    nobody = workshop.adult("Ivo Petrov")  # no consent at all
    photo = workshop.patch_photo(rights=Rights.UNKNOWN, review=ReviewState.UNREVIEWED)
    patch = workshop.patch("P-0001", nobody, photo=photo)
    assert patch_decision(workshop, patch, use=Use.ARCHIVE).allowed
    set_withheld(workshop.archive, photo, True)
    assert not patch_decision(workshop, patch, use=Use.ARCHIVE).allowed


def test_bulk_decisions_of_every_kind_agree_with_single_ones(workshop):
    archive = workshop.archive
    amina = workshop.consenting_adult()
    samir = workshop.adult("Samir Haddad")
    patches = [clean_patch(workshop, maker, f"P-{n}") for n, maker in enumerate([amina, samir])]
    story = add_story(archive, "Arriving", teller_id=samir, text="I came in winter.")
    photo = workshop.reviewed_photo()
    subjects = [Subject.patch(p.id) for p in patches] + [Subject.story(story.id)]
    subjects += [Subject.photo(photo), Subject.patch(999)]
    bulk = assess_subjects(archive, subjects, Use.WEB, D)
    assert Subject.patch(999) not in bulk
    for subject in subjects[:-1]:
        assert bulk[subject] == assess_subject(archive, subject, Use.WEB, D)
    assert [bulk[s].allowed for s in subjects[:-1]] == [True, False, False, True]
