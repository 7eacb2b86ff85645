"""Bringing an archive's database to the current schema, with a backup first."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import ArchiveTooNew
from quiltarchive.storage.migrations import MIGRATIONS

BackupLocation = Callable[[str], Path]


def pending_migrations(db: Database) -> list[str]:
    return [migration.name for migration in MIGRATIONS.pending(db)]


def ensure_not_too_new(db: Database) -> None:
    known = {migration.name for migration in MIGRATIONS._migrations}
    unknown = [m.name for m in MIGRATIONS.applied(db) if m.name not in known]
    if unknown:
        raise ArchiveTooNew(
            "This archive was last changed by a newer version of QuiltArchive "
            f"(it has schema steps {', '.join(unknown)}); please update QuiltArchive to open it."
        )


def backup_database(db: Database, destination: Path) -> Path:
    """A consistent copy of the live database (WAL included) through SQLite's backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(destination) as target:
        db.conn.backup(target)
    target.close()
    return destination


def upgrade(db: Database, backups_folder: Path) -> list[str]:
    """Apply pending migrations, backing the database up first if it already holds data."""
    ensure_not_too_new(db)
    pending = pending_migrations(db)
    if not pending:
        return []
    if MIGRATIONS.applied(db):
        stamp = clock.now_utc().strftime("%Y%m%dT%H%M%SZ")
        backup_database(db, backups_folder / f"archive-{stamp}-before-{pending[0]}.sqlite")
    MIGRATIONS.apply(db)
    return pending
