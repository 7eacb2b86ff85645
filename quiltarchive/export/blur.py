"""Blurring people out of a picture for good.

A region is first reduced to a coarse mosaic (a few cells across, each the mean of its pixels:
many different faces give the same mosaic, so no filter can bring one back), then smoothed so
it reads as a soft blur rather than as squares. It works on the full-resolution pixels, before
any resizing, and covers a margin around the box so a hairline or ear at its edge goes too.
"""

import math

from PIL import Image, ImageFilter

from quiltarchive.model.appearance import Box

CELLS = 6  # mosaic cells across the longer side of a region
MARGIN = 0.15  # of the box's size, added on every side


def region_in_pixels(box: Box, width: int, height: int) -> tuple[int, int, int, int]:
    """The box (relative, on the displayed picture) widened by the margin, in pixels."""
    grow_x, grow_y = box.w * MARGIN, box.h * MARGIN
    left = max(0, math.floor((box.x - grow_x) * width))
    top = max(0, math.floor((box.y - grow_y) * height))
    right = min(width, math.ceil((box.x + box.w + grow_x) * width))
    bottom = min(height, math.ceil((box.y + box.h + grow_y) * height))
    return left, top, max(right, left + 1), max(bottom, top + 1)


def blur_regions(image: Image.Image, boxes: tuple[Box, ...]) -> Image.Image:
    """A copy of `image` (orientation already applied) with every box blurred irreversibly."""
    if not boxes:
        return image
    result = image.copy()
    for box in boxes:
        left, top, right, bottom = region_in_pixels(box, image.width, image.height)
        region = result.crop((left, top, right, bottom))
        longest = max(region.size)
        cells = (
            max(1, round(region.width * CELLS / longest)),
            max(1, round(region.height * CELLS / longest)),
        )
        mosaic = region.resize(cells, Image.Resampling.BOX)
        smooth = mosaic.resize(region.size, Image.Resampling.BILINEAR)
        smooth = smooth.filter(ImageFilter.GaussianBlur(radius=max(2.0, longest / CELLS / 2)))
        result.paste(smooth, (left, top))
    return result
