"""Opening an image with the safety limits on, and turning Pillow's failures into plain reasons."""

import io
import warnings
import zlib
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from quiltarchive.imaging import formats

# Pillow refuses images above twice this many pixels as a possible decompression bomb.
Image.MAX_IMAGE_PIXELS = 120_000_000


class UnreadableImage(Exception):
    """The file could not be decoded; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_image(source: bytes | Path) -> Image.Image:
    """Open (not yet decode) an image, refusing bombs and unsupported formats."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(stream)
    except Image.DecompressionBombError:
        raise UnreadableImage(
            "the image declares far more pixels than a photo has, too many to open safely "
            "(a decompression bomb)"
        ) from None
    except UnidentifiedImageError:
        raise UnreadableImage(
            "the image is damaged or not in a form QuiltArchive can read"
        ) from None
    except (ValueError, zlib.error) as error:
        raise UnreadableImage(_reason_for(error)) from None
    except (OSError, SyntaxError, IndexError, KeyError, TypeError) as error:
        raise UnreadableImage(_reason_for(error)) from None
    if image.format not in formats.SUPPORTED:
        raise UnreadableImage(
            f"{image.format} images are not imported (QuiltArchive takes "
            f"{formats.SUPPORTED_LABELS})"
        )
    return image


def load(image: Image.Image) -> None:
    """Decode the pixel data, which is where truncated and damaged files show themselves."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image.load()
    except Image.DecompressionBombError:
        raise UnreadableImage(
            "the image is too large to decode safely (a decompression bomb)"
        ) from None
    except (OSError, ValueError, SyntaxError, IndexError, zlib.error, MemoryError) as error:
        raise UnreadableImage(_reason_for(error)) from None


def _reason_for(error: BaseException) -> str:
    text = str(error)
    lowered = text.lower()
    if "decompressed data too large" in lowered or "too much memory" in lowered:
        return "a compressed block in the file expands to an unsafe size (a decompression bomb)"
    if "truncated" in lowered or "premature end" in lowered or "end of file" in lowered:
        return "the image data is cut short (the file is truncated or was not fully copied)"
    if isinstance(error, zlib.error) or "broken data stream" in lowered or "decoder" in lowered:
        return "the image data is damaged and cannot be decoded"
    if isinstance(error, MemoryError):
        return "the image is too large to decode with the memory available"
    return f"the image could not be decoded ({type(error).__name__}: {text})"
