"""Quilt patches and stories in curated sets: named by code or `story:N`, decided by their
maker's or teller's consent, exported as pictures, text files and a quilt map, entered in the
ledger, and found again by withdrawal impact."""

import csv
import io
import json
from pathlib import Path

import pytest

from quiltarchive.consent.assessment import assess_subject
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.curation.collections import (
    add_items,
    create_collection,
    describe_item,
    move_item,
    remove_items,
)
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.export.events import ExportKind
from quiltarchive.export.plan import preflight
from quiltarchive.export.run import export_collection
from quiltarchive.model.collection import ItemKind
from quiltarchive.model.consent import Use
from quiltarchive.model.person import Credit
from quiltarchive.model.subject import Subject
from quiltarchive.photo_states import describe_photo
from quiltarchive.works.patches import delete_patch
from quiltarchive.works.stories import add_story
from tests.core.consent.scene import D
from tests.core.works.workshop import Workshop

ALLOWED_STORY = "We sewed every Tuesday in the library.\n\nThe blue thread came from my mother."
SECRET_STORY = "Nobody agreed this may leave the archive."


@pytest.fixture
def workshop(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Workshop(archive, folder)


@pytest.fixture
def works(workshop):
    """A quilt with two placed patches (one by a consenting maker, one by a maker without
    consent), a photo, a story told with story permission and one told without."""
    archive = workshop.archive
    amina = workshop.adult("Amina Yusuf", credit=Credit.FULL)
    workshop.consent(amina, uses=[Use.WEB, Use.PRINT], story=True)
    karim = workshop.adult("Karim Haddad")  # no consent at all
    quilt = workshop.quilt("Connecting Communities", rows=2, columns=3)
    front = workshop.patch_photo((200, 40, 40))
    describe_photo(archive, front, alt_text="A red patch with a sewn library")
    hidden_front = workshop.patch_photo((40, 40, 200))
    shown = workshop.patch(
        "P-0001",
        amina,
        photo=front,
        place=(quilt.id, 1, 2),
        title="Our library",
        story="I sewed the library where I learnt English.",
    )
    hidden = workshop.patch(
        "P-0002", karim, photo=hidden_front, place=(quilt.id, 2, 3), title="Karim's garden"
    )
    photo = workshop.patch_photo((30, 160, 60))
    told = add_story(archive, "Tuesdays at the library", teller_id=amina, text=ALLOWED_STORY)
    secret = add_story(archive, "The secret story", teller_id=karim, text=SECRET_STORY)
    return {
        "amina": amina,
        "karim": karim,
        "quilt": quilt,
        "shown": shown,
        "hidden": hidden,
        "photo": photo,
        "told": told,
        "secret": secret,
    }


def a_set(archive, works, name="Quilt week"):
    collection = create_collection(archive, name, Use.WEB, "The quilt at the library.")
    add_items(
        archive,
        collection.id,
        [
            works["photo"],
            "P-0001",
            f"patch:{works['hidden'].id}",
            f"story:{works['told'].id}",
            f"story:{works['secret'].id}",
        ],
    )
    return collection


def test_patches_and_stories_are_named_by_code_and_kind_and_arranged_like_photos(workshop, works):
    archive = workshop.archive
    collection = a_set(archive, works)
    items = archive.collections.items(collection.id)
    assert [(i.kind, i.target_id) for i in items] == [
        (ItemKind.PHOTO, works["photo"]),
        (ItemKind.PATCH, works["shown"].id),
        (ItemKind.PATCH, works["hidden"].id),
        (ItemKind.STORY, works["told"].id),
        (ItemKind.STORY, works["secret"].id),
    ]
    assert items[1].ref == f"patch:{works['shown'].id}"
    # The same patch by id, by code in any case, or with its kind: already there.
    added, already = add_items(archive, collection.id, ["p-0001", f"story:{works['told'].id}"])
    assert added == [] and len(already) == 2
    with pytest.raises(InvalidInput, match="no patch with that code"):
        add_items(archive, collection.id, ["P-9999"])
    with pytest.raises(NotFound, match="There is no story with id 999"):
        add_items(archive, collection.id, ["story:999"])
    with pytest.raises(InvalidInput, match="is not an item"):
        add_items(archive, collection.id, ["story:five"])

    order = move_item(archive, collection.id, "P-0001", 1)
    assert order[0].kind is ItemKind.PATCH and order[0].target_id == works["shown"].id
    described = describe_item(
        archive, collection.id, f"story:{works['told'].id}", caption="Tuesday afternoons"
    )
    assert described.caption == "Tuesday afternoons"
    assert remove_items(archive, collection.id, ["P-0002"]) == [f"patch:{works['hidden'].id}"]
    delete_patch(archive, "P-0001")  # a deleted patch leaves every set
    kinds = [i.kind for i in archive.collections.items(collection.id)]
    assert kinds == [ItemKind.PHOTO, ItemKind.STORY, ItemKind.STORY]


def test_preflight_gives_the_consent_decisions_reasons_for_patches_and_stories(workshop, works):
    archive = workshop.archive
    collection = a_set(archive, works)
    plan = preflight(archive, collection.id, on_day=D)
    going = {(p.item.kind, p.item.target_id): p for p in plan.included}
    left = {(x.item.kind, x.item.target_id): x.reasons for x in plan.left_out}
    assert set(going) == {
        (ItemKind.PHOTO, works["photo"]),
        (ItemKind.PATCH, works["shown"].id),
        (ItemKind.STORY, works["told"].id),
    }
    hidden = Subject.patch(works["hidden"].id)
    secret = Subject.story(works["secret"].id)
    assert left[(ItemKind.PATCH, works["hidden"].id)] == (
        assess_subject(archive, hidden, Use.WEB, D).reasons
    )
    assert left[(ItemKind.STORY, works["secret"].id)] == (
        assess_subject(archive, secret, Use.WEB, D).reasons
    )
    assert all(left.values())
    patch = going[(ItemKind.PATCH, works["shown"].id)]
    assert patch.credit == "Amina Yusuf" and not patch.alt_missing
    assert patch.source.told is not None  # the maker gave story permission: her words go too
    story = going[(ItemKind.STORY, works["told"].id)]
    assert story.credit == "Amina Yusuf" and not story.alt_missing  # a story has no image
    photo = going[(ItemKind.PHOTO, works["photo"])]
    assert plan.lacking_alt_text == (photo,)


def test_a_story_needs_story_permission_and_a_patch_goes_without_its_makers_words(workshop):
    archive = workshop.archive
    rose = workshop.adult("Rose Adams", credit=Credit.FULL)
    workshop.consent(rose, uses=[Use.WEB])  # no story permission
    front = workshop.patch_photo()
    workshop.patch("P-0010", rose, photo=front, story="My grandmother's tablecloth.")
    story = add_story(archive, "Rose's tablecloth", teller_id=rose, text="My grandmother's.")
    collection = create_collection(archive, "Rose", Use.WEB)
    add_items(archive, collection.id, ["P-0010", f"story:{story.id}"])
    plan = preflight(archive, collection.id, on_day=D)
    (patch,) = plan.included
    assert patch.source.told is None
    assert "permission to publish their story" in patch.source.words_left_out
    (left,) = plan.left_out
    assert left.item.kind is ItemKind.STORY
    assert left.reasons == assess_subject(archive, Subject.story(story.id), Use.WEB, D).reasons
    assert any("story" in reason for reason in left.reasons)


def run(archive, collection_id, to, kind=ExportKind.GALLERY):
    return list(export_collection(archive, collection_id, kind, to, workers=1))[-1].summary


def all_text(folder: Path) -> str:
    return "\n".join(
        p.read_bytes().decode("utf-8", "ignore") for p in folder.rglob("*") if p.is_file()
    )


def test_a_gallery_shows_stories_and_a_quilt_map_and_the_ledger_names_them(
    workshop, works, tmp_path
):
    archive = workshop.archive
    collection = a_set(archive, works)
    summary = run(archive, collection.id, tmp_path / "usb")
    folder = summary.destination
    assert [e.ref for e in summary.exported] == [
        str(works["photo"]),
        f"patch:{works['shown'].id}",
        f"story:{works['told'].id}",
    ]
    index = (folder / "index.html").read_text("utf-8")
    assert "We sewed every Tuesday in the library." in index
    assert "The blue thread came from my mother." in index  # paragraphs kept
    assert "Told by Amina Yusuf" in index
    assert "1 photograph, 1 quilt patch, 1 story" in index
    (quilt_page,) = folder.glob("quilt-*.html")
    assert f'href="{quilt_page.name}"' in index
    page = quilt_page.read_text("utf-8")
    assert page.count('class="quilt-cell') == 6  # the whole 2 × 3 grid
    assert page.count('class="quilt-patch"') == 1
    assert 'href="index.html#item-2"' in page and "P-0001" in page
    assert "Made by Amina Yusuf" in page and "I sewed the library" in page
    data = (folder / "data.js").read_text("utf-8")
    assert '"anchor": "item-2"' in data
    # What may not go is nowhere: not the patch, not its code, not the story.
    everything = all_text(folder)
    for absent in ("P-0002", "Karim", SECRET_STORY, "The secret story"):
        assert absent not in everything
    assert (
        (folder / "stories" / "003-tuesdays-at-the-library.txt")
        .read_text("utf-8")
        .startswith("Tuesdays at the library")
    )
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert [i["kind"] for i in manifest["items"]] == ["photo", "patch", "story"]

    (publication,) = archive.ledger.publications()
    by_name = {f.file_name: f for f in publication.files}
    patch_files = [f for f in publication.files if f.patch_id == works["shown"].id]
    assert {f.role for f in patch_files} == {"display", "thumbnail"}
    assert all(f.photo_id == works["shown"].front_photo_id for f in patch_files)
    story_file = by_name["stories/003-tuesdays-at-the-library.txt"]
    assert story_file.story_id == works["told"].id and story_file.photo_id is None
    assert story_file.consent_ids and story_file.role == "story"


def test_a_press_pack_writes_stories_as_text_beside_the_images_and_in_the_csv(
    workshop, works, tmp_path
):
    archive = workshop.archive
    collection = a_set(archive, works)
    summary = run(archive, collection.id, tmp_path / "press", ExportKind.PACK)
    folder = summary.destination
    names = sorted(p.name for p in folder.iterdir())
    assert "003-tuesdays-at-the-library.txt" in names
    assert "002-our-library.jpg" in names and "002-our-library.txt" in names
    story = (folder / "003-tuesdays-at-the-library.txt").read_text("utf-8")
    assert "Told by Amina Yusuf" in story and "The blue thread came from my mother." in story
    rows = list(
        csv.DictReader(io.StringIO((folder / "captions-and-credits.csv").read_text("utf-8-sig")))
    )
    assert [r["kind"] for r in rows] == ["photo", "patch", "story"]
    assert rows[1]["patch code"] == "P-0001" and rows[1]["story file"] == "002-our-library.txt"
    assert rows[2]["file"] == "003-tuesdays-at-the-library.txt" and rows[2]["pixels"] == ""
    assert rows[2]["credit"] == "Amina Yusuf"
    assert SECRET_STORY not in all_text(folder)


def test_sidecars_describe_a_patch_as_an_artwork(workshop, works, tmp_path):
    archive = workshop.archive
    collection = a_set(archive, works)
    folder = run(archive, collection.id, tmp_path / "xmp", ExportKind.SIDECARS).destination
    sidecar = (folder / "002-our-library.jpg.xmp").read_text("utf-8")
    assert "ArtworkOrObject" in sidecar and "P-0001" in sidecar and "PR-LPR" in sidecar
    assert (folder / "003-tuesdays-at-the-library.txt").is_file()


def test_withdrawal_impact_finds_sets_and_exports_holding_patches_and_stories(
    workshop, works, tmp_path
):
    archive = workshop.archive
    collection = a_set(archive, works)
    only_works = create_collection(archive, "Only works", Use.WEB)
    add_items(archive, only_works.id, ["P-0001", f"story:{works['told'].id}"])
    run(archive, only_works.id, tmp_path / "works")

    impact = withdrawal_impact(archive, works["amina"])
    assert impact.patch_ids == (works["shown"].id,) and impact.story_ids == (works["told"].id,)
    held = {c.name: c for c in impact.collections}
    assert set(held) == {"Quilt week", "Only works"}
    assert held["Quilt week"].photo_ids == ()
    assert held["Quilt week"].patch_ids == (works["shown"].id,)
    assert held["Quilt week"].story_ids == (works["told"].id,)
    (publication,) = impact.publications
    assert publication.collection_name == "Only works"
    assert {f.patch_id for f in publication.files} - {None} == {works["shown"].id}
    assert {f.story_id for f in publication.files} - {None} == {works["told"].id}
    assert not impact.nothing_to_recall

    karim = withdrawal_impact(archive, works["karim"])
    assert [c.name for c in karim.collections] == ["Quilt week"]  # left out, but still held
    assert karim.publications == ()
    assert collection.id == held["Quilt week"].collection_id
