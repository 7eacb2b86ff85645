"""Render quilt…: the whole quilt as one image, made in the background with the same core
render as `quiltarchive quilt render`, with progress and a Cancel that leaves nothing behind."""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.consent import Use
from quiltarchive.model.quilt import Quilt
from quiltarchive.works.render import (
    DEFAULT_WIDTH,
    MAX_WIDTH,
    Labels,
    RenderCancelled,
    RenderOptions,
    RenderReport,
    parse_colour,
    render_quilt,
)
from ui.background import run_task
from ui.consent_status import use_name

DEFAULT_SEAM = "#f3ede2"


class _Progress(QObject):
    """Emitted from the render's thread; delivered on the GUI thread."""

    advanced = Signal(int, int)


class RenderDialog(QDialog):
    finished_render = Signal(object)  # the RenderReport

    def __init__(self, archive: Archive, quilt: Quilt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive, self._quilt = archive, quilt
        self._cancel: threading.Event | None = None
        self.report: RenderReport | None = None
        title = self.tr("Render quilt “{0}”").format(quilt.name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.path = QLineEdit(self)
        self.path.setAccessibleName(self.tr("File to write"))
        self.path.setPlaceholderText(self.tr("A .png or .jpg file"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setAccessibleName(self.tr("Choose the file to write"))
        browse.clicked.connect(self._browse)
        self.by_width = QRadioButton(self.tr("Width in pixels"), self)
        self.by_width.setChecked(True)
        self.by_width.setAccessibleName(self.tr("Size by width in pixels"))
        self.width_px = QSpinBox(self)
        self.width_px.setAccessibleName(self.tr("Width in pixels"))
        self.width_px.setRange(100, MAX_WIDTH)
        self.width_px.setValue(DEFAULT_WIDTH)
        self.by_poster = QRadioButton(self.tr("Poster"), self)
        self.by_poster.setAccessibleName(self.tr("Size as a poster in inches at a dpi"))
        self.inches = QDoubleSpinBox(self)
        self.inches.setAccessibleName(self.tr("Poster width in inches"))
        self.inches.setRange(1, 200)
        self.inches.setValue(24)
        self.inches.setSuffix(self.tr(" in"))
        self.dpi = QSpinBox(self)
        self.dpi.setAccessibleName(self.tr("Dots per inch"))
        self.dpi.setRange(30, 1200)
        self.dpi.setValue(300)
        self.dpi.setSuffix(self.tr(" dpi"))
        self.use = QComboBox(self)
        self.use.setAccessibleName(self.tr("Use the render is for"))
        for use in (Use.PRINT, Use.EXHIBITION, Use.WEB, Use.SOCIAL, Use.PRESS, Use.ARCHIVE):
            self.use.addItem(use_name(use), use.value)
        self.labels = QComboBox(self)
        self.labels.setAccessibleName(self.tr("Labels"))
        self.labels.addItem(self.tr("No labels"), Labels.NONE.value)
        self.labels.addItem(self.tr("Patch codes"), Labels.CODE.value)
        self.labels.addItem(self.tr("Makers' credits, where consent allows"), Labels.CREDIT.value)
        self.labels.addItem(self.tr("Codes and credits"), Labels.BOTH.value)
        self.seam = QLineEdit(DEFAULT_SEAM, self)
        self.seam.setAccessibleName(self.tr("Seam colour"))
        pick = QPushButton(self.tr("Colour…"), self)
        pick.setAccessibleName(self.tr("Choose the seam colour"))
        pick.clicked.connect(self._pick_colour)
        self.heading = QLineEdit(self)
        self.heading.setAccessibleName(self.tr("Heading above the quilt"))
        self.heading.setPlaceholderText(self.tr("None"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Render progress"))
        self.progress.setVisible(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Render status"))
        self.buttons = QDialogButtonBox(self)
        self.render_button = self.buttons.addButton(
            self.tr("Render"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.render_button.setAccessibleName(self.tr("Render"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.render_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self._signals = _Progress(self)
        self._signals.advanced.connect(self._advanced)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        width_row = QHBoxLayout()
        width_row.addWidget(self.by_width)
        width_row.addWidget(self.width_px)
        width_row.addSpacing(16)
        width_row.addWidget(self.by_poster)
        width_row.addWidget(self.inches)
        width_row.addWidget(self.dpi)
        width_row.addStretch(1)
        seam_row = QHBoxLayout()
        seam_row.addWidget(self.seam, 1)
        seam_row.addWidget(pick)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&File"), self.path), file_row)
        form.addRow(self.tr("Size"), width_row)
        form.addRow(self.tr("&For"), self.use)
        form.addRow(self.tr("&Labels"), self.labels)
        form.addRow(self._label(self.tr("&Seams"), self.seam), seam_row)
        form.addRow(self.tr("&Heading"), self.heading)
        note = QLabel(
            self.tr(
                "Patches whose makers' consent does not allow the chosen use are drawn as plain "
                "placeholders. The render goes on the record of what has been published."
            ),
            self,
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(640, self.sizeHint().height())

    def _label(self, words: str, buddy: QWidget) -> QLabel:
        label = QLabel(words, self)
        label.setBuddy(buddy)
        return label

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def options(self) -> RenderOptions:
        width = self.width_px.value()
        if self.by_poster.isChecked():
            width = round(self.inches.value() * self.dpi.value())
        return RenderOptions(
            width=width,
            use=Use(self.use.currentData()),
            labels=Labels(self.labels.currentData()),
            seam_colour=parse_colour(self.seam.text()),
            title=self.heading.text().strip(),
        )

    def start(self) -> None:
        if self.running:
            return
        if not self.path.text().strip():
            self.message.setText(self.tr("Choose the file to write first."))
            return
        try:
            options = self.options()
        except QuiltArchiveError as error:
            self.message.setText(str(error))
            return
        destination = Path(self.path.text().strip()).expanduser()
        cancel = threading.Event()
        self._cancel = cancel
        archive, quilt_id, signals = self._archive, self._quilt.id, self._signals
        self.render_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.message.setText(self.tr("Rendering…"))

        def render() -> RenderReport:
            return render_quilt(
                archive,
                quilt_id,
                destination,
                options,
                progress=lambda done, total: signals.advanced.emit(done, total),
                cancel=cancel,
            )

        run_task(render, self._done, self._failed, owner=self)

    def _advanced(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, report: RenderReport) -> None:
        self._cancel = None
        self.report = report
        self.progress.setValue(self.progress.maximum())
        self.render_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))
        placeholders = (
            self.tr(" ({0})").format(", ".join(report.not_shown)) if report.not_shown else ""
        )
        self.message.setText(
            self.tr(
                "Written {0} ({1} × {2} px). Patches shown for {4}: {3}; drawn as "
                "placeholders: {5}{6}; empty cells: {7}."
            ).format(
                report.path,
                report.width,
                report.height,
                len(report.shown),
                use_name(report.use),
                len(report.not_shown),
                placeholders,
                report.empty_cells,
            )
        )
        self.finished_render.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._cancel = None
        self.progress.setVisible(False)
        self.render_button.setEnabled(True)
        if isinstance(error, RenderCancelled):
            self.message.setText(self.tr("Cancelled: nothing was written."))
        elif isinstance(error, QuiltArchiveError):
            self.message.setText(str(error))
        else:
            self.message.setText(self.tr("The render failed: {0}").format(error))

    def _cancel_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.message.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self._cancel is not None:
            self._cancel.set()  # the render stops at its next row; nothing is kept
        super().reject()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Render the quilt to"),
            f"{self._quilt.name}.png",
            self.tr("PNG image (*.png);;JPEG image (*.jpg *.jpeg)"),
        )
        if chosen:
            self.path.setText(chosen)

    def _pick_colour(self) -> None:
        try:
            r, g, b = parse_colour(self.seam.text())
        except QuiltArchiveError:
            r, g, b = parse_colour(DEFAULT_SEAM)
        colour = QColorDialog.getColor(QColor(r, g, b), self, self.tr("Seam colour"))
        if colour.isValid():
            self.seam.setText(colour.name())
