"""Patches: the records, their photos and their places in quilts."""

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.patch import Patch, PatchPhoto, PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.quilt import Position
from quiltarchive.storage.parameters import chunks, placeholders

# Fields a patch's record may change through `update` (its place has its own methods).
PATCH_FIELDS = (
    "code",
    "title",
    "maker_id",
    "maker_age_band",
    "event_id",
    "received_on",
    "materials",
    "size",
    "story",
    "notes",
)


def _value(value: Any) -> Any:
    if isinstance(value, AgeBand):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


class PatchStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, code: str, **fields: Any) -> int:
        unknown = set(fields) - set(PATCH_FIELDS)
        if unknown:
            raise ValueError(f"not a patch field: {', '.join(sorted(unknown))}")
        names = ["code", *fields, "created_at"]
        values = [code, *(_value(v) for v in fields.values()), clock.timestamp()]
        try:
            cursor = self._db.execute(
                f"INSERT INTO patches ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                values,
            )
        except sqlite3.IntegrityError as error:
            raise self._integrity(error, code) from error
        return int(cursor.lastrowid or 0)

    def update(self, patch_id: int, **changes: Any) -> None:
        unknown = set(changes) - set(PATCH_FIELDS)
        if unknown:
            raise ValueError(f"not a patch field: {', '.join(sorted(unknown))}")
        if not changes:
            return
        assignments = ", ".join(f"{key} = ?" for key in changes)
        try:
            self._db.execute(
                f"UPDATE patches SET {assignments} WHERE id = ?",
                [*(_value(v) for v in changes.values()), patch_id],
            )
        except sqlite3.IntegrityError as error:
            raise self._integrity(error, changes.get("code", "")) from error

    @staticmethod
    def _integrity(error: sqlite3.IntegrityError, code: str) -> InvalidInput:
        if "patches.code" in str(error):
            return InvalidInput(f"There is already a patch with the code {code}.")
        return InvalidInput(f"The patch could not be recorded ({error}).")

    def set_position(self, patch_id: int, position: Position | None) -> None:
        quilt_id, row, column = position if position is not None else (None, None, None)
        self._db.execute(
            "UPDATE patches SET quilt_id = ?, grid_row = ?, grid_column = ? WHERE id = ?",
            [quilt_id, row, column, patch_id],
        )

    def occupant(self, position: Position) -> int | None:
        row = self._db.execute(
            "SELECT id FROM patches WHERE quilt_id = ? AND grid_row = ? AND grid_column = ?",
            list(position),
        ).fetchone()
        return row[0] if row else None

    def outside(self, quilt_id: int, rows: int, columns: int) -> list[str]:
        """Codes of the patches of a quilt that would fall outside a grid of this size."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT code FROM patches WHERE quilt_id = ? AND (grid_row > ? OR grid_column > ?) "
                "ORDER BY grid_row, grid_column",
                [quilt_id, rows, columns],
            )
        ]

    def id_of(self, code: str) -> int:
        row = self._db.execute(
            "SELECT id FROM patches WHERE code = ? COLLATE NOCASE", [code.strip()]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no patch with the code {code.strip()}.")
        return int(row[0])

    def get(self, patch_id: int) -> Patch:
        found = self.get_many([patch_id])
        if not found:
            raise NotFound(f"There is no patch with id {patch_id}.")
        return found[0]

    def by_code(self, code: str) -> Patch:
        return self.get(self.id_of(code))

    def get_many(self, patch_ids: Iterable[int]) -> list[Patch]:
        ids = list(dict.fromkeys(patch_ids))
        patches: dict[int, Patch] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            photos = self._photos_of(chunk)
            for row in self._db.query(f"SELECT * FROM patches WHERE id IN ({marks})", chunk):
                patches[row["id"]] = _patch(row, photos.get(row["id"], ()))
        return [patches[i] for i in ids if i in patches]

    def codes(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT code FROM patches")]

    def add_photo(self, patch_id: int, photo_id: int, role: PhotoRole) -> None:
        position = self._db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM patch_photos WHERE patch_id = ?",
            [patch_id],
        ).fetchone()[0]
        self._db.execute(
            "INSERT INTO patch_photos (patch_id, photo_id, role, position) VALUES (?, ?, ?, ?)",
            [patch_id, photo_id, role.value, position],
        )

    def remove_photo(self, patch_id: int, photo_id: int) -> None:
        self._db.execute(
            "DELETE FROM patch_photos WHERE patch_id = ? AND photo_id = ?", [patch_id, photo_id]
        )

    def with_photo(self, photo_id: int) -> list[int]:
        """The patches a photo shows."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT patch_id FROM patch_photos WHERE photo_id = ? ORDER BY patch_id", [photo_id]
            )
        ]

    def delete(self, patch_id: int) -> None:
        self._db.execute("DELETE FROM patch_search WHERE rowid = ?", [patch_id])
        self._db.execute("DELETE FROM patches WHERE id = ?", [patch_id])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM patches").fetchone()[0])

    def _photos_of(self, patch_ids: list[int]) -> dict[int, tuple[PatchPhoto, ...]]:
        marks = ",".join("?" * len(patch_ids))
        found: dict[int, list[PatchPhoto]] = {}
        for patch_id, photo_id, role in self._db.execute(
            "SELECT patch_id, photo_id, role FROM patch_photos "
            f"WHERE patch_id IN ({marks}) "
            "ORDER BY patch_id, CASE role WHEN 'front' THEN 0 WHEN 'back' THEN 1 ELSE 2 END, "
            "position",
            patch_ids,
        ):
            found.setdefault(patch_id, []).append(PatchPhoto(photo_id, PhotoRole(role)))
        return {key: tuple(value) for key, value in found.items()}

    def list(
        self,
        *,
        quilt_id: int | None = None,
        placed: bool | None = None,
        maker_id: int | None = None,
    ) -> list[Patch]:
        """Patches by code; of one quilt in reading order (row by row) when `quilt_id` is given."""
        where, params = [], []
        if quilt_id is not None:
            where.append("quilt_id = ?")
            params.append(quilt_id)
        if placed is not None:
            where.append("quilt_id IS NOT NULL" if placed else "quilt_id IS NULL")
        if maker_id is not None:
            where.append("maker_id = ?")
            params.append(maker_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        order = "grid_row, grid_column" if quilt_id is not None else "code COLLATE NOCASE"
        ids = [
            row[0]
            for row in self._db.execute(f"SELECT id FROM patches {clause} ORDER BY {order}", params)
        ]
        return self.get_many(ids)


def _patch(row: dict[str, Any], photos: tuple[PatchPhoto, ...]) -> Patch:
    position = (
        Position(row["quilt_id"], row["grid_row"], row["grid_column"])
        if row["quilt_id"] is not None
        else None
    )
    return Patch(
        id=row["id"],
        code=row["code"],
        title=row["title"],
        maker_id=row["maker_id"],
        maker_age_band=AgeBand(row["maker_age_band"]) if row["maker_age_band"] else None,
        event_id=row["event_id"],
        received_on=date.fromisoformat(row["received_on"]) if row["received_on"] else None,
        materials=row["materials"],
        size=row["size"],
        story=row["story"],
        notes=row["notes"],
        position=position,
        photos=photos,
        created_at=row["created_at"],
    )
