"""Where an export goes, and putting it there all at once.

Everything is written into a hidden temporary folder beside the destination; only a complete,
recorded export is renamed into place. A cancelled or failed export leaves nothing behind.
"""

import contextlib
import os
import shutil
import uuid
import zipfile
from pathlib import Path

from quiltarchive.errors import InvalidInput
from quiltarchive.export.texts import slugify

STORED = {".jpg", ".jpeg", ".png", ".zip"}  # already compressed: stored as they are in a zip


def choose_destination(to: str | os.PathLike[str], collection_name: str, kind: str) -> Path:
    """`to` itself when it does not exist yet; inside it (as `name-kind`, `-2`, `-3`…) when it
    is an existing folder, such as a USB stick."""
    target = Path(to).expanduser().absolute()
    if target.exists():
        if not target.is_dir():
            raise InvalidInput(f"{target} is a file; choose a folder to export into.")
        base = f"{slugify(collection_name, 'collection')}-{kind}"
        candidate, number = target / base, 2
        while candidate.exists() or zip_path_for(candidate).exists():
            candidate, number = target / f"{base}-{number}", number + 1
        return candidate
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist.")
    if zip_path_for(target).exists():
        raise InvalidInput(f"{zip_path_for(target)} already exists; choose another name.")
    return target


def zip_path_for(folder: Path) -> Path:
    return folder.with_name(folder.name + ".zip")


def staging_folder(final: Path) -> Path:
    """A hidden, uniquely named folder beside `final`, on the same disk so a rename moves it."""
    staging = final.with_name(f".{final.name}.partial-{uuid.uuid4().hex[:10]}")
    staging.mkdir()
    return staging


def write_zip(folder: Path, final: Path) -> Path:
    """A zip of `folder` whose entries sit under `final.name/`, written to a temporary name."""
    temporary = final.with_name(f".{final.name}.zip.partial-{uuid.uuid4().hex[:10]}")
    with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            relative = path.relative_to(folder).as_posix()
            method = zipfile.ZIP_STORED if path.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
            archive.write(path, f"{final.name}/{relative}", compress_type=method)
    return temporary


def remove_quietly(path: Path | None) -> None:
    if path is None:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
