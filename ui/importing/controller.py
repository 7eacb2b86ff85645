"""An import from start to finish: plan it, run it with progress, summarise it."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.events import ensure_event
from quiltarchive.importing.events import ImportSummary
from ui.importing.dialogs import (
    ImportPlan,
    ImportProgressDialog,
    ImportSetupDialog,
    ImportSummaryDialog,
)
from ui.importing.runner import ImportRunner


class ImportController(QObject):
    started = Signal()
    photos_arrived = Signal()  # some photos went in (the grid may refresh)
    finished = Signal(object, object)  # ImportSummary, the event id (or None)
    show_requested = Signal(int)  # the import batch whose photos to show
    failed = Signal(str)

    def __init__(self, archive: Archive, window: QWidget) -> None:
        super().__init__(window)
        self._archive = archive
        self._window = window
        self.runner = ImportRunner(archive, self)
        self.runner.progress.connect(self._progress)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self.setup: ImportSetupDialog | None = None
        self.progress: ImportProgressDialog | None = None
        self.summary: ImportSummaryDialog | None = None
        self._event_id: int | None = None
        self._into = ""

    @property
    def running(self) -> bool:
        return self.runner.running

    def choose(self, sources: list[str]) -> ImportSetupDialog | None:
        """Ask what to import and into which event (non-blocking)."""
        if self.running:
            self.failed.emit(self.tr("An import is already running; wait for it to finish."))
            return None
        self.setup = ImportSetupDialog(sources, self._archive.events.list(), self._window)
        self.setup.planned.connect(self.start)
        self.setup.open()
        return self.setup

    def start(self, plan: ImportPlan) -> None:
        event_id = plan.event_id
        try:
            if plan.new_event:
                event = ensure_event(
                    self._archive,
                    plan.new_event,
                    held_on=plan.held_on.isoformat() if plan.held_on else None,
                    venue=plan.venue,
                )
                event_id = event.id
            self._into = self._archive.events.get(event_id).name if event_id is not None else ""
            self._event_id = event_id
            self.runner.start(plan.sources, event_id)
        except QuiltArchiveError as error:
            self.failed.emit(str(error))
            return
        self._open_progress()

    def resume(self) -> None:
        if self.running:
            return
        batch = self._archive.imports.latest_resumable()
        if batch is None:
            self.failed.emit(self.tr("There is no cancelled or interrupted import to resume."))
            return
        self._event_id = batch.event_id
        self._into = (
            self._archive.events.get(batch.event_id).name if batch.event_id is not None else ""
        )
        self.runner.resume()
        self._open_progress()

    def cancel(self) -> None:
        self.runner.cancel()

    def _open_progress(self) -> None:
        into = (
            self.tr("Importing photos into “{0}”").format(self._into)
            if self._into
            else self.tr("Importing photos")
        )
        self.progress = ImportProgressDialog(into, self._window)
        self.progress.cancel_requested.connect(self.runner.cancel)
        self.progress.show()
        self.started.emit()

    def _progress(self, event: object) -> None:
        if self.progress is not None:
            self.progress.show_event(event)
        if getattr(event, "photo_id", None) is not None:
            self.photos_arrived.emit()

    def _finished(self, summary: ImportSummary) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        into = f"“{self._into}”" if self._into else self.tr("the archive")
        self.summary = ImportSummaryDialog(summary, into, self._window)
        event_id = self._event_id
        self.summary.show_photos.connect(lambda: self.show_requested.emit(summary.batch_id))
        self.summary.open()
        self.finished.emit(summary, event_id)

    def _failed(self, message: str) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        self.failed.emit(message)
