"""The work done for one file, in a worker process: copy, hash, read metadata, make renditions.

It never raises: every outcome, including failure, comes back as a result with a plain reason,
so one bad file never stops a batch. Nothing here touches the database.
"""

import hashlib
import os
import signal
import warnings
from dataclasses import dataclass
from pathlib import Path

from quiltarchive import files
from quiltarchive.errors import DISK_FULL_ERRNOS, ArchiveFull
from quiltarchive.imaging import formats
from quiltarchive.imaging.decode import UnreadableImage, open_image
from quiltarchive.imaging.metadata import read_metadata
from quiltarchive.imaging.renditions import make_renditions
from quiltarchive.layout import ArchiveLayout
from quiltarchive.model.photo import NewPhoto

MAX_FILE_BYTES = 1 << 30  # 1 GiB: far beyond any photo; larger files are refused unread


@dataclass(frozen=True, slots=True)
class FileJob:
    item_id: int
    source_path: str
    layout: ArchiveLayout
    adopt: bool = False  # the original is already in place (left by an interrupted import)


@dataclass(frozen=True, slots=True)
class Processed:
    item_id: int
    facts: NewPhoto
    in_incoming: bool  # the copy waits in originals/.incoming to be moved into place
    note: str = ""


@dataclass(frozen=True, slots=True)
class AlreadyStored:
    """The content is already in originals/: a duplicate, or an original to adopt."""

    item_id: int
    sha256: str


@dataclass(frozen=True, slots=True)
class NotAPhoto:
    """A file that is not a picture and does not claim to be one (a text file, a PDF…)."""

    item_id: int
    reason: str


@dataclass(frozen=True, slots=True)
class Failed:
    item_id: int
    reason: str
    archive_full: bool = False  # no space left where the archive lives: nothing more can go in


FileResult = Processed | AlreadyStored | NotAPhoto | Failed


def process_file(job: FileJob) -> FileResult:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _process(job)
    except UnreadableImage as problem:
        return Failed(job.item_id, problem.reason)
    except PermissionError:
        return Failed(job.item_id, "the file cannot be read (permission denied)")
    except MemoryError:
        return Failed(job.item_id, "the image is too large to process with the memory available")
    except OSError as error:
        if error.errno in DISK_FULL_ERRNOS:
            return Failed(job.item_id, ArchiveFull.MESSAGE, archive_full=True)
        return Failed(job.item_id, f"the file could not be imported ({error.strerror or error})")
    except Exception as error:  # the boundary of one file: report it, never stop the batch
        return Failed(
            job.item_id, f"an unexpected problem while reading it ({type(error).__name__}: {error})"
        )


def _process(job: FileJob) -> FileResult:
    source = Path(job.source_path)
    info = source.stat()
    if info.st_size == 0:
        return Failed(job.item_id, "the file is empty (0 bytes)")
    if info.st_size > MAX_FILE_BYTES:
        return Failed(
            job.item_id,
            f"the file is {info.st_size / (1 << 30):.1f} GB, far larger than any photo "
            "(the limit is 1 GB)",
        )
    data = source.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    format_name = formats.sniff(data[:32])
    name_extension = source.suffix.lower().lstrip(".")
    if format_name is None:
        if name_extension in formats.PICTURE_EXTENSIONS:
            return Failed(
                job.item_id, f"the name says .{name_extension} but the content is not an image"
            )
        return NotAPhoto(job.item_id, "not a photo (the file holds no image)")

    image = open_image(data)
    extension = formats.extension_for(image.format or format_name)
    final = job.layout.original_path(sha256, extension)
    if final.exists() and not job.adopt and job.layout.thumbnail_path(sha256).exists():
        return AlreadyStored(job.item_id, sha256)

    metadata = read_metadata(data, image, info.st_mtime)
    renditions = make_renditions(image, metadata.orientation, preview=False)
    if renditions.preview_jpeg is not None:
        files.write_atomic(job.layout.preview_path(sha256), renditions.preview_jpeg)
    files.write_atomic(job.layout.thumbnail_path(sha256), renditions.thumbnail_jpeg)

    in_incoming = not final.exists()
    if in_incoming:
        _copy_verified(data, job.layout.incoming_path(sha256, extension))
    elif files.sha256_of_file(final) != sha256:
        return Failed(job.item_id, "the copy already in the archive is damaged; run `check`")

    note = ""
    if name_extension and not formats.names_agree(name_extension, image.format or ""):
        label = formats.SUPPORTED[image.format or format_name].label
        note = f"the name says .{name_extension} but it is a {label} image; stored as .{extension}"
    facts = NewPhoto(
        sha256=sha256,
        file_name=files.display_name(source.name),
        extension=extension,
        format=image.format or format_name,
        size_bytes=info.st_size,
        width=renditions.display_width,
        height=renditions.display_height,
        orientation=metadata.orientation,
        taken_at=metadata.taken_at,
        taken_at_source=metadata.taken_at_source,
        camera_make=metadata.camera_make,
        camera_model=metadata.camera_model,
        iptc_caption=metadata.iptc_caption,
        iptc_keywords=metadata.iptc_keywords,
        location=metadata.location,
    )
    return Processed(job.item_id, facts, in_incoming=in_incoming, note=note)


def _copy_verified(data: bytes, destination: Path) -> None:
    """Write the original, then read it back: a copy is only kept if it holds exactly the bytes
    that were hashed. Comparing every byte proves the copy's SHA-256 without computing it
    again, which would cost as much as the hash of the source did."""
    files.write_atomic(destination, data, read_only=True)
    if not files.holds_exactly(destination, data):
        files.remove_file(destination)
        raise OSError(0, "the copy written to the archive did not match the original")


def worker_initialise() -> None:
    """Run once in each worker process.

    Ctrl-C is left to the parent, which cancels the batch cleanly; workers yield the CPU to
    the window a little, so the app stays responsive during an import.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        os.nice(2)
