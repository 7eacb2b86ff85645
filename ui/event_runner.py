"""Running one of the core's generators of progress events (an import, an export) on a named
background pool: one run at a time, with a cancel flag the generator watches. Each event is
handed to the runner's `_deliver` on that pool's thread, which turns it into the runner's own
signals; a failure becomes `failed` with a plain message."""

import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal, SignalInstance

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from ui.background import pool


class _Run(QRunnable):
    def __init__(
        self,
        events: Callable[[], Iterator[Any]],
        deliver: Callable[[Any], None],
        failed: SignalInstance,
        unexpected: str,
    ) -> None:
        super().__init__()
        self._events, self._deliver, self._failed, self._unexpected = (
            events,
            deliver,
            failed,
            unexpected,
        )

    def run(self) -> None:
        try:
            for event in self._events():
                self._deliver(event)
        except QuiltArchiveError as error:
            self._failed.emit(str(error))
        except Exception as error:  # a disk or decoder fault: said plainly, never swallowed
            self._failed.emit(self._unexpected.format(error))


class EventRunner(QObject):
    failed = Signal(str)

    def __init__(
        self,
        archive: Archive,
        *,
        pool_name: str,
        busy: str,
        unexpected: str,
        parent: QObject | None = None,
    ) -> None:
        """`busy`: the refusal when a run is asked for during another; `unexpected`: the
        message for a fault, with `{0}` for what went wrong."""
        super().__init__(parent)
        self._archive = archive
        self._pool_name, self._busy, self._unexpected = pool_name, busy, unexpected
        self._cancel = threading.Event()
        self.running = False
        self.workers: int | None = None  # None: one worker process per core
        self.failed.connect(self._stopped)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelling(self) -> bool:
        return self._cancel.is_set()

    def _launch(self, events: Callable[[threading.Event], Iterator[Any]]) -> None:
        """Start `events(cancel)` on the pool, unless a run is going on."""
        if self.running:
            raise QuiltArchiveError(self._busy)
        cancel = self._cancel = threading.Event()
        self.running = True
        run = _Run(lambda: events(cancel), self._deliver, self.failed, self._unexpected)
        pool(self._pool_name).start(run)

    def _deliver(self, event: Any) -> None:
        """On the pool's thread: emit the signal this event stands for."""
        raise NotImplementedError

    def _stopped(self, *_details: object) -> None:
        self.running = False
