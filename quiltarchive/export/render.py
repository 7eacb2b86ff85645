"""Making an export's images, in a worker process: from the original's pixels only.

The original is decoded, brought to sRGB, turned upright, blurred where the consent decision
asks, resized and encoded as a new JPEG that carries nothing but its pixels and an sRGB profile:
no EXIF, XMP, IPTC, GPS, maker notes, thumbnail or comment can survive, because none is copied.
Nothing here touches the database; every outcome comes back as a value.
"""

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from quiltarchive.export.blur import blur_regions
from quiltarchive.imaging import decode
from quiltarchive.imaging.color import srgb_icc_bytes, to_srgb
from quiltarchive.imaging.decode import UnreadableImage, open_image
from quiltarchive.imaging.renditions import apply_orientation, fit_within, reduced_decode
from quiltarchive.model.appearance import Box


@dataclass(frozen=True, slots=True)
class Output:
    """One image to write: where (relative to the export folder), how large, how good."""

    relative: str
    longest: int | None  # longest side in pixels; None keeps the original size
    quality: int
    role: str  # display, thumbnail or image
    subsampling: int = 2  # 0 keeps full colour resolution (4:4:4), 2 is the usual 4:2:0


@dataclass(frozen=True, slots=True)
class RenderJob:
    key: int  # the item's id
    original: str
    orientation: int
    blur: tuple[Box, ...]
    outputs: tuple[Output, ...]
    folder: str  # the export's temporary folder


@dataclass(frozen=True, slots=True)
class WrittenImage:
    relative: str
    sha256: str
    size_bytes: int
    width: int
    height: int
    role: str
    blurred: int


@dataclass(frozen=True, slots=True)
class Rendered:
    key: int
    files: tuple[WrittenImage, ...]


@dataclass(frozen=True, slots=True)
class RenderFailed:
    key: int
    reason: str


RenderResult = Rendered | RenderFailed


def render(job: RenderJob) -> RenderResult:
    written: list[Path] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Rendered(job.key, tuple(_render(job, written)))
    except UnreadableImage as problem:
        reason = f"its original could not be read: {problem.reason}"
    except FileNotFoundError:
        reason = "its original is missing from the archive (run `quiltarchive check`)"
    except MemoryError:
        reason = "it is too large to process with the memory available"
    except OSError as error:
        raise OSError(error.errno, f"writing {Path(error.filename or '').name}: {error}") from error
    except Exception as error:  # one picture's problem: report it, never stop the export
        reason = f"an unexpected problem while making it ({type(error).__name__}: {error})"
    for path in written:
        path.unlink(missing_ok=True)
    return RenderFailed(job.key, reason)


def decoded_pixels(job: RenderJob) -> Image.Image:
    """The original as 8-bit sRGB pixels with no metadata, decoded at reduced size when nothing
    needs the full resolution. Turned upright and blurred here only when there is something to
    blur (the boxes are on the upright picture); otherwise each output is turned after it is
    resized, which is cheaper."""
    image = open_image(Path(job.original))
    sizes = [o.longest for o in job.outputs]
    if job.blur or None in sizes:
        decode.load(image)
    else:
        reduced_decode(image, max(s for s in sizes if s is not None))
    pixels = to_srgb(image)
    if job.blur:
        pixels = blur_regions(apply_orientation(pixels, job.orientation), job.blur)
    pixels.info.clear()
    return pixels


def _render(job: RenderJob, written: list[Path]) -> list[WrittenImage]:
    source = decoded_pixels(job)
    orientation = 1 if job.blur else job.orientation
    folder = Path(job.folder)
    results = []
    current = source
    for output in sorted(job.outputs, key=lambda o: -(o.longest or 1 << 30)):
        size = (
            fit_within(source.width, source.height, output.longest)
            if output.longest
            else source.size
        )
        if current.size != size:
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
            current.info.clear()
        upright = apply_orientation(current, orientation)
        data = encode(upright, output.quality, output.subsampling)
        path = folder / output.relative
        path.parent.mkdir(parents=True, exist_ok=True)
        written.append(path)
        path.write_bytes(data)
        results.append(
            WrittenImage(
                output.relative,
                hashlib.sha256(data).hexdigest(),
                len(data),
                upright.width,
                upright.height,
                output.role,
                len(job.blur),
            )
        )
    return results


def encode(image: Image.Image, quality: int, subsampling: int = 2) -> bytes:
    """A baseline JPEG with an sRGB profile and nothing else."""
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=quality,
        subsampling=subsampling,
        icc_profile=srgb_icc_bytes(),
        exif=b"",
        comment=b"",
    )
    return buffer.getvalue()
