"""Stories (case studies) and the photos and patches each refers to."""

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import NotFound
from quiltarchive.model.story import Story
from quiltarchive.storage.parameters import chunks, placeholders

STORY_FIELDS = (
    "title",
    "teller_id",
    "text",
    "language",
    "translation",
    "translation_language",
    "notes",
)


class StoryStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, **fields: Any) -> int:
        unknown = set(fields) - set(STORY_FIELDS)
        if unknown:
            raise ValueError(f"not a story field: {', '.join(sorted(unknown))}")
        names = [*fields, "created_at"]
        cursor = self._db.execute(
            f"INSERT INTO stories ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [*fields.values(), clock.timestamp()],
        )
        return int(cursor.lastrowid or 0)

    def update(self, story_id: int, **changes: Any) -> None:
        unknown = set(changes) - set(STORY_FIELDS)
        if unknown:
            raise ValueError(f"not a story field: {', '.join(sorted(unknown))}")
        if changes:
            assignments = ", ".join(f"{key} = ?" for key in changes)
            self._db.execute(
                f"UPDATE stories SET {assignments} WHERE id = ?", [*changes.values(), story_id]
            )

    def set_links(self, story_id: int, photo_ids: Iterable[int], patch_ids: Iterable[int]) -> None:
        self._db.execute("DELETE FROM story_photos WHERE story_id = ?", [story_id])
        self._db.execute("DELETE FROM story_patches WHERE story_id = ?", [story_id])
        self._db.conn.executemany(
            "INSERT INTO story_photos (story_id, photo_id, position) VALUES (?, ?, ?)",
            [(story_id, photo_id, n) for n, photo_id in enumerate(photo_ids, start=1)],
        )
        self._db.conn.executemany(
            "INSERT INTO story_patches (story_id, patch_id, position) VALUES (?, ?, ?)",
            [(story_id, patch_id, n) for n, patch_id in enumerate(patch_ids, start=1)],
        )

    def get(self, story_id: int) -> Story:
        found = self.get_many([story_id])
        if not found:
            raise NotFound(f"There is no story with id {story_id}.")
        return found[0]

    def get_many(self, story_ids: Iterable[int]) -> list[Story]:
        ids = list(dict.fromkeys(story_ids))
        stories: dict[int, Story] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            photos = self._links("story_photos", "photo_id", chunk)
            patches = self._links("story_patches", "patch_id", chunk)
            for row in self._db.query(f"SELECT * FROM stories WHERE id IN ({marks})", chunk):
                stories[row["id"]] = Story(
                    id=row["id"],
                    title=row["title"],
                    teller_id=row["teller_id"],
                    text=row["text"],
                    language=row["language"],
                    translation=row["translation"],
                    translation_language=row["translation_language"],
                    notes=row["notes"],
                    photo_ids=photos.get(row["id"], ()),
                    patch_ids=patches.get(row["id"], ()),
                    created_at=row["created_at"],
                )
        return [stories[i] for i in ids if i in stories]

    def referring_to_photo(self, photo_id: int) -> list[int]:
        return [
            row[0]
            for row in self._db.execute(
                "SELECT story_id FROM story_photos WHERE photo_id = ? ORDER BY story_id",
                [photo_id],
            )
        ]

    def referring_to_patch(self, patch_id: int) -> list[int]:
        return [
            row[0]
            for row in self._db.execute(
                "SELECT story_id FROM story_patches WHERE patch_id = ? ORDER BY story_id",
                [patch_id],
            )
        ]

    def delete(self, story_id: int) -> None:
        self._db.execute("DELETE FROM story_search WHERE rowid = ?", [story_id])
        self._db.execute("DELETE FROM stories WHERE id = ?", [story_id])

    def _links(self, table: str, column: str, story_ids: list[int]) -> dict[int, tuple[int, ...]]:
        marks = ",".join("?" * len(story_ids))
        found: dict[int, list[int]] = {}
        for story_id, linked in self._db.execute(
            f"SELECT story_id, {column} FROM {table} WHERE story_id IN ({marks}) "
            "ORDER BY story_id, position",
            story_ids,
        ):
            found.setdefault(story_id, []).append(linked)
        return {key: tuple(value) for key, value in found.items()}

    def list(self, *, teller_id: int | None = None) -> list[Story]:
        sql, params = "SELECT id FROM stories", []
        if teller_id is not None:
            sql += " WHERE teller_id = ?"
            params.append(teller_id)
        sql += " ORDER BY title COLLATE NOCASE, id"
        return self.get_many(row[0] for row in self._db.execute(sql, params))
