"""Photos: the catalogue rows, their sensitive locations and their search documents."""

import json
from collections.abc import Iterable, Iterator
from datetime import timedelta
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import NotFound
from quiltarchive.model.photo import (
    Location,
    NewPhoto,
    Photo,
    ReviewState,
    Rights,
    TakenAtSource,
)
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.storage.id_lists import id_list
from quiltarchive.storage.parameters import chunks, placeholders
from quiltarchive.storage.search import SearchIndex, match_expression

PHOTO_COLUMNS = """
    photos.*,
    EXISTS (SELECT 1 FROM photo_locations WHERE photo_id = photos.id) AS has_location
"""


def photo_from_row(row: dict[str, Any]) -> Photo:
    return Photo(
        id=row["id"],
        sha256=row["sha256"],
        file_name=row["file_name"],
        extension=row["extension"],
        format=row["format"],
        size_bytes=row["size_bytes"],
        width=row["width"],
        height=row["height"],
        orientation=row["orientation"],
        taken_at=row["taken_at"],
        taken_at_source=TakenAtSource(row["taken_at_source"]),
        camera_make=row["camera_make"],
        camera_model=row["camera_model"],
        iptc_caption=row["iptc_caption"],
        iptc_keywords=tuple(json.loads(row["iptc_keywords"])),
        caption=row["caption"],
        alt_text=row["alt_text"],
        review_state=ReviewState(row["review_state"]),
        rights=Rights(row["rights"]),
        licence=row["licence"],
        withheld=bool(row["withheld"]),
        batch_id=row["batch_id"],
        event_id=row["event_id"],
        imported_at=row["imported_at"],
        has_location=bool(row["has_location"]),
    )


class PhotoStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, facts: NewPhoto, *, batch_id: int, event_id: int | None) -> int:
        cursor = self._db.execute(
            """
            INSERT INTO photos (
                sha256, file_name, extension, format, size_bytes, width, height, orientation,
                taken_at, taken_at_source, camera_make, camera_model, iptc_caption,
                iptc_keywords, caption, batch_id, event_id, imported_at
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                facts.sha256,
                facts.file_name,
                facts.extension,
                facts.format,
                facts.size_bytes,
                facts.width,
                facts.height,
                facts.orientation,
                facts.taken_at,
                facts.taken_at_source.value,
                facts.camera_make,
                facts.camera_model,
                facts.iptc_caption,
                json.dumps(list(facts.iptc_keywords), ensure_ascii=False),
                facts.iptc_caption,
                batch_id,
                event_id,
                clock.timestamp(),
            ],
        )
        photo_id = int(cursor.lastrowid or 0)
        if facts.location is not None:
            self._db.execute(
                "INSERT INTO photo_locations (photo_id, latitude, longitude, altitude) "
                "VALUES (?, ?, ?, ?)",
                [
                    photo_id,
                    facts.location.latitude,
                    facts.location.longitude,
                    facts.location.altitude,
                ],
            )
        SearchIndex(self._db).reindex([photo_id])
        return photo_id

    def present(self, sha256s: Iterable[str]) -> dict[str, int]:
        """Which of these contents are already in the archive, by hash → photo id."""
        wanted = list(dict.fromkeys(sha256s))
        found: dict[str, int] = {}
        for chunk in chunks(wanted):
            marks = placeholders(chunk)
            for sha, photo_id in self._db.execute(
                f"SELECT sha256, id FROM photos WHERE sha256 IN ({marks})", chunk
            ):
                found[sha] = photo_id
        return found

    def hashes(self, photo_ids: Iterable[int]) -> dict[int, str]:
        """Photo id → the SHA-256 its original and renditions are filed under."""
        ids = list(dict.fromkeys(photo_ids))
        found: dict[int, str] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            found.update(
                self._db.execute(
                    f"SELECT id, sha256 FROM photos WHERE id IN ({marks})", chunk
                ).fetchall()
            )
        return found

    def get(self, photo_id: int) -> Photo:
        rows = list(self._db.query(f"SELECT {PHOTO_COLUMNS} FROM photos WHERE id = ?", [photo_id]))
        if not rows:
            raise NotFound(f"There is no photo with id {photo_id}.")
        return photo_from_row(rows[0])

    def get_many(self, photo_ids: Iterable[int]) -> list[Photo]:
        ids = list(photo_ids)
        photos: dict[int, Photo] = {}
        for chunk in chunks(ids):
            marks = placeholders(chunk)
            for row in self._db.query(
                f"SELECT {PHOTO_COLUMNS} FROM photos WHERE id IN ({marks})", chunk
            ):
                photos[row["id"]] = photo_from_row(row)
        return [photos[i] for i in ids if i in photos]

    def ordered_ids(self, query: PhotoQuery | None = None) -> list[int]:
        """The ids of the photos matching `query`, in capture order (unknown times last).

        Only ids: the app's grid holds 100,000 of them and reads rows for the visible tiles.
        """
        query = query or PhotoQuery()
        where, params = self._query_clauses(query)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        # A text search alone can match most of the archive, and SQLite cannot tell how much:
        # walking the index in order costs the same for a few matches and far less than
        # sorting for many. Other filters are selective and keep their own indexes.
        text_only = bool(match_expression(query.text)) and len(where) == 1
        index = "INDEXED BY photos_capture_order" if text_only else ""
        return id_list(
            self._db,
            f"SELECT id FROM photos {index} {clause} ORDER BY taken_at IS NULL, taken_at, id",
            params,
        )

    @staticmethod
    def _query_clauses(query: PhotoQuery) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        words = match_expression(query.text)
        if words:
            where.append("id IN (SELECT rowid FROM photo_search WHERE photo_search MATCH ?)")
            params.append(words)
        if query.event_id is not None:
            where.append("event_id = ?")
            params.append(query.event_id)
        if query.person_id is not None:
            where.append("id IN (SELECT photo_id FROM appearances WHERE person_id = ?)")
            params.append(query.person_id)
        if query.batch_id is not None:
            where.append("batch_id = ?")
            params.append(query.batch_id)
        if query.taken_from is not None:
            where.append("taken_at >= ?")
            params.append(query.taken_from.isoformat())
        if query.taken_to is not None:
            where.append("taken_at < ?")
            params.append((query.taken_to + timedelta(days=1)).isoformat())
        return where, params

    def list(
        self,
        *,
        event_id: int | None = None,
        batch_id: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Photo]:
        """Photos in capture order (unknown times last), optionally of one event or batch."""
        where, params = [], []
        if event_id is not None:
            where.append("event_id = ?")
            params.append(event_id)
        if batch_id is not None:
            where.append("batch_id = ?")
            params.append(batch_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        page = f"LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        return [
            photo_from_row(row)
            for row in self._db.query(
                f"SELECT {PHOTO_COLUMNS} FROM photos {clause} "
                f"ORDER BY taken_at IS NULL, taken_at, id {page}",
                params,
            )
        ]

    def set_review_state(self, photo_id: int, state: ReviewState) -> None:
        self._db.execute("UPDATE photos SET review_state = ? WHERE id = ?", [state.value, photo_id])

    def set_rights(self, photo_id: int, rights: Rights, licence: str) -> None:
        self._db.execute(
            "UPDATE photos SET rights = ?, licence = ? WHERE id = ?",
            [rights.value, licence, photo_id],
        )

    def set_withheld(self, photo_id: int, withheld: bool) -> None:
        self._db.execute("UPDATE photos SET withheld = ? WHERE id = ?", [int(withheld), photo_id])

    def describe(
        self, photo_id: int, *, caption: str | None = None, alt_text: str | None = None
    ) -> None:
        self._db.execute(
            "UPDATE photos SET caption = coalesce(?, caption), alt_text = coalesce(?, alt_text) "
            "WHERE id = ?",
            [caption, alt_text, photo_id],
        )

    def delete(self, photo_id: int) -> None:
        self._db.execute("DELETE FROM photo_search WHERE rowid = ?", [photo_id])
        self._db.execute("DELETE FROM photos WHERE id = ?", [photo_id])

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM photos").fetchone()[0])

    def location(self, photo_id: int) -> Location | None:
        row = self._db.execute(
            "SELECT latitude, longitude, altitude FROM photo_locations WHERE photo_id = ?",
            [photo_id],
        ).fetchone()
        return Location(*row) if row else None

    def stored_files(self) -> Iterator[tuple[int, str, str]]:
        """(id, sha256, extension) of every photo, for checking the originals on disk."""
        yield from self._db.execute("SELECT id, sha256, extension FROM photos ORDER BY id")
