"""Recording a person, or changing what is recorded about them."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiltarchive import clock
from quiltarchive.model.person import AgeBand, Credit, Person
from ui import text
from ui.dialogs.form_parts import problem_label, save_cancel
from ui.edits import Edits


class PersonDialog(QDialog):
    saved = Signal(object)  # the Person as recorded

    def __init__(
        self, edits: Edits, person: Person | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._edits, self._person = edits, person
        title = (
            self.tr("New person")
            if person is None
            else self.tr("Details of {0}").format(person.name)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.name = QLineEdit(person.name if person else "", self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("As they gave it, or a description"))
        self.credit = QComboBox(self)
        self.credit.setAccessibleName(self.tr("How they want to be credited"))
        for value in Credit:
            self.credit.addItem(text.credit(value), value.value)
        self.age_kind = QComboBox(self)
        self.age_kind.setAccessibleName(self.tr("What is known about their age"))
        self.age_kind.addItem(self.tr("Not known (treated as a child)"), "none")
        self.age_kind.addItem(self.tr("Year of birth"), "year")
        self.age_kind.addItem(self.tr("Age band"), "band")
        self.birth_year = QSpinBox(self)
        self.birth_year.setAccessibleName(self.tr("Year of birth"))
        self.birth_year.setRange(1900, clock.today().year)
        self.birth_year.setValue(clock.today().year - 30)
        self.band = QComboBox(self)
        self.band.setAccessibleName(self.tr("Age band"))
        self.band.addItem(self.tr("Child (under 13)"), AgeBand.CHILD.value)
        self.band.addItem(self.tr("Teenager (13–17)"), AgeBand.TEEN.value)
        self.band.addItem(self.tr("Adult"), AgeBand.ADULT.value)
        self.do_not_identify = QCheckBox(
            self.tr("Do not identify: never recognisable in anything that leaves the archive"), self
        )
        self.do_not_identify.setAccessibleName(self.tr("Do not identify"))
        self.notes = QPlainTextEdit(person.notes if person else "", self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.error = problem_label(self)
        buttons, self.save_button = save_cancel(self)

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Credit"), self.credit)
        form.addRow(self.tr("A&ge"), self.age_kind)
        form.addRow(self.tr("&Year of birth"), self.birth_year)
        form.addRow(self.tr("Age &band"), self.band)
        form.addRow(self.do_not_identify)
        form.addRow(self.tr("N&otes"), self.notes)
        self._form = form
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.age_kind.currentIndexChanged.connect(self._age_kind_changed)
        if person is not None:
            self.credit.setCurrentIndex(self.credit.findData(person.credit.value))
            self.do_not_identify.setChecked(person.do_not_identify)
            if person.birth_year is not None:
                self.age_kind.setCurrentIndex(1)
                self.birth_year.setValue(person.birth_year)
            elif person.age_band is not None:
                self.age_kind.setCurrentIndex(2)
                self.band.setCurrentIndex(self.band.findData(person.age_band.value))
        self._age_kind_changed()
        self.resize(520, self.sizeHint().height())

    def _age_kind_changed(self, _index: int = 0) -> None:
        kind = self.age_kind.currentData()
        self._form.setRowVisible(self.birth_year, kind == "year")
        self._form.setRowVisible(self.band, kind == "band")

    def fields(self) -> dict:
        kind = self.age_kind.currentData()
        return {
            "name": self.name.text().strip(),
            "credit": Credit(self.credit.currentData()),
            "birth_year": self.birth_year.value() if kind == "year" else None,
            "age_band": AgeBand(self.band.currentData()) if kind == "band" else None,
            "do_not_identify": self.do_not_identify.isChecked(),
            "notes": self.notes.toPlainText().strip(),
        }

    def accept(self) -> None:
        fields = self.fields()
        if self._person is None:
            name = fields.pop("name")
            outcome = self._edits.add_person(name, **fields)
        else:
            changes = {
                key: value for key, value in fields.items() if getattr(self._person, key) != value
            }
            if not changes:
                super().accept()
                return
            outcome = self._edits.update_person(self._person.id, **changes)
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.saved.emit(outcome.result)
