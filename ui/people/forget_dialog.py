"""Erasure (the right to be forgotten): says exactly what will happen, asks for the person's name
to be typed before anything is done, then erases in the background through the same core
function as `quiltarchive person forget`."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.erasure import ErasurePlan, ErasureReport, erase_person, plan_erasure
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.name_forms import fold
from ui import text
from ui.background import run_task
from ui.dialogs.form_parts import problem_label
from ui.style import mark


class ForgetDialog(QDialog):
    forgotten = Signal(object)  # ErasureReport

    def __init__(self, archive: Archive, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.plan: ErasurePlan = plan_erasure(archive, person_id)
        self.running = False
        name = self.plan.name
        title = self.tr("Forget {0}").format(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        heading = QLabel(title, self)
        heading.setProperty("role", "heading")
        self.what = QLabel(self)
        self.what.setTextFormat(Qt.TextFormat.RichText)
        self.what.setWordWrap(True)
        self.what.setAccessibleName(self.tr("What will happen"))
        self.what.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        count = len(self.plan.photo_ids)
        self.delete_photos = QCheckBox(
            self.tr("&Delete those photos instead of withholding them (the original files too)"),
            self,
        )
        self.delete_photos.setAccessibleName(self.tr("Delete their photos instead of withholding"))
        self.delete_photos.setVisible(count > 0)
        self.delete_photos.toggled.connect(self._describe)
        prompt = QLabel(self.tr("To confirm, type their name: {0}").format(name), self)
        prompt.setWordWrap(True)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("Type the person's name to confirm"))
        self.typed.textChanged.connect(self._update)
        prompt.setBuddy(self.typed)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Erasure in progress"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.error = problem_label(self)

        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(
            self.tr("Forget {0}").format(name), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setAccessibleName(self.tr("Forget this person"))
        mark(self.confirm, "danger")
        self.cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.what)
        layout.addWidget(self.delete_photos)
        layout.addWidget(prompt)
        layout.addWidget(self.typed)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(580, 480)
        self._describe()
        self._update()
        self.typed.setFocus()

    def _describe(self) -> None:
        plan, name = self.plan, self.plan.name
        photos = text.photos(len(plan.photo_ids))
        items = [
            self.tr("Their record — name, age, credit, notes and guardians — is removed."),
            self.tr("Their {0} and {1} of signed forms are removed.").format(
                text.count(plan.consents, self.tr("1 consent"), self.tr("{0} consents")),
                text.count(plan.consent_forms, self.tr("1 scan"), self.tr("{0} scans")),
            ),
        ]
        if plan.given_for:
            items.append(
                self.tr(
                    "The consents they gave as a guardian for {0} are removed: those photos "
                    "will need new consent."
                ).format(", ".join(plan.given_for))
            )
        if not plan.photo_ids:
            items.append(self.tr("They cannot be recognised in any photo."))
        elif self.delete_photos.isChecked():
            items.append(
                self.tr("They can be recognised in {0}: deleted, original files too.").format(
                    photos
                )
            )
        else:
            items.append(
                self.tr(
                    "They can be recognised in {0}: withheld, so never used outside the "
                    "archive. Where they were, an unknown person is recorded."
                ).format(photos)
            )
        if plan.patches:
            items.append(
                self.tr(
                    "Patches they made ({0}) stay, with no maker and without their story."
                ).format(plan.patches)
            )
        if plan.stories:
            items.append(self.tr("Stories they told ({0}) are deleted.").format(plan.stories))
        items.append(
            self.tr(
                "Their name is taken out of captions, notes and the search index, and older "
                "backups of the catalogue that hold them are deleted."
            )
        )
        items.append(self.tr("The audit trail keeps only that an erasure happened."))
        listed = "".join(f"<li>{escape(item)}</li>" for item in items)
        warning = escape(self.tr("This cannot be undone."))
        self.what.setText(
            f"<p>{escape(self.tr('If you forget {0}:').format(name))}</p>"
            f"<ul>{listed}</ul><p><b>{warning}</b></p>"
        )

    def name_confirmed(self) -> bool:
        typed = " ".join(self.typed.text().split())
        return bool(typed) and fold(typed) == fold(" ".join(self.plan.name.split()))

    def _update(self) -> None:
        self.confirm.setEnabled(not self.running and self.name_confirmed())
        for control in (self.typed, self.delete_photos, self.cancel):
            control.setEnabled(not self.running)

    def accept(self) -> None:
        if self.running or not self.name_confirmed():
            return
        self.running = True
        self.error.clear()
        self.progress.setVisible(True)
        self._update()
        archive, person_id = self._archive, self.plan.person_id
        delete = self.delete_photos.isChecked()
        run_task(
            lambda: erase_person(archive, person_id, delete_photos=delete),
            self._done,
            self._failed,
            owner=self,
        )

    def _done(self, report: ErasureReport) -> None:
        self.running = False
        self.progress.setVisible(False)
        super().accept()
        self.forgotten.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.progress.setVisible(False)
        if isinstance(error, (QuiltArchiveError, OSError)):
            self.error.setText(str(error))
        else:
            self.error.setText(self.tr("Something unexpected went wrong ({0}).").format(error))
        self._update()

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
