"""Opening the archive's SQLite file with the settings every connection must share."""

import sqlite3
from pathlib import Path

from sqlite_utils import Database

BUSY_TIMEOUT_MS = 10_000


def connect(path: Path, *, read_only: bool = False) -> Database:
    """A connection with WAL, foreign keys and secure deletion on.

    `secure_delete` overwrites deleted content, so an erased person's name does not linger in
    free pages of the file. A read-only connection refuses every write at the SQLite level.
    """
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    db = Database(connection, execute_plugins=False)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not read_only:
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA secure_delete = ON")
    if read_only:
        db.execute("PRAGMA query_only = ON")
    return db


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
    """Close a connection; a writer first lets SQLite refresh its query planner statistics."""
    try:
        if optimize:
            db.execute("PRAGMA optimize")
    finally:
        db.close()
