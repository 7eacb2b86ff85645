"""The storage side of erasing a person: scrubbing their name, in any form, from every text the
database holds, and leaving no trace of deleted rows in the database file or its backups."""

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from quiltarchive.name_forms import mentions, name_variants, replace_name

REDACTED = "[name removed]"

# Texts the scrub leaves alone: the audit trail is redacted through its own store (its rows are
# append-only), and another person's own name is theirs even when it matches.
SKIPPED_TABLES = {"audit_log", "audit_payloads"}
SKIPPED_COLUMNS = {("people", "name")}

# Consents and withdrawals are never edited, except by an erasure taking a name out of a form
# reference or a note: the guard is lifted for that one change and put back at once.
GUARDS = {
    "consents": "consents_never_edited",
    "consent_withdrawals": "consent_withdrawals_never_edited",
}

SEARCH_INDEXES = ("photo_search", "patch_search", "story_search")


class ErasureStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def scrub_name(self, name: str) -> int:
        """Replace every form of `name` in every free text of the catalogue; returns the number
        of texts changed. Search indexes are left to be rebuilt from the scrubbed records."""
        changed = 0
        for table, columns in self._text_columns().items():
            for column in columns:
                rows = [
                    (rowid, text)
                    for rowid, text in self._db.execute(
                        f'SELECT rowid, "{column}" FROM "{table}" '
                        f"WHERE typeof(\"{column}\") = 'text' AND \"{column}\" <> ''"
                    )
                    if mentions(text, name)
                ]
                if not rows:
                    continue
                with self._guard_lifted(table):
                    for rowid, text in rows:
                        self._replace(table, column, rowid, replace_name(text, name, REDACTED))
                changed += len(rows)
        return changed

    def _replace(self, table: str, column: str, rowid: int, text: str) -> None:
        update = f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?'
        try:
            self._db.execute(update, [text, rowid])
        except sqlite3.IntegrityError:
            # Two names that differed only by the person's name (two events, two collections)
            # would now be the same: the record's number keeps them apart.
            self._db.execute(update, [f"{text} ({rowid})", rowid])

    def search_rows_mentioning(self, name: str) -> dict[str, list[int]]:
        """For each full-text index, the documents that still hold `name`."""
        found: dict[str, list[int]] = {}
        for index in SEARCH_INDEXES:
            columns = [row[1] for row in self._db.execute(f"PRAGMA table_info({index})")]
            select = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)
            found[index] = [
                rowid
                for rowid, text in self._db.execute(f"SELECT rowid, {select} FROM {index}")
                if mentions(text, name)
            ]
        return found

    def rebuild_search_index(self) -> None:
        """Rewrite the full-text indexes from scratch, so no old segment still holds a term."""
        for index in SEARCH_INDEXES:
            self._db.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")

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

    def compact(self) -> bool:
        """Fold the write-ahead log in and rewrite the file: freed pages are gone, not hidden,
        and the log left behind is empty. False if another connection kept reading the old
        pages throughout; the log is then emptied when the archive is closed."""
        self._checkpoint()
        self._db.execute("VACUUM")
        return self._checkpoint()

    def _checkpoint(self, attempts: int = 3) -> bool:
        for attempt in range(attempts):
            busy = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
            if not busy:
                return True
            time.sleep(0.2 * (attempt + 1))
        return False

    def _text_columns(self) -> dict[str, list[str]]:
        tables = [
            name
            for name, sql in self._db.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%'"
            )
            if not (sql or "").upper().startswith("CREATE VIRTUAL TABLE")
        ]
        shadow_prefixes = tuple(f"{index}_" for index in SEARCH_INDEXES)
        columns: dict[str, list[str]] = {}
        for table in tables:
            if table in SKIPPED_TABLES or table.startswith(shadow_prefixes):
                continue
            columns[table] = [
                row[1]
                for row in self._db.execute(f'PRAGMA table_info("{table}")')
                if (row[2] or "").upper() in ("TEXT", "") and (table, row[1]) not in SKIPPED_COLUMNS
            ]
        return columns

    @contextmanager
    def _guard_lifted(self, table: str) -> Iterator[None]:
        trigger = GUARDS.get(table)
        row = (
            self._db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]
            ).fetchone()
            if trigger
            else None
        )
        if row is None:
            yield
            return
        self._db.execute(f"DROP TRIGGER {trigger}")
        try:
            yield
        finally:
            self._db.execute(row[0])


def backup_holds(path: Path, person_id: int, name: str) -> bool:
    """Whether a copy of the catalogue still holds the person: their name in any form anywhere
    in the file, or their record. The copy is read in memory, so no journal files appear
    beside it."""
    data = bytearray(path.read_bytes())
    if any(form.encode() in data for form in name_variants(name)):
        return True
    if len(data) > 19:
        data[18:20] = b"\x01\x01"  # read it as a plain file even if it was copied in WAL mode
    copy = sqlite3.connect(":memory:")
    try:
        copy.deserialize(bytes(data))
        tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        row = (
            copy.execute("SELECT name FROM people WHERE id = ?", [person_id]).fetchone()
            if "people" in tables
            else None
        )
    except sqlite3.Error:
        return True  # unreadable: it cannot be shown not to hold them
    finally:
        copy.close()
    return row is not None and mentions(row[0], name)
