"""Withdrawal impact, the review lists, subject access and the audit trail."""

import json
import zipfile
from datetime import timedelta

import pytest

from quiltarchive.check import check_archive
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.consent.review_lists import expiring_consents, needs_review
from quiltarchive.consent.subject_access import export_subject_access
from quiltarchive.model.consent import Use
from quiltarchive.model.publication import PublishedFile
from quiltarchive.storage.collections import CollectionStore
from quiltarchive.storage.ledger import LedgerStore
from tests.core.consent.scene import FACE, D


def test_withdrawal_impact_lists_the_collections_and_past_exports_holding_the_person(scene):
    archive = scene.archive
    amina = scene.adult()
    consent = scene.consent(amina)
    shown, in_background, elsewhere = (
        scene.reviewed_photo(),
        scene.reviewed_photo(),
        scene.reviewed_photo(),
    )
    scene.appears(shown, amina, box=FACE)
    scene.appears(in_background, amina, identifiable=False)
    with archive.atomic():
        collections = CollectionStore(archive.db)
        spring = collections.create("Spring newsletter", "print")
        collections.add_photo(spring, shown)
        collections.add_photo(spring, elsewhere)
        untouched = collections.create("Rooms", "web")
        collections.add_photo(untouched, elsewhere)
        LedgerStore(archive.db).record(
            kind="gallery",
            collection_id=spring,
            collection_name="Spring newsletter",
            use="print",
            destination="/media/usb/spring",
            decided_on="2026-05-01",
            user="Comms",
            files=[
                PublishedFile("001-quilt.jpg", "ab" * 32, shown, (consent,)),
                PublishedFile("002-room.jpg", "cd" * 32, elsewhere, ()),
            ],
        )
    impact = withdrawal_impact(archive, amina)
    assert impact.photo_ids == (shown,)
    assert [(c.name, c.photo_ids) for c in impact.collections] == [("Spring newsletter", (shown,))]
    (publication,) = impact.publications
    assert publication.destination == "/media/usb/spring"
    assert [f.file_name for f in publication.files] == ["001-quilt.jpg"]


def test_impact_of_a_person_nobody_exported_is_empty(scene):
    amina = scene.adult()
    assert withdrawal_impact(scene.archive, amina).nothing_to_recall


def test_expiring_soon_lists_consents_in_force_ending_within_the_window(scene):
    amina, tom, grace = scene.adult(), scene.adult("Tom Okafor"), scene.adult("Grace Lee")
    soon = scene.consent(amina, expires_on=D + timedelta(days=10))
    scene.consent(tom, expires_on=D + timedelta(days=45))
    lapsed = scene.consent(grace, expires_on=D - timedelta(days=1))
    photo = scene.reviewed_photo()
    scene.appears(photo, amina)
    listed = expiring_consents(scene.archive, 30, today=D)
    assert [(e.consent.id, e.person_name, e.days_left, e.photo_ids) for e in listed] == [
        (soon, "Amina Yusuf", 10, (photo,))
    ]
    assert lapsed not in [e.consent.id for e in expiring_consents(scene.archive, 60, today=D)]
    assert len(expiring_consents(scene.archive, 60, today=D)) == 2


def test_needs_review_lists_unreviewed_unknown_people_and_lapsed_consents(scene):
    fresh = scene.photo()
    with_stranger = scene.reviewed_photo()
    scene.appears(with_stranger, None)
    amina = scene.adult()
    withdrawn = scene.consent(amina)
    scene.withdraw(withdrawn, D - timedelta(days=2))
    of_amina = scene.reviewed_photo()
    scene.appears(of_amina, amina)
    fine = scene.reviewed_photo()
    tom = scene.adult("Tom Okafor")
    scene.consent(tom)
    scene.appears(fine, tom)
    listed = needs_review(scene.archive, today=D)
    assert listed == {
        fresh: ("nobody has recorded who is in it",),
        with_stranger: ("an identifiable person in it is not identified",),
        of_amina: ("Amina Yusuf's consent has lapsed",),
    }


@pytest.mark.parametrize("as_zip", [False, True])
def test_subject_access_exports_records_forms_and_photos(scene, tmp_path, as_zip):
    archive = scene.archive
    grace = scene.adult("Grace Okafor")
    tom = scene.child(guardians=[grace])
    form = tmp_path / "form.pdf"
    form.write_bytes(b"%PDF-1.4 signed consent form for Tom")
    from quiltarchive.consent.consents import record_consent

    consent = record_consent(
        archive, tom, given_by_id=grace, given_on=D, uses=[Use.WEB], scan=form
    ).consent
    photo = scene.reviewed_photo()
    scene.appears(photo, tom, box=FACE)
    heard: list[tuple[int, int]] = []
    made = export_subject_access(
        archive, tom, tmp_path / "out", as_zip=as_zip, progress=lambda *p: heard.append(p)
    )
    assert heard == [(0, 2), (1, 2), (2, 2)]  # the consent form, then the photo
    if as_zip:
        with zipfile.ZipFile(made) as bundle:
            names = bundle.namelist()
            record = json.loads(bundle.read(f"{made.stem}/person.json"))
            assert (
                bundle.read(f"{made.stem}/consent-forms/consent-{consent.id}.pdf")
                == form.read_bytes()
            )
        assert any(n.endswith(f"photos/photo-{photo}.png") for n in names)
    else:
        record = json.loads((made / "person.json").read_text())
        assert (made / f"consent-forms/consent-{consent.id}.pdf").read_bytes() == form.read_bytes()
        assert (made / f"photos/photo-{photo}.png").is_file()
    assert record["person"]["name"] == "Tom Okafor"
    assert record["guardians"] == [{"id": grace, "name": "Grace Okafor"}]
    assert record["consents"][0]["uses"] == ["web"]
    assert record["appearances"][0]["photo_id"] == photo
    assert {e["action"] for e in record["audit_trail"]} >= {
        "person added",
        "consent recorded",
        "appearance added",
    }
    assert not list((tmp_path / "out").glob(".*partial"))
    assert archive.audit.entries()[0].action == "subject access export"


def test_every_consent_change_is_on_the_audit_trail_with_who_and_before_after(scene):
    amina = scene.adult()
    consent = scene.consent(amina)
    scene.withdraw(consent, D)
    entries = scene.archive.audit.entries(entity_type="consent", entity_id=consent)
    assert [e.action for e in entries] == ["consent withdrawn", "consent recorded"]
    assert {e.user for e in entries} == {"Test Librarian"}
    assert entries[0].before["uses"] == ["print", "web"]
    assert entries[0].after == {"withdrawn_on": D.isoformat(), "note": "asked at the library desk"}


def test_the_audit_trail_cannot_be_edited_and_check_finds_the_first_broken_row(scene):
    import sqlite3

    archive = scene.archive
    amina = scene.adult()
    scene.consent(amina)
    scene.consent(amina, (Use.SOCIAL,))
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), archive.atomic():
        archive.db.execute("UPDATE audit_log SET user = 'someone else' WHERE seq = 2")
    assert list(check_archive(archive))[-1].report.ok
    # Someone with a raw SQLite tool drops the guard and rewrites history:
    with archive.atomic():
        archive.db.execute("DROP TRIGGER audit_log_append_only_update")
        archive.db.execute("UPDATE audit_log SET user = 'someone else' WHERE seq = 3")
    report = list(check_archive(archive))[-1].report
    assert [(p.kind, p.subject, p.message) for p in report.problems] == [
        ("audit", "entry 3", "entry 3 was altered")
    ]


def test_check_notices_a_changed_audit_detail_and_a_deleted_entry(scene):
    archive = scene.archive
    amina = scene.adult()
    scene.consent(amina)
    with archive.atomic():
        archive.db.execute(
            "UPDATE audit_payloads SET after = replace(after, 'web', 'social') WHERE seq = 2"
        )
    assert (
        list(check_archive(archive))[-1].report.problems[0].message
        == "the details of entry 2 were altered"
    )
    with archive.atomic():
        archive.db.execute("DROP TRIGGER audit_log_append_only_delete")
        archive.db.execute("DROP TRIGGER audit_payloads_keep")
        archive.db.execute("DELETE FROM audit_payloads WHERE seq = 1")
        archive.db.execute("DELETE FROM audit_log WHERE seq = 1")
    assert list(check_archive(archive))[-1].report.problems[0].message == "entry 1 is missing"
