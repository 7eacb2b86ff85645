"""The storage side of erasing a person: scrubbing their name from free text, and leaving no
trace of deleted rows in the database file."""

import re

from sqlite_utils import Database

REDACTED = "[name removed]"

# Free-text columns in which staff may have written a person's name.
FREE_TEXT = {
    "photos": ("caption", "alt_text", "iptc_caption", "iptc_keywords"),
    "people": ("notes",),
    "events": ("notes",),
    "collection_items": ("caption", "alt_text"),
    "patches": ("title", "materials", "size", "story", "notes"),
    "stories": ("title", "text", "translation", "notes"),
    "collections": ("description",),
}


class ErasureStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def scrub_name(self, name: str) -> int:
        """Replace `name` (any letter case) in every free-text column; returns rows changed."""
        pattern = re.compile(re.escape(name.strip()), re.IGNORECASE)
        needle = name.strip().lower()
        changed = 0
        for table, columns in FREE_TEXT.items():
            for column in columns:
                rows = self._db.execute(
                    f"SELECT rowid, {column} FROM {table} WHERE instr(lower({column}), ?) > 0",
                    [needle],
                ).fetchall()
                for rowid, text in rows:
                    self._db.execute(
                        f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
                        [pattern.sub(REDACTED, text), rowid],
                    )
                changed += len(rows)
        return changed

    def rebuild_search_index(self) -> None:
        """Rewrite the full-text index from scratch, so no old segment still holds a term."""
        self._db.execute("INSERT INTO photo_search (photo_search) VALUES ('rebuild')")
        self._db.execute("INSERT INTO patch_search (patch_search) VALUES ('rebuild')")
        self._db.execute("INSERT INTO story_search (story_search) VALUES ('rebuild')")

    def forget_maker(self, person_id: int) -> list[int]:
        """Their patches stay (they are part of a quilt) with no maker and without the story in
        the maker's words; returns the patch ids."""
        ids = [
            row[0]
            for row in self._db.execute("SELECT id FROM patches WHERE maker_id = ?", [person_id])
        ]
        self._db.execute(
            "UPDATE patches SET maker_id = NULL, story = '' WHERE maker_id = ?", [person_id]
        )
        return ids

    def compact(self) -> None:
        """Fold the write-ahead log in and rewrite the file: freed pages are gone, not hidden."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
