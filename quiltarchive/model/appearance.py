"""A person, or an unknown person, seen in a photo."""

from typing import NamedTuple

# Named tuples rather than dataclasses: consent decisions over a whole archive build hundreds of
# thousands of these, and a tuple is several times cheaper to make.


class Box(NamedTuple):
    """A region in relative 0..1 coordinates of the displayed (orientation-applied) photo."""

    x: float
    y: float
    w: float
    h: float


class Appearance(NamedTuple):
    id: int
    photo_id: int
    person_id: int | None  # None: an unknown person
    box: Box | None
    identifiable: bool
