"""An event: a workshop or other occasion photos were taken at."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    name: str
    held_on: str | None
    venue: str
    notes: str
    photo_count: int = 0
