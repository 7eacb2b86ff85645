"""The pieces of a quilt render: where each cell goes, a patch photo fitted to its cell, labels,
placeholders, the title band. Pure drawing: what may be shown is decided before any of this."""

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from quiltarchive.errors import InvalidInput
from quiltarchive.imaging.color import to_srgb
from quiltarchive.imaging.decode import open_image
from quiltarchive.imaging.renditions import (
    PREVIEW_SIZE,
    apply_orientation,
    fit_within,
    oriented_size,
    reduced_decode,
)
from quiltarchive.model.photo import Photo

RGB = tuple[int, int, int]
Box = tuple[int, int, int, int]

MIN_CELL = 8  # pixels: below this a patch is a coloured dot
MIN_LABEL_CELL = 48  # pixels: below this a label cannot be read, so none is drawn
INK = (43, 40, 36)
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True, slots=True)
class QuiltLayout:
    """Where everything goes in the output, in pixels. Rows and columns count from 1."""

    rows: int
    columns: int
    cell: int  # each patch is a cell × cell square
    seam: int  # the gap between patches
    left: int  # x of the first column
    top: int  # y of the first row (below the title band, if any)
    width: int
    height: int
    title_height: int

    def cell_box(self, row: int, column: int) -> Box:
        """(left, top, right, bottom) of a cell, right and bottom exclusive."""
        x = self.left + (column - 1) * (self.cell + self.seam)
        y = self.top + (row - 1) * (self.cell + self.seam)
        return x, y, x + self.cell, y + self.cell

    def band(self, row: int) -> tuple[int, int]:
        """The horizontal strip of the output (top, bottom) drawn with quilt row `row`: from the
        end of the previous row's cells to the end of this row's (the last takes the margin)."""
        start = 0 if row == 1 else self.cell_box(row - 1, 1)[3]
        end = self.height if row == self.rows else self.cell_box(row, 1)[3]
        return start, end


def plan_layout(
    rows: int, columns: int, width: int, *, seam: int | None = None, title: bool = False
) -> QuiltLayout:
    """Square cells filling `width`: `seam` pixels between patches (about a fortieth of a cell
    unless given) and a margin around the quilt like a poster's (at least two seams)."""
    if seam is None:
        seam = max(1, round(width / (columns * 40)))
    if seam < 0:
        raise InvalidInput("The seam width cannot be negative.")
    margin = max(2 * seam, round(width * 0.025))
    cell = (width - 2 * margin - (columns - 1) * seam) // columns
    if cell < MIN_CELL:
        raise InvalidInput(
            f"At {width} px wide, each of the {columns} columns would be {max(cell, 0)} px: "
            f"make the render wider (at least {MIN_CELL} px a patch) or the seams narrower."
        )
    spare = width - (2 * margin + columns * cell + (columns - 1) * seam)
    title_height = round(width * 0.09) if title else 0
    top = title_height + margin
    height = top + rows * cell + (rows - 1) * seam + margin
    return QuiltLayout(
        rows, columns, cell, seam, margin + spare // 2, top, width, height, title_height
    )


# -- patch photos --------------------------------------------------------------------------


def fitted_photo(photo: Photo, original: Path, preview: Path | None, cell: int) -> Image.Image:
    """The photo as a cell × cell square: orientation applied, sRGB, cropped to fill (centred).

    Decodes no more pixels than the cell needs: the preview when one is given and large enough,
    else the original with JPEG DCT scaling. Raises UnreadableImage or OSError when it cannot
    be read.
    """
    display = oriented_size(photo.width, photo.height, photo.orientation)
    longest = math.ceil(cell * max(display) / min(display))
    if (
        preview is not None
        and preview.is_file()
        and min(fit_within(*display, PREVIEW_SIZE)) >= cell
    ):
        with open_image(preview) as image:  # previews are stored upright, in sRGB
            upright = to_srgb(reduced_decode(image, longest))
            return ImageOps.fit(upright, (cell, cell), Image.Resampling.LANCZOS)
    with open_image(original) as image:
        decoded = to_srgb(reduced_decode(image, longest))
        upright = apply_orientation(decoded, photo.orientation)
        return ImageOps.fit(upright, (cell, cell), Image.Resampling.LANCZOS)


# -- cells that show no photo --------------------------------------------------------------


def _stitches(draw: ImageDraw.ImageDraw, size: int, colour: RGB) -> None:
    """A dashed line just inside the edge, like the running stitch of a quilt."""
    inset = max(2, round(size * 0.08))
    dash = max(2, round(size * 0.05))
    thickness = max(1, round(size * 0.012))
    far = size - 1 - inset
    for start in range(inset, far, dash * 2):
        end = min(start + dash, far)
        draw.line([(start, inset), (end, inset)], fill=colour, width=thickness)
        draw.line([(start, far), (end, far)], fill=colour, width=thickness)
        draw.line([(inset, start), (inset, end)], fill=colour, width=thickness)
        draw.line([(far, start), (far, end)], fill=colour, width=thickness)


def placeholder(size: int, colour: RGB) -> Image.Image:
    """A patch that may not be shown for this use: a plain neutral square, with stitching."""
    image = Image.new("RGB", (size, size), colour)
    _stitches(ImageDraw.Draw(image), size, _mix(colour, ink_for(colour), 0.25))
    return image


def empty_cell(size: int, colour: RGB) -> Image.Image:
    """A cell no patch has been placed in yet: a shade off the seams, with a stitched outline."""
    ground = _mix(colour, (255, 255, 255), 0.3 if ink_for(colour) == INK else 0.06)
    image = Image.new("RGB", (size, size), ground)
    _stitches(ImageDraw.Draw(image), size, _mix(ground, ink_for(ground), 0.18))
    return image


def _mix(colour: RGB, other: RGB, share: float) -> RGB:
    r, g, b = (round(a * (1 - share) + b * share) for a, b in zip(colour, other, strict=True))
    return r, g, b


def ink_for(background: RGB) -> RGB:
    """Dark ink on a light ground, light on a dark one."""
    r, g, b = background
    return INK if 0.299 * r + 0.587 * g + 0.114 * b > 140 else (246, 242, 234)


# -- text ----------------------------------------------------------------------------------


@cache
def font(size: int, *, bold: bool = False) -> Font:
    """DejaVu when the system has it (Debian's fonts-dejavu-core), else Pillow's own font."""
    try:
        return ImageFont.truetype(FONT_FILES[bold], size)
    except OSError:
        return ImageFont.load_default(size)


def _fitting_font(draw: ImageDraw.ImageDraw, text: str, size: int, room: int) -> tuple[Font, str]:
    """The largest font up to `size` in which `text` fits `room` pixels, shortened with an
    ellipsis if even the smallest does not fit."""
    while size > 7 and draw.textlength(text, font=font(size)) > room:
        size -= 1
    chosen = font(size)
    if draw.textlength(text, font=chosen) <= room:
        return chosen, text
    while len(text) > 1 and draw.textlength(text + "…", font=chosen) > room:
        text = text[:-1]
    return chosen, text.rstrip() + "…"


def label_band(cell: int) -> int:
    return max(12, round(cell * 0.16))


def label_font_size(cell: int, texts: list[str]) -> int:
    """One size for every label of a render, the largest at which they all fit (but never below
    two thirds of the natural size: longer ones are then shortened)."""
    natural = round(label_band(cell) * 0.58)
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    room = round(cell * 0.9)
    size = natural
    floor = max(7, round(natural * 2 / 3))
    for text in texts:
        while size > floor and draw.textlength(text, font=font(size)) > room:
            size -= 1
    return size


def label(cell_image: Image.Image, text: str, size: int) -> None:
    """Write `text` on a darkened band across the bottom of a patch, in a font of `size`."""
    cell = cell_image.width
    if not text or cell < MIN_LABEL_CELL:
        return
    band = label_band(cell)
    top = cell - band
    strip = cell_image.crop((0, top, cell, cell))
    cell_image.paste(Image.blend(strip, Image.new("RGB", strip.size, (20, 18, 16)), 0.62), (0, top))
    draw = ImageDraw.Draw(cell_image)
    chosen, shown = _fitting_font(draw, text, size, round(cell * 0.9))
    draw.text((cell / 2, top + band / 2), shown, font=chosen, fill=(255, 255, 255), anchor="mm")


def quiet_label(cell_image: Image.Image, text: str, size: int) -> None:
    """Write `text` dark at the bottom of a placeholder (no band: there is nothing to cover)."""
    cell = cell_image.width
    if not text or cell < MIN_LABEL_CELL:
        return
    band = label_band(cell)
    draw = ImageDraw.Draw(cell_image)
    chosen, shown = _fitting_font(draw, text, size, round(cell * 0.8))
    ink = ink_for(cell_image.getpixel((cell // 2, cell // 2)))  # type: ignore[arg-type]
    draw.text((cell / 2, cell - band / 2), shown, font=chosen, fill=ink, anchor="mm")


def title_band(width: int, height: int, colour: RGB, title: str, subtitle: str) -> Image.Image:
    """The poster's heading: the quilt's name, and a line beneath it."""
    band = Image.new("RGB", (width, height), colour)
    if height < 16:
        return band
    draw = ImageDraw.Draw(band)
    ink = ink_for(colour)
    quieter = _mix(ink, colour, 0.3)
    heading, text = _fitting_font(draw, title, round(height * 0.44), round(width * 0.9))
    draw.text((width / 2, height * 0.66), text, font=heading, fill=ink, anchor="ms")
    if subtitle:
        small, line = _fitting_font(draw, subtitle, round(height * 0.17), round(width * 0.9))
        draw.text((width / 2, height * 0.78), line, font=small, fill=quieter, anchor="mt")
    return band
