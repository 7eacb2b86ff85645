"""An entry in the publication ledger: what left the archive, where to, relying on what."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PublishedFile:
    file_name: str
    sha256: str
    photo_id: int | None
    consent_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Publication:
    id: int
    kind: str
    collection_id: int | None
    collection_name: str
    use: str
    destination: str
    decided_on: str
    created_at: str
    user: str
    files: tuple[PublishedFile, ...] = ()
