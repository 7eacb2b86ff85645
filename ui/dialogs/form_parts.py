"""Pieces every record dialog shares: the line that says what is wrong, and Save / Cancel."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton

ERROR_COLOUR = "#a32020"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FormParts", text)


def problem_label(parent: QDialog) -> QLabel:
    """Where a dialog says, in plain words, why it could not save (empty until then)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setAccessibleName(_tr("Problem"))
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    return label


def save_cancel(
    dialog: QDialog, on_save: Callable[[], object] | None = None
) -> tuple[QDialogButtonBox, QPushButton]:
    """Save and Cancel: Save calls `on_save` (or accepts the dialog), Cancel rejects it.
    Returns the box and its Save button."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setAccessibleName(_tr("Save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_tr("Cancel"))
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, save


def close_only(dialog: QDialog) -> QDialogButtonBox:
    """A single Close button for windows that only show things."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(_tr("Close"))
    buttons.rejected.connect(dialog.reject)
    return buttons
