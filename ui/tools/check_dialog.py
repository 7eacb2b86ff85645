"""Archive → Check Archive: originals against their hashes, consent forms, stray files, the
database and the audit trail, verified in the background and reported in plain words."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.check import CheckProgress, CheckReport, check_archive
from ui import core_words
from ui.style import mark
from ui.tools.steps import StepRunner


class CheckDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.report: CheckReport | None = None
        self.setWindowTitle(self.tr("Check archive"))
        self.setAccessibleName(self.tr("Check archive"))
        intro = QLabel(
            self.tr(
                "Reads every original photo and consent form and compares it with the "
                "fingerprint taken when it was added; looks for files nobody refers to; "
                "verifies the database and that the audit trail has not been tampered with. "
                "Nothing is changed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.quick = QCheckBox(self.tr("Quick check: only that the files are there"), self)
        self.quick.setAccessibleName(self.tr("Quick check"))
        self.start_button = QPushButton(self.tr("&Check"), self)
        self.start_button.setAccessibleName(self.tr("Start the check"))
        self.start_button.setDefault(True)
        mark(self.start_button, "primary")
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setAccessibleName(self.tr("Stop the check"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Progress of the check"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.current = QLabel(self)
        self.current.setAccessibleName(self.tr("File being checked"))
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        self.current.setMinimumWidth(420)
        self.results = QTextBrowser(self)
        self.results.setAccessibleName(self.tr("Check report"))
        self.results.setPlaceholderText(self.tr("The report appears here when the check ends."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.quick, 1)
        row.addWidget(self.stop_button)
        row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.current)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

        self.runner = StepRunner(self)
        self.runner.step.connect(self._step)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.runner.stop)

    def start(self) -> None:
        archive, verify = self._archive, not self.quick.isChecked()
        self.report = None
        self.results.clear()
        self.start_button.setEnabled(False)
        self.quick.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.current.setText(self.tr("Starting…"))
        self.runner.start(lambda: check_archive(archive, verify_hashes=verify))

    def _step(self, step: CheckProgress) -> None:
        self.progress.setRange(0, max(1, step.total))
        self.progress.setValue(step.done)
        self.current.setText(step.subject)

    def _finished(self, last: CheckProgress | None) -> None:
        self._ended()
        if last is None or last.report is None:
            self.current.setText(self.tr("Stopped before the end: nothing was found wrong so far."))
            return
        self.report = last.report
        self.current.setText("")
        self.results.setHtml(self.describe(last.report))

    def _failed(self, message: str) -> None:
        self._ended()
        self.current.setText(self.tr("The check could not be finished: {0}").format(message))

    def _ended(self) -> None:
        self.start_button.setEnabled(True)
        self.quick.setEnabled(True)
        self.stop_button.setEnabled(False)

    def describe(self, report: CheckReport) -> str:
        if report.ok:
            verdict = self.tr("All is well.")
        elif len(report.problems) == 1:
            verdict = self.tr("1 problem found.")
        else:
            verdict = self.tr("{0} problems found.").format(len(report.problems))
        parts = [
            f"<h3>{escape(verdict)}</h3>",
            "<p>"
            + escape(
                self.tr(
                    "Checked {0} photos, {1} consent forms and {2} entries of the audit trail."
                ).format(
                    f"{report.photos:,}", f"{report.consent_forms:,}", f"{report.audit_entries:,}"
                )
            )
            + "</p>",
        ]
        if report.problems:
            rows = "".join(
                "<tr>"
                f"<td style='padding:2px 8px 2px 0'><b>{escape(self._kind(p.kind))}</b></td>"
                f"<td style='padding:2px 8px 2px 0'>{escape(p.subject)}</td>"
                f"<td style='padding:2px 0'>{escape(core_words.reason(p.message))}</td></tr>"
                for p in report.problems
            )
            parts.append(f"<table>{rows}</table>")
        if report.notes:
            notes = "".join(f"<li>{escape(core_words.reason(n))}</li>" for n in report.notes)
            parts.append(f"<p>{escape(self.tr('Worth knowing:'))}</p><ul>{notes}</ul>")
        return "".join(parts)

    def _kind(self, kind: str) -> str:
        return {
            "database": self.tr("Database"),
            "original": self.tr("Original photo"),
            "consent form": self.tr("Consent form"),
            "orphan": self.tr("Stray file"),
            "audit": self.tr("Audit trail"),
        }.get(kind, kind)

    def reject(self) -> None:
        self.runner.stop()
        super().reject()
