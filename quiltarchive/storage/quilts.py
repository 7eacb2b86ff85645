"""Quilts: their grids, and which patch sits in which cell."""

import sqlite3
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.quilt import Quilt

COLUMNS = """
    quilts.id, quilts.name, quilts.row_count, quilts.column_count, quilts.notes,
    quilts.created_at, (SELECT count(*) FROM patches WHERE quilt_id = quilts.id) AS placed
"""


def _quilt(row: tuple[Any, ...]) -> Quilt:
    return Quilt(*row)


class QuiltStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, name: str, rows: int, columns: int, notes: str = "") -> int:
        try:
            cursor = self._db.execute(
                "INSERT INTO quilts (name, row_count, column_count, notes, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [name, rows, columns, notes, clock.timestamp()],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(f"There is already a quilt called “{name}”.") from error
        return int(cursor.lastrowid or 0)

    def get(self, quilt_id: int) -> Quilt:
        row = self._db.execute(f"SELECT {COLUMNS} FROM quilts WHERE id = ?", [quilt_id]).fetchone()
        if row is None:
            raise NotFound(f"There is no quilt with id {quilt_id}.")
        return _quilt(row)

    def find(self, name: str) -> Quilt | None:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM quilts WHERE name = ? COLLATE NOCASE", [name.strip()]
        ).fetchone()
        return _quilt(row) if row else None

    def named(self, name: str) -> Quilt:
        found = self.find(name)
        if found is None:
            raise NotFound(f"There is no quilt called “{name.strip()}”.")
        return found

    def update(self, quilt_id: int, *, name: str, rows: int, columns: int, notes: str) -> None:
        try:
            self._db.execute(
                "UPDATE quilts SET name = ?, row_count = ?, column_count = ?, notes = ? "
                "WHERE id = ?",
                [name, rows, columns, notes, quilt_id],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput(f"There is already a quilt called “{name}”.") from error

    def delete(self, quilt_id: int) -> None:
        self._db.execute("DELETE FROM quilts WHERE id = ?", [quilt_id])

    def list(self) -> list[Quilt]:
        rows = self._db.execute(f"SELECT {COLUMNS} FROM quilts ORDER BY name COLLATE NOCASE")
        return [_quilt(row) for row in rows]
