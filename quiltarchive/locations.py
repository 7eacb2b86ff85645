"""Where the default archive lives, and how a command chooses an archive."""

import os
from pathlib import Path

import platformdirs

APP_NAME = "QuiltArchive"
ARCHIVE_ENVIRONMENT_VARIABLE = "QUILTARCHIVE_ARCHIVE"


def default_archive_path() -> Path:
    """The archive in the user's data folder, used when no other is chosen."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "Archive"


def chosen_archive_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """An explicit path wins, then `QUILTARCHIVE_ARCHIVE`, then the default archive."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(ARCHIVE_ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return default_archive_path()
