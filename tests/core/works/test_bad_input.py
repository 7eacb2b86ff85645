"""Bad input to quilts, patches and stories gets a clear one-line message and writes nothing:
not a row, not a link, not an audit entry, not a search document."""

from types import SimpleNamespace

import pytest

from quiltarchive.consent.assessment import assess_subject
from quiltarchive.consent.people import add_guardian, add_person
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.subject import Subject
from quiltarchive.works.patches import add_patch, add_patch_photo, remove_patch_photo, update_patch
from quiltarchive.works.placement import place_patch
from quiltarchive.works.quilts import create_quilt, update_quilt
from quiltarchive.works.stories import add_story, update_story

TABLES = [
    "quilts",
    "patches",
    "patch_photos",
    "stories",
    "story_photos",
    "story_patches",
    "people",
    "guardianships",
    "audit_log",
    "patch_search",
    "story_search",
    "photo_search",
]


def snapshot(archive):
    return {t: archive.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


@pytest.fixture
def made(workshop):
    quilt = workshop.quilt(rows=3, columns=4)
    maker = workshop.consenting_adult()
    photo = workshop.patch_photo()
    spare = workshop.patch_photo((1, 2, 3))
    event = workshop.archive.events.create("Quilt workshop")
    patch = workshop.patch("P-0001", maker, photo=photo, place=(quilt.id, 1, 1))
    workshop.patch("P-0002", maker)
    story = add_story(workshop.archive, "Arriving", teller_id=maker, text="I came in winter.")
    place_patch(workshop.archive, "P-0002", quilt.id, 3, 4)
    group = add_person(workshop.archive, "The Okafor family", is_group=True)
    return SimpleNamespace(
        archive=workshop.archive,
        quilt=quilt,
        maker=maker,
        photo=photo,
        spare=spare,
        event=event.id,
        patch=patch,
        story=story.id,
        group=group.id,
    )


def new(m, code="P-0003", **options):
    return add_patch(
        m.archive, code, title=options.pop("title", "Bridges"), maker_id=m.maker, **options
    )


CASES = {
    "two patches in one cell": (
        lambda m: new(m, place=(m.quilt.id, 1, 1)),
        "Row 1, column 1 of quilt “Connecting Communities” already holds patch P-0001, so patch "
        "P-0003 cannot go there.",
    ),
    "placing onto a taken cell": (
        lambda m: place_patch(m.archive, "P-0002", m.quilt.name, 1, 1),
        "Row 1, column 1 of quilt “Connecting Communities” already holds patch P-0001; move that "
        "one first, or swap the two.",
    ),
    "a row below the grid": (
        lambda m: new(m, place=(m.quilt.name, 4, 1)),
        "Row 4 is outside quilt “Connecting Communities”, which has rows 1 to 3.",
    ),
    "row zero": (
        lambda m: place_patch(m.archive, "P-0002", m.quilt.id, 0, 1),
        "Row 0 is outside quilt “Connecting Communities”, which has rows 1 to 3.",
    ),
    "a column past the grid": (
        lambda m: place_patch(m.archive, "P-0002", m.quilt.id, 2, 5),
        "Column 5 is outside quilt “Connecting Communities”, which has columns 1 to 4.",
    ),
    "a duplicate code": (
        lambda m: new(m, "p-0001"),
        "There is already a patch with the code P-0001.",
    ),
    "renaming to a code in use": (
        lambda m: update_patch(m.archive, "P-0002", code="P-0001", title="Renamed"),
        "There is already a patch with the code P-0001.",
    ),
    "a code with a space": (
        lambda m: new(m, "P 42"),
        "“P 42” is not a patch code: use letters, digits and dashes, up to 32 characters, for "
        "example P-0042.",
    ),
    "no title": (lambda m: new(m, title="  "), "Patch P-0003 needs a title."),
    "a missing photo when adding": (
        lambda m: new(m, photos=[(m.spare, PhotoRole.DETAIL), (999, PhotoRole.FRONT)]),
        "There is no photo with id 999.",
    ),
    "a missing photo": (
        lambda m: add_patch_photo(m.archive, "P-0002", 999),
        "There is no photo with id 999.",
    ),
    "a second front photo": (
        lambda m: add_patch_photo(m.archive, "P-0001", m.spare),
        "Patch P-0001 already has photo 1 as its front: remove that one first, or add photo 2 "
        "as a detail.",
    ),
    "the same photo twice": (
        lambda m: add_patch_photo(m.archive, "P-0001", m.photo, PhotoRole.DETAIL),
        "Photo 1 is already a photo of patch P-0001.",
    ),
    "removing a photo the patch does not have": (
        lambda m: remove_patch_photo(m.archive, "P-0001", m.spare),
        "Photo 2 is not a photo of patch P-0001.",
    ),
    "an unknown maker": (
        lambda m: add_patch(m.archive, "P-0003", title="x", maker_id=999),
        "There is no person with id 999.",
    ),
    "an unknown event": (lambda m: new(m, event_id=999), "There is no event with id 999."),
    "an unknown quilt": (
        lambda m: new(m, place=("The Lost Quilt", 1, 1)),
        "There is no quilt called “The Lost Quilt”.",
    ),
    "an unknown quilt id": (
        lambda m: place_patch(m.archive, "P-0002", 999, 1, 1),
        "There is no quilt with id 999.",
    ),
    "an unknown patch": (
        lambda m: place_patch(m.archive, "P-0404", m.quilt.id, 2, 2),
        "There is no patch with the code P-0404.",
    ),
    "a duplicate quilt name": (
        lambda m: create_quilt(m.archive, "connecting communities", 2, 2),
        "There is already a quilt called “connecting communities”.",
    ),
    "a quilt of no rows": (
        lambda m: create_quilt(m.archive, "Tiny", 0, 2),
        "A quilt has 1 to 100 rows, not 0.",
    ),
    "a quilt too wide": (
        lambda m: create_quilt(m.archive, "Wide", 2, 101),
        "A quilt has 1 to 100 columns, not 101.",
    ),
    "shrinking past a patch": (
        lambda m: update_quilt(m.archive, m.quilt.id, rows=2),
        "Quilt “Connecting Communities” cannot become 2 × 4: patch(es) P-0002 would fall outside "
        "it. Move them first.",
    ),
    "a story by nobody known": (
        lambda m: add_story(m.archive, "Home", teller_id=999, text="text"),
        "There is no person with id 999.",
    ),
    "a story without text": (
        lambda m: add_story(m.archive, "Home", teller_id=m.maker, text=" \n "),
        "The story “Home” has no text.",
    ),
    "a story with a missing photo": (
        lambda m: add_story(
            m.archive, "Home", teller_id=m.maker, text="t", photo_ids=[m.photo, 999]
        ),
        "There is no photo with id 999.",
    ),
    "a story about an unknown patch": (
        lambda m: add_story(m.archive, "Home", teller_id=m.maker, text="t", patches=["P-0404"]),
        "There is no patch with the code P-0404.",
    ),
    "a language by name": (
        lambda m: add_story(m.archive, "Home", teller_id=m.maker, text="t", language="Arabic"),
        "“Arabic” is not a language code: write it as a language tag such as en, ar, uk, fa or "
        "pt-BR.",
    ),
    "a translation language without a translation": (
        lambda m: add_story(
            m.archive, "Home", teller_id=m.maker, text="t", translation_language="en"
        ),
        "A translation language is given for “Home” but no translation.",
    ),
    "an unknown story": (
        lambda m: update_story(m.archive, 999, title="x"),
        "There is no story with id 999.",
    ),
    "a group with a birth year": (
        lambda m: add_person(m.archive, "Year 4", is_group=True, birth_year=2017),
        "A group has no birth year: record its members' age band instead.",
    ),
    "a group as someone's guardian": (
        lambda m: add_guardian(m.archive, m.maker, m.group),
        "The Okafor family is a group, and cannot be a guardian or responsible adult.",
    ),
    "assessing a patch by a photo not of it": (
        lambda m: assess_subject(
            m.archive, Subject.patch(m.patch.id), Use.WEB, shown_photo_id=m.spare
        ),
        "Photo 2 is not a photo of patch P-0001.",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_in_one_line_and_writes_nothing(made, case):
    attempt, message = CASES[case]
    before = snapshot(made.archive)
    with pytest.raises(QuiltArchiveError) as refused:
        attempt(made)
    assert str(refused.value) == message
    assert "\n" not in str(refused.value)
    assert snapshot(made.archive) == before
