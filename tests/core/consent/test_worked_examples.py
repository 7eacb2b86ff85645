"""The eighteen worked examples of the consent model, each decided for day D in a real archive."""

from datetime import timedelta

from quiltarchive.consent.assessment import assess
from quiltarchive.model.consent import Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import ReviewState, Rights
from tests.core.consent.scene import FACE, D


def decide(scene, photo, use, *, blur=False):
    return assess(scene.archive, photo, use, D, blur_regions=blur)


def test_example_01_freshly_imported_photo_is_not_ready_for_web(scene):
    decision = decide(scene, scene.photo(), Use.WEB)
    assert not decision.allowed
    assert any("Nobody has recorded yet who is in photo" in r for r in decision.reasons)


def test_example_02_no_people_with_staff_rights_may_go_on_social(scene):
    photo = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    decision = decide(scene, photo, Use.SOCIAL)
    assert decision.allowed and decision.reasons == () and decision.credit == ""


def test_example_03_no_people_with_unknown_rights_is_refused(scene):
    photo = scene.photo(ReviewState.NO_PEOPLE, Rights.UNKNOWN)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == (
        f"The rights to photo {photo} are unknown: record whether staff took it or it is used "
        "under a licence.",
    )


def test_example_04_adult_with_web_and_print_consent_is_credited_as_they_chose(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult(credit=Credit.FIRST)
    consent = scene.consent(amina, (Use.WEB, Use.PRINT))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.WEB)
    assert decision.allowed
    assert decision.credit == "Amina"
    assert decision.consent_ids == (consent,)


def test_example_05_same_adult_for_social_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    scene.consent(amina, (Use.WEB, Use.PRINT))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.SOCIAL)
    assert not decision.allowed
    assert decision.reasons == ("Amina Yusuf's current consent does not cover social media.",)


def test_example_06_consent_withdrawn_yesterday_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    consent = scene.consent(amina)
    scene.withdraw(consent, D - timedelta(days=1))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == ("Amina Yusuf withdrew consent on 2026-06-14 (needed for web).",)


def test_example_07_consent_expired_last_week_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    scene.consent(amina, expires_on=D - timedelta(days=7))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.PRINT)
    assert not decision.allowed
    assert decision.reasons == ("Amina Yusuf's consent expired on 2026-06-08 (needed for print).",)


def test_example_08_child_consenting_for_themself_is_refused(scene):
    photo = scene.reviewed_photo()
    tom = scene.child(age=9)
    scene.consent(tom, by=tom)
    scene.appears(photo, tom)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == (
        "Tom Okafor is a minor, and no recorded guardian of theirs gave consent for web.",
    )


def test_example_09_child_with_guardian_consent_is_credited_by_first_name_at_most(scene):
    photo = scene.reviewed_photo()
    grace = scene.adult("Grace Okafor")
    tom = scene.child(guardians=[grace])
    scene.consent(tom, by=grace, credit=Credit.FULL)
    scene.appears(photo, tom)
    decision = decide(scene, photo, Use.WEB)
    assert decision.allowed
    assert decision.credit == "Tom"


def test_example_10_child_with_consent_from_an_adult_who_is_not_their_guardian_is_refused(scene):
    photo = scene.reviewed_photo()
    grace = scene.adult("Grace Okafor")
    neighbour = scene.adult("Paul Neighbour")
    tom = scene.child(guardians=[grace])
    scene.consent(tom, by=neighbour)
    scene.appears(photo, tom)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == (
        "Tom Okafor is a minor, and no recorded guardian of theirs gave consent for web.",
    )


def test_example_11_consented_adult_with_an_unknown_identifiable_person_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    scene.consent(amina)
    scene.appears(photo, amina)
    scene.appears(photo, None, box=FACE)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert len(decision.reasons) == 1
    assert decision.reasons[0].startswith(f"An unidentified person is in photo {photo}")


def test_example_12_the_unknown_person_blurred_makes_it_allowed(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    scene.consent(amina)
    scene.appears(photo, amina)
    scene.appears(photo, None, box=FACE)
    decision = decide(scene, photo, Use.WEB, blur=True)
    assert decision.allowed
    assert decision.blur == (FACE,)
    assert decision.credit == "Amina Yusuf"


def test_example_13_do_not_identify_person_who_consented_to_everything_is_refused(scene):
    photo = scene.reviewed_photo()
    samir = scene.adult("Samir Haddad", do_not_identify=True)
    scene.consent(samir, tuple(Use))
    scene.appears(photo, samir, box=FACE)
    decision = decide(scene, photo, Use.PRESS)
    assert not decision.allowed
    assert decision.reasons == (
        "Samir Haddad must never be identifiable outside the archive (do-not-identify), so "
        f"photo {photo} cannot be used for press unless they are blurred.",
    )


def test_example_14_do_not_identify_person_not_identifiable_is_allowed(scene):
    photo = scene.reviewed_photo()
    samir = scene.adult("Samir Haddad", do_not_identify=True)
    scene.appears(photo, samir, identifiable=False)
    decision = decide(scene, photo, Use.PRESS)
    assert decision.allowed
    assert "Samir" not in decision.credit


def test_example_15_any_photo_may_be_kept_in_the_archive_unless_withheld(scene):
    fresh = scene.photo()
    scene.appears(fresh, None)
    assert decide(scene, fresh, Use.ARCHIVE).allowed
    withheld = scene.photo(withheld=True)
    decision = decide(scene, withheld, Use.ARCHIVE)
    assert not decision.allowed
    assert decision.reasons == (f"Photo {withheld} is withheld by staff.",)


def test_example_16_consent_given_after_the_day_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    scene.consent(amina, given_on=D + timedelta(days=1))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == (
        "Amina Yusuf had not given consent by 2026-06-15 (needed for web).",
    )


def test_example_17_consent_superseded_by_one_without_web_is_refused(scene):
    photo = scene.reviewed_photo()
    amina = scene.adult()
    first = scene.consent(amina, (Use.WEB, Use.PRINT), given_on=D - timedelta(days=60))
    scene.consent(amina, (Use.PRINT,), given_on=D - timedelta(days=10), supersedes=first)
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.WEB)
    assert not decision.allowed
    assert decision.reasons == ("Amina Yusuf's current consent does not cover web.",)
    # Before the new consent was given, the old one was in force.
    assert assess(scene.archive, photo, Use.WEB, D - timedelta(days=20)).allowed


def test_example_18_withheld_photo_with_every_consent_in_order_is_refused(scene):
    photo = scene.photo(ReviewState.REVIEWED, Rights.STAFF, withheld=True)
    amina = scene.adult()
    scene.consent(amina, tuple(Use))
    scene.appears(photo, amina)
    decision = decide(scene, photo, Use.EXHIBITION)
    assert not decision.allowed
    assert decision.reasons == (f"Photo {photo} is withheld by staff.",)
