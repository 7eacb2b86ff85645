"""Collections (curated sets) and their items."""

import sqlite3

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput
from quiltarchive.model.collection_listing import CollectionListing


class CollectionStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, name: str, use: str | None) -> int:
        try:
            cursor = self._db.execute(
                "INSERT INTO collections (name, use, created_at) VALUES (?, ?, ?)",
                [name, use, clock.timestamp()],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(f"There is already a collection called “{name}”.") from error
        return int(cursor.lastrowid or 0)

    def add_photo(self, collection_id: int, photo_id: int) -> int:
        position = self._db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM collection_items WHERE collection_id = ?",
            [collection_id],
        ).fetchone()[0]
        cursor = self._db.execute(
            "INSERT INTO collection_items (collection_id, position, photo_id) VALUES (?, ?, ?)",
            [collection_id, position, photo_id],
        )
        return int(cursor.lastrowid or 0)

    def listing(self) -> list[CollectionListing]:
        """Every collection with how many photos it holds, by name."""
        return [
            CollectionListing(*row)
            for row in self._db.execute(
                "SELECT collections.id, name, use, count(collection_items.photo_id) "
                "FROM collections LEFT JOIN collection_items "
                "ON collection_items.collection_id = collections.id "
                "GROUP BY collections.id ORDER BY name COLLATE NOCASE, collections.id"
            )
        ]

    def photo_ids(self, collection_id: int) -> list[int]:
        """The collection's photos in its own order."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT photo_id FROM collection_items WHERE collection_id = ? "
                "AND photo_id IS NOT NULL ORDER BY position, id",
                [collection_id],
            )
        ]
