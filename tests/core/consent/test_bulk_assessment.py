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


def test_kept_standings_are_renewed_as_soon_as_a_consent_record_changes(scene):
    amina = scene.adult()
    photo = scene.reviewed_photo()
    scene.appears(photo, amina)
    assert allowed_photo_ids(scene.archive, Use.WEB, D) == set()
    consent = scene.consent(amina, (Use.WEB,))
    assert allowed_photo_ids(scene.archive, Use.WEB, D) == {photo}
    scene.withdraw(consent, D)
    assert allowed_photo_ids(scene.archive, Use.WEB, D) == set()


def test_a_change_made_by_another_process_renews_kept_standings(scene):
    """Another program (the command line, say) records a consent while the app is open."""
    import subprocess
    import sys

    from tests.conftest import REPO

    amina = scene.adult()
    photo = scene.reviewed_photo()
    scene.appears(photo, amina)
    assert allowed_photo_ids(scene.archive, Use.WEB, D) == set()
    root = scene.archive.layout.root
    scene.archive.close()  # release the write lock, as the app hands over to the CLI
    reader = type(scene.archive).open(root, writable=False)
    assert allowed_photo_ids(reader, Use.WEB, D) == set()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "quiltarchive",
            "--archive",
            str(root),
            "consent",
            "add",
            str(amina),
            "--given-by",
            str(amina),
            "--given-on",
            "2026-01-01",
            "--uses",
            "web",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert allowed_photo_ids(reader, Use.WEB, D) == {photo}
    reader.close()
