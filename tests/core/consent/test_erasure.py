"""Erasure: afterwards no file of the archive holds the person's name, their photos are withheld
(or deleted), the audit trail says only that an erasure happened and still verifies."""

import unicodedata
from pathlib import Path

from quiltarchive.check import check_archive
from quiltarchive.consent.assessment import assess
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.erasure import erase_person, plan_erasure
from quiltarchive.consent.people import update_person
from quiltarchive.events import ensure_event
from quiltarchive.model.consent import Use
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.model.publication import PublishedFile
from quiltarchive.name_forms import name_variants
from quiltarchive.photo_states import describe_photo, set_withheld
from quiltarchive.storage.schema import backup_database
from quiltarchive.works.stories import add_story
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


def test_the_plan_says_what_erasure_will_do_and_changes_nothing(scene, tmp_path):
    archive = scene.archive
    zainab, son, _own, _for_son, portrait, _crowd, _unrelated = build(scene, tmp_path)
    entries = len(archive.audit.entries())
    plan = plan_erasure(archive, zainab)
    assert plan.name == NAME and plan.photo_ids == (portrait,)
    assert plan.consents == 1 and plan.consent_forms == 1
    assert plan.given_for == ("Yusuf Mahmoud-Ali",)
    assert plan.patches == 0 and plan.stories == 0
    assert len(archive.audit.entries()) == entries and archive.people.get(son)


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


ZOE = "Zoë Ångström"


def every_file(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def name_found(root: Path, name: str) -> list[str]:
    """Every file of the archive (database, its -wal and -shm, backups, cache, forms) that holds
    the name in any of its forms, as bytes."""
    forms = {form.encode() for form in name_variants(name)}
    assert len(forms) >= 8  # as typed, NFC, NFD, case-folded, upper, without accents
    return [
        f"{path.relative_to(root)}: {form.decode()!r}"
        for path in every_file(root)
        for form in forms
        if form in path.read_bytes()
    ]


def search_photos(archive, text: str) -> list[int]:
    return archive.photos.ordered_ids(PhotoQuery(text=text))


def test_erasure_leaves_no_form_of_an_accented_name_in_any_file(scene, tmp_path):
    archive = scene.archive
    folded = unicodedata.normalize("NFD", ZOE.casefold())
    plain = "Zoe Angstrom"
    zoe = scene.adult(ZOE, notes=f"Prefers to be called {ZOE}.")
    son = scene.child("Elias Berg", guardians=[zoe])
    neighbour = scene.adult("Paul Neighbour")
    update_person(archive, son, notes=f"Comes with his mother {ZOE.upper()}.")
    form = tmp_path / "form.pdf"
    form.write_bytes(f"%PDF-1.4 signed {ZOE}".encode())
    record_consent(archive, zoe, given_by_id=zoe, given_on=D, uses=[Use.WEB], scan=form)
    record_consent(archive, son, given_by_id=zoe, given_on=D, uses=[Use.WEB])
    witnessed = record_consent(
        archive,
        neighbour,
        given_by_id=neighbour,
        given_on=D,
        uses=[Use.PRINT],
        form_ref=f"F-12, witnessed by {folded}",
    ).consent
    withdraw_consent(archive, witnessed.id, D, note=f"told us through {plain}")
    portrait, elsewhere = scene.reviewed_photo(), scene.reviewed_photo()
    scene.appears(portrait, zoe, box=FACE)
    describe_photo(archive, elsewhere, caption=f"The stall {folded} ran", alt_text=plain)
    first = ensure_event(archive, f"{ZOE}'s open day")
    second = ensure_event(archive, f"{plain}'s open day")
    story = add_story(
        archive, "The first patch", teller_id=neighbour, text=f"{ZOE} taught me to sew."
    )
    with archive.atomic():
        archive.ledger.record(
            kind="folder",
            collection_id=None,
            collection_name=f"For {ZOE}",
            use="print",
            destination=str(tmp_path / f"exports for {ZOE}"),
            decided_on=D.isoformat(),
            user="Test Librarian",
            files=[PublishedFile(f"{plain} portrait.jpg", "", portrait, ())],
        )
    backup_database(archive.db, archive.layout.backups / "archive-before-0009.sqlite")
    assert len(name_found(archive.layout.root, ZOE)) > 3
    assert set(search_photos(archive, "angstrom")) == {portrait, elsewhere}

    report = erase_person(archive, zoe)

    assert name_found(archive.layout.root, ZOE) == []
    wal = archive.layout.database.with_name(archive.layout.database.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert report.backups_removed == 1 and report.consent_forms_deleted == 1
    assert archive.consents.get(witnessed.id).form_ref == "F-12, witnessed by [name removed]"
    assert archive.consents.get(witnessed.id).withdrawal.note == "told us through [name removed]"
    assert archive.people.get(son).notes == "Comes with his mother [name removed]."
    assert archive.stories.get(story.id).text == "[name removed] taught me to sew."
    assert search_photos(archive, "angstrom") == []
    kept_apart = sorted(e.name for e in archive.events.list())  # once the same name
    assert kept_apart[0] == "[name removed]'s open day"
    assert kept_apart[1] in {f"[name removed]'s open day ({n})" for n in (first.id, second.id)}
    assert search_photos(archive, "stall") == [elsewhere]
    report = list(check_archive(archive))[-1].report
    assert report.ok, report.problems
    archive.close()
    assert name_found(archive.layout.root, ZOE) == []


def test_entries_about_others_keep_their_details_without_the_name(scene, tmp_path):
    archive = scene.archive
    zoe = scene.adult(ZOE)
    son = scene.child("Elias Berg", guardians=[zoe])
    update_person(archive, son, notes=f"Mother: {ZOE}")
    erase_person(archive, zoe)
    (changed,) = [
        e
        for e in archive.audit.entries(entity_type="person", entity_id=son)
        if e.after and "notes" in e.after and e.after["notes"]
    ]
    assert changed.redacted and changed.after["notes"] == "Mother: [name removed]"
    about_her = archive.audit.entries(entity_type="person", entity_id=zoe)
    assert [e.action for e in about_her if not e.redacted] == ["person erased"]
    assert all(e.before is None and e.after is None for e in about_her if e.redacted)
    assert archive.audit.verify().intact


def test_a_redaction_not_made_by_an_erasure_breaks_the_chain(scene):
    archive = scene.archive
    scene.adult("Amina Yusuf")
    with archive.atomic():
        archive.audit.redact([1], by_seq=1)
    verdict = archive.audit.verify()
    assert not verdict.intact and verdict.first_broken_seq == 1
    assert "not by an erasure" in verdict.problem


def test_a_backup_that_never_held_the_person_is_kept(scene):
    archive = scene.archive
    backup_database(archive.db, archive.layout.backups / "archive-before-0008.sqlite")
    zoe = scene.adult(ZOE)
    report = erase_person(archive, zoe)
    assert report.backups_removed == 0
    assert (archive.layout.backups / "archive-before-0008.sqlite").exists()
