"""What the app relies on: the consent overview behind the badges, each person's standing,
and the inverses its Undo needs."""

from datetime import timedelta

import pytest

from quiltarchive.consent.assessment import assess
from quiltarchive.consent.consents import cancel_mistaken_withdrawal, withdraw_consent
from quiltarchive.consent.overview import (
    Badge,
    consent_overview,
    photos_affected_by_people,
    refreshed_overview,
)
from quiltarchive.consent.people import add_guardian, delete_mistaken_person
from quiltarchive.consent.person_status import consent_states, people_summaries, use_standings
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state
from tests.core.consent.scene import FACE, D


def test_badges_follow_the_decision_for_each_use(scene):
    amina = scene.adult()
    scene.consent(amina, uses=(Use.WEB, Use.PRINT))
    ready = scene.reviewed_photo()
    scene.appears(ready, amina, box=FACE)
    nobody = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    unreviewed = scene.photo()
    withheld = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF, withheld=True)
    unknown_rights = scene.photo(ReviewState.NO_PEOPLE)

    overview = consent_overview(scene.archive, D)

    assert overview.badge(ready, Use.WEB) is Badge.READY
    assert overview.badge(ready, Use.SOCIAL) is Badge.SOME_USES
    assert overview.ready_uses(ready) == [Use.PRINT, Use.WEB]
    assert overview.badge(nobody, Use.PRESS) is Badge.READY
    assert overview.badge(unreviewed, Use.WEB) is Badge.UNREVIEWED
    assert overview.badge(withheld, Use.WEB) is Badge.BLOCKED
    assert overview.badge(unknown_rights, Use.WEB) is Badge.BLOCKED
    for photo_id in (ready, nobody, unreviewed, withheld, unknown_rights):
        for use in (Use.WEB, Use.SOCIAL):
            assert (overview.badge(photo_id, use) is Badge.READY) == assess(
                scene.archive, photo_id, use, D
            ).allowed


def test_refreshing_after_a_withdrawal_matches_deciding_everything_again(scene):
    amina, tom = scene.adult(), scene.adult("Tom Okafor")
    consent = scene.consent(amina, uses=(Use.WEB,))
    scene.consent(tom, uses=(Use.WEB,))
    hers, his = scene.reviewed_photo(), scene.reviewed_photo()
    scene.appears(hers, amina)
    scene.appears(his, tom)
    before = consent_overview(scene.archive, D)
    assert before.badge(hers, Use.WEB) is Badge.READY

    withdraw_consent(scene.archive, consent, D - timedelta(days=1))
    touched = photos_affected_by_people(scene.archive, [amina])
    after = refreshed_overview(scene.archive, before, touched)

    assert touched == {hers}
    assert after.badge(hers, Use.WEB) is Badge.BLOCKED
    assert after.badge(his, Use.WEB) is Badge.READY
    assert after == consent_overview(scene.archive, D)


def test_a_photo_marked_reviewed_leaves_the_unreviewed_set_on_refresh(scene):
    photo = scene.photo(rights=Rights.STAFF)
    before = consent_overview(scene.archive, D)
    set_review_state(scene.archive, photo, ReviewState.NO_PEOPLE)
    after = refreshed_overview(scene.archive, before, [photo])
    assert before.badge(photo, Use.WEB) is Badge.UNREVIEWED
    assert after.badge(photo, Use.WEB) is Badge.READY


def test_a_persons_standing_names_what_is_missing_for_each_use(scene):
    mother = scene.adult("Grace Okafor")
    child = scene.child("Tom Okafor", guardians=[mother])
    scene.consent(child, uses=(Use.WEB, Use.PRINT), by=mother)
    self_given = scene.consent(child, uses=(Use.SOCIAL,))

    standings = {s.use: s for s in use_standings(scene.archive, child, D)}
    assert standings[Use.WEB].ok and standings[Use.WEB].reason == ""
    assert not standings[Use.PRESS].ok
    assert "Tom Okafor" in standings[Use.PRESS].reason
    assert "guardian" in standings[Use.SOCIAL].reason

    states = consent_states(scene.archive, child, D)
    by_id = {s.consent.id: s for s in states}
    assert by_id[self_given].status == "in-force" and not by_id[self_given].counts
    assert by_id[self_given].given_by_name == "Tom Okafor"
    assert [s.given_by_name for s in states].count("Grace Okafor") == 1


def test_a_do_not_identify_person_is_explained_without_a_photo_number(scene):
    hidden = scene.adult("Samir", do_not_identify=True)
    scene.consent(hidden, uses=(Use.WEB,))
    (web,) = [s for s in use_standings(scene.archive, hidden, D) if s.use is Use.WEB]
    assert not web.ok
    assert "{" not in web.reason and "their photos" in web.reason


def test_people_summaries_count_photos_and_uses(scene):
    amina = scene.adult()
    scene.consent(amina, uses=(Use.WEB, Use.EXHIBITION))
    for _ in range(2):
        scene.appears(scene.reviewed_photo(), amina)
    scene.adult("Zoe Nobody")
    summaries = people_summaries(scene.archive, D)
    assert [s.person.name for s in summaries] == ["Amina Yusuf", "Zoe Nobody"]
    assert summaries[0].photo_count == 2
    assert summaries[0].ready_uses == (Use.EXHIBITION, Use.WEB)
    assert summaries[1].ready_uses == ()


def test_a_withdrawal_recorded_by_mistake_can_be_cancelled_on_the_record(scene):
    amina = scene.adult()
    consent = scene.consent(amina, uses=(Use.WEB,))
    photo = scene.reviewed_photo()
    scene.appears(photo, amina)
    withdraw_consent(scene.archive, consent, D - timedelta(days=2), "wrong Amina")
    assert not assess(scene.archive, photo, Use.WEB, D).allowed

    restored = cancel_mistaken_withdrawal(scene.archive, consent)

    assert restored.withdrawal is None
    assert assess(scene.archive, photo, Use.WEB, D).allowed
    latest = scene.archive.audit.entries(entity_type="consent", entity_id=consent)[0]
    assert latest.action == "withdrawal cancelled as a mistake"
    assert latest.user == "Test Librarian"
    assert latest.before["note"] == "wrong Amina"
    with pytest.raises(InvalidInput, match="has not been withdrawn"):
        cancel_mistaken_withdrawal(scene.archive, consent)


def test_a_person_added_by_mistake_is_deleted_only_while_nothing_refers_to_them(scene):
    typo = scene.adult("Aminaa Yusuf")
    delete_mistaken_person(scene.archive, typo)
    with pytest.raises(NotFound):
        scene.archive.people.get(typo)
    (entry,) = scene.archive.audit.entries(entity_type="person", entity_id=typo)[:1]
    assert entry.action == "person deleted as a mistake"

    in_photo = scene.adult("In A Photo")
    scene.appears(scene.reviewed_photo(), in_photo)
    with pytest.raises(InvalidInput, match="recorded in photos"):
        delete_mistaken_person(scene.archive, in_photo)
    consented = scene.adult("Has Consent")
    scene.consent(consented)
    with pytest.raises(InvalidInput, match="consents on record"):
        delete_mistaken_person(scene.archive, consented)
    guardian = scene.adult("A Guardian")
    add_guardian(scene.archive, scene.child("A Child"), guardian)
    with pytest.raises(InvalidInput, match="guardian"):
        delete_mistaken_person(scene.archive, guardian)


def test_photo_id_sets_behave_as_sets_and_travel_as_a_few_bytes():
    import pickle

    from quiltarchive.model.photo_id_set import PhotoIdSet

    ids = PhotoIdSet([3, 17, 99_999, 8])
    assert len(ids) == 4 and list(ids) == [3, 8, 17, 99_999]
    assert 17 in ids and 16 not in ids and 100_000 not in ids and -1 not in ids and "3" not in ids
    assert ids == {3, 8, 17, 99_999} and ids == PhotoIdSet([99_999, 17, 8, 3])
    changed = ids.changed(remove=[17, 500], add=[120_000, 3])
    assert list(changed) == [3, 8, 99_999, 120_000] and list(ids) == [3, 8, 17, 99_999]
    assert PhotoIdSet([5]).changed([5], []) == PhotoIdSet()
    assert len(pickle.dumps(ids)) < 12_800  # 100,000 bits and a little
    assert pickle.loads(pickle.dumps(changed)) == changed


def test_people_names_for_pick_lists_come_sorted_without_whole_records(scene):
    zoe, amina, bea = scene.adult("zoe Ward"), scene.adult("Amina Yusuf"), scene.adult("Bea Lamb")
    assert scene.archive.people.names() == [
        (amina, "Amina Yusuf"),
        (bea, "Bea Lamb"),
        (zoe, "zoe Ward"),
    ]
