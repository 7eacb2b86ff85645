"""Opening the archive's SQLite file with the settings every connection must share."""

import contextlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from quiltarchive.errors import ArchiveFull

# The rest of the core holds connections by this name and never touches SQLite itself.
Connection = Database

BUSY_TIMEOUT_MS = 10_000
LOW_SPACE_BYTES = 1 << 20  # less than this free, and an I/O error is the disk being full


def connect(path: Path, *, read_only: bool = False) -> Database:
    """A connection with WAL, foreign keys and secure deletion on.

    `secure_delete` overwrites deleted content, so an erased person's name does not linger in
    free pages of the file. A read-only connection refuses every write at the SQLite level.
    """
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(connection, execute_plugins=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA secure_delete = ON")
        if read_only:
            db.execute("PRAGMA query_only = ON")
    except sqlite3.OperationalError as error:
        connection.close()
        if is_disk_full(error, path):
            raise ArchiveFull() from error
        raise
    return db


@contextlib.contextmanager
def transaction(db: Database) -> Iterator[Database]:
    """All the writes inside happen together or not at all (nested: a savepoint).

    A write that finds the disk full is rolled back and raised as `ArchiveFull`, a plain
    message, rather than SQLite's own error.
    """
    try:
        with db.atomic() as inside:
            yield inside
    except sqlite3.OperationalError as error:
        if is_disk_full(error, _file_of(db)):
            raise ArchiveFull() from error
        raise


def is_disk_full(error: sqlite3.Error, path: Path | None) -> bool:
    """SQLite says SQLITE_FULL when a write finds no room, but only "disk I/O error" when it
    cannot even make the shared-memory file WAL needs: then the free space tells."""
    code = getattr(error, "sqlite_errorcode", 0)
    if code == sqlite3.SQLITE_FULL:
        return True
    if code & 0xFF != sqlite3.SQLITE_IOERR or path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _file_of(db: Database) -> Path | None:
    try:
        row = db.conn.execute("PRAGMA database_list").fetchone()
    except sqlite3.Error:
        return None
    return Path(row[2]) if row and row[2] else None


def memory_database() -> Database:
    """An in-memory database with the same settings, for unit tests of the storage layer."""
    db = Database(memory=True, execute_plugins=False)
    db.execute("PRAGMA foreign_keys = ON")
    return db


def run_script(db: Database, script: str) -> None:
    """Run SQL statements one by one, inside whatever transaction is open.

    `sqlite3.executescript` would commit first, breaking the all-or-nothing migration.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:80]}")


def close(db: Database, *, optimize: bool) -> None:
    """Close a connection; a writer first lets SQLite refresh its query planner statistics.

    Closing never fails: a connection that is already broken (its disk gone) is let go.
    """
    with contextlib.suppress(sqlite3.Error):
        try:
            if optimize:
                db.execute("PRAGMA optimize")
        finally:
            db.close()
