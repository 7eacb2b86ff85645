"""Full-text indexes of patches and stories (one document each, rowid = its id), and turning
what someone types into a safe FTS5 query."""

from collections.abc import Iterable

from sqlite_utils import Database

from quiltarchive.storage.parameters import chunks, placeholders

PATCH_DOCUMENT_SQL = """
SELECT
    patches.id,
    patches.code,
    patches.title,
    coalesce(people.name, ''),
    patches.story,
    patches.materials || ' ' || patches.size || ' ' || patches.notes || ' '
        || coalesce(events.name || ' ' || events.venue, '') || ' ' || coalesce(quilts.name, '')
FROM patches
LEFT JOIN people ON people.id = patches.maker_id
LEFT JOIN events ON events.id = patches.event_id
LEFT JOIN quilts ON quilts.id = patches.quilt_id
WHERE patches.id IN ({marks})
"""

STORY_DOCUMENT_SQL = """
SELECT stories.id, stories.title, coalesce(people.name, ''), stories.text, stories.translation
FROM stories LEFT JOIN people ON people.id = stories.teller_id
WHERE stories.id IN ({marks})
"""


def match_expression(text: str) -> str | None:
    """Every word must match (the last one as a prefix, for results as you type); quotes keep
    FTS5 from reading `P-0042` or `AND` as query syntax. None when nothing was typed."""
    words = text.split()
    if not words:
        return None
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


class WorkSearchIndex:
    def __init__(self, db: Database) -> None:
        self._db = db

    def reindex_patches(self, patch_ids: Iterable[int]) -> None:
        self._reindex("patch_search", PATCH_DOCUMENT_SQL, 6, list(patch_ids))

    def reindex_stories(self, story_ids: Iterable[int]) -> None:
        self._reindex("story_search", STORY_DOCUMENT_SQL, 5, list(story_ids))

    def reindex_all(self) -> None:
        self._db.execute("DELETE FROM patch_search")
        self._db.execute("DELETE FROM story_search")
        self.reindex_patches(row[0] for row in self._db.execute("SELECT id FROM patches"))
        self.reindex_stories(row[0] for row in self._db.execute("SELECT id FROM stories"))

    def rebuild(self) -> None:
        """Rewrite both indexes from scratch, so no old segment still holds a term."""
        self._db.execute("INSERT INTO patch_search (patch_search) VALUES ('rebuild')")
        self._db.execute("INSERT INTO story_search (story_search) VALUES ('rebuild')")

    def patches_matching(self, text: str, limit: int | None = None) -> list[int]:
        return self._matching("patch_search", text, limit)

    def stories_matching(self, text: str, limit: int | None = None) -> list[int]:
        return self._matching("story_search", text, limit)

    def _matching(self, table: str, text: str, limit: int | None) -> list[int]:
        expression = match_expression(text)
        if expression is None:
            return []
        tail = f"LIMIT {int(limit)}" if limit is not None else ""
        return [
            row[0]
            for row in self._db.execute(
                f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank {tail}",
                [expression],
            )
        ]

    def _reindex(self, table: str, document_sql: str, width: int, ids: list[int]) -> None:
        columns = {
            "patch_search": "rowid, code, title, maker, story, details",
            "story_search": "rowid, title, teller, text, translation",
        }[table]
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            self._db.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)
            rows = self._db.execute(document_sql.format(marks=marks), chunk).fetchall()
            self._db.conn.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * width)})", rows
            )
