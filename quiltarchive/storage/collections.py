"""Collections (curated sets) and their items."""

import sqlite3

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput


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
