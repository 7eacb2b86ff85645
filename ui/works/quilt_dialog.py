"""Recording a new quilt: its name, its grid of rows × columns, and notes."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.works.quilts import MAX_SIDE
from ui.dialogs.form_parts import problem_label, save_cancel
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
        self.error = problem_label(self)
        buttons, self.save_button = save_cancel(self)
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
