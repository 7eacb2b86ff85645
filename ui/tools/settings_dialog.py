"""Archive → Archive Settings: the age under which a guardian must give consent, and who
publishes the archive's exports. Saved as one undoable edit, on the audit trail."""

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from ui.dialogs.form_parts import save_cancel
from ui.edits import Edits
from ui.style import mark


class ArchiveSettingsDialog(QDialog):
    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self.setWindowTitle(self.tr("Archive settings"))
        self.setAccessibleName(self.tr("Archive settings"))
        settings = archive.settings
        self.consent_age = QSpinBox(self)
        self.consent_age.setAccessibleName(self.tr("Age under which a guardian must consent"))
        self.consent_age.setRange(1, 25)
        self.consent_age.setValue(settings.guardian_consent_age())
        self.consent_age.setSuffix(self.tr(" years"))
        self.organisation = QLineEdit(settings.organisation(), self)
        self.organisation.setAccessibleName(self.tr("Organisation publishing the exports"))
        self.organisation.setPlaceholderText(self.tr("for example Barnet Council Libraries"))
        self.organisation.setMaxLength(200)
        self.policy_url = QLineEdit(settings.policy_url(), self)
        self.policy_url.setAccessibleName(self.tr("Address of the image-use policy"))
        self.policy_url.setPlaceholderText(self.tr("for example https://example.org/image-use"))
        form = QFormLayout()
        form.addRow(self.tr("A guardian consents for anyone &under"), self.consent_age)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("Image-use &policy"), self.policy_url)
        explanation = QLabel(
            self.tr(
                "The organisation is named on exported galleries and in rights notices; the "
                "policy's address is written into the metadata of exported photos. Changing "
                "the age changes, at once, which consents count for every photo."
            ),
            self,
        )
        explanation.setWordWrap(True)
        mark(explanation, "role", "hint")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Problem with the settings"))
        mark(self.error, "role", "error")
        self.error.hide()
        buttons, self.save_button = save_cancel(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(explanation)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def save(self) -> None:
        outcome = self._edits.set_archive_settings(
            guardian_consent_age=self.consent_age.value(),
            organisation=self.organisation.text(),
            policy_url=self.policy_url.text(),
        )
        if outcome.ok:
            self.accept()
            return
        self.error.setText(outcome.error)
        self.error.show()
