"""A person, or an unknown person, seen in a photo."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """A region in relative 0..1 coordinates of the displayed (orientation-applied) photo."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class Appearance:
    id: int
    photo_id: int
    person_id: int | None  # None: an unknown person
    box: Box | None
    identifiable: bool
