"""Before an export: what goes, what is left out with the reasons the consent decision gives, what
lacks alt text, and no text naming someone beyond what their consent allows."""

from datetime import timedelta

import pytest

from quiltarchive.consent.assessment import assess
from quiltarchive.curation.collections import add_items, create_collection, describe_item
from quiltarchive.errors import InvalidInput
from quiltarchive.export.events import ExportKind
from quiltarchive.export.plan import preflight
from quiltarchive.export.run import export_collection
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import describe_photo
from tests.core.consent.scene import FACE, D


def plan_for(scene, photos, use=Use.WEB, **options):
    collection = create_collection(scene.archive, f"Set {len(photos)}-{id(photos)}", use)
    add_items(scene.archive, collection.id, photos)
    return preflight(scene.archive, collection.id, None, D, **options)


def test_left_out_items_carry_exactly_the_reasons_assess_gives(scene):
    ready = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    unreviewed = scene.photo()
    child = scene.child("Lily Chen", age=9)
    scene.consent(child)  # given by the child herself
    with_child = scene.reviewed_photo()
    scene.appears(with_child, child, box=FACE)
    adult = scene.adult("Amina Yusuf")
    withdrawn = scene.consent(adult)
    scene.withdraw(withdrawn, D - timedelta(days=1))
    with_adult = scene.reviewed_photo()
    scene.appears(with_adult, adult)

    plan = plan_for(scene, [unreviewed, ready, with_child, with_adult])
    assert [p.item.target_id for p in plan.included] == [ready]
    assert [p.number for p in plan.included] == [1]
    left = {x.item.target_id: x.reasons for x in plan.left_out}
    assert set(left) == {unreviewed, with_child, with_adult}
    for photo_id, reasons in left.items():
        assert reasons == assess(scene.archive, photo_id, Use.WEB, D).reasons
    assert any("minor" in r for r in left[with_child])
    assert any("withdrew" in r for r in left[with_adult])


def test_blurring_lets_a_photo_go_with_its_regions_and_only_then(scene):
    adult = scene.adult("Amina Yusuf")
    scene.consent(adult, credit=Credit.FULL)
    crowd = scene.reviewed_photo()
    scene.appears(crowd, adult, box=FACE)
    scene.appears(crowd, None, box=Box(0.05, 0.05, 0.2, 0.2))
    without = plan_for(scene, [crowd])
    assert without.included == ()
    with_blur = plan_for(scene, [crowd], blur_unconsented=True)
    (planned,) = with_blur.included
    assert planned.blur == ((0.05, 0.05, 0.2, 0.2),)
    assert planned.credit == "Amina Yusuf"
    assert (
        planned.consent_ids
        == assess(scene.archive, crowd, Use.WEB, D, blur_regions=True).consent_ids
    )


def test_alt_text_comes_from_the_set_then_the_photo_and_its_lack_is_reported(scene):
    described, bare, overridden = (
        scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF) for _ in range(3)
    )
    describe_photo(scene.archive, described, caption="Quilt at the library", alt_text="A quilt")
    describe_photo(scene.archive, bare, caption="Tea after the workshop")
    describe_photo(scene.archive, overridden, alt_text="Its own alt text")
    collection = create_collection(scene.archive, "Alt", Use.PRINT)
    add_items(scene.archive, collection.id, [described, bare, overridden])
    describe_item(scene.archive, collection.id, overridden, alt_text="Alt text for this set")
    plan = preflight(scene.archive, collection.id, on_day=D)
    by_photo = {p.item.target_id: p for p in plan.included}
    assert by_photo[described].alt_text == "A quilt" and not by_photo[described].alt_missing
    assert by_photo[bare].alt_text == "Tea after the workshop" and by_photo[bare].alt_missing
    assert by_photo[overridden].alt_text == "Alt text for this set"
    assert [p.item.target_id for p in plan.lacking_alt_text] == [bare]
    assert [p.stem for p in plan.included] == [
        "001-quilt-at-the-library",
        "002-tea-after-the-workshop",
        "003-photograph",
    ]


def test_texts_never_name_people_beyond_their_consent(scene):
    hidden = scene.adult("Samir Haddad", do_not_identify=True)
    scene.consent(hidden, uses=list(Use))
    child = scene.child("Lily Chen", age=9, guardians=[scene.adult("Wei Chen")])
    guardian = scene.archive.people.get(child).guardian_ids[0]
    scene.consent(child, by=guardian)
    initials = scene.adult("Grace Lee")
    scene.consent(initials, credit=Credit.INITIALS)
    full = scene.adult("Olu Ade")
    scene.consent(full, credit=Credit.FULL)

    def photo_with(person, caption):
        photo = scene.reviewed_photo()
        scene.appears(photo, person, box=FACE)
        describe_photo(scene.archive, photo, caption=caption)
        return photo

    first_name_only = photo_with(child, "Lily sewing her patch")
    surname_of_child = photo_with(child, "Lily Chen sewing her patch")
    initials_ok = photo_with(initials, "G. L. at the frame, on the lee side of the hall")
    full_name_of_initials = photo_with(initials, "Grace Lee at the frame")
    full_ok = photo_with(full, "Olu Ade at the frame")
    room = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    describe_photo(scene.archive, room, caption="The room where Samir cooked")
    rose = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    describe_photo(scene.archive, rose, caption="A rose by the door, lee side of the wall")

    plan = plan_for(
        scene,
        [
            first_name_only,
            surname_of_child,
            initials_ok,
            full_name_of_initials,
            full_ok,
            room,
            rose,
        ],
    )
    going = {p.item.target_id for p in plan.included}
    assert going == {first_name_only, initials_ok, full_ok, rose}
    left = {x.item.target_id: " ".join(x.reasons) for x in plan.left_out}
    assert "Lily Chen" in left[surname_of_child] and "“Lily”" in left[surname_of_child]
    assert "Grace Lee" in left[full_name_of_initials]
    assert "must never be identified" in left[room]
    credits = {p.item.target_id: p.credit for p in plan.included}
    assert credits[first_name_only] == "Lily"
    assert credits[initials_ok] == "G. L."


def test_a_set_whose_own_name_reveals_someone_cannot_be_exported(scene, tmp_path):
    scene.adult("Samir Haddad", do_not_identify=True)
    photo = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    collection = create_collection(scene.archive, "Samir Haddad's kitchen", Use.WEB)
    add_items(scene.archive, collection.id, [photo])
    plan = preflight(scene.archive, collection.id, on_day=D)
    assert plan.problems == (
        "The collection's name or description names Samir Haddad, who must never be identified "
        "outside the archive; change the text.",
    )
    with pytest.raises(InvalidInput, match="name or description names Samir Haddad"):
        list(export_collection(scene.archive, collection.id, ExportKind.PACK, tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_an_export_needs_an_outside_use(scene):
    photo = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    collection = create_collection(scene.archive, "No use yet")
    add_items(scene.archive, collection.id, [photo])
    with pytest.raises(InvalidInput, match="Say which use"):
        preflight(scene.archive, collection.id)
    with pytest.raises(InvalidInput, match="internal viewing"):
        preflight(scene.archive, collection.id, Use.ARCHIVE)
    assert preflight(scene.archive, collection.id, Use.SOCIAL, D).use is Use.SOCIAL
