"""Events: workshops and other occasions photos belong to."""

import sqlite3
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.event import Event


def _event(row: dict[str, Any]) -> Event:
    return Event(
        id=row["id"],
        name=row["name"],
        held_on=row["held_on"],
        venue=row["venue"],
        notes=row["notes"],
        photo_count=row.get("photo_count", 0),
    )


class EventStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def create(self, name: str, *, held_on: str | None = None, venue: str = "") -> Event:
        name = name.strip()
        if not name:
            raise InvalidInput("An event needs a name.")
        try:
            cursor = self._db.execute(
                "INSERT INTO events (name, held_on, venue, created_at) VALUES (?, ?, ?, ?)",
                [name, held_on, venue.strip(), clock.timestamp()],
            )
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error):
                raise InvalidInput(f"There is already an event called “{name}”.") from error
            raise InvalidInput(f"The date “{held_on}” is not a date like 2026-03-14.") from error
        return self.get(int(cursor.lastrowid or 0))

    def update(self, event_id: int, *, name: str, held_on: str | None, venue: str) -> Event:
        name = name.strip()
        if not name:
            raise InvalidInput("An event needs a name.")
        self.get(event_id)
        try:
            self._db.execute(
                "UPDATE events SET name = ?, held_on = ?, venue = ? WHERE id = ?",
                [name, held_on, venue.strip(), event_id],
            )
        except sqlite3.IntegrityError as error:
            if "UNIQUE" in str(error):
                raise InvalidInput(f"There is already an event called “{name}”.") from error
            raise InvalidInput(f"The date “{held_on}” is not a date like 2026-03-14.") from error
        return self.get(event_id)

    def in_use(self, event_id: int) -> bool:
        """Whether any photo, import or patch belongs to the event."""
        return any(
            self._db.execute(
                f"SELECT 1 FROM {table} WHERE event_id = ? LIMIT 1", [event_id]
            ).fetchone()
            for table in ("photos", "import_batches", "patches")
        )

    def patch_ids(self, event_id: int) -> list[int]:
        rows = self._db.execute("SELECT id FROM patches WHERE event_id = ?", [event_id])
        return [row[0] for row in rows.fetchall()]

    def delete(self, event_id: int) -> None:
        self._db.execute("DELETE FROM events WHERE id = ?", [event_id])

    def find(self, name: str) -> Event | None:
        rows = list(
            self._db.query("SELECT * FROM events WHERE name = ? COLLATE NOCASE", [name.strip()])
        )
        return _event(rows[0]) if rows else None

    def get(self, event_id: int) -> Event:
        rows = list(self._db.query("SELECT * FROM events WHERE id = ?", [event_id]))
        if not rows:
            raise NotFound(f"There is no event with id {event_id}.")
        return _event(rows[0])

    def list(self) -> list[Event]:
        return [
            _event(row)
            for row in self._db.query(
                """
                SELECT events.*, count(photos.id) AS photo_count
                FROM events LEFT JOIN photos ON photos.event_id = events.id
                GROUP BY events.id
                ORDER BY coalesce(events.held_on, events.created_at) DESC, events.id DESC
                """
            )
        ]
