"""Subject access: exporting everything held about a person (records, consent forms, the photos
they are in) to a folder or one zip, in the background, through the same core function as
`quiltarchive person export`."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.subject_access import export_subject_access
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.person import Person
from ui.background import run_task
from ui.dialogs.form_parts import ERROR_COLOUR
from ui.style import mark


class SubjectAccessDialog(QDialog):
    exported = Signal(str)  # the folder or zip written
    _progressed = Signal(int, int)  # emitted from the worker, handled on the GUI thread

    def __init__(self, archive: Archive, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._person = archive, person
        self.running = False
        self.written: Path | None = None
        title = self.tr("Export everything held about {0}").format(person.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        heading = QLabel(title, self)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        about = QLabel(
            self.tr(
                "For a subject access request: their records, their signed consent forms and "
                "every photo they appear in, with a README explaining each file."
            ),
            self,
        )
        about.setWordWrap(True)
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(self.tr("Folder to write the export into"))
        self.folder.setPlaceholderText(self.tr("Choose a folder"))
        self.folder.textChanged.connect(self._update)
        self.choose = QPushButton(self.tr("Choose…"), self)
        self.choose.setAccessibleName(self.tr("Choose the folder"))
        self.choose.clicked.connect(self._choose)
        self.as_zip = QCheckBox(self.tr("Make one &zip file instead of a folder"), self)
        self.as_zip.setAccessibleName(self.tr("Make one zip file instead of a folder"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Export progress"))
        self.progress.setVisible(False)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setAccessibleName(self.tr("Result"))
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setAccessibleName(self.tr("Export"))
        mark(self.export_button, "primary")
        self.export_button.clicked.connect(self.start)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(self.choose)
        label = QLabel(self.tr("&Folder"), self)
        label.setBuddy(self.folder)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addWidget(label)
        layout.addLayout(where)
        layout.addWidget(self.as_zip)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._progressed.connect(self._show_progress)
        self.resize(520, 280)
        self._update()

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to write the export"))
        if folder:
            self.folder.setText(folder)

    def _update(self) -> None:
        idle = not self.running
        self.export_button.setEnabled(idle and bool(self.folder.text().strip()))
        for control in (self.folder, self.choose, self.as_zip, self.close_button):
            control.setEnabled(idle)

    def start(self) -> None:
        folder = self.folder.text().strip()
        if not folder or self.running:
            return
        self.running = True
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Exporting…"))
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self._update()
        archive, person_id, as_zip = self._archive, self._person.id, self.as_zip.isChecked()
        progressed = self._progressed

        def work() -> Path:
            return export_subject_access(
                archive,
                person_id,
                Path(folder),
                as_zip=as_zip,
                progress=lambda done, total: progressed.emit(done, total),
            )

        run_task(work, self._done, self._failed, owner=self)

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done if total else 1)

    def _done(self, written: Path) -> None:
        self.running = False
        self.written = written
        self.progress.setVisible(False)
        self.result.setText(self.tr("Written to {0}").format(written))
        self._update()
        self.close_button.setFocus()
        self.exported.emit(str(written))

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.progress.setVisible(False)
        self.result.setStyleSheet(f"color: {ERROR_COLOUR};")
        if isinstance(error, (QuiltArchiveError, OSError)):
            self.result.setText(str(error))
        else:
            self.result.setText(self.tr("Something unexpected went wrong ({0}).").format(error))
        self._update()

    def reject(self) -> None:
        if not self.running:  # the export finishes first; it cannot be left half written
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
