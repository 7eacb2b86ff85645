"""Appearances: who (or which unknown person) is in which photo, and where."""

from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import NotFound
from quiltarchive.model.appearance import Appearance, Box


def appearance_from_row(row: tuple[Any, ...]) -> Appearance:
    appearance_id, photo_id, person_id, x, y, w, h, identifiable = row
    box = Box(x, y, w, h) if x is not None else None
    return Appearance(appearance_id, photo_id, person_id, box, bool(identifiable))


COLUMNS = "id, photo_id, person_id, box_x, box_y, box_w, box_h, identifiable"


class AppearanceStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self, photo_id: int, person_id: int | None, *, box: Box | None, identifiable: bool
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO appearances (photo_id, person_id, box_x, box_y, box_w, box_h, "
            "identifiable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                photo_id,
                person_id,
                *((box.x, box.y, box.w, box.h) if box else (None, None, None, None)),
                int(identifiable),
                clock.timestamp(),
            ],
        )
        return int(cursor.lastrowid or 0)

    def get(self, appearance_id: int) -> Appearance:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM appearances WHERE id = ?", [appearance_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no appearance with id {appearance_id}.")
        return appearance_from_row(row)

    def remove(self, appearance_id: int) -> None:
        self._db.execute("DELETE FROM appearances WHERE id = ?", [appearance_id])

    def restore(self, appearance: Appearance) -> None:
        """Put back a removed appearance under its old id (undo)."""
        box = appearance.box
        self._db.execute(
            "INSERT INTO appearances (id, photo_id, person_id, box_x, box_y, box_w, box_h, "
            "identifiable, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                appearance.id,
                appearance.photo_id,
                appearance.person_id,
                *((box.x, box.y, box.w, box.h) if box else (None, None, None, None)),
                int(appearance.identifiable),
                clock.timestamp(),
            ],
        )

    def set_identifiable(self, appearance_id: int, identifiable: bool) -> None:
        self._db.execute(
            "UPDATE appearances SET identifiable = ? WHERE id = ?",
            [int(identifiable), appearance_id],
        )

    def set_person(self, appearance_id: int, person_id: int | None) -> None:
        self._db.execute(
            "UPDATE appearances SET person_id = ? WHERE id = ?", [person_id, appearance_id]
        )

    def in_photo(self, photo_id: int) -> list[Appearance]:
        return [
            appearance_from_row(row)
            for row in self._db.execute(
                f"SELECT {COLUMNS} FROM appearances WHERE photo_id = ? ORDER BY id", [photo_id]
            )
        ]

    def of_person(self, person_id: int) -> list[Appearance]:
        return [
            appearance_from_row(row)
            for row in self._db.execute(
                f"SELECT {COLUMNS} FROM appearances WHERE person_id = ? ORDER BY photo_id, id",
                [person_id],
            )
        ]

    def make_unknown(self, person_id: int) -> list[int]:
        """Turn a person's appearances into unknown people's (erasure); returns the photo ids."""
        photo_ids = [a.photo_id for a in self.of_person(person_id)]
        self._db.execute("UPDATE appearances SET person_id = NULL WHERE person_id = ?", [person_id])
        return sorted(set(photo_ids))
