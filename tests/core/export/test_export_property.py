"""Property: whatever was recorded, no exported file shows a photo that the consent decision
refuses for that use on that day, and every photo it allows goes out.

Each photo of the random archive is a different flat colour, so which photo an exported image
shows is read from its pixels, not from anything the export wrote about itself."""

import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from PIL import Image

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.assessment import assess
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.people import add_guardian, add_person
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.events import ExportKind
from quiltarchive.export.run import export_collection
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights, set_withheld
from tests.core.consent.strategies import people, photos
from tests.core.consent.test_archive_properties import mutual_guardians

PHOTOS = 4
COLOURS = [(200, 40, 40), (40, 160, 60), (50, 60, 200), (230, 200, 40)]
EXAMPLES = 2000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 80


def template(folder: Path) -> Path:
    """An archive holding PHOTOS flat-coloured photos, made once and copied for each example."""
    root = folder / "template"
    if (root / "archive.sqlite").exists():
        return root
    card = folder / "card"
    card.mkdir(exist_ok=True)
    for index, colour in enumerate(COLOURS):
        Image.new("RGB", (48, 36), colour).save(card / f"IMG_{index:04d}.png")
    with Archive.create(root, user="Test Librarian") as archive:
        list(import_photos(archive, [card], workers=1))
    return root


TEMPLATE_FOLDER = Path(tempfile.mkdtemp(prefix="quiltarchive-export-property-"))


def record(archive, persons, drawn_photos):
    for p in persons.values():
        add_person(
            archive,
            p.name,
            credit=p.credit,
            birth_year=p.birth_year,
            age_band=p.age_band,
            do_not_identify=p.do_not_identify,
        )
    for p in persons.values():
        for guardian in p.guardian_ids:
            add_guardian(archive, p.id, guardian)
    for c in sorted((c for p in persons.values() for c in p.consents), key=lambda c: c.id):
        record_consent(
            archive,
            c.person_id,
            given_by_id=c.given_by_id,
            given_on=c.given_on,
            uses=c.uses,
            credit=c.credit,
            story=c.story,
            expires_on=c.expires_on,
            supersedes_id=c.supersedes_id,
        )
        if c.withdrawal:
            withdraw_consent(archive, c.id, c.withdrawal.withdrawn_on)
    ids = [p.id for p in sorted(archive.photos.list(), key=lambda p: p.file_name)]
    for photo_id, photo in zip(ids, drawn_photos, strict=True):
        for a in photo.appearances:
            add_appearance(archive, photo_id, a.person_id, box=a.box, identifiable=a.identifiable)
        if photo.rights is not Rights.UNKNOWN:
            set_rights(
                archive,
                photo_id,
                photo.rights,
                "CC BY 4.0" if photo.rights is Rights.LICENSED else "",
            )
        if photo.review_state is not ReviewState.UNREVIEWED:
            identifiable = any(a.identifiable for a in photo.appearances)
            set_review_state(
                archive, photo_id, ReviewState.REVIEWED if identifiable else photo.review_state
            )
        if photo.withheld:
            set_withheld(archive, photo_id, True)
    return ids


def shown_photo(path: Path, colours_by_photo):
    """Which photo an exported image shows, from its colour."""
    mean = np.asarray(Image.open(path).convert("RGB"), dtype=float).reshape(-1, 3).mean(axis=0)
    distances = {pid: np.abs(mean - np.array(c)).sum() for pid, c in colours_by_photo.items()}
    best = min(distances, key=distances.get)
    assert distances[best] < 20, (path.name, mean)
    return best


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_no_exported_file_shows_a_photo_the_decision_refuses(data):
    day = clock.today()
    use = data.draw(st.sampled_from([u for u in Use if u is not Use.ARCHIVE]), label="use")
    persons = data.draw(people(use, day, 18), label="people")
    assume(not mutual_guardians(persons))
    drawn = [data.draw(photos(list(persons)), label=f"photo {n}") for n in range(PHOTOS)]
    blur = data.draw(st.booleans(), label="blur")
    kind = data.draw(st.sampled_from(list(ExportKind)), label="kind")
    root = template(TEMPLATE_FOLDER)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "archive"
        shutil.copytree(root, copy)
        with Archive.open(copy, user="Test Librarian") as archive:
            ids = record(archive, persons, drawn)
            colours = dict(zip(ids, COLOURS, strict=True))
            collection = create_collection(archive, "Random", use)
            add_items(archive, collection.id, ids)
            events = list(
                export_collection(
                    archive,
                    collection.id,
                    kind,
                    Path(folder) / "out",
                    blur_unconsented=blur,
                    workers=1,
                )
            )
            summary = events[-1].summary
            decisions = {pid: assess(archive, pid, use, day, blur_regions=blur) for pid in ids}
            allowed = {pid for pid, d in decisions.items() if d.allowed}
            out = Path(folder) / "out"
            images = [p for p in out.rglob("*.jpg")] if out.exists() else []
            shown = {shown_photo(p, colours) for p in images}
            assert shown <= allowed, {pid: decisions[pid].reasons for pid in shown - allowed}
            assert shown == allowed
            event(f"{len(allowed)} of {PHOTOS} photos allowed")
            assert {int(e.ref) for e in summary.exported} == allowed
            assert {x.item.target_id for x in summary.left_out} == set(ids) - allowed
            if allowed:
                (publication,) = archive.ledger.publications()
                for file in publication.files:
                    if file.photo_id is not None:
                        assert decisions[file.photo_id].allowed
                        assert file.consent_ids == decisions[file.photo_id].consent_ids
            else:
                assert summary.nothing_exported and not out.exists()
