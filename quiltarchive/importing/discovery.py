"""Finding the files to import under the paths a user chose, camera cards included."""

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Files systems and other programs leave on cards and sticks; never the user's photos.
SYSTEM_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".localized", "ehthumbs.db"})
SYSTEM_FOLDERS = frozenset(
    {
        ".trashes",
        ".spotlight-v100",
        ".fseventsd",
        ".temporaryitems",
        "system volume information",
        "$recycle.bin",
        ".thumbnails",
    }
)
NOT_PHOTOS = {
    **dict.fromkeys(
        ["mov", "mp4", "m4v", "avi", "mts", "m2ts", "3gp", "mkv", "wmv", "mpg", "mpeg"],
        "a video, not a photo",
    ),
    **dict.fromkeys(
        [
            "cr2",
            "cr3",
            "nef",
            "nrw",
            "arw",
            "srf",
            "sr2",
            "dng",
            "orf",
            "rw2",
            "raf",
            "pef",
            "srw",
            "x3f",
        ],
        "a camera RAW file; import the camera's JPEG of it instead",
    ),
    **dict.fromkeys(
        ["xmp", "thm", "aae", "xml", "json", "txt", "csv", "lrv", "wav", "ctg", "ind", "dat"],
        "a camera or editor's side file, not a photo",
    ),
}


@dataclass(frozen=True, slots=True)
class Found:
    """A file to import, or one to report as skipped or failed without reading it."""

    path: str
    skip_reason: str = ""
    failure_reason: str = ""


def discover(sources: Iterable[str | os.PathLike[str]]) -> Iterator[Found]:
    """Every file under the sources, in a stable order, each once; links followed safely."""
    seen_files: set[tuple[int, int]] = set()
    for source in sources:
        path = Path(source).expanduser()
        if path.is_symlink() and not path.exists():
            yield Found(str(path), failure_reason="the link points to a file that does not exist")
        elif path.is_dir():
            yield from _walk(path, seen_files)
        elif path.is_file():
            found = _classify(path, seen_files)
            if found is not None:
                yield found
        elif not path.exists():
            yield Found(str(path), failure_reason="there is no file or folder with this name")
        else:
            yield Found(str(path), skip_reason="not a regular file")


def _walk(root: Path, seen_files: set[tuple[int, int]]) -> Iterator[Found]:
    visited_folders: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError as error:
            yield Found(str(folder), failure_reason=f"the folder cannot be read ({error.strerror})")
            continue
        key = (info.st_dev, info.st_ino)
        if key in visited_folders:
            yield Found(
                str(folder),
                skip_reason="a link back to a folder already being imported (a symlink loop)",
            )
            continue
        visited_folders.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            yield Found(str(folder), failure_reason=f"the folder cannot be read ({error.strerror})")
            continue
        subfolders: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.lower() in SYSTEM_FOLDERS and entry.is_dir():
                continue
            if entry.is_symlink() and not path.exists():
                yield Found(
                    str(path), failure_reason="the link points to a file that does not exist"
                )
            elif entry.is_dir(follow_symlinks=True):
                subfolders.append(path)
            elif entry.is_file(follow_symlinks=True):
                found = _classify(path, seen_files)
                if found is not None:
                    yield found
        stack.extend(reversed(subfolders))


def _classify(path: Path, seen_files: set[tuple[int, int]]) -> Found | None:
    name = path.name
    if name.lower() in SYSTEM_FILES:
        return None
    try:
        info = path.stat()
    except OSError as error:
        return Found(str(path), failure_reason=f"the file cannot be read ({error.strerror})")
    key = (info.st_dev, info.st_ino)
    if key in seen_files:
        return None
    seen_files.add(key)
    if name.startswith("._"):
        return Found(
            str(path),
            skip_reason="a macOS metadata file (an AppleDouble “._” file), not a photo",
        )
    extension = path.suffix.lower().lstrip(".")
    if extension in NOT_PHOTOS:
        return Found(str(path), skip_reason=NOT_PHOTOS[extension])
    return Found(str(path))
