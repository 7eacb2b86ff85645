"""Running the core's import generator on a background thread, its events turned into signals.

The generator itself farms the files out to worker processes; this thread only records each
file in the catalogue as it comes back, so the window stays responsive throughout.
"""

import threading
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.importing.events import EventKind, ImportEvent
from quiltarchive.importing.pipeline import import_photos, resume_import
from ui.background import pool


class _Run(QRunnable):
    def __init__(self, make: Callable[[], Iterator[ImportEvent]], runner: "ImportRunner") -> None:
        super().__init__()
        self._make = make
        self._progress, self._finished, self._failed = (
            runner.progress,
            runner.finished,
            runner.failed,
        )

    def run(self) -> None:
        try:
            for event in self._make():
                if event.kind is EventKind.FINISHED:
                    self._finished.emit(event.summary)
                else:
                    self._progress.emit(event)
        except QuiltArchiveError as error:
            self._failed.emit(str(error))
        except Exception as error:
            self._failed.emit(
                QCoreApplication.translate(
                    "ImportRunner", "The import stopped unexpectedly: {0}"
                ).format(error)
            )


class ImportRunner(QObject):
    progress = Signal(object)  # ImportEvent
    finished = Signal(object)  # ImportSummary
    failed = Signal(str)

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._cancel = threading.Event()
        self.running = False
        self.workers: int | None = None  # None: one worker process per core
        self.finished.connect(self._stopped)
        self.failed.connect(self._stopped)

    def start(self, sources: list[str], event_id: int | None = None) -> None:
        archive, cancel, workers = self._archive, self._begin(), self.workers
        self._launch(
            lambda: import_photos(
                archive, sources, event_id=event_id, workers=workers, cancel=cancel
            )
        )

    def resume(self) -> None:
        archive, cancel, workers = self._archive, self._begin(), self.workers
        self._launch(lambda: resume_import(archive, workers=workers, cancel=cancel))

    def cancel(self) -> None:
        """Stop after the files in progress; what was imported stays, the rest can resume."""
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def _begin(self) -> threading.Event:
        if self.running:
            raise QuiltArchiveError("An import into this archive is already running.")
        self._cancel = threading.Event()
        self.running = True
        return self._cancel

    def _launch(self, make: Callable[[], Iterator[ImportEvent]]) -> None:
        pool("import").start(_Run(make, self))

    def _stopped(self, *_details: object) -> None:
        self.running = False
