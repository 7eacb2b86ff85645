"""People and who their guardians are."""

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.person import AgeBand, Credit, Person
from quiltarchive.storage.parameters import chunks, placeholders

PERSON_FIELDS = (
    "name",
    "credit",
    "birth_year",
    "age_band",
    "do_not_identify",
    "notes",
    "is_group",
)


def _person(row: dict[str, Any], guardian_ids: tuple[int, ...]) -> Person:
    return Person(
        id=row["id"],
        name=row["name"],
        credit=Credit(row["credit"]),
        birth_year=row["birth_year"],
        age_band=AgeBand(row["age_band"]) if row["age_band"] else None,
        do_not_identify=bool(row["do_not_identify"]),
        notes=row["notes"],
        guardian_ids=guardian_ids,
        is_group=bool(row["is_group"]),
    )


class PeopleStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        name: str,
        *,
        credit: Credit = Credit.FULL,
        birth_year: int | None = None,
        age_band: AgeBand | None = None,
        do_not_identify: bool = False,
        notes: str = "",
        is_group: bool = False,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO people (name, credit, birth_year, age_band, do_not_identify, notes, "
            "created_at, is_group) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                name,
                credit.value,
                birth_year,
                age_band.value if age_band else None,
                int(do_not_identify),
                notes,
                clock.timestamp(),
                int(is_group),
            ],
        )
        return int(cursor.lastrowid or 0)

    def update(self, person_id: int, **changes: Any) -> None:
        unknown = set(changes) - set(PERSON_FIELDS)
        if unknown:
            raise ValueError(f"not a person field: {', '.join(sorted(unknown))}")
        values = {
            key: (value.value if hasattr(value, "value") else value)
            for key, value in changes.items()
        }
        for flag in ("do_not_identify", "is_group"):
            if flag in values:
                values[flag] = int(bool(values[flag]))
        assignments = ", ".join(f"{key} = ?" for key in values)
        self._db.execute(
            f"UPDATE people SET {assignments} WHERE id = ?", [*values.values(), person_id]
        )

    def get(self, person_id: int) -> Person:
        found = self.get_many([person_id])
        if not found:
            raise NotFound(f"There is no person with id {person_id}.")
        return found[0]

    def get_many(self, person_ids: Iterable[int]) -> list[Person]:
        ids = list(dict.fromkeys(person_ids))
        people: dict[int, Person] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            guardians = self._guardians_of(chunk)
            for row in self._db.query(f"SELECT * FROM people WHERE id IN ({marks})", chunk):
                people[row["id"]] = _person(row, guardians.get(row["id"], ()))
        return [people[i] for i in ids if i in people]

    def search(self, name_like: str | None = None, *, limit: int | None = None) -> list[Person]:
        sql, params = "SELECT id FROM people", []
        if name_like:
            sql += " WHERE name LIKE ? ESCAPE '\\'"
            escaped = name_like.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        sql += " ORDER BY name COLLATE NOCASE, id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.get_many(row[0] for row in self._db.execute(sql, params))

    def names(self) -> list[tuple[int, str]]:
        """(id, name) of everyone, by name: for pick lists, without reading whole records."""
        return [
            (row[0], row[1])
            for row in self._db.execute(
                "SELECT id, name FROM people ORDER BY name COLLATE NOCASE, id"
            )
        ]

    def exists(self, person_id: int) -> bool:
        return (
            self._db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone()
            is not None
        )

    def do_not_identify_ids(self) -> list[int]:
        """Everyone who must never be identifiable outside the archive."""
        return [
            row[0] for row in self._db.execute("SELECT id FROM people WHERE do_not_identify = 1")
        ]

    def add_guardian(self, person_id: int, guardian_id: int) -> None:
        try:
            self._db.execute(
                "INSERT OR IGNORE INTO guardianships (person_id, guardian_id) VALUES (?, ?)",
                [person_id, guardian_id],
            )
        except sqlite3.IntegrityError as error:
            raise InvalidInput("A person cannot be their own guardian.") from error

    def remove_guardian(self, person_id: int, guardian_id: int) -> None:
        self._db.execute(
            "DELETE FROM guardianships WHERE person_id = ? AND guardian_id = ?",
            [person_id, guardian_id],
        )

    def wards_of(self, guardian_id: int) -> list[int]:
        return [
            row[0]
            for row in self._db.execute(
                "SELECT person_id FROM guardianships WHERE guardian_id = ?", [guardian_id]
            )
        ]

    def delete(self, person_id: int) -> None:
        self._db.execute("DELETE FROM people WHERE id = ?", [person_id])

    def _guardians_of(self, person_ids: list[int]) -> dict[int, tuple[int, ...]]:
        marks = ",".join("?" * len(person_ids))
        found: dict[int, list[int]] = {}
        for person_id, guardian_id in self._db.execute(
            f"SELECT person_id, guardian_id FROM guardianships WHERE person_id IN ({marks}) "
            "ORDER BY guardian_id",
            person_ids,
        ):
            found.setdefault(person_id, []).append(guardian_id)
        return {key: tuple(value) for key, value in found.items()}
