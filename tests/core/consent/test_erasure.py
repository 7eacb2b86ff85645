"""Erasure: afterwards no file of the archive holds the person's name, their photos are withheld
(or deleted), the audit trail says only that an erasure happened and still verifies."""

from pathlib import Path

from quiltarchive.check import check_archive
from quiltarchive.consent.assessment import assess
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.erasure import erase_person
from quiltarchive.consent.people import update_person
from quiltarchive.model.consent import Use
from quiltarchive.photo_states import describe_photo, set_withheld
from quiltarchive.storage.schema import backup_database
from tests.core.consent.scene import FACE, D

NAME = "Zainab Mahmoud"


def files_mentioning(root: Path, words: list[bytes], skip: Path | None = None) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if not path.is_file() or (skip is not None and skip in path.parents):
            continue
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {word!r}" for word in words if word in data]
    return found


def build(scene, tmp_path):
    archive = scene.archive
    zainab = scene.adult(NAME)
    son = scene.child("Yusuf Mahmoud-Ali", guardians=[zainab])
    update_person(archive, son, notes=f"Comes to workshops with his mother {NAME}.")
    form = tmp_path / "form.pdf"
    form.write_bytes(f"%PDF-1.4 consent form signed by {NAME}".encode())
    own = record_consent(
        archive, zainab, given_by_id=zainab, given_on=D, uses=[Use.WEB], scan=form
    ).consent
    for_son = record_consent(archive, son, given_by_id=zainab, given_on=D, uses=[Use.WEB]).consent
    portrait, crowd, unrelated = (
        scene.reviewed_photo(),
        scene.reviewed_photo(),
        scene.reviewed_photo(),
    )
    scene.appears(portrait, zainab, box=FACE)
    scene.appears(portrait, son)
    scene.appears(crowd, zainab, identifiable=False)
    describe_photo(
        archive,
        portrait,
        caption=f"{NAME} and her son with their patch",
        alt_text=f"{NAME.upper()} holding a blue quilt patch",
    )
    backup_database(archive.db, archive.layout.backups / "archive-before-0003.sqlite")
    return zainab, son, own, for_son, portrait, crowd, unrelated


def test_after_erasure_no_file_of_the_archive_holds_the_name(scene, tmp_path):
    archive = scene.archive
    zainab, son, _own, _for_son, portrait, _crowd, unrelated = build(scene, tmp_path)
    words = [NAME.encode(), b"Zainab", b"zainab", b"ZAINAB"]
    assert files_mentioning(archive.layout.root, words, skip=archive.layout.originals)

    report = erase_person(archive, zainab)

    assert files_mentioning(archive.layout.root, words, skip=archive.layout.originals) == []
    assert report.photos_withheld == (portrait,)
    assert report.consents_removed == 1 and report.consents_removed_from_others == (son,)
    assert report.consent_forms_deleted == 1 and report.backups_removed == 1
    assert report.texts_scrubbed == 3  # caption, alt text, the son's notes
    assert archive.photos.get(portrait).caption == "[name removed] and her son with their patch"
    assert archive.photos.get(portrait).withheld and not archive.photos.get(unrelated).withheld
    assert not any(archive.layout.consent_forms.rglob("*.pdf"))


def test_the_audit_trail_keeps_only_that_an_erasure_happened_and_still_verifies(scene, tmp_path):
    archive = scene.archive
    zainab, *_ = build(scene, tmp_path)
    erase_person(archive, zainab)
    latest = archive.audit.entries()[0]
    assert latest.action == "person erased" and latest.entity_id == str(zainab)
    about = archive.audit.entries(entity_type="person", entity_id=zainab)
    assert all(e.redacted and e.before is None and e.after is None for e in about[1:])
    report = list(check_archive(archive))[-1].report
    assert report.ok, report.problems


def test_an_erased_persons_photos_stay_refused_even_if_released(scene, tmp_path):
    archive = scene.archive
    zainab, _son, _own, _for_son, portrait, *_ = build(scene, tmp_path)
    erase_person(archive, zainab)
    set_withheld(archive, portrait, False)
    decision = assess(archive, portrait, Use.WEB, D)
    assert not decision.allowed
    assert any("unidentified person" in r for r in decision.reasons)  # where she was
    assert any("Yusuf" in r for r in decision.reasons)  # her son's consent, given by her, is gone


def test_erasure_with_delete_photos_removes_originals_and_their_cache(scene, tmp_path):
    archive = scene.archive
    zainab, _son, _own, _for_son, portrait, crowd, unrelated = build(scene, tmp_path)
    photo = archive.photos.get(portrait)
    report = erase_person(archive, zainab, delete_photos=True)
    assert report.photos_deleted == (portrait,) and report.photos_withheld == ()
    assert {p.id for p in archive.photos.list()} == {crowd, unrelated}
    assert not archive.layout.original_path(photo.sha256, photo.extension).exists()
    assert not archive.layout.thumbnail_path(photo.sha256).exists()
    report = list(check_archive(archive))[-1].report
    assert report.ok, report.problems
