"""Quilt patches: where the patches and their makers' stories will be kept."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PatchesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Patches"))
        heading = QLabel(self.tr("Patches"), self)
        heading.setProperty("role", "heading")
        message = QLabel(
            self.tr(
                "Quilt patches and their makers' stories are not kept in this archive yet.\n\n"
                "When they are, each patch will appear here with its maker, its story and "
                "whether the maker's consent lets it be shown."
            ),
            self,
        )
        message.setProperty("role", "empty")
        message.setWordWrap(True)
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(heading)
        layout.addWidget(message, 1)
