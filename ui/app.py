"""Starting the desktop application: `quiltarchive-gui [--archive PATH]`."""

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.locations import chosen_archive_path, default_archive_path
from ui.main_window import MainWindow

LAST_ARCHIVE_KEY = "archive/last"


def archive_to_open(explicit: str | None, settings: QSettings) -> Path:
    """An explicit choice, else the last archive opened, else the default archive."""
    if explicit:
        return chosen_archive_path(explicit)
    last = settings.value(LAST_ARCHIVE_KEY)
    if last and Path(str(last)).joinpath("archive.sqlite").is_file():
        return Path(str(last))
    return chosen_archive_path(None)


def open_or_create(path: Path) -> Archive:
    if path.joinpath("archive.sqlite").is_file():
        return Archive.open(path)
    if path == default_archive_path() or not path.exists() or not any(path.iterdir()):
        return Archive.create(path)
    return Archive.open(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quiltarchive-gui")
    parser.add_argument("--archive", help="the archive folder to open")
    arguments, qt_arguments = parser.parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_arguments])
    app.setOrganizationName("QuiltArchive")
    app.setApplicationName("QuiltArchive")
    settings = QSettings()
    path = archive_to_open(arguments.archive, settings)
    try:
        archive = open_or_create(path)
    except QuiltArchiveError as error:
        QMessageBox.critical(None, "QuiltArchive", str(error))
        return 1
    settings.setValue(LAST_ARCHIVE_KEY, str(archive.layout.root))
    window = MainWindow(archive)
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()


if __name__ == "__main__":
    sys.exit(main())
