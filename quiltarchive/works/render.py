"""The virtual quilt: every patch's front photo composed into one image of the whole quilt.

Each patch may be shown only if the consent assessment allows it for the chosen use on the
day; any other is drawn as a neutral placeholder. The image is made one quilt row at a time:
each photo is decoded at no more than the size its cell needs, pasted, and let go, so memory
stays small whatever the number of patches; a PNG is written strip by strip as it is made
(a JPEG encoder needs the whole picture, so a JPEG is assembled in memory first). The file is
written under a temporary name and renamed; it carries no metadata but an sRGB profile.
A render is an export: it goes on the publication ledger with the consents it relied on.
"""

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageColor

from quiltarchive import clock, files
from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput, QuiltArchiveError
from quiltarchive.imaging.color import srgb_icc_bytes
from quiltarchive.imaging.decode import UnreadableImage
from quiltarchive.imaging.png_stream import PngStripWriter
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import Photo
from quiltarchive.model.publication import PublishedFile
from quiltarchive.model.quilt import QuiltCell, QuiltGrid
from quiltarchive.storage.ledger import LedgerStore
from quiltarchive.works.quilt_map import quilt_grid
from quiltarchive.works.refs import QuiltRef
from quiltarchive.works.render_drawing import (
    RGB,
    QuiltLayout,
    empty_cell,
    fitted_photo,
    label,
    label_font_size,
    placeholder,
    plan_layout,
    quiet_label,
    title_band,
)

MAX_PNG_PIXELS = 600_000_000  # written in strips: bounded by disk, not memory
MAX_JPEG_PIXELS = 150_000_000  # held whole while encoding (about 4 bytes a pixel)
MAX_WIDTH = 60_000
DEFAULT_WIDTH = 3000
CACHE_CELLS = 48  # fitted photos kept for reuse (one photo may show several patches)


class Labels(StrEnum):
    NONE = "none"
    CODE = "code"  # the patch code, e.g. P-0042
    CREDIT = "credit"  # the maker's credit, where consent allows it
    BOTH = "both"


class RenderCancelled(QuiltArchiveError):
    """The render was cancelled; nothing was written."""


def parse_colour(text: str) -> RGB:
    """A colour as people write it: #f3ede2, f3ede2, or a name such as ivory."""
    value = text.strip()
    if len(value) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in value):
        value = f"#{value}"
    try:
        r, g, b = ImageColor.getrgb(value)[:3]
    except ValueError:
        raise InvalidInput(
            f"“{text}” is not a colour: write it as #rrggbb (for example #f3ede2) or a name "
            "such as ivory."
        ) from None
    return r, g, b


@dataclass(frozen=True, slots=True)
class RenderOptions:
    width: int = DEFAULT_WIDTH  # pixels; a 24-inch poster at 300 dpi is 7200
    use: Use = Use.PRINT
    on_day: date | None = None  # the day the consent is decided for (default today)
    labels: Labels = Labels.NONE
    seam_colour: RGB = (243, 237, 226)  # unbleached calico
    seam_width: int | None = None  # pixels; about a fortieth of a cell when not given
    placeholder_colour: RGB = (205, 199, 189)
    title: str = ""  # a heading above the quilt (none when empty)
    jpeg_quality: int = 92
    # Decode every patch from its original, not from the preview (when that is large enough):
    # slower, for the best print quality.
    from_originals: bool = False


@dataclass(frozen=True, slots=True)
class RenderReport:
    path: Path
    width: int
    height: int
    layout: QuiltLayout
    use: Use
    day: date
    shown: tuple[str, ...]  # codes of the patches shown
    not_shown: tuple[str, ...]  # codes drawn as placeholders (not allowed, or unreadable)
    empty_cells: int
    problems: tuple[str, ...]  # photos that could not be read
    sha256: str
    publication_id: int


Progress = Callable[[int, int], None]


def render_quilt(
    archive: Archive,
    quilt: QuiltRef,
    destination: Path,
    options: RenderOptions = RenderOptions(),
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> RenderReport:
    """Render a quilt to `destination` (.png or .jpg) for `options.use` on `options.on_day`."""
    destination = Path(destination).expanduser()
    kind = _kind_of(destination)
    if not destination.parent.is_dir():
        raise InvalidInput(f"The folder {destination.parent} does not exist.")
    if not 0 < options.width <= MAX_WIDTH:
        raise InvalidInput(f"A render is 1 to {MAX_WIDTH} pixels wide, not {options.width}.")
    day = options.on_day or clock.today()
    grid = quilt_grid(archive, quilt, options.use, day)
    layout = plan_layout(
        grid.quilt.rows,
        grid.quilt.columns,
        options.width,
        seam=options.seam_width,
        title=bool(options.title.strip()),
    )
    limit = MAX_PNG_PIXELS if kind == "PNG" else MAX_JPEG_PIXELS
    if layout.width * layout.height > limit:
        raise InvalidInput(
            f"A {layout.width} × {layout.height} {kind} is too large to make "
            f"(the limit is {limit // 1_000_000} megapixels); choose a smaller width"
            + (" or a PNG." if kind == "JPEG" else ".")
        )
    photos = {
        photo.id: photo
        for photo in archive.photos.get_many(c.photo_id for c in grid.placed() if c.photo_id)
    }
    painter = _Painter(archive, grid, layout, options, photos)
    temporary = files.temporary_sibling(destination)
    try:
        with open(temporary, "wb") as handle:
            strips = painter.strips(progress, cancel)
            _write(handle, kind, layout, strips, options.jpeg_quality)
        sha256 = files.sha256_of_file(temporary)
        os.replace(temporary, destination)
    finally:
        temporary.unlink(missing_ok=True)
    publication_id = _record(archive, grid, destination, options.use, day, sha256, painter)
    return RenderReport(
        path=destination,
        width=layout.width,
        height=layout.height,
        layout=layout,
        use=options.use,
        day=day,
        shown=tuple(c.code for c in painter.shown),
        not_shown=tuple(painter.not_shown),
        empty_cells=painter.empty_cells,
        problems=tuple(painter.problems),
        sha256=sha256,
        publication_id=publication_id,
    )


def _kind_of(destination: Path) -> str:
    suffix = destination.suffix.lower()
    if suffix == ".png":
        return "PNG"
    if suffix in (".jpg", ".jpeg"):
        return "JPEG"
    raise InvalidInput(f"Render to a .png or .jpg file, not {destination.name}.")


def _write(
    handle: BinaryIO, kind: str, layout: QuiltLayout, strips: Iterator[Image.Image], quality: int
) -> None:
    if kind == "PNG":
        with PngStripWriter(
            handle, layout.width, layout.height, icc_profile=srgb_icc_bytes()
        ) as writer:
            for strip in strips:
                writer.write(strip)
        return
    canvas = Image.new("RGB", (layout.width, layout.height))
    y = 0
    for strip in strips:
        canvas.paste(strip, (0, y))
        y += strip.height
    canvas.save(handle, "JPEG", quality=quality, icc_profile=srgb_icc_bytes())


class _Painter:
    """Draws the quilt one band (one quilt row) at a time, decoding that row's photos in
    parallel threads (Pillow decodes and resizes without holding the GIL)."""

    def __init__(
        self,
        archive: Archive,
        grid: QuiltGrid,
        layout: QuiltLayout,
        options: RenderOptions,
        photos: dict[int, Photo],
    ) -> None:
        self.archive = archive
        self.grid = grid
        self.layout = layout
        self.options = options
        self.photos = photos
        self.shown: list[QuiltCell] = []
        self.not_shown: list[str] = []
        self.problems: list[str] = []
        self.empty_cells = 0
        self._fitted: OrderedDict[int, Image.Image] = OrderedDict()
        texts = [self._label_text(c) if c.allowed else c.code for c in grid.placed()]
        self.label_size = label_font_size(layout.cell, [t for t in texts if t])

    def strips(
        self, progress: Progress | None, cancel: threading.Event | None
    ) -> Iterator[Image.Image]:
        rows = self.layout.rows
        workers = min(4, os.cpu_count() or 1)
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="quilt-render") as pool:
            for row in range(1, rows + 1):
                if cancel is not None and cancel.is_set():
                    raise RenderCancelled("The render was cancelled; no file was written.")
                yield self._band(row, pool)
                if progress is not None:
                    progress(row, rows)

    def _band(self, row: int, pool: ThreadPoolExecutor) -> Image.Image:
        layout, options = self.layout, self.options
        top, bottom = layout.band(row)
        band = Image.new("RGB", (layout.width, bottom - top), options.seam_colour)
        if row == 1 and layout.title_height:
            count = len([c for c in self.grid.placed() if c.allowed])
            subtitle = f"{count} patch{'es' if count != 1 else ''} · {self.grid.quilt.name}"
            if options.title.strip() == self.grid.quilt.name:
                subtitle = f"{count} patch{'es' if count != 1 else ''}"
            band.paste(
                title_band(
                    layout.width, layout.title_height, options.seam_colour, options.title, subtitle
                ),
                (0, 0),
            )
        cells = self.grid.cells[row - 1]
        wanted = {
            c.photo_id
            for c in cells
            if c.allowed and c.photo_id is not None and c.photo_id not in self._fitted
        }
        decoded = dict(zip(wanted, pool.map(self._decode, wanted), strict=True))
        for cell in cells:
            x, y, _, _ = layout.cell_box(cell.row, cell.column)
            band.paste(self._cell_image(cell, decoded), (x, y - top))
        return band

    def _decode(self, photo_id: int) -> Image.Image | str:
        photo = self.photos[photo_id]
        layout = self.archive.layout
        original = layout.original_path(photo.sha256, photo.extension)
        if not original.is_file():
            return "its original file is missing from the archive; run `check`"
        try:
            return fitted_photo(
                photo,
                original,
                None if self.options.from_originals else layout.preview_path(photo.sha256),
                self.layout.cell,
            )
        except UnreadableImage as error:
            return error.reason
        except OSError as error:
            return error.strerror or str(error)

    def _cell_image(self, cell: QuiltCell, decoded: dict[int, Image.Image | str]) -> Image.Image:
        size, options = self.layout.cell, self.options
        if cell.empty:
            self.empty_cells += 1
            return empty_cell(size, options.seam_colour)
        fitted = self._fitted_for(cell, decoded) if cell.allowed else None
        if fitted is None:
            self.not_shown.append(cell.code)
            image = placeholder(size, options.placeholder_colour)
            if options.labels in (Labels.CODE, Labels.BOTH):
                quiet_label(image, cell.code, self.label_size)
            return image
        self.shown.append(cell)
        image = fitted.copy()
        label(image, self._label_text(cell), self.label_size)
        return image

    def _fitted_for(
        self, cell: QuiltCell, decoded: dict[int, Image.Image | str]
    ) -> Image.Image | None:
        if cell.photo_id is None:
            return None
        found = self._fitted.get(cell.photo_id) or decoded.get(cell.photo_id)
        if isinstance(found, str):
            self.problems.append(
                f"Patch {cell.code}: photo {cell.photo_id} could not be read ({found}), so a "
                "placeholder was drawn."
            )
            return None
        if found is not None:
            self._remember(cell.photo_id, found)
        return found

    def _label_text(self, cell: QuiltCell) -> str:
        labels = self.options.labels
        if labels is Labels.CODE:
            return cell.code
        if labels is Labels.CREDIT:
            return cell.credit
        if labels is Labels.BOTH:
            return f"{cell.code} · {cell.credit}" if cell.credit else cell.code
        return ""

    def _remember(self, photo_id: int, image: Image.Image) -> None:
        self._fitted[photo_id] = image
        self._fitted.move_to_end(photo_id)
        while len(self._fitted) > CACHE_CELLS:
            self._fitted.popitem(last=False)


def _record(
    archive: Archive,
    grid: QuiltGrid,
    destination: Path,
    use: Use,
    day: date,
    sha256: str,
    painter: _Painter,
) -> int:
    """The render on the publication ledger (one entry per patch shown, with the consents it
    relied on, so a withdrawal finds it) and on the audit trail."""
    with archive.atomic():
        publication_id = LedgerStore(archive.db).record(
            kind="quilt render",
            collection_id=None,
            collection_name=f"quilt {grid.quilt.name}",
            use=use.value,
            destination=str(destination.resolve()),
            decided_on=day.isoformat(),
            user=archive.user,
            files=[
                PublishedFile(
                    destination.name,
                    sha256,
                    cell.photo_id,
                    cell.decision.consent_ids if cell.decision else (),
                )
                for cell in painter.shown
            ],
        )
        archive.audit.record(
            "quilt rendered",
            "quilt",
            grid.quilt.id,
            after={
                "to": str(destination.resolve()),
                "use": use.value,
                "day": day.isoformat(),
                "shown": [c.code for c in painter.shown],
                "not_shown": painter.not_shown,
            },
        )
        return publication_id
