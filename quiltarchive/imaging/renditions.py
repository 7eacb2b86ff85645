"""Previews and thumbnails: reduced decode, orientation applied to pixels, sRGB JPEG."""

import io
from dataclasses import dataclass

from PIL import Image

from quiltarchive.imaging import decode
from quiltarchive.imaging.color import to_srgb

PREVIEW_SIZE = 1600
THUMBNAIL_SIZE = 256
JPEG_QUALITY = 85

_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True, slots=True)
class Renditions:
    thumbnail_jpeg: bytes
    preview_jpeg: bytes | None  # None: left to be made when first wanted (see make_renditions)
    display_width: int  # the full image's size once orientation is applied
    display_height: int


def oriented_size(width: int, height: int, orientation: int) -> tuple[int, int]:
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    method = _TRANSPOSE.get(orientation)
    return image.transpose(method) if method is not None else image


def fit_within(width: int, height: int, longest: int) -> tuple[int, int]:
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def reduced_decode(image: Image.Image, longest: int) -> Image.Image:
    """Decode only as many pixels as a `longest`-sided rendition needs (JPEG DCT scaling)."""
    if image.format in ("JPEG", "MPO"):
        target = fit_within(image.width, image.height, longest)
        image.draft("RGB", target)
    decode.load(image)
    return image


def defers_preview(image: Image.Image) -> bool:
    """A JPEG's preview is cheap to make later (DCT scaling decodes a quarter of the pixels);
    other formats are decoded whole either way, so their preview is made while decoded."""
    return image.format in ("JPEG", "MPO")


def make_renditions(image: Image.Image, orientation: int, *, preview: bool = True) -> Renditions:
    """The thumbnail, and the preview unless `preview` is false and the format defers it.

    A thumbnail alone needs only an eighth of a JPEG's width decoded, which is what keeps an
    import close to the cost of reading and hashing the files. Decoding errors raise
    UnreadableImage.
    """
    width, height = image.size
    display_width, display_height = oriented_size(width, height, orientation)
    if not preview and defers_preview(image):
        decoded = apply_orientation(to_srgb(reduced_decode(image, THUMBNAIL_SIZE)), orientation)
        return Renditions(
            thumbnail_jpeg=encode_jpeg(_thumbnail_of(decoded)),
            preview_jpeg=None,
            display_width=display_width,
            display_height=display_height,
        )
    made = make_preview(image, orientation)
    return Renditions(
        thumbnail_jpeg=encode_jpeg(_thumbnail_of(made)),
        preview_jpeg=encode_jpeg(made),
        display_width=display_width,
        display_height=display_height,
    )


def make_preview(image: Image.Image, orientation: int) -> Image.Image:
    """The upright sRGB preview, at most PREVIEW_SIZE on its longest side."""
    width, height = image.size
    preview = to_srgb(reduced_decode(image, PREVIEW_SIZE))
    preview_size = fit_within(width, height, PREVIEW_SIZE)
    if preview.size != preview_size:
        preview = preview.resize(preview_size, _filter_for(preview.size, preview_size))
    return apply_orientation(preview, orientation)


def _thumbnail_of(upright: Image.Image) -> Image.Image:
    size = fit_within(upright.width, upright.height, THUMBNAIL_SIZE)
    if size == upright.size:
        return upright
    return upright.resize(size, _filter_for(upright.size, size), reducing_gap=2.0)


def _filter_for(source: tuple[int, int], target: tuple[int, int]) -> Image.Resampling:
    """After DCT scaling, a rendition is at most twice its final size. For so small a reduction
    a Hamming filter looks the same as Lanczos at less than half the cost, and every imported
    photo has a thumbnail made."""
    return Image.Resampling.HAMMING if source[0] <= 2 * target[0] else Image.Resampling.LANCZOS


def encode_jpeg(image: Image.Image, quality: int = JPEG_QUALITY) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
