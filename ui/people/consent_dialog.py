"""The consent form, laid out like the paper one: who gave it and when, the uses ticked, the
credit wanted, the story permission, the expiry, and the scan of the signed form."""

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.model.consent import Consent, ConsentMethod, Use
from quiltarchive.model.person import Credit, Person
from ui import text
from ui.consent_status import use_name
from ui.dialogs.form_parts import problem_label
from ui.edits import Edits
from ui.style import mark


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ConsentDialog(QDialog):
    recorded = Signal(object)  # the core's Recorded (consent and warnings)

    def __init__(
        self,
        archive: Archive,
        edits: Edits,
        person: Person,
        *,
        supersedes: Consent | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._archive, self._edits, self._person = archive, edits, person
        title = self.tr("Consent form for {0}").format(person.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        self.given_by = QComboBox(self)
        self.given_by.setAccessibleName(self.tr("Given by"))
        self.given_on = QDateEdit(qdate(clock.today()), self)
        self.given_on.setAccessibleName(self.tr("Date given"))
        self.given_on.setCalendarPopup(True)
        self.given_on.setDisplayFormat("yyyy-MM-dd")
        self.given_on.setMaximumWidth(150)
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("How it was given"))
        for method, label in (
            (ConsentMethod.PAPER, self.tr("Signed paper form")),
            (ConsentMethod.DIGITAL, self.tr("Digital form")),
            (ConsentMethod.VERBAL_WITNESSED, self.tr("Spoken, with a witness")),
        ):
            self.method.addItem(label, method.value)
        self.form_ref = QLineEdit(self)
        self.form_ref.setAccessibleName(self.tr("Form reference"))
        self.form_ref.setPlaceholderText(self.tr("the number on the paper form"))

        self.uses: dict[Use, QCheckBox] = {}
        uses_box = QGroupBox(self.tr("They agree to their image being used for"), self)
        uses_grid = QGridLayout(uses_box)
        for row, use in enumerate(Use):
            box = QCheckBox(use_name(use).capitalize(), uses_box)
            box.setAccessibleName(use_name(use).capitalize())
            box.setToolTip(self._use_help(use))
            box.setChecked(use is Use.ARCHIVE)
            helper = QLabel(self._use_help(use), uses_box)
            helper.setProperty("role", "hint")
            uses_grid.addWidget(box, row // 2, (row % 2) * 2)
            uses_grid.addWidget(helper, row // 2, (row % 2) * 2 + 1)
            self.uses[use] = box

        self.credit = QComboBox(self)
        self.credit.setAccessibleName(self.tr("Credit wanted"))
        self.credit.addItem(
            self.tr("As on their record ({0})").format(text.credit(person.credit)), None
        )
        for value in Credit:
            self.credit.addItem(text.credit(value), value.value)
        self.story = QCheckBox(self.tr("Their story may be published with their work"), self)
        self.story.setAccessibleName(self.tr("Story may be published"))
        self.expires = QCheckBox(self.tr("Ends on"), self)
        self.expires.setAccessibleName(self.tr("The consent has an end date"))
        self.expires_on = QDateEdit(qdate(clock.today()).addYears(2), self)
        self.expires_on.setAccessibleName(self.tr("End date"))
        self.expires_on.setCalendarPopup(True)
        self.expires_on.setDisplayFormat("yyyy-MM-dd")
        self.expires_on.setEnabled(False)
        self.expires_on.setMaximumWidth(150)
        self.expires.toggled.connect(self.expires_on.setEnabled)
        self.scan = QLineEdit(self)
        self.scan.setAccessibleName(self.tr("Scan of the signed form"))
        self.scan.setPlaceholderText(self.tr("no scan attached"))
        self.scan.setReadOnly(True)
        self.attach = QPushButton(self.tr("Attach scan…"), self)
        self.attach.setAccessibleName(self.tr("Attach scan"))
        self.attach.clicked.connect(self._choose_scan)
        self.supersedes = QComboBox(self)
        self.supersedes.setAccessibleName(self.tr("Replaces an earlier consent"))
        self.supersedes.addItem(self.tr("Nothing: this is an additional consent"), None)
        for consent in archive.consents.of_person(person.id):
            if consent.withdrawal is None:
                self.supersedes.addItem(
                    self.tr("Consent of {0} ({1})").format(
                        consent.given_on.isoformat(),
                        ", ".join(use_name(u) for u in sorted(consent.uses)),
                    ),
                    consent.id,
                )
        if supersedes is not None:
            self.supersedes.setCurrentIndex(self.supersedes.findData(supersedes.id))
            for use, box in self.uses.items():
                box.setChecked(use in supersedes.uses)
        self.error = problem_label(self)
        self._fill_givers()

        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Record consent"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setAccessibleName(self.tr("Record consent"))
        mark(self.save_button, "primary")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        heading = QLabel(self.tr("Consent form"), self)
        heading.setProperty("role", "heading")
        form = QFormLayout()
        form.setVerticalSpacing(8)
        form.addRow(self.tr("Person"), QLabel(f"<b>{escape(person.name)}</b>", self))
        form.addRow(self.tr("&Given by"), self.given_by)
        form.addRow(self.tr("&Date given"), self.given_on)
        form.addRow(self.tr("&How"), self.method)
        form.addRow(self.tr("Form &reference"), self.form_ref)
        form.addRow(uses_box)
        form.addRow(self.tr("C&redit"), self.credit)
        form.addRow("", self.story)
        ends = QHBoxLayout()
        ends.addWidget(self.expires)
        ends.addWidget(self.expires_on)
        ends.addStretch(1)
        form.addRow(self.tr("Expiry"), ends)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.attach)
        scan_label = QLabel(self.tr("&Scan"), self)
        scan_label.setBuddy(self.attach)
        form.addRow(scan_label, scan_row)
        form.addRow(self.tr("Re&places"), self.supersedes)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _use_help(self, use: Use) -> str:
        return {
            Use.ARCHIVE: self.tr("kept and viewed inside the archive"),
            Use.EXHIBITION: self.tr("shown at events and exhibitions"),
            Use.PRINT: self.tr("leaflets, posters, reports"),
            Use.WEB: self.tr("the council's website"),
            Use.SOCIAL: self.tr("the council's social media"),
            Use.PRESS: self.tr("given to newspapers, radio and TV"),
        }[use]

    def _fill_givers(self) -> None:
        person = self._person
        self.given_by.addItem(self.tr("{0} (themself)").format(person.name), person.id)
        for guardian in self._archive.people.get_many(person.guardian_ids):
            self.given_by.addItem(self.tr("{0} (guardian)").format(guardian.name), guardian.id)
        if person.guardian_ids:
            self.given_by.setCurrentIndex(1)

    def _choose_scan(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The scan of the signed form"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.heic *.webp)"),
        )
        if chosen:
            self.scan.setText(chosen)

    def chosen_uses(self) -> list[Use]:
        return [use for use, box in self.uses.items() if box.isChecked()]

    def accept(self) -> None:
        credit = self.credit.currentData()
        outcome = self._edits.record_consent(
            self._person.id,
            given_by_id=self.given_by.currentData(),
            given_on=pydate(self.given_on.date()),
            uses=self.chosen_uses(),
            method=ConsentMethod(self.method.currentData()),
            credit=Credit(credit) if credit else None,
            story=self.story.isChecked(),
            expires_on=pydate(self.expires_on.date()) if self.expires.isChecked() else None,
            form_ref=self.form_ref.text(),
            scan=Path(self.scan.text()) if self.scan.text() else None,
            supersedes_id=self.supersedes.currentData(),
        )
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.recorded.emit(outcome.result)
