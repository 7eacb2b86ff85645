"""A person recorded in the archive: someone in a photo, a maker, a teller, a guardian."""

from dataclasses import dataclass
from enum import StrEnum


class AgeBand(StrEnum):
    CHILD = "child"  # under 13
    TEEN = "teen"  # 13 to 17
    ADULT = "adult"


class Credit(StrEnum):
    FULL = "full"
    FIRST = "first"
    INITIALS = "initials"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    credit: Credit
    birth_year: int | None
    age_band: AgeBand | None
    do_not_identify: bool
    notes: str
    guardian_ids: tuple[int, ...] = ()  # for a group: its responsible adults
    is_group: bool = False  # a class, a family, a circle: credited by its name as recorded
