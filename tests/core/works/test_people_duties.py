"""Data-protection duties reach patches and stories: subject access gathers what a person
made and told; erasure keeps their patches (they are sewn into a quilt) but without their
name or words, and removes the stories they told."""

import json

from quiltarchive.consent.assessment import assess_subject
from quiltarchive.consent.erasure import erase_person
from quiltarchive.consent.subject_access import export_subject_access
from quiltarchive.model.consent import Use
from quiltarchive.model.subject import Subject
from quiltarchive.works.search import search_works
from quiltarchive.works.stories import add_story
from tests.core.consent.scene import D


def test_subject_access_includes_the_patches_made_and_stories_told(workshop, tmp_path):
    archive = workshop.archive
    amina = workshop.consenting_adult()
    workshop.patch("P-0042", amina, title="Bridges", story="My grandmother's scarf.")
    add_story(archive, "Arriving", teller_id=amina, text="I came in winter.")
    folder = export_subject_access(archive, amina, tmp_path / "out")
    record = json.loads((folder / "person.json").read_text(encoding="utf-8"))
    assert [(p["code"], p["story"]) for p in record["patches_made"]] == [
        ("P-0042", "My grandmother's scarf.")
    ]
    assert [s["title"] for s in record["stories_told"]] == ["Arriving"]
    assert {e["action"] for e in record["audit_trail"]} >= {"patch added", "story added"}


def test_erasure_keeps_the_patch_without_its_maker_and_removes_their_stories(workshop):
    archive = workshop.archive
    amina = workshop.consenting_adult("Amina Yusuf")
    photo = workshop.patch_photo()
    quilt = workshop.quilt()
    patch = workshop.patch(
        "P-0042", amina, photo=photo, place=(quilt.id, 1, 1), story="Amina Yusuf's scarf."
    )
    story = add_story(archive, "Arriving", teller_id=amina, text="I came in winter.")
    report = erase_person(archive, amina)
    assert report.patches_unattributed == (patch.id,)
    assert report.stories_deleted == (story.id,)
    kept = archive.patches.get(patch.id)
    assert kept.maker_id is None and kept.story == ""
    assert kept.position == patch.position and kept.front_photo_id == photo
    assert archive.stories.list() == []
    assert search_works(archive, "amina").patches == ()
    assert search_works(archive, "P-0042").patches[0].id == patch.id
    decision = assess_subject(archive, Subject.patch(patch.id), Use.WEB, D)
    assert decision.reasons == ("The maker of patch P-0042 is not recorded (needed for web).",)
    details = [e for e in archive.audit.entries(entity_type="patch") if not e.redacted]
    assert all("scarf" not in json.dumps([e.before, e.after]) for e in details)
