"""Quilts, patches and stories are records of their own: recorded, read back, changed, placed,
moved and undone, each change on the audit trail."""

from datetime import date

import pytest

from quiltarchive.errors import InvalidInput
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.quilt import Position
from quiltarchive.works.patches import (
    add_patch,
    add_patch_photo,
    delete_patch,
    next_patch_code,
    remove_patch_photo,
    set_patch_photos,
    update_patch,
)
from quiltarchive.works.placement import place_patch, undo_placement, unplace_patch
from quiltarchive.works.quilt_map import quilt_grid
from quiltarchive.works.quilts import create_quilt, delete_quilt, update_quilt
from quiltarchive.works.stories import add_story, delete_story, update_story


def actions(archive, entity_type, entity_id):
    return [
        e.action
        for e in reversed(archive.audit.entries(entity_type=entity_type, entity_id=entity_id))
    ]


def test_a_patch_is_recorded_with_everything_about_it(workshop):
    archive = workshop.archive
    maker = workshop.child("Tom Okafor", age=9)
    event = archive.events.create("Quilt workshop, Burnt Oak Library", held_on="2026-03-14")
    front, back = workshop.patch_photo(), workshop.patch_photo((10, 10, 10))
    quilt = workshop.quilt(rows=6, columns=8)
    patch = add_patch(
        archive,
        "p-0042",
        title="Bridges",
        maker_id=maker,
        maker_age_band=AgeBand.CHILD,
        event_id=event.id,
        received_on=date(2026, 3, 20),
        materials="cotton, a grandmother's silk scarf",
        size="30 × 30 cm",
        story="I sewed the bridge from my old school shirt.",
        place=("connecting communities", 2, 3),
        photos=[(front, PhotoRole.FRONT), (back, PhotoRole.BACK)],
    )
    again = archive.patches.by_code("P-0042")
    assert again == patch
    assert patch.code == "P-0042"  # codes are kept in capitals, found in any case
    assert patch.title == "Bridges" and patch.maker_id == maker
    assert patch.maker_age_band is AgeBand.CHILD and patch.event_id == event.id
    assert patch.received_on == date(2026, 3, 20) and patch.size == "30 × 30 cm"
    assert patch.story == "I sewed the bridge from my old school shirt."
    assert patch.position == Position(quilt.id, 2, 3)
    assert patch.front_photo_id == front
    assert [(p.photo_id, p.role) for p in patch.photos] == [
        (front, PhotoRole.FRONT),
        (back, PhotoRole.BACK),
    ]
    assert actions(archive, "patch", patch.id) == ["patch added"]
    entry = archive.audit.entries(entity_type="patch", entity_id=patch.id)[0]
    assert entry.user == "Test Librarian" and entry.after["position"]["row"] == 2


def test_the_makers_age_band_defaults_to_the_one_recorded_for_them(workshop):
    teen = workshop.archive.people.add("Nadia Karim", age_band=AgeBand.TEEN)
    patch = workshop.patch("P-0001", teen)
    assert patch.maker_age_band is AgeBand.TEEN
    assert patch.position is None  # empty until placed


def test_several_quilts_each_with_its_own_grid(workshop):
    archive = workshop.archive
    first = create_quilt(archive, "Connecting Communities", 20, 20, "The borough's quilt")
    second = create_quilt(archive, "Sanctuary Quilt", 4, 6)
    assert [q.name for q in archive.quilts.list()] == ["Connecting Communities", "Sanctuary Quilt"]
    assert (first.rows, first.columns, first.notes) == (20, 20, "The borough's quilt")
    assert archive.quilts.named("sanctuary quilt") == second
    maker = workshop.adult()
    workshop.patch("P-0001", maker, place=(first.id, 1, 1))
    workshop.patch("P-0002", maker, place=(second.id, 1, 1))  # the same cell of another quilt
    assert archive.quilts.get(first.id).placed == 1
    assert [p.code for p in archive.patches.list(quilt_id=second.id)] == ["P-0002"]


def test_placing_moving_swapping_and_undoing(workshop):
    archive = workshop.archive
    quilt = workshop.quilt(rows=3, columns=3)
    maker = workshop.adult()
    a = workshop.patch("P-0001", maker)
    b = workshop.patch("P-0002", maker, place=(quilt.id, 1, 2))

    placed = place_patch(archive, "P-0001", quilt.name, 1, 1)
    assert archive.patches.get(a.id).position == Position(quilt.id, 1, 1)
    moved = place_patch(archive, "P-0001", quilt.name, 3, 3)
    assert [(m.before, m.after) for m in moved.moves] == [
        (Position(quilt.id, 1, 1), Position(quilt.id, 3, 3))
    ]
    swapped = place_patch(archive, "P-0001", quilt.name, 1, 2, swap=True)
    assert archive.patches.get(a.id).position == Position(quilt.id, 1, 2)
    assert archive.patches.get(b.id).position == Position(quilt.id, 3, 3)

    redo = undo_placement(archive, swapped)
    assert archive.patches.get(a.id).position == Position(quilt.id, 3, 3)
    assert archive.patches.get(b.id).position == Position(quilt.id, 1, 2)
    undo_placement(archive, redo)
    assert archive.patches.get(a.id).position == Position(quilt.id, 1, 2)
    undo_placement(archive, swapped)
    undo_placement(archive, moved)
    undo_placement(archive, placed)
    assert archive.patches.get(a.id).position is None

    assert actions(archive, "patch", a.id) == [
        "patch added",
        "patch placed",
        "patch moved",
        "patch moved",
        "patch moved",
        "patch moved",
        "patch moved",
        "patch moved",
        "patch unplaced",
    ]


def test_a_swap_onto_a_cell_from_outside_the_quilt_leaves_the_other_unplaced(workshop):
    archive = workshop.archive
    quilt = workshop.quilt()
    maker = workshop.adult()
    a = workshop.patch("P-0001", maker)
    b = workshop.patch("P-0002", maker, place=(quilt.id, 2, 2))
    placement = place_patch(archive, a.id, quilt.id, 2, 2, swap=True)
    assert archive.patches.get(a.id).position == Position(quilt.id, 2, 2)
    assert archive.patches.get(b.id).position is None
    undo_placement(archive, placement)
    assert archive.patches.get(a.id).position is None
    assert archive.patches.get(b.id).position == Position(quilt.id, 2, 2)


def test_an_undo_is_refused_once_the_patch_has_moved_again(workshop):
    archive = workshop.archive
    quilt = workshop.quilt()
    workshop.patch("P-0001", workshop.adult())
    first = place_patch(archive, "P-0001", quilt.name, 1, 1)
    place_patch(archive, "P-0001", quilt.name, 2, 2)
    with pytest.raises(InvalidInput, match="P-0001 has been moved since"):
        undo_placement(archive, first)


def test_an_undo_is_refused_when_another_patch_now_holds_the_cell(workshop):
    archive = workshop.archive
    quilt = workshop.quilt()
    maker = workshop.adult()
    workshop.patch("P-0001", maker, place=(quilt.id, 1, 1))
    moved = place_patch(archive, "P-0001", quilt.name, 2, 2)
    workshop.patch("P-0002", maker, place=(quilt.id, 1, 1))
    with pytest.raises(InvalidInput, match="now holds patch P-0002"):
        undo_placement(archive, moved)
    assert archive.patches.by_code("P-0001").position == Position(quilt.id, 2, 2)


def test_unplacing_and_placing_in_the_same_cell_change_nothing(workshop):
    archive = workshop.archive
    quilt = workshop.quilt()
    workshop.patch("P-0001", workshop.adult(), place=(quilt.id, 1, 1))
    assert place_patch(archive, "P-0001", quilt.name, 1, 1).moves == ()
    assert len(unplace_patch(archive, "P-0001").moves) == 1
    assert unplace_patch(archive, "P-0001").moves == ()


def test_a_quilt_grows_renames_and_may_shrink_only_to_its_patches(workshop):
    archive = workshop.archive
    quilt = workshop.quilt(rows=3, columns=4)
    workshop.patch("P-0001", workshop.adult(), place=(quilt.id, 2, 3))
    bigger = update_quilt(archive, quilt.name, rows=10, columns=12, name="The Big Quilt")
    assert (bigger.rows, bigger.columns, bigger.name) == (10, 12, "The Big Quilt")
    with pytest.raises(InvalidInput, match=r"cannot become 2 × 2: patch\(es\) P-0001 would fall"):
        update_quilt(archive, bigger.id, rows=2, columns=2)
    assert archive.quilts.get(quilt.id).rows == 10
    update_quilt(archive, bigger.id, rows=2, columns=3)
    assert actions(archive, "quilt", quilt.id) == [
        "quilt created",
        "quilt changed",
        "quilt changed",
    ]


def test_deleting_a_quilt_keeps_its_patches_unplaced(workshop):
    archive = workshop.archive
    quilt = workshop.quilt()
    patch = workshop.patch("P-0001", workshop.adult(), place=(quilt.id, 1, 1))
    assert delete_quilt(archive, quilt.name) == ["P-0001"]
    assert archive.quilts.list() == []
    assert archive.patches.get(patch.id).position is None
    assert actions(archive, "patch", patch.id)[-1] == "patch unplaced"


def test_patch_photos_front_back_and_details(workshop):
    archive = workshop.archive
    patch = workshop.patch("P-0001", workshop.adult())
    front, back, detail1, detail2 = (workshop.patch_photo((n * 50, 0, 0)) for n in range(4))
    add_patch_photo(archive, "P-0001", detail1, PhotoRole.DETAIL)
    add_patch_photo(archive, "P-0001", back, PhotoRole.BACK)
    add_patch_photo(archive, "P-0001", front)
    changed = add_patch_photo(archive, "P-0001", detail2, PhotoRole.DETAIL)
    assert [p.role for p in changed.photos] == [
        PhotoRole.FRONT,
        PhotoRole.BACK,
        PhotoRole.DETAIL,
        PhotoRole.DETAIL,
    ]
    assert changed.front_photo_id == front
    after = remove_patch_photo(archive, patch.id, front)
    assert after.front_photo_id is None and len(after.photos) == 3
    assert archive.photos.get(front)  # the photo itself stays in the archive


def test_a_patchs_photos_replaced_at_once_or_not_at_all(workshop):
    archive = workshop.archive
    patch = workshop.patch("P-0001", workshop.adult())
    front, back, other = (workshop.patch_photo((n * 60, 0, 0)) for n in range(3))
    set_patch_photos(archive, patch.id, [(front, PhotoRole.FRONT), (back, PhotoRole.DETAIL)])
    changed = set_patch_photos(
        archive, "P-0001", [(other, PhotoRole.FRONT), (back, PhotoRole.BACK)]
    )
    assert [(p.photo_id, p.role) for p in changed.photos] == [
        (other, PhotoRole.FRONT),
        (back, PhotoRole.BACK),
    ]
    assert actions(archive, "patch", patch.id)[-4:] == [
        "patch photo removed",
        "patch photo removed",
        "patch photo added",
        "patch photo added",
    ]
    entries = len(archive.audit.entries())
    with pytest.raises(InvalidInput, match="already has photo"):
        set_patch_photos(archive, patch.id, [(front, PhotoRole.FRONT), (back, PhotoRole.FRONT)])
    assert archive.patches.get(patch.id).photos == changed.photos
    assert len(archive.audit.entries()) == entries


def test_one_photo_may_show_several_patches(workshop):
    archive = workshop.archive
    maker = workshop.adult()
    photo = workshop.patch_photo()
    workshop.patch("P-0001", maker, photo=photo)
    workshop.patch("P-0002", maker, photo=photo)
    assert archive.patches.with_photo(photo) == [
        archive.patches.id_of("P-0001"),
        archive.patches.id_of("P-0002"),
    ]


def test_changing_and_deleting_a_patch(workshop):
    archive = workshop.archive
    patch = workshop.patch("P-0001", workshop.adult())
    other = workshop.adult("Grace Lee")
    changed = update_patch(archive, "p-0001", title="  Bridges  ", maker_id=other, code="q-7")
    assert (changed.code, changed.title, changed.maker_id) == ("Q-7", "Bridges", other)
    entry = archive.audit.entries(entity_type="patch", entity_id=patch.id)[0]
    assert entry.before["code"] == "P-0001" and entry.after["code"] == "Q-7"
    delete_patch(archive, "Q-7")
    assert archive.patches.count() == 0
    assert actions(archive, "patch", patch.id)[-1] == "patch deleted"


def test_the_next_patch_code_follows_the_series(workshop):
    archive = workshop.archive
    assert next_patch_code(archive) == "P-0001"
    maker = workshop.adult()
    workshop.patch("P-0009", maker)
    workshop.patch("SPECIAL-1", maker)
    workshop.patch("p-0041", maker)
    assert next_patch_code(archive) == "P-0042"


def test_a_story_with_its_translation_photos_and_patches(workshop):
    archive = workshop.archive
    teller = workshop.adult("Samir Haddad")
    photo = workshop.patch_photo()
    patch = workshop.patch("P-0001", teller)
    story = add_story(
        archive,
        "  Arriving in winter ",
        teller_id=teller,
        text="وصلت في الشتاء",
        language="AR",
        translation="I arrived in winter.",
        photo_ids=[photo, photo],
        patches=["p-0001"],
    )
    assert archive.stories.get(story.id) == story
    assert story.title == "Arriving in winter"
    assert (story.language, story.translation_language) == ("ar", "en")
    assert story.photo_ids == (photo,) and story.patch_ids == (patch.id,)
    assert archive.stories.referring_to_patch(patch.id) == [story.id]
    changed = update_story(archive, story.id, title="Winter", photo_ids=[], translation="")
    assert changed.title == "Winter" and changed.photo_ids == () and changed.translation == ""
    assert changed.translation_language == "" and changed.patch_ids == (patch.id,)
    delete_story(archive, story.id)
    assert archive.stories.list() == []
    assert actions(archive, "story", story.id) == ["story added", "story changed", "story deleted"]


def test_the_quilt_map_has_every_cell_with_thumbnails(workshop):
    archive = workshop.archive
    quilt = workshop.quilt(rows=2, columns=3)
    maker = workshop.consenting_adult()
    photo = workshop.patch_photo()
    workshop.patch("P-0001", maker, photo=photo, place=(quilt.id, 2, 3))
    workshop.patch("P-0002", maker, place=(quilt.id, 1, 1))
    grid = quilt_grid(archive, quilt.name)
    assert [[c.code for c in row] for row in grid.cells] == [
        ["P-0002", "", ""],
        ["", "", "P-0001"],
    ]
    cell = grid.cell(2, 3)
    assert cell.photo_id == photo and cell.thumbnail.is_file()
    assert cell.thumbnail == archive.layout.thumbnail_path(archive.photos.get(photo).sha256)
    assert grid.cell(1, 1).thumbnail is None and grid.cell(1, 2).empty
    assert [c.code for c in grid.placed()] == ["P-0002", "P-0001"]
