"""Running one of the core's step-by-step generators (a check, a cache rebuild) off the GUI
thread, each step and the end reported as signals, stoppable between steps."""

import threading
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from quiltarchive.errors import QuiltArchiveError
from ui.background import pool


class _Run(QRunnable):
    def __init__(self, make: Callable[[], Iterator[Any]], runner: "StepRunner") -> None:
        super().__init__()
        self._make, self._stop = make, runner._stop
        self._step, self._finished, self._failed = runner.step, runner.finished, runner.failed

    def run(self) -> None:
        last = None
        try:
            for last in self._make():
                self._step.emit(last)
                if self._stop.is_set():
                    break
        except QuiltArchiveError as error:
            self._failed.emit(str(error))
            return
        except Exception as error:
            self._failed.emit(
                QCoreApplication.translate("StepRunner", "It stopped unexpectedly: {0}").format(
                    error
                )
            )
            return
        self._finished.emit(None if self._stop.is_set() else last)


class StepRunner(QObject):
    step = Signal(object)  # each step the generator yields
    finished = Signal(object)  # the last step, or None when stopped
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self.running = False
        self.finished.connect(self._ended)
        self.failed.connect(self._ended)

    def start(self, make: Callable[[], Iterator[Any]]) -> None:
        if self.running:
            return
        self._stop = threading.Event()
        self.running = True
        pool("tools").start(_Run(make, self))

    def stop(self) -> None:
        self._stop.set()

    def _ended(self, *_details: object) -> None:
        self.running = False
