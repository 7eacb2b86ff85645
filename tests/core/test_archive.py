"""Opening, creating, locking and upgrading an archive folder."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quiltarchive.archive import Archive
from quiltarchive.errors import ArchiveLocked, ArchiveTooNew, NotAnArchive, ReadOnlyArchive
from quiltarchive.storage.database import connect
from quiltarchive.storage.migrations import MIGRATIONS


def test_a_new_archive_is_a_folder_with_its_database_and_stores(tmp_path):
    with Archive.create(tmp_path / "a") as archive:
        root = archive.layout.root
    for name in ("archive.sqlite", "originals", "consent-forms", "cache", "backups"):
        assert (root / name).exists(), name
    with sqlite3.connect(root / "archive.sqlite") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    # The schema already holds the consent model's concepts.
    assert {
        "photos",
        "events",
        "import_batches",
        "people",
        "guardianships",
        "appearances",
        "consents",
        "consent_withdrawals",
        "audit_log",
        "publications",
    } <= tables


def test_connections_enforce_foreign_keys(archive):
    assert archive.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError), archive.atomic():
        archive.db.execute("INSERT INTO appearances (photo_id, created_at) VALUES (999, 'now')")


def test_opening_a_folder_without_an_archive_says_so(tmp_path):
    with pytest.raises(NotAnArchive, match="quiltarchive init"):
        Archive.open(tmp_path)


def test_creating_over_an_existing_archive_is_refused(archive):
    with pytest.raises(Exception, match="already an archive"):
        Archive.create(archive.layout.root)


def test_a_second_process_cannot_write_while_one_holds_the_archive(archive):
    script = (
        "import sys\n"
        "from quiltarchive.archive import Archive\n"
        "from quiltarchive.errors import ArchiveLocked\n"
        "try:\n"
        f"    Archive.open({str(archive.layout.root)!r})\n"
        "except ArchiveLocked as e:\n"
        "    print(e); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "being changed by another QuiltArchive" in result.stdout
    assert "Test Librarian" in result.stdout  # says who holds it


def test_the_lock_is_released_when_the_archive_closes(archive):
    root = archive.layout.root
    with pytest.raises(ArchiveLocked):
        Archive.open(root)
    archive.close()
    Archive.open(root).close()


def test_readers_do_not_need_the_lock_and_cannot_write(archive):
    reader = Archive.open(archive.layout.root, writable=False)
    try:
        assert reader.photos.count() == 0
        with pytest.raises(ReadOnlyArchive), reader.atomic():
            pass
        with pytest.raises(sqlite3.OperationalError):
            reader.db.execute("INSERT INTO settings VALUES ('x', 'y')")
    finally:
        reader.close()


def _make_old_archive(root: Path) -> None:
    """An archive as the first released schema left it, holding one event."""
    root.mkdir()
    db = connect(root / "archive.sqlite")
    MIGRATIONS.apply(db, stop_before="0002_people_and_consent")
    db.execute("INSERT INTO events (name, created_at) VALUES ('Spring workshop', '2026-01-01')")
    db.conn.commit()
    db.close()


def test_an_older_archive_is_backed_up_then_upgraded(tmp_path):
    root = tmp_path / "old"
    _make_old_archive(root)
    with Archive.open(root) as archive:
        assert "people" in archive.db.table_names()
        assert archive.events.find("Spring workshop") is not None
    backups = list((root / "backups").glob("*.sqlite"))
    assert len(backups) == 1
    assert "before-0002_people_and_consent" in backups[0].name
    with sqlite3.connect(backups[0]) as backup:
        tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master")}
        assert "events" in tables and "people" not in tables
        assert backup.execute("SELECT name FROM events").fetchone() == ("Spring workshop",)


def test_a_reader_opening_an_older_archive_upgrades_it_first(tmp_path):
    root = tmp_path / "old"
    _make_old_archive(root)
    with Archive.open(root, writable=False) as reader:
        assert "people" in reader.db.table_names()


def test_an_archive_from_a_newer_version_is_refused(archive):
    root = archive.layout.root
    with archive.atomic():
        archive.db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('quiltarchive', '0999_from_the_future', 'later')"
        )
    archive.close()
    with pytest.raises(ArchiveTooNew, match="newer version"):
        Archive.open(root)


def test_an_interrupted_import_batch_is_marked_when_the_archive_is_next_opened(archive):
    with archive.atomic():
        batch = archive.imports.create_batch(["/card"], event_id=None, user="x")
    root = archive.layout.root
    archive.close()
    with Archive.open(root) as reopened:
        assert reopened.imports.get_batch(batch.id).status.value == "interrupted"
