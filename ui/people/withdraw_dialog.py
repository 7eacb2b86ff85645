"""Recording a withdrawal, after showing what it affects: the photos, the collections that hold
them and the past exports to recall. Nothing is recorded until the librarian confirms."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.impact import CollectionImpact, Impact, withdrawal_impact
from quiltarchive.model.consent import Consent
from ui import text
from ui.consent_status import use_name
from ui.dialogs.form_parts import problem_label
from ui.edits import Edits
from ui.people.consent_dialog import pydate, qdate
from ui.style import mark


class WithdrawDialog(QDialog):
    withdrawn = Signal(object)  # the Consent, now withdrawn

    def __init__(
        self, archive: Archive, edits: Edits, consent: Consent, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._edits, self._consent = edits, consent
        person = archive.people.get(consent.person_id)
        title = self.tr("Withdraw consent of {0}").format(person.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.impact: Impact = withdrawal_impact(archive, consent.person_id)

        summary = QLabel(
            self.tr("Consent given on {0} for: {1}.").format(
                text.day(consent.given_on),
                ", ".join(use_name(use) for use in sorted(consent.uses)),
            ),
            self,
        )
        summary.setWordWrap(True)
        self.on = QDateEdit(qdate(clock.today()), self)
        self.on.setAccessibleName(self.tr("Withdrawn on"))
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("yyyy-MM-dd")
        self.on.setMaximumWidth(150)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("for example: asked at the library desk"))
        self.impact_text = QLabel(self._impact_html(self.impact), self)
        self.impact_text.setTextFormat(Qt.TextFormat.RichText)
        self.impact_text.setWordWrap(True)
        self.impact_text.setAccessibleName(self.tr("What this withdrawal affects"))
        self.impact_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.impact_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.impact_text.setContentsMargins(10, 8, 10, 8)
        self.impact_text.setObjectName("impact")
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setWidget(self.impact_text)
        scroller.setMinimumHeight(180)
        self.error = problem_label(self)

        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(
            self.tr("Record withdrawal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setAccessibleName(self.tr("Record withdrawal"))
        mark(self.confirm, "danger")
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Withdrawn on"), self.on)
        form.addRow(self.tr("&Note"), self.note)
        heading = QLabel(title, self)
        heading.setProperty("role", "heading")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addLayout(form)
        heading = QLabel(self.tr("What this affects"), self)
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(600, 520)
        self.note.setFocus()

    def _held(self, held: CollectionImpact) -> str:
        parts = [text.photos(len(held.photo_ids))] if held.photo_ids else []
        if held.patch_ids:
            parts.append(self.tr("%n patch(es)", "", len(held.patch_ids)))
        if held.story_ids:
            parts.append(self.tr("%n story(ies)", "", len(held.story_ids)))
        return ", ".join(parts)

    def _impact_html(self, impact: Impact) -> str:
        parts = [
            "<p>"
            + escape(
                self.tr(
                    "{0} can be recognised in {1}. From the withdrawal date on, their photos may "
                    "not be used for what this consent covered."
                ).format(impact.name, text.photos(len(impact.photo_ids)))
            )
            + "</p>"
        ]
        if impact.nothing_to_recall:
            parts.append(
                "<p>"
                + escape(
                    self.tr(
                        "No collection holds them and no past export showed them: "
                        "nothing to recall."
                    )
                )
                + "</p>"
            )
            return "".join(parts)
        if impact.collections:
            items = "".join(
                f"<li>{escape(c.name)} — {escape(self._held(c))}</li>" for c in impact.collections
            )
            parts.append(
                f"<p><b>{escape(self.tr('Collections holding {0}').format(impact.name))}</b></p>"
                f"<ul>{items}</ul>"
            )
        if impact.publications:
            items = "".join(
                "<li>"
                + escape(
                    self.tr("{0} of “{1}” for {2}, made {3}, at {4}").format(
                        p.kind.capitalize(),
                        p.collection_name or "—",
                        p.use,
                        p.decided_on,
                        p.destination,
                    )
                )
                + "<br>"
                + escape(
                    self.tr("Files showing them: {0}").format(
                        ", ".join(f.file_name for f in p.files)
                    )
                )
                + "</li>"
                for p in impact.publications
            )
            parts.append(
                f"<p><b>{escape(self.tr('Past exports to recall'))}</b></p><ul>{items}</ul>"
            )
        return "".join(parts)

    def accept(self) -> None:
        outcome = self._edits.withdraw_consent(
            self._consent.id, pydate(self.on.date()), self.note.text()
        )
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.withdrawn.emit(outcome.result)
