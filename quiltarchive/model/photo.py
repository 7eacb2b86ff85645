"""A photograph held in the archive."""

from dataclasses import dataclass
from enum import StrEnum


class ReviewState(StrEnum):
    UNREVIEWED = "unreviewed"  # nobody has recorded who is in it yet
    REVIEWED = "reviewed"  # every identifiable person is recorded
    NO_PEOPLE = "no-people"  # a reviewer confirmed nobody identifiable is in it


class Rights(StrEnum):
    UNKNOWN = "unknown"
    STAFF = "staff"
    LICENSED = "licensed"


class TakenAtSource(StrEnum):
    EXIF = "exif"  # camera time with its UTC offset
    EXIF_LOCAL = "exif-local"  # camera time, offset not recorded
    FILE_TIME = "file-time"  # no capture time in the file: the file's modification time


@dataclass(frozen=True, slots=True)
class Location:
    """Where a photo was taken. Sensitive: never listed by default, never exported."""

    latitude: float
    longitude: float
    altitude: float | None = None


@dataclass(frozen=True, slots=True)
class Photo:
    id: int
    sha256: str
    file_name: str
    extension: str
    format: str
    size_bytes: int
    width: int
    height: int
    orientation: int
    taken_at: str | None
    taken_at_source: TakenAtSource
    camera_make: str
    camera_model: str
    iptc_caption: str
    iptc_keywords: tuple[str, ...]
    caption: str
    alt_text: str
    review_state: ReviewState
    rights: Rights
    licence: str
    withheld: bool
    batch_id: int
    event_id: int | None
    imported_at: str
    has_location: bool

    @property
    def camera(self) -> str:
        make, model = self.camera_make.strip(), self.camera_model.strip()
        if model.lower().startswith(make.lower()):
            return model
        return f"{make} {model}".strip()


@dataclass(frozen=True, slots=True)
class NewPhoto:
    """What an import reads from a file: everything needed to catalogue it."""

    sha256: str
    file_name: str
    extension: str
    format: str
    size_bytes: int
    width: int
    height: int
    orientation: int
    taken_at: str | None
    taken_at_source: TakenAtSource
    camera_make: str = ""
    camera_model: str = ""
    iptc_caption: str = ""
    iptc_keywords: tuple[str, ...] = ()
    location: Location | None = None
