"""What a photo list is narrowed to: the filters of the app's grid and search bar."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class PhotoQuery:
    """Every field left at None (or "") does not narrow the list."""

    text: str = ""  # words searched in captions, alt text, keywords, people, events, file names
    event_id: int | None = None
    person_id: int | None = None  # photos in which this person is recorded
    taken_from: date | None = None  # capture day, inclusive
    taken_to: date | None = None  # capture day, inclusive
    batch_id: int | None = None  # the photos one import brought in

    @property
    def narrows(self) -> bool:
        return bool(self.text.strip()) or any(
            value is not None
            for value in (
                self.event_id,
                self.person_id,
                self.taken_from,
                self.taken_to,
                self.batch_id,
            )
        )
