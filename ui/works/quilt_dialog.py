"""Recording a new quilt: its name, its grid of rows × columns, and notes."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.works.quilts import MAX_SIDE
from ui.works.work_edits import WorkEdits


class QuiltDialog(QDialog):
    saved = Signal(object)  # the Quilt

    def __init__(self, works: WorkEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._works = works
        self.setWindowTitle(self.tr("New quilt"))
        self.setAccessibleName(self.tr("New quilt"))
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.rows = QSpinBox(self)
        self.rows.setAccessibleName(self.tr("Rows"))
        self.columns = QSpinBox(self)
        self.columns.setAccessibleName(self.tr("Columns"))
        for box in (self.rows, self.columns):
            box.setRange(1, MAX_SIDE)
            box.setValue(6)
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.error.setStyleSheet("color: #a32020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Rows"), self.rows)
        form.addRow(self.tr("&Columns"), self.columns)
        form.addRow(self.tr("N&otes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        outcome = self._works.create_quilt(
            self.name.text(), self.rows.value(), self.columns.value(), self.notes.toPlainText()
        )
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.saved.emit(outcome.result)
