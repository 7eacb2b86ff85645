"""Running the core's import generator on a background thread, its events turned into signals.

The generator itself farms the files out to worker processes; this thread only records each
file in the catalogue as it comes back, so the window stays responsive throughout.
"""

from PySide6.QtCore import QCoreApplication, QObject, Signal

from quiltarchive.archive import Archive
from quiltarchive.importing.events import EventKind, ImportEvent
from quiltarchive.importing.pipeline import import_photos, resume_import
from ui.event_runner import EventRunner


class ImportRunner(EventRunner):
    """Cancel stops after the files in progress; what was imported stays, the rest can resume."""

    progress = Signal(object)  # ImportEvent
    finished = Signal(object)  # ImportSummary

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(
            archive,
            pool_name="import",
            busy="An import into this archive is already running.",
            unexpected=QCoreApplication.translate(
                "ImportRunner", "The import stopped unexpectedly: {0}"
            ),
            parent=parent,
        )
        self.finished.connect(self._stopped)

    def start(self, sources: list[str], event_id: int | None = None) -> None:
        archive, workers = self._archive, self.workers
        self._launch(
            lambda cancel: import_photos(
                archive, sources, event_id=event_id, workers=workers, cancel=cancel
            )
        )

    def resume(self) -> None:
        archive, workers = self._archive, self.workers
        self._launch(lambda cancel: resume_import(archive, workers=workers, cancel=cancel))

    def _deliver(self, event: ImportEvent) -> None:
        if event.kind is EventKind.FINISHED:
            self.finished.emit(event.summary)
        else:
            self.progress.emit(event)
