"""Events: created and corrected on the audit trail; a corrected name is searched at once; an
event made by mistake can be taken back only while nothing belongs to it."""

import pytest

from quiltarchive.errors import InvalidInput
from quiltarchive.events import create_event, delete_mistaken_event, update_event
from quiltarchive.model.photo_query import PhotoQuery
from tests.core.test_photo_lists import imported


def test_a_corrected_event_is_found_by_its_new_name(archive, tmp_path):
    workshop = create_event(archive, "Burnt Oak workshop", held_on="2026-03-14")
    photos = imported(archive, tmp_path / "card", 2, event_id=workshop.id)
    changed = update_event(
        archive, workshop.id, name="Hendon quilt day", held_on=None, venue="Hendon Library"
    )
    assert (changed.name, changed.held_on, changed.venue) == (
        "Hendon quilt day",
        None,
        "Hendon Library",
    )
    ids = archive.photos.ordered_ids
    assert ids(PhotoQuery(text="hendon library")) == photos
    assert ids(PhotoQuery(text="burnt")) == []
    (entry, created) = archive.audit.entries(entity_type="event", entity_id=workshop.id)
    assert (entry.action, created.action) == ("event changed", "event created")
    assert entry.before == {"name": "Burnt Oak workshop", "held_on": "2026-03-14", "venue": ""}
    assert entry.after["name"] == "Hendon quilt day"
    update_event(
        archive, workshop.id, name="Hendon quilt day", held_on=None, venue="Hendon Library"
    )
    assert len(archive.audit.entries(entity_type="event")) == 2  # no change, nothing recorded


def test_bad_names_and_dates_are_refused_in_plain_words(archive):
    first = create_event(archive, "Burnt Oak workshop")
    second = create_event(archive, "Hendon quilt day")
    with pytest.raises(InvalidInput, match="already an event called"):
        create_event(archive, "burnt oak WORKSHOP")
    with pytest.raises(InvalidInput, match="already an event called"):
        update_event(archive, second.id, name="Burnt Oak workshop", held_on=None, venue="")
    with pytest.raises(InvalidInput, match="not a date in the form"):
        update_event(archive, first.id, name="Burnt Oak workshop", held_on="14/03/2026", venue="")
    with pytest.raises(InvalidInput, match="needs a name"):
        update_event(archive, first.id, name="  ", held_on=None, venue="")


def test_an_event_made_by_mistake_goes_only_while_empty(archive, tmp_path):
    empty = create_event(archive, "Typo workshp")
    delete_mistaken_event(archive, empty.id)
    assert archive.events.list() == []
    assert archive.audit.entries()[0].action == "event deleted as a mistake"
    used = create_event(archive, "Burnt Oak workshop")
    imported(archive, tmp_path / "card", 1, event_id=used.id)
    with pytest.raises(InvalidInput, match="stays"):
        delete_mistaken_event(archive, used.id)
    assert [e.name for e in archive.events.list()] == ["Burnt Oak workshop"]
