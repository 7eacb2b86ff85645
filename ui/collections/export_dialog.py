"""Exporting a collection from the app: kind, destination, zip, use and blur; the export runs
off the GUI thread with progress, time left and Cancel, and ends with a report of what was
included and what was left out and why. The same core function as `quiltarchive export`."""

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.curation.labels import item_labels
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.export.events import ExportEvent, ExportEventKind, ExportKind, ExportSummary
from quiltarchive.export.run import export_collection
from quiltarchive.model.collection import Collection
from quiltarchive.model.consent import Use
from ui.collections.dialogs import chosen_use, set_use, use_combo
from ui.consent_status import use_name
from ui.event_runner import EventRunner
from ui.importing.dialogs import time_left


class ExportRunner(EventRunner):
    progress = Signal(object)  # ExportEvent
    finished = Signal(object, object)  # ExportSummary, labels of the items left out

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(
            archive,
            pool_name="export",
            busy="An export is already running.",
            unexpected=QCoreApplication.translate(
                "ExportRunner", "The export stopped unexpectedly: {0}"
            ),
            parent=parent,
        )
        self.finished.connect(self._stopped)

    def start(self, **options: object) -> None:
        archive, workers = self._archive, self.workers
        self._launch(
            lambda cancel: export_collection(
                archive,
                **options,  # type: ignore[arg-type]
                cancel=cancel,
                workers=workers,
            )
        )

    def _deliver(self, event: ExportEvent) -> None:
        if event.kind is ExportEventKind.FINISHED and event.summary is not None:
            left = [x.item for x in event.summary.left_out]
            self.finished.emit(event.summary, item_labels(self._archive, left))
        else:
            self.progress.emit(event)


class ExportDialog(QDialog):
    """Choose how to export, watch it run, read what went and what was left out."""

    done = Signal(object)  # ExportSummary

    def __init__(
        self, archive: Archive, collection: Collection, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._collection = collection
        self.summary: ExportSummary | None = None
        self.setWindowTitle(self.tr("Export “{0}”").format(collection.name))
        self.setAccessibleName(self.tr("Export collection"))
        self.runner = ExportRunner(archive, self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)

        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Kind of export"))
        self.kind.addItem(self.tr("Offline gallery (for a USB stick or a library PC)"), "gallery")
        self.kind.addItem(self.tr("Press or web pack (JPEGs and a captions CSV)"), "pack")
        self.kind.addItem(self.tr("Images with XMP sidecars (digiKam, Lightroom)"), "sidecars")
        self.destination = QLineEdit(self)
        self.destination.setAccessibleName(self.tr("Destination folder"))
        self.destination.setPlaceholderText(self.tr("A folder, or a USB stick"))
        self.browse = QPushButton(self.tr("Choose…"), self)
        self.browse.setAccessibleName(self.tr("Choose the destination folder"))
        self.browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.destination, 1)
        where.addWidget(self.browse)
        self.zip = QCheckBox(self.tr("Also make a &zip file"), self)
        self.zip.setAccessibleName(self.tr("Also make a zip file"))
        self.use = use_combo(self, self.tr("Use"), self.tr("Choose a use"))
        set_use(self.use, collection.use)
        self.blur = QCheckBox(self.tr("&Blur people who have not consented"), self)
        self.blur.setAccessibleName(self.tr("Blur people who have not consented"))
        self.blur.setToolTip(
            self.tr(
                "People who stop a photo (unknown, without consent for this use, or not to be "
                "identified) are blurred beyond recognition where a box is drawn around them."
            )
        )
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        where_label = QLabel(self.tr("&Destination:"), self)
        where_label.setBuddy(self.destination)
        form.addRow(where_label, where)
        form.addRow(self.tr("&Use:"), self.use)
        form.addRow("", self.zip)
        form.addRow("", self.blur)
        self.options = QWidget(self)
        self.options.setLayout(form)

        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Export progress"))
        self.status = QLabel(self)
        self.status.setAccessibleName(self.tr("Items done"))
        self.status.setWordWrap(True)
        self.left = QLabel(self)
        self.left.setAccessibleName(self.tr("Time left"))
        self.report = QTextBrowser(self)
        self.report.setAccessibleName(self.tr("Export report"))
        self.report.setOpenExternalLinks(False)
        for widget in (self.bar, self.status, self.left, self.report):
            widget.hide()

        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.setAccessibleName(self.tr("Start the export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the export"))
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close the report"))
        self.close_button.clicked.connect(self.accept)
        self.close_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.options)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.left)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        self.resize(600, self.sizeHint().height())

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to which folder?"))
        if folder:
            self.destination.setText(folder)

    def start(self) -> None:
        use: Use | None = chosen_use(self.use)
        if not self.destination.text().strip():
            self.status.setText(self.tr("Choose a destination folder first."))
            self.status.show()
            return
        if use is None:
            self.status.setText(self.tr("Choose the use the export is for."))
            self.status.show()
            return
        try:
            self.runner.start(
                collection_id=self._collection.id,
                kind=ExportKind(self.kind.currentData()),
                to=Path(self.destination.text().strip()),
                use=use,
                make_zip=self.zip.isChecked(),
                blur_unconsented=self.blur.isChecked(),
            )
        except QuiltArchiveError as error:
            self._failed(str(error))
            return
        self.options.setEnabled(False)
        self.export_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Checking every item's consent for {0}…").format(use_name(use)))
        for widget in (self.bar, self.status, self.left):
            widget.show()

    def _progress(self, event: ExportEvent) -> None:
        if event.kind is ExportEventKind.PLANNED and event.plan is not None:
            self.bar.setRange(0, max(1, event.total))
            self.status.setText(
                self.tr("{0} items will go, {1} are left out. Making the images…").format(
                    len(event.plan.included), len(event.plan.left_out)
                )
            )
            return
        self.bar.setValue(event.done)
        if event.kind is ExportEventKind.WRITING:
            self.status.setText(self.tr("Writing the pages and manifests…"))
        else:
            self.status.setText(self.tr("{0} of {1} items made").format(event.done, event.total))
        left = event.seconds_left
        if self.runner.running and self.cancel_button.isEnabled():
            self.left.setText(time_left(self, left) if left is not None else "")

    def reject(self) -> None:
        """Cancel (or Escape) stops a running export; nothing is left at the destination."""
        if self.runner.running:
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Stopping…"))
            self.left.setText(self.tr("Stopping; nothing will be left at the destination…"))
            self.runner.cancel()
            return
        super().reject()

    def _finished(self, summary: ExportSummary, labels: dict[int, str]) -> None:
        self.summary = summary
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.left.hide()
        self.status.setText(self._headline(summary))
        self.report.setHtml(self.report_html(summary, labels))
        self.report.show()
        self._ended()
        self.done.emit(summary)

    def _failed(self, message: str) -> None:
        self.left.hide()
        self.bar.hide()
        self.status.setText(message)
        self.status.show()
        self._ended()

    def _ended(self) -> None:
        self.cancel_button.hide()
        self.export_button.hide()
        self.close_button.show()
        self.close_button.setFocus()

    def _headline(self, summary: ExportSummary) -> str:
        if summary.cancelled:
            return self.tr("Cancelled: nothing was exported and nothing was left behind.")
        if summary.nothing_exported:
            return self.tr("Nothing was exported: no item may be used for {0} today.").format(
                use_name(summary.use)
            )
        text = self.tr("Exported %n item(s) to {0}.", "", len(summary.exported)).format(
            summary.destination
        )
        if summary.zip_path:
            text += " " + self.tr("Zip file: {0}.").format(summary.zip_path)
        return text

    def report_html(self, summary: ExportSummary, labels: dict[int, str]) -> str:
        parts = []
        if summary.exported:
            rows = "".join(
                "<li>"
                + escape(f"{e.number}. {e.title}")
                + (escape(" — " + self.tr("credit: {0}").format(e.credit)) if e.credit else "")
                + (
                    escape(" — " + self.tr("%n region(s) blurred", "", e.blurred_regions))
                    if e.blurred_regions
                    else ""
                )
                + (escape(" — " + self.tr("no alt text")) if e.alt_missing else "")
                + "</li>"
                for e in summary.exported
            )
            parts.append(f"<h3>{escape(self.tr('Included'))}</h3><ul>{rows}</ul>")
        if summary.left_out:
            rows = "".join(
                "<li><b>"
                + escape(labels.get(x.item.id, x.item.ref))
                + "</b><br>"
                + escape(" ".join(x.reasons))
                + "</li>"
                for x in summary.left_out
            )
            parts.append(f"<h3>{escape(self.tr('Left out, and why'))}</h3><ul>{rows}</ul>")
        if summary.publication_id is not None:
            parts.append(
                "<p>"
                + escape(
                    self.tr("Recorded in the publication ledger as entry {0}.").format(
                        summary.publication_id
                    )
                )
                + "</p>"
            )
        return "".join(parts)
