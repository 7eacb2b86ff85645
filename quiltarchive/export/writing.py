"""What every kind of export shares: the items as rendered, the files written, and writing
text files, CSV and the checksum manifest into the export's temporary folder."""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from quiltarchive.archive import Archive
from quiltarchive.export.plan import ExportPlan, PlannedItem
from quiltarchive.export.render import Output, WrittenImage

CHECKSUMS = "manifest-sha256.txt"


@dataclass(frozen=True, slots=True)
class RenderedItem:
    planned: PlannedItem
    images: dict[str, WrittenImage]  # by role: display, thumbnail, image


@dataclass(frozen=True, slots=True)
class WrittenFile:
    relative: str
    sha256: str
    size_bytes: int
    role: str
    item: PlannedItem | None = None  # the item the file shows or describes; None for pages
    blurred: int = 0


@dataclass
class ExportContext:
    archive: Archive
    plan: ExportPlan
    folder: Path
    items: list[RenderedItem]
    organisation: str
    policy_url: str
    version: str
    files: list[WrittenFile] = field(default_factory=list)

    @property
    def day(self) -> date:
        return self.plan.day

    def write_text(
        self, relative: str, text: str, role: str, item: PlannedItem | None = None
    ) -> None:
        self.write_bytes(relative, text.encode("utf-8"), role, item)

    def write_bytes(
        self, relative: str, data: bytes, role: str, item: PlannedItem | None = None
    ) -> None:
        path = self.folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.files.append(
            WrittenFile(relative, hashlib.sha256(data).hexdigest(), len(data), role, item)
        )

    def write_csv(
        self, relative: str, header: list[str], rows: list[list[object]], role: str
    ) -> None:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows([[spreadsheet_safe(value) for value in row] for row in rows])
        # With a byte-order mark, spreadsheet programs read the file as UTF-8.
        self.write_bytes(relative, buffer.getvalue().encode("utf-8-sig"), role)

    def write_checksums(self) -> None:
        """A BagIt-style manifest: `sha256  path` for every other file, so a recipient can
        check the copy is whole (`sha256sum -c manifest-sha256.txt`)."""
        lines = [
            f"{f.sha256}  {f.relative}\n" for f in sorted(self.files, key=lambda f: f.relative)
        ]
        self.write_text(CHECKSUMS, "".join(lines), "manifest")


def story_text(item: PlannedItem) -> str:
    """A story (or a patch's story in its maker's words) as a plain text file: its title, who
    told it (as their consent allows), its words, and any translation."""
    told = item.source.told
    assert told is not None
    work = item.source.work
    lines = [item.title if item.item.kind.value == "story" else told.title, ""]
    if work is not None and work.maker:
        lines += [f"Told by {work.maker}" if not work.code else f"Made by {work.maker}", ""]
    lines += [told.text, ""]
    if told.translation:
        lines += [f"Translation ({told.translation_language}):", "", told.translation, ""]
    return "\r\n".join("\r\n".join(line.splitlines()) for line in lines)


def write_story(context: ExportContext, relative: str, item: PlannedItem) -> None:
    context.write_text(relative, story_text(item), "story", item)


def spreadsheet_safe(value: object) -> str:
    """Text a spreadsheet shows as text: a leading = + - @ would otherwise start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class Writer(Protocol):
    """One kind of export: the images it needs for each item, and the files it writes around
    them once they are made."""

    kind: str

    def outputs(self, item: PlannedItem) -> tuple[Output, ...]: ...

    def write(self, context: ExportContext) -> None: ...
