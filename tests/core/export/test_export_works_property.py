"""Property: whatever was recorded, an export of quilt patches and stories holds exactly the
patches and stories the consent decision allows for that use on that day: a patch's photo is
in it only when its maker's consent and the photo itself allow it, a story's words only with
its teller's consent and story permission.

Which patch an exported image shows is read from its pixels (each front photo is a different
flat colour); whether a story went is read from its words in the exported files."""

import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess_subject
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.events import ExportKind
from quiltarchive.export.run import export_collection
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.model.subject import Subject
from quiltarchive.works.patches import add_patch
from quiltarchive.works.stories import add_story
from tests.core.consent.strategies import people, photos
from tests.core.consent.test_archive_properties import mutual_guardians
from tests.core.export.test_export_property import (
    COLOURS,
    PHOTOS,
    TEMPLATE_FOLDER,
    record,
    shown_photo,
    template,
)

EXAMPLES = 1000 if os.environ.get("HYPOTHESIS_PROFILE") == "thorough" else 40


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_an_export_holds_exactly_the_patches_and_stories_the_decision_allows(data):
    day = clock.today()
    use = data.draw(st.sampled_from([u for u in Use if u is not Use.ARCHIVE]), label="use")
    persons = data.draw(people(use, day, 18), label="people")
    assume(not mutual_guardians(persons))
    drawn = [
        # A photo is often simply ready (no one in it, the archive's own), so that whether
        # its patch goes turns on the maker's consent.
        photo._replace(
            withheld=False, rights=Rights.STAFF, review_state=ReviewState.NO_PEOPLE, appearances=()
        )
        if data.draw(st.booleans(), label=f"photo {n} ready")
        else photo
        for n, photo in enumerate(
            data.draw(photos(list(persons)), label=f"photo {n}") for n in range(PHOTOS)
        )
    ]
    # Besides the drawn people, someone whose consent covers every use, with story permission.
    steady = len(persons) + 1
    anyone = st.sampled_from([*persons, steady])
    makers = [data.draw(anyone, label=f"maker {n}") for n in range(PHOTOS)]
    tellers = data.draw(st.lists(anyone, max_size=3), label="tellers")
    kind = data.draw(st.sampled_from(list(ExportKind)), label="kind")
    root = template(TEMPLATE_FOLDER)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "archive"
        shutil.copytree(root, copy)
        with Archive.open(copy, user="Test Librarian") as archive:
            ids = record(archive, persons, drawn)
            assert add_person(archive, "Steady Maker", age_band=AgeBand.ADULT).id == steady
            record_consent(
                archive,
                steady,
                given_by_id=steady,
                given_on=day - timedelta(days=30),
                uses=[u for u in Use if u is not Use.ARCHIVE],
                story=True,
            )
            colours = dict(zip(ids, COLOURS, strict=True))
            patches = {
                add_patch(
                    archive,
                    f"P-{n:04d}",
                    title=f"Patch number {n}",
                    maker_id=maker,
                    photos=[(photo_id, PhotoRole.FRONT)],
                ).id: photo_id
                for n, (maker, photo_id) in enumerate(zip(makers, ids, strict=True), start=1)
            }
            stories = {
                add_story(
                    archive, f"Story {n}", teller_id=teller, text=f"Words{n}xq of the teller."
                ).id: f"Words{n}xq"
                for n, teller in enumerate(tellers, start=1)
            }
            collection = create_collection(archive, "Random works", use)
            add_items(
                archive,
                collection.id,
                [f"patch:{p}" for p in patches] + [f"story:{s}" for s in stories],
            )
            events = list(
                export_collection(archive, collection.id, kind, Path(folder) / "out", workers=1)
            )
            summary = events[-1].summary
            allowed_patches = {
                p for p in patches if assess_subject(archive, Subject.patch(p), use, day).allowed
            }
            allowed_stories = {
                s for s in stories if assess_subject(archive, Subject.story(s), use, day).allowed
            }
            event(f"{len(allowed_patches)} patch(es), {len(allowed_stories)} story(ies) allowed")
            out = Path(folder) / "out"
            files = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
            shown = {shown_photo(p, colours) for p in files if p.suffix == ".jpg"}
            assert shown == {patches[p] for p in allowed_patches}
            text = "".join(p.read_bytes().decode("utf-8", "ignore") for p in files)
            for story_id, words in stories.items():
                assert (words in text) == (story_id in allowed_stories), story_id
            assert {e.ref for e in summary.exported} == {f"patch:{p}" for p in allowed_patches} | {
                f"story:{s}" for s in allowed_stories
            }
            if summary.publication_id is not None:
                (publication,) = archive.ledger.publications()
                assert {f.patch_id for f in publication.files} - {None} == allowed_patches
                assert {f.story_id for f in publication.files} - {None} == allowed_stories
