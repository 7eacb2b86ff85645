"""The whole-archive path (`allowed_photo_ids`) against the photo-by-photo one on many photos."""

from datetime import timedelta

from quiltarchive.consent.assessment import allowed_photo_ids, assess_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from tests.core.consent.scene import FACE, D


def test_bulk_and_per_photo_decisions_agree_on_a_mixed_workshop(scene):
    amina, samir = scene.adult(), scene.adult("Samir Haddad", do_not_identify=True)
    grace = scene.adult("Grace Okafor")
    tom = scene.child(guardians=[grace])
    scene.consent(amina, (Use.WEB, Use.PRINT))
    scene.consent(tom, (Use.WEB,), by=grace, expires_on=D + timedelta(days=3))
    scene.consent(samir, tuple(Use))
    photos = [
        scene.photo(review, rights, withheld)
        for review in ReviewState
        for rights in Rights
        for withheld in (False, True)
    ]
    for index, photo in enumerate(photos):
        if index % 3 == 0:
            scene.appears(photo, amina, box=FACE)
        if index % 4 == 1:
            scene.appears(photo, tom)
        if index % 5 == 2:
            scene.appears(photo, samir, box=FACE)
        if index % 7 == 3:
            scene.appears(photo, None)
    for use in Use:
        for day in (D, D + timedelta(days=5)):
            for blur in (False, True):
                decisions = assess_photos(scene.archive, None, use, day, blur_regions=blur)
                expected = {pid for pid, d in decisions.items() if d.allowed}
                assert allowed_photo_ids(scene.archive, use, day, blur_regions=blur) == expected
    assert allowed_photo_ids(scene.archive, Use.WEB, D)  # not a vacuous agreement on "nothing"
