"""Curated sets: built, arranged and described as staff do it, every change on the audit trail."""

import sqlite3

import pytest

from quiltarchive.archive import Archive
from quiltarchive.curation.collections import (
    add_items,
    create_collection,
    delete_collection,
    describe_item,
    find_collection,
    move_item,
    remove_items,
    reorder_items,
    update_collection,
)
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.consent import Use
from quiltarchive.storage.migrations import MIGRATIONS


def refs(archive, collection_id):
    return [item.ref for item in archive.collections.items(collection_id)]


def actions(archive, collection_id):
    return [
        e.action for e in archive.audit.entries(entity_type="collection", entity_id=collection_id)
    ]


def test_a_set_is_built_arranged_and_described(scene):
    archive = scene.archive
    photos = [scene.photo() for _ in range(4)]
    spring = create_collection(archive, "  Spring   fair ", Use.WEB, "From the spring fair.")
    assert spring.name == "Spring fair" and spring.use is Use.WEB

    added, already = add_items(archive, spring.id, [photos[2], photos[0], photos[1]])
    assert [i.ref for i in added] == [str(photos[2]), str(photos[0]), str(photos[1])]
    assert already == []
    added, already = add_items(archive, spring.id, [f"photo:{photos[0]}", photos[3]])
    assert [i.ref for i in added] == [str(photos[3])]
    assert already == [str(photos[0])]

    move_item(archive, spring.id, photos[3], 1)
    assert refs(archive, spring.id) == [
        str(p) for p in (photos[3], photos[2], photos[0], photos[1])
    ]
    move_item(archive, spring.id, photos[3], 99)
    assert refs(archive, spring.id)[-1] == str(photos[3])
    remove_items(archive, spring.id, [photos[2]])
    items = archive.collections.items(spring.id)
    assert [i.position for i in items] == [1, 2, 3]
    reorder_items(archive, spring.id, [photos[1], photos[3], photos[0]])
    assert refs(archive, spring.id) == [str(photos[1]), str(photos[3]), str(photos[0])]

    item = describe_item(archive, spring.id, photos[1], caption="Lunch", alt_text="A long table")
    assert (item.caption, item.alt_text) == ("Lunch", "A long table")
    item = describe_item(archive, spring.id, photos[1], caption="")
    assert (item.caption, item.alt_text) == (None, "A long table")

    renamed = update_collection(archive, spring.id, name="Spring fair 2026")
    assert find_collection(archive, "spring FAIR 2026").id == spring.id
    assert find_collection(archive, str(spring.id)).name == renamed.name
    update_collection(archive, spring.id, clear_use=True)
    assert archive.collections.get(spring.id).use is None

    assert actions(archive, spring.id) == [
        "collection changed",
        "collection renamed",
        "collection item described",
        "collection item described",
        "collection reordered",
        "collection items removed",
        "collection item moved",
        "collection item moved",
        "collection items added",
        "collection items added",
        "collection created",
    ]
    described = archive.audit.entries(entity_type="collection", entity_id=spring.id)[2]
    assert described.after == {"item": str(photos[1]), "caption": None, "alt_text": "A long table"}

    delete_collection(archive, spring.id)
    with pytest.raises(NotFound):
        find_collection(archive, "Spring fair 2026")
    assert archive.photos.get(photos[1])  # the photos stay
    assert actions(archive, spring.id)[0] == "collection deleted"


def test_bad_requests_are_refused_in_plain_words(scene):
    archive = scene.archive
    photo = scene.photo()
    create_collection(archive, "Library week")
    with pytest.raises(InvalidInput, match="already a collection called"):
        create_collection(archive, "library WEEK")
    with pytest.raises(InvalidInput, match="internal viewing"):
        create_collection(archive, "Internal", Use.ARCHIVE)
    with pytest.raises(InvalidInput, match="needs a name"):
        create_collection(archive, "   ")
    with pytest.raises(InvalidInput, match="only digits"):
        create_collection(archive, "2026")
    week = find_collection(archive, "Library week")
    with pytest.raises(NotFound, match="There is no photo with id 999"):
        add_items(archive, week.id, [photo, 999])
    assert refs(archive, week.id) == []  # nothing half-added
    with pytest.raises(InvalidInput, match="is not a kind of item"):
        add_items(archive, week.id, ["quilt:3"])
    with pytest.raises(InvalidInput, match="is not an item"):
        add_items(archive, week.id, ["twelve"])
    with pytest.raises(NotFound, match=f"Photo {photo} is not in the collection “Library week”"):
        remove_items(archive, week.id, [photo])
    with pytest.raises(NotFound, match="no collection called “Nope”"):
        find_collection(archive, "Nope")


def test_a_deleted_photo_leaves_its_sets(scene):
    archive = scene.archive
    kept, gone = scene.photo(), scene.photo()
    week = create_collection(archive, "Week")
    add_items(archive, week.id, [gone, kept])
    with archive.atomic():
        archive.photos.delete(gone)
    assert refs(archive, week.id) == [str(kept)]


def test_sets_made_before_the_upgrade_survive_it_without_duplicates(tmp_path, scene):
    """Migration 0004 rebuilds collection_items: items keep their order and texts, a photo
    listed twice in one set keeps its first place only."""
    archive = scene.archive
    first, second = scene.photo(), scene.photo()
    path = archive.layout.root
    archive.close()
    db_path = path / "archive.sqlite"
    connection = sqlite3.connect(db_path)
    connection.executescript(
        """
        DELETE FROM _sqlite_migrations WHERE name = '0004_collections_and_exports';
        DELETE FROM _sqlite_migrations WHERE name = '0008_collection_works';
        ALTER TABLE publication_files DROP COLUMN patch_id;
        ALTER TABLE publication_files DROP COLUMN story_id;
        DROP TABLE collection_items;
        CREATE TABLE collection_items (
            id INTEGER PRIMARY KEY, collection_id INTEGER NOT NULL, position INTEGER NOT NULL,
            photo_id INTEGER, caption TEXT, alt_text TEXT);
        ALTER TABLE collections DROP COLUMN description;
        ALTER TABLE collections DROP COLUMN updated_at;
        ALTER TABLE publications DROP COLUMN details;
        ALTER TABLE publication_files DROP COLUMN role;
        ALTER TABLE publication_files DROP COLUMN blurred;
        DELETE FROM settings WHERE key = 'pseudonym_key';
        INSERT INTO collections (id, name, use, created_at) VALUES (7, 'Old set', 'web', '2026-01-01');
        """
    )
    connection.executemany(
        "INSERT INTO collection_items (collection_id, position, photo_id, caption) VALUES (7, ?, ?, ?)",
        [(5, second, "Second, first"), (9, first, "First"), (12, second, "Second again")],
    )
    connection.commit()
    connection.close()
    assert "0004_collections_and_exports" in [m.name for m in MIGRATIONS._migrations]

    reopened = Archive.open(path, user="Test Librarian")
    try:
        items = reopened.collections.items(7)
        assert [(i.position, i.target_id, i.caption) for i in items] == [
            (1, second, "Second, first"),
            (2, first, "First"),
        ]
        assert reopened.collections.get(7).description == ""
        assert len(reopened.settings.pseudonym_key()) == 64
        assert list((path / "backups").glob("*before-0004_collections_and_exports*"))
    finally:
        reopened.close()
