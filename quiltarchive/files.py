"""Writing files so that a crash never leaves a torn one: a temporary name, then a rename."""

import contextlib
import hashlib
import os
import stat
import uuid
from pathlib import Path


def temporary_sibling(path: Path) -> Path:
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")


def display_name(path: str) -> str:
    """A file name or path as text fit to show, print and store. On Linux a name is any bytes;
    those that are not UTF-8 (from an old camera or another system) appear as `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def write_atomic(path: Path, data: bytes, *, read_only: bool = False) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = temporary_sibling(path)
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        if read_only:
            make_read_only(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IWUSR | stat.S_IRUSR)
            temporary.unlink()
        raise


def make_read_only(path: Path) -> None:
    mode = os.stat(path).st_mode
    os.chmod(path, mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def remove_file(path: Path) -> None:
    """Delete a file even if it was made read-only; a missing file is not an error."""
    with contextlib.suppress(FileNotFoundError):
        os.chmod(path, stat.S_IWUSR | stat.S_IRUSR)
        path.unlink()


def sha256_of_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def holds_exactly(path: Path, data: bytes) -> bool:
    """Whether the file at `path` holds `data` and nothing else, read back from the file."""
    with open(path, "rb") as handle:
        if os.fstat(handle.fileno()).st_size != len(data):
            return False
        return handle.read() == data
