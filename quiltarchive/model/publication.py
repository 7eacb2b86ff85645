"""An entry in the publication ledger: what left the archive, where to, relying on what."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PublishedFile:
    file_name: str
    sha256: str
    photo_id: int | None
    consent_ids: tuple[int, ...]
    role: str = ""  # display, thumbnail, image (full size), sidecar, story
    blurred: int = 0  # regions blurred in it
    patch_id: int | None = None  # the quilt patch it shows
    story_id: int | None = None  # the story it tells


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
    details: dict[str, Any] = field(default_factory=dict)  # the export's options and counts
