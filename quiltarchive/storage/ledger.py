"""The publication ledger, and which collections and exports hold which photos."""

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.model.publication import Publication, PublishedFile
from quiltarchive.storage.parameters import chunks, placeholders

PUBLICATION_COLUMNS = (
    "id, kind, collection_id, collection_name, use, destination, decided_on, created_at, user, "
    "details"
)
FILE_COLUMNS = (
    "publication_id, file_name, sha256, photo_id, consent_ids, role, blurred, patch_id, story_id"
)


class LedgerStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        *,
        kind: str,
        collection_id: int | None,
        collection_name: str,
        use: str,
        destination: str,
        decided_on: str,
        user: str,
        files: Sequence[PublishedFile],
        details: dict[str, Any] | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO publications (kind, collection_id, collection_name, use, destination, "
            "decided_on, created_at, user, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                kind,
                collection_id,
                collection_name,
                use,
                destination,
                decided_on,
                clock.timestamp(),
                user,
                json.dumps(details or {}, sort_keys=True),
            ],
        )
        publication_id = int(cursor.lastrowid or 0)
        self._db.conn.executemany(
            "INSERT INTO publication_files (publication_id, file_name, sha256, photo_id, "
            "consent_ids, role, blurred, patch_id, story_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    publication_id,
                    f.file_name,
                    f.sha256,
                    f.photo_id,
                    json.dumps(list(f.consent_ids)),
                    f.role,
                    f.blurred,
                    f.patch_id,
                    f.story_id,
                )
                for f in files
            ],
        )
        return publication_id

    def publications(self, publication_ids: Iterable[int] | None = None) -> list[Publication]:
        if publication_ids is None:
            rows = self._db.execute(
                f"SELECT {PUBLICATION_COLUMNS} FROM publications ORDER BY id DESC"
            ).fetchall()
        else:
            ids = list(publication_ids)
            rows = []
            for chunk in chunks(ids):
                rows += self._db.execute(
                    f"SELECT {PUBLICATION_COLUMNS} FROM publications "
                    f"WHERE id IN ({placeholders(chunk)}) ORDER BY id DESC",
                    chunk,
                ).fetchall()
        files = self._files_of([row[0] for row in rows])
        return [_publication(row, files.get(row[0], ())) for row in rows]

    def publications_holding(
        self,
        photo_ids: Iterable[int],
        consent_ids: Iterable[int],
        patch_ids: Iterable[int] = (),
        story_ids: Iterable[int] = (),
    ) -> list[Publication]:
        """Exports with a file showing one of these photos or patches, telling one of these
        stories, or relying on one of these consents; each with only those files."""
        photos, consents = set(photo_ids), set(consent_ids)
        patches, stories = set(patch_ids), set(story_ids)
        matching: dict[int, list[PublishedFile]] = {}
        for publication_id, file in self._all_files():
            if (
                file.photo_id in photos
                or file.patch_id in patches
                or file.story_id in stories
                or consents.intersection(file.consent_ids)
            ):
                matching.setdefault(publication_id, []).append(file)
        return [_replace_files(p, tuple(matching[p.id])) for p in self.publications(list(matching))]

    def collections_holding(self, photo_ids: Iterable[int]) -> list[tuple[int, str, list[int]]]:
        """(collection id, name, the photos of `photo_ids` in it), for each such collection."""
        ids = list(dict.fromkeys(photo_ids))
        found: dict[int, tuple[str, list[int]]] = {}
        for chunk in chunks(ids):
            for collection_id, name, photo_id in self._db.execute(
                "SELECT collections.id, collections.name, collection_items.photo_id "
                "FROM collection_items JOIN collections "
                "ON collections.id = collection_items.collection_id "
                f"WHERE collection_items.photo_id IN ({placeholders(chunk)}) "
                "ORDER BY collections.id, collection_items.position",
                chunk,
            ):
                found.setdefault(collection_id, (name, []))[1].append(photo_id)
        return [(cid, name, photos) for cid, (name, photos) in sorted(found.items())]

    def _all_files(self) -> Iterable[tuple[int, PublishedFile]]:
        for row in self._db.execute(f"SELECT {FILE_COLUMNS} FROM publication_files ORDER BY id"):
            yield row[0], _file(row)

    def _files_of(self, publication_ids: list[int]) -> dict[int, tuple[PublishedFile, ...]]:
        found: dict[int, list[PublishedFile]] = {}
        for chunk in chunks(publication_ids):
            for row in self._db.execute(
                f"SELECT {FILE_COLUMNS} FROM publication_files "
                f"WHERE publication_id IN ({placeholders(chunk)}) ORDER BY id",
                chunk,
            ):
                found.setdefault(row[0], []).append(_file(row))
        return {key: tuple(value) for key, value in found.items()}


def _publication(row: tuple[Any, ...], files: tuple[PublishedFile, ...]) -> Publication:
    publication_id, kind, collection_id, name, use, destination, decided, created, user = row[:9]
    return Publication(
        publication_id,
        kind,
        collection_id,
        name,
        use,
        destination,
        decided,
        created,
        user,
        files,
        json.loads(row[9] or "{}"),
    )


def _file(row: tuple[Any, ...]) -> PublishedFile:
    _, name, sha, photo_id, consent_ids, role, blurred, patch_id, story_id = row
    return PublishedFile(
        name, sha, photo_id, tuple(json.loads(consent_ids)), role, blurred, patch_id, story_id
    )


def _replace_files(publication: Publication, files: tuple[PublishedFile, ...]) -> Publication:
    from dataclasses import replace

    return replace(publication, files=files)
