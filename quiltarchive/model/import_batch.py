"""An import batch: one run of importing files, which can be resumed if cut short."""

from dataclasses import dataclass
from enum import StrEnum


class BatchStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    CANCELLED = "cancelled"
    INTERRUPTED = "interrupted"  # the process ended while the batch was running

    @property
    def resumable(self) -> bool:
        return self in (BatchStatus.CANCELLED, BatchStatus.INTERRUPTED)


class ItemStatus(StrEnum):
    PENDING = "pending"
    PLACING = "placing"  # original copied, about to be recorded
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"
    SKIPPED = "skipped"

    @property
    def finished(self) -> bool:
        return self not in (ItemStatus.PENDING, ItemStatus.PLACING)


@dataclass(frozen=True, slots=True)
class ImportBatch:
    id: int
    started_at: str
    finished_at: str | None
    status: BatchStatus
    event_id: int | None
    user: str
    sources: tuple[str, ...]
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class ImportItem:
    id: int
    batch_id: int
    source_path: str
    status: ItemStatus
    sha256: str | None
    photo_id: int | None
    reason: str
