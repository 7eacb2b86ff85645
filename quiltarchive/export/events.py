"""Progress events an export yields: the CLI prints them, the app turns them into signals."""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path

from quiltarchive.export.plan import ExportPlan, LeftOut
from quiltarchive.model.consent import Use


class ExportKind(StrEnum):
    GALLERY = "gallery"  # offline gallery: index.html, data.js, images, thumbnails, manifests
    PACK = "pack"  # press / web pack: full-quality JPEGs and a captions-and-credits CSV
    SIDECARS = "sidecars"  # JPEGs each with an XMP sidecar of rights and release metadata


class ExportEventKind(StrEnum):
    PLANNED = "planned"  # `plan` says what will go and what is left out, and why
    ITEM_DONE = "item-done"  # one item's images are made
    ITEM_FAILED = "item-failed"  # its original could not be made into images: left out
    WRITING = "writing"  # pages, manifests and the zip are being written
    FINISHED = "finished"  # `summary` holds the outcome (also after Cancel)


@dataclass(frozen=True, slots=True)
class ExportedItem:
    number: int
    ref: str  # `12` for photo 12
    title: str
    files: tuple[str, ...]  # relative to the export folder
    credit: str
    consent_ids: tuple[int, ...]
    blurred_regions: int
    alt_missing: bool


@dataclass(frozen=True, slots=True)
class ExportSummary:
    kind: ExportKind
    collection_id: int
    collection_name: str
    use: Use
    day: date
    exported: tuple[ExportedItem, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    destination: Path | None = None  # the export folder, once it is complete
    zip_path: Path | None = None
    publication_id: int | None = None  # its entry in the publication ledger
    files: int = 0
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def nothing_exported(self) -> bool:
        return self.destination is None


@dataclass(frozen=True, slots=True)
class ExportEvent:
    kind: ExportEventKind
    done: int
    total: int
    title: str = ""
    reason: str = ""
    seconds: float = 0.0
    plan: ExportPlan | None = None
    summary: ExportSummary | None = field(default=None)

    @property
    def seconds_left(self) -> float | None:
        if self.done == 0 or self.seconds <= 0:
            return None
        return self.seconds / self.done * (self.total - self.done)
