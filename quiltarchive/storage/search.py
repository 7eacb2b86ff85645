"""The full-text search index: one document per photo, kept in step by the storage layer.

A photo's document holds the patches it shows and the stories that refer to it (`works`), so
searching for a patch code, a maker or words of a story finds the photos too.
"""

import json
import re
from collections.abc import Iterable

from sqlite_utils import Database

from quiltarchive.storage.parameters import chunks, placeholders

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
    photos.file_name,
    coalesce((SELECT group_concat(
                  patches.code || ' ' || patches.title || ' ' || coalesce(people.name, '')
                  || ' ' || patches.story, ' ')
              FROM patch_photos JOIN patches ON patches.id = patch_photos.patch_id
              LEFT JOIN people ON people.id = patches.maker_id
              WHERE patch_photos.photo_id = photos.id), '')
    || ' ' ||
    coalesce((SELECT group_concat(
                  stories.title || ' ' || coalesce(people.name, '') || ' ' || stories.text
                  || ' ' || stories.translation, ' ')
              FROM story_photos JOIN stories ON stories.id = story_photos.story_id
              LEFT JOIN people ON people.id = stories.teller_id
              WHERE story_photos.photo_id = photos.id), '') AS works
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
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            self._db.execute(f"DELETE FROM photo_search WHERE rowid IN ({marks})", chunk)
            rows = self._db.execute(DOCUMENT_SQL.format(marks=marks), chunk).fetchall()
            for photo_id, caption, alt, iptc_caption, keywords, people, event, name, works in rows:
                keyword_text = " ".join(json.loads(keywords))
                self._db.execute(
                    "INSERT INTO photo_search "
                    "(rowid, caption, alt_text, keywords, people, event, file_name, works) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        photo_id,
                        caption,
                        alt,
                        f"{iptc_caption} {keyword_text}",
                        people,
                        event,
                        name,
                        works.strip(),
                    ],
                )

    def reindex_all(self) -> None:
        self._db.execute("DELETE FROM photo_search")
        ids = [row[0] for row in self._db.execute("SELECT id FROM photos")]
        self.reindex(ids)
