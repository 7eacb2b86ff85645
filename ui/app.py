"""Starting the desktop application: `quiltarchive-gui [--archive PATH] [--user NAME]`.

With no archive given it opens the last one used, else the default archive (created if it
does not exist yet). The name recorded on the audit trail is asked for once and remembered.
"""

import argparse
import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from quiltarchive.archive import USER_ENVIRONMENT_VARIABLE, Archive
from quiltarchive.errors import ArchiveLocked, QuiltArchiveError
from quiltarchive.locations import chosen_archive_path, default_archive_path
from quiltarchive.resources import resources_root
from ui import background, settings
from ui.dialogs.user_name import UserNameDialog
from ui.resources import icon, stylesheet
from ui.window.main_window import MainWindow

# Background threads run Python too; a short switch interval keeps each wait of the GUI thread
# for the interpreter lock to about a millisecond, so painting never stalls behind them.
SWITCH_INTERVAL_S = 0.001
# Fewer, cheaper collections: the young generation is collected every 20,000 allocations rather
# than 700, and what the window holds for its lifetime is moved out of the collector's way
# once it is built (see `Application.open`).
GC_THRESHOLDS = (20_000, 50, 50)


def configure_application(app: QApplication) -> None:
    app.setOrganizationName("QuiltArchive")
    app.setApplicationName("QuiltArchive")
    app.setApplicationDisplayName("QuiltArchive")
    app.setWindowIcon(icon("app"))
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    gc.set_threshold(*GC_THRESHOLDS)
    install_translations(app)


def install_translations(app: QApplication) -> None:
    """Qt's own words (standard buttons) and the app's, in the user's language when a
    translation exists in resources/translations/ (quiltarchive_<language>.qm)."""
    if app.property("translations_installed"):
        return
    app.setProperty("translations_installed", True)
    locale = QLocale()
    qt_words = QTranslator(app)
    if qt_words.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_words)
    folder = resources_root() / "translations"
    ours = QTranslator(app)
    if folder.is_dir() and ours.load(locale, "quiltarchive", "_", str(folder)):
        app.installTranslator(ours)


def archive_to_open(explicit: str | None, qsettings: QSettings | None = None) -> Path:
    """An explicit choice, else the last archive opened, else the default archive."""
    if explicit:
        return chosen_archive_path(explicit)
    if os.environ.get("QUILTARCHIVE_ARCHIVE"):
        return chosen_archive_path(None)
    last = settings.LAST_ARCHIVE.read(qsettings)
    if last and Path(last).joinpath("archive.sqlite").is_file():
        return Path(last)
    return default_archive_path()


def ask_user_name(parent: QWidget | None = None) -> str:
    dialog = UserNameDialog(settings.USER_NAME.read(), parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen():
        return ""
    settings.USER_NAME.write(dialog.chosen())
    return dialog.chosen()


class Application(QObject):
    """Owns the open archive and its window; switches archives on request."""

    def __init__(self, user: str) -> None:
        super().__init__()
        self.user = user
        self.archive: Archive | None = None
        self.window: MainWindow | None = None

    def open(self, path: Path, *, create: bool = False) -> bool:
        try:
            archive = self._open_archive(path, create=create)
        except QuiltArchiveError as error:
            QMessageBox.critical(self.window, "QuiltArchive", str(error))
            return False
        if archive is None:
            return False
        self.close()
        self.archive = archive
        settings.remember_archive(str(archive.layout.root))
        self.window = MainWindow(archive)
        self.window.archive_requested.connect(self._switch)
        self.window.menu_actions.user_name.triggered.connect(self._change_user)
        self._fill_recent()
        self.window.show()
        gc.freeze()
        return True

    def _open_archive(self, path: Path, *, create: bool) -> Archive | None:
        if not path.joinpath("archive.sqlite").is_file():
            empty = not path.exists() or (path.is_dir() and not any(path.iterdir()))
            if create or empty or path == default_archive_path():
                return Archive.create(path, user=self.user)
        try:
            return Archive.open(path, user=self.user)
        except ArchiveLocked as error:
            answer = QMessageBox.question(
                self.window,
                "QuiltArchive",
                QApplication.translate(
                    "Application", "{0}\n\nOpen it for reading only meanwhile?"
                ).format(error),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
            return Archive.open(path, writable=False, user=self.user)

    def close(self) -> None:
        if self.window is not None:
            window, self.window = self.window, None
            window.archive_requested.disconnect()
            window.close()
            window.deleteLater()
        background.drain()
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def _switch(self, request: str) -> None:
        parent = self.window
        if request == "new":
            chosen = QFileDialog.getExistingDirectory(
                parent, QApplication.translate("Application", "An empty folder for the new archive")
            )
            if chosen:
                self.open(Path(chosen), create=True)
        elif request == "open":
            chosen = QFileDialog.getExistingDirectory(
                parent, QApplication.translate("Application", "The archive folder to open")
            )
            if chosen:
                self.open(Path(chosen))
        else:
            self.open(Path(request))

    def _fill_recent(self) -> None:
        if self.window is None:
            return
        menu = self.window.menu_actions.recent
        menu.clear()
        current = str(self.archive.layout.root) if self.archive else ""
        for path in settings.RECENT_ARCHIVES.read():
            if path == current:
                continue
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self._switch(p))
        menu.setEnabled(not menu.isEmpty())

    def _change_user(self) -> None:
        name = ask_user_name(self.window)
        if name and self.archive is not None:
            self.user = name
            self.archive.user = name  # every later change is recorded under the new name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="quiltarchive-gui", description=__doc__)
    parser.add_argument("--archive", help="the archive folder to open")
    parser.add_argument("--user", help="the name recorded on the audit trail")
    arguments, qt_arguments = parser.parse_known_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0], *qt_arguments])
    configure_application(app)
    user = (
        (arguments.user or "").strip()
        or os.environ.get(USER_ENVIRONMENT_VARIABLE, "").strip()
        or settings.USER_NAME.read()
        or ask_user_name()
    )
    if not user:
        return 1
    application = Application(user)
    if not application.open(archive_to_open(arguments.archive)):
        return 1
    try:
        return app.exec()
    finally:
        application.close()


if __name__ == "__main__":
    sys.exit(main())
