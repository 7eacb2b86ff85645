"""Help → About QuiltArchive."""

import importlib.metadata
from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget, archive_folder: str, user: str) -> QMessageBox:
    try:
        version = importlib.metadata.version("quiltarchive")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    text = parent.tr(
        "<h3>QuiltArchive {0}</h3>"
        "<p>Keeps the Connecting Communities campaign's photographs, quilt patches and "
        "residents' stories together with the consent that governs them.</p>"
        "<p><b>Nothing leaves the archive that its people did not agree to.</b></p>"
        "<p>Archive: {1}<br>Your name on the audit trail: {2}</p>"
    ).format(escape(version), escape(archive_folder), escape(user))
    box = QMessageBox(parent)
    box.setWindowTitle(parent.tr("About QuiltArchive"))
    box.setText(text)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.open()
    return box
