"""Import batches and the per-file record that lets an import resume after a cancel or crash."""

import json
import os
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import NotFound
from quiltarchive.model.import_batch import BatchStatus, ImportBatch, ImportItem, ItemStatus


def _stored_path(path: str) -> str | bytes:
    """A path as SQLite can hold it. A name that is not UTF-8 (its bytes arrive as surrogate
    escapes) is kept as its raw bytes, so a resumed import finds the very same file."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def _path_from(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def _item(row: tuple[Any, ...]) -> ImportItem:
    item_id, batch_id, source_path, status, sha256, photo_id, reason = row
    return ImportItem(
        item_id, batch_id, _path_from(source_path), ItemStatus(status), sha256, photo_id, reason
    )


class ImportStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create_batch(
        self, sources: Iterable[str], *, event_id: int | None, user: str
    ) -> ImportBatch:
        cursor = self._db.execute(
            "INSERT INTO import_batches (started_at, status, event_id, user, sources) "
            "VALUES (?, 'running', ?, ?, ?)",
            # ASCII JSON: a name that is not UTF-8 survives as an escape, not an encoding error.
            [clock.timestamp(), event_id, user, json.dumps(list(sources))],
        )
        return self.get_batch(int(cursor.lastrowid or 0))

    def get_batch(self, batch_id: int) -> ImportBatch:
        row = self._db.execute(
            "SELECT id, started_at, finished_at, status, event_id, user, sources "
            "FROM import_batches WHERE id = ?",
            [batch_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no import batch with id {batch_id}.")
        counts = dict(
            self._db.execute(
                "SELECT status, count(*) FROM import_items WHERE batch_id = ? GROUP BY status",
                [batch_id],
            ).fetchall()
        )
        return ImportBatch(
            id=row[0],
            started_at=row[1],
            finished_at=row[2],
            status=BatchStatus(row[3]),
            event_id=row[4],
            user=row[5],
            sources=tuple(json.loads(row[6])),
            counts=counts,
        )

    def list_batches(self) -> list[ImportBatch]:
        ids = [r[0] for r in self._db.execute("SELECT id FROM import_batches ORDER BY id DESC")]
        return [self.get_batch(i) for i in ids]

    def latest_resumable(self) -> ImportBatch | None:
        row = self._db.execute(
            "SELECT id FROM import_batches WHERE status IN ('cancelled', 'interrupted') "
            "ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return self.get_batch(row[0]) if row else None

    def set_batch_status(self, batch_id: int, status: BatchStatus) -> None:
        finished = None if status is BatchStatus.RUNNING else clock.timestamp()
        self._db.execute(
            "UPDATE import_batches SET status = ?, finished_at = ? WHERE id = ?",
            [status.value, finished, batch_id],
        )

    def mark_running_as_interrupted(self) -> int:
        """Called by the process that holds the write lock: any batch still 'running' died."""
        cursor = self._db.execute(
            "UPDATE import_batches SET status = 'interrupted' WHERE status = 'running'"
        )
        return cursor.rowcount

    def add_items(self, batch_id: int, source_paths: Iterable[str]) -> list[ImportItem]:
        first = self._db.execute("SELECT coalesce(max(id), 0) FROM import_items").fetchone()[0]
        self._db.conn.executemany(
            "INSERT INTO import_items (batch_id, source_path) VALUES (?, ?)",
            [(batch_id, _stored_path(path)) for path in source_paths],
        )
        return self.items(batch_id, after_id=first)

    def items(
        self,
        batch_id: int,
        *,
        statuses: Iterable[ItemStatus] | None = None,
        after_id: int = 0,
    ) -> list[ImportItem]:
        sql = (
            "SELECT id, batch_id, source_path, status, sha256, photo_id, reason "
            "FROM import_items WHERE batch_id = ? AND id > ?"
        )
        params: list[Any] = [batch_id, after_id]
        if statuses is not None:
            wanted = [s.value for s in statuses]
            sql += f" AND status IN ({','.join('?' * len(wanted))})"
            params += wanted
        return [_item(row) for row in self._db.execute(sql + " ORDER BY id", params)]

    def mark_placing(self, placements: Iterable[tuple[int, str]]) -> None:
        """Record, before an original is moved into place, which content is on its way."""
        self._db.conn.executemany(
            "UPDATE import_items SET status = 'placing', sha256 = ? WHERE id = ?",
            [(sha, item_id) for item_id, sha in placements],
        )

    def finish_item(
        self,
        item_id: int,
        status: ItemStatus,
        *,
        sha256: str | None = None,
        photo_id: int | None = None,
        reason: str = "",
    ) -> None:
        self._db.execute(
            "UPDATE import_items SET status = ?, sha256 = coalesce(?, sha256), photo_id = ?, "
            "reason = ? WHERE id = ?",
            [status.value, sha256, photo_id, reason, item_id],
        )

    def placing_sha256s(self) -> set[str]:
        """Contents an interrupted import was moving into place (not orphans: in flight)."""
        return {
            row[0]
            for row in self._db.execute(
                "SELECT sha256 FROM import_items WHERE status = 'placing' AND sha256 IS NOT NULL"
            )
        }
