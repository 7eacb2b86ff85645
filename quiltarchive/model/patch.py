"""A quilt patch: a maker's work, with its story in their words and its photos."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from quiltarchive.model.person import AgeBand
from quiltarchive.model.quilt import Position


class PhotoRole(StrEnum):
    FRONT = "front"  # the photo that shows the patch (the quilt map and renders use it)
    BACK = "back"
    DETAIL = "detail"


@dataclass(frozen=True, slots=True)
class PatchPhoto:
    photo_id: int
    role: PhotoRole


@dataclass(frozen=True, slots=True)
class Patch:
    id: int
    code: str  # e.g. P-0042: unique, what is written on the label sewn to the back
    title: str
    maker_id: int | None  # None only after the maker was erased
    maker_age_band: AgeBand | None  # the maker's age band when they made it
    event_id: int | None  # the workshop it was made at
    received_on: date | None
    materials: str
    size: str
    story: str  # in the maker's words
    notes: str
    position: Position | None  # None until placed in a quilt
    photos: tuple[PatchPhoto, ...]
    created_at: str

    @property
    def front_photo_id(self) -> int | None:
        return next((p.photo_id for p in self.photos if p.role is PhotoRole.FRONT), None)
