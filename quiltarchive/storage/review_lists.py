"""The queries behind the librarian's review lists."""

from collections.abc import Iterable

from sqlite_utils import Database

from quiltarchive.storage.id_lists import id_list
from quiltarchive.storage.parameters import chunks, placeholders


class ReviewListStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def unreviewed_photo_ids(self) -> list[int]:
        return id_list(
            self._db, "SELECT id FROM photos WHERE review_state = 'unreviewed' ORDER BY id"
        )

    def photos_with_unknown_people(self) -> list[int]:
        return id_list(
            self._db,
            "SELECT DISTINCT photo_id FROM appearances "
            "WHERE person_id IS NULL AND identifiable = 1 ORDER BY photo_id",
        )

    def photos_showing(self, person_ids: Iterable[int]) -> dict[int, list[int]]:
        """Photo id → the people of `person_ids` identifiable in it."""
        ids = list(dict.fromkeys(person_ids))
        found: dict[int, list[int]] = {}
        for chunk in chunks(ids):
            for photo_id, person_id in self._db.execute(
                "SELECT photo_id, person_id FROM appearances WHERE identifiable = 1 "
                f"AND person_id IN ({placeholders(chunk)}) ORDER BY photo_id",
                chunk,
            ):
                found.setdefault(photo_id, []).append(person_id)
        return found

    def photo_counts(self, person_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Person id → how many photos they are identifiable in (everyone when ids is None);
        people in none are left out."""
        query = (
            "SELECT person_id, COUNT(DISTINCT photo_id) FROM appearances "
            "WHERE identifiable = 1 AND person_id {} GROUP BY person_id"
        )
        if person_ids is None:
            return dict(self._db.execute(query.format("IS NOT NULL")).fetchall())
        ids = list(dict.fromkeys(person_ids))
        counts: dict[int, int] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            counts.update(self._db.execute(query.format(f"IN ({marks})"), chunk).fetchall())
        return counts

    def people_with_consents_expiring(self, first: str, last: str) -> list[int]:
        """People with a consent whose expiry date lies between the two days (inclusive)."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT DISTINCT person_id FROM consents WHERE expires_on BETWEEN ? AND ?",
                [first, last],
            )
        ]
