"""The full-text search index: one document per photo, kept in step by the storage layer."""

import json
import re
from collections.abc import Iterable

from sqlite_utils import Database

DOCUMENT_SQL = """
SELECT
    photos.id,
    photos.caption,
    photos.alt_text,
    photos.iptc_caption,
    photos.iptc_keywords,
    coalesce((SELECT group_concat(people.name, ' ')
              FROM appearances JOIN people ON people.id = appearances.person_id
              WHERE appearances.photo_id = photos.id), '') AS people,
    coalesce(events.name || ' ' || events.venue, '') AS event,
    photos.file_name
FROM photos LEFT JOIN events ON events.id = photos.event_id
WHERE photos.id IN ({marks})
"""


def match_expression(text: str) -> str:
    """Words typed into a search box as an FTS5 query: every word must appear, each matching
    as the start of a word ("quil" finds "quilt"). Quoting each word keeps FTS5's operators and
    punctuation in the typed text from being read as query syntax."""
    return " ".join(f'"{word}"*' for word in re.findall(r"\w+", text))


class SearchIndex:
    def __init__(self, db: Database) -> None:
        self._db = db

    def reindex(self, photo_ids: Iterable[int]) -> None:
        ids = list(photo_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            self._db.execute(f"DELETE FROM photo_search WHERE rowid IN ({marks})", chunk)
            rows = self._db.execute(DOCUMENT_SQL.format(marks=marks), chunk).fetchall()
            for photo_id, caption, alt, iptc_caption, keywords, people, event, name in rows:
                keyword_text = " ".join(json.loads(keywords))
                self._db.execute(
                    "INSERT INTO photo_search "
                    "(rowid, caption, alt_text, keywords, people, event, file_name) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [photo_id, caption, alt, f"{iptc_caption} {keyword_text}", people, event, name],
                )

    def reindex_all(self) -> None:
        self._db.execute("DELETE FROM photo_search")
        ids = [row[0] for row in self._db.execute("SELECT id FROM photos")]
        self.reindex(ids)
