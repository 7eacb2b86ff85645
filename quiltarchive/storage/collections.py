"""Collections (curated sets) and their items."""

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.collection import Collection, CollectionItem, ItemKind
from quiltarchive.model.consent import Use
from quiltarchive.storage.id_lists import id_list
from quiltarchive.storage.parameters import chunks, placeholders

# The column holding each kind's target id; a new kind adds its column in a migration.
TARGET_COLUMN = {
    ItemKind.PHOTO: "photo_id",
    ItemKind.PATCH: "patch_id",
    ItemKind.STORY: "story_id",
}

COLLECTION_COLUMNS = """
    collections.id, collections.name, collections.use, collections.description,
    collections.created_at, collections.updated_at,
    (SELECT count(*) FROM collection_items WHERE collection_id = collections.id) AS item_count
"""
ITEM_COLUMNS = (
    "id, collection_id, position, kind, coalesce(photo_id, patch_id, story_id), caption, alt_text"
)


def _collection(row: tuple[Any, ...]) -> Collection:
    collection_id, name, use, description, created, updated, count = row
    return Collection(
        collection_id, name, Use(use) if use else None, description, created, updated, count
    )


def _item(row: tuple[Any, ...]) -> CollectionItem:
    item_id, collection_id, position, kind, target, caption, alt_text = row
    return CollectionItem(
        item_id, collection_id, position, ItemKind(kind), target, caption, alt_text
    )


class CollectionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # -- sets --------------------------------------------------------------------------------

    def create(self, name: str, use: str | None, description: str = "") -> int:
        now = clock.timestamp()
        try:
            cursor = self._db.execute(
                "INSERT INTO collections (name, use, description, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [name, use, description, now, now],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(f"There is already a collection called “{name}”.") from error
        return int(cursor.lastrowid or 0)

    def get(self, collection_id: int) -> Collection:
        row = self._db.execute(
            f"SELECT {COLLECTION_COLUMNS} FROM collections WHERE id = ?", [collection_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no collection with id {collection_id}.")
        return _collection(row)

    def find(self, name: str) -> Collection | None:
        row = self._db.execute(
            f"SELECT {COLLECTION_COLUMNS} FROM collections WHERE name = ? COLLATE NOCASE",
            [name.strip()],
        ).fetchone()
        return _collection(row) if row else None

    def all(self) -> list[Collection]:
        return [
            _collection(row)
            for row in self._db.execute(
                f"SELECT {COLLECTION_COLUMNS} FROM collections ORDER BY name COLLATE NOCASE, id"
            )
        ]

    def update(self, collection_id: int, **changes: Any) -> None:
        """Change `name`, `use` or `description`."""
        allowed = {"name", "use", "description"}
        if not changes or set(changes) - allowed:
            raise ValueError(f"unknown collection fields: {sorted(set(changes) - allowed)}")
        assignments = ", ".join(f"{field} = ?" for field in changes)
        try:
            self._db.execute(
                f"UPDATE collections SET {assignments}, updated_at = ? WHERE id = ?",
                [*changes.values(), clock.timestamp(), collection_id],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(
                f"There is already a collection called “{changes.get('name')}”."
            ) from error

    def touch(self, collection_id: int) -> None:
        self._db.execute(
            "UPDATE collections SET updated_at = ? WHERE id = ?",
            [clock.timestamp(), collection_id],
        )

    def delete(self, collection_id: int) -> None:
        self._db.execute("DELETE FROM collections WHERE id = ?", [collection_id])

    # -- items -------------------------------------------------------------------------------

    def items(self, collection_id: int) -> list[CollectionItem]:
        return [
            _item(row)
            for row in self._db.execute(
                f"SELECT {ITEM_COLUMNS} FROM collection_items WHERE collection_id = ? "
                "ORDER BY position, id",
                [collection_id],
            )
        ]

    def add_items(self, collection_id: int, targets: Sequence[tuple[ItemKind, int]]) -> list[int]:
        """Append items at the end, in the order given; returns their ids."""
        position = self._db.execute(
            "SELECT coalesce(max(position), 0) FROM collection_items WHERE collection_id = ?",
            [collection_id],
        ).fetchone()[0]
        now = clock.timestamp()
        ids = []
        for offset, (kind, target_id) in enumerate(targets, start=1):
            cursor = self._db.execute(
                f"INSERT INTO collection_items (collection_id, position, kind, "
                f"{TARGET_COLUMN[kind]}, added_at) VALUES (?, ?, ?, ?, ?)",
                [collection_id, position + offset, kind.value, target_id, now],
            )
            ids.append(int(cursor.lastrowid or 0))
        return ids

    def add_photo(self, collection_id: int, photo_id: int) -> int:
        return self.add_items(collection_id, [(ItemKind.PHOTO, photo_id)])[0]

    def remove_items(self, collection_id: int, item_ids: Iterable[int]) -> None:
        self._db.conn.executemany(
            "DELETE FROM collection_items WHERE collection_id = ? AND id = ?",
            [(collection_id, item_id) for item_id in item_ids],
        )
        self.set_order(collection_id, [item.id for item in self.items(collection_id)])

    def set_order(self, collection_id: int, item_ids: Sequence[int]) -> None:
        """Number the items 1, 2, 3… in the order given (which must be all of them)."""
        self._db.conn.executemany(
            "UPDATE collection_items SET position = ? WHERE collection_id = ? AND id = ?",
            [(position, collection_id, item_id) for position, item_id in enumerate(item_ids, 1)],
        )

    def set_texts(self, item_id: int, **texts: str | None) -> None:
        """Set `caption` and/or `alt_text` overrides; None clears one (the photo's own is used)."""
        if not texts or set(texts) - {"caption", "alt_text"}:
            raise ValueError(f"unknown item fields: {sorted(texts)}")
        assignments = ", ".join(f"{field} = ?" for field in texts)
        self._db.execute(
            f"UPDATE collection_items SET {assignments} WHERE id = ?", [*texts.values(), item_id]
        )

    def holding(
        self, kind: ItemKind, target_ids: Iterable[int]
    ) -> list[tuple[int, str, list[int]]]:
        """(collection id, name, the targets of `target_ids` in it) for each set holding any of
        them as items of `kind`."""
        ids = list(dict.fromkeys(target_ids))
        column = TARGET_COLUMN[kind]
        found: dict[int, tuple[str, list[int]]] = {}
        for chunk in chunks(ids):
            for collection_id, name, target in self._db.execute(
                f"SELECT collections.id, collections.name, collection_items.{column} "
                "FROM collection_items JOIN collections "
                "ON collections.id = collection_items.collection_id "
                f"WHERE collection_items.{column} IN ({placeholders(chunk)}) "
                "ORDER BY collections.id, collection_items.position",
                chunk,
            ):
                found.setdefault(collection_id, (name, []))[1].append(target)
        return [(cid, name, targets) for cid, (name, targets) in sorted(found.items())]

    def photo_ids(self, collection_id: int) -> list[int]:
        """The collection's photos in its own order."""
        return id_list(
            self._db,
            "SELECT photo_id FROM collection_items WHERE collection_id = ? "
            "AND kind = 'photo' ORDER BY position, id",
            [collection_id],
        )
