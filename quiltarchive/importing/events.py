"""Progress events an import yields: the CLI prints them, the app turns them into signals."""

from dataclasses import dataclass, field
from enum import StrEnum


class EventKind(StrEnum):
    STARTED = "started"  # the batch began: `total` files to look at
    FILE_STARTED = "file-started"
    IMPORTED = "imported"
    DUPLICATE = "duplicate"  # the same content is already in the archive
    SKIPPED = "skipped"  # not a photo (a video, a macOS "._" file…)
    FAILED = "failed"  # a photo-like file that could not be imported; `reason` says why
    FINISHED = "finished"  # `summary` holds the outcome


@dataclass(frozen=True, slots=True)
class Outcome:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportSummary:
    batch_id: int
    total: int
    imported: int = 0
    duplicates: list[Outcome] = field(default_factory=list)
    skipped: list[Outcome] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    notes: list[Outcome] = field(default_factory=list)
    cancelled: bool = False
    archive_full: bool = False  # stopped because the archive's disk is full; resumable
    seconds: float = 0.0

    @property
    def remaining(self) -> int:
        done = self.imported + len(self.duplicates) + len(self.skipped) + len(self.failed)
        return self.total - done


@dataclass(frozen=True, slots=True)
class ImportEvent:
    kind: EventKind
    done: int
    total: int
    path: str = ""
    photo_id: int | None = None
    reason: str = ""
    seconds: float = 0.0  # since the batch began
    summary: ImportSummary | None = None

    @property
    def seconds_left(self) -> float | None:
        """A simple estimate from the pace so far; None until there is a pace to go by."""
        if self.done == 0 or self.seconds <= 0:
            return None
        return self.seconds / self.done * (self.total - self.done)
