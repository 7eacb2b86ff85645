"""Background work: a few named thread pools, and results delivered on the GUI thread.

`run_task(fn, on_done, on_error, pool=...)` runs `fn` on a pool thread and calls `on_done(result)`
or `on_error(exception)` back on the GUI thread, unless the `owner` widget is gone by then.
Every pool is registered here, so shutdown and tests can `drain()` them all. Workers hand back
plain values or `QImage`s, never pixmaps or widgets.

The pools: "general" (lists, searches, assessments), "rows" (the grid's rows, a page at a
time), "thumbnails" (reading cached images),
"consent" (the whole-archive consent overview, one at a time), "import" (the import's
generator, which itself farms files out to worker processes) and "tools" (checking the archive,
rebuilding its cache: long runs that must not hold up the lists).
"""

import logging
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

POOL_SIZES = {
    "general": 2,
    "rows": 1,
    "thumbnails": 2,
    "consent": 1,
    "import": 1,
    "tools": 1,
    "export": 1,
}

_pools: dict[str, QThreadPool] = {}


def pool(name: str) -> QThreadPool:
    found = _pools.get(name)
    if found is None:
        if name not in POOL_SIZES:
            raise KeyError(f"no background pool called {name!r}")
        found = QThreadPool()
        found.setMaxThreadCount(POOL_SIZES[name])
        # Threads live as long as the app: each keeps its own database connection.
        found.setExpiryTimeout(-1)
        found.setObjectName(name)
        _pools[name] = found
    return found


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker is queued to it."""

    deliver = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.deliver.connect(self._call)

    @Slot(object)
    def _call(self, callback: Callable[[], None]) -> None:
        callback()


_relay: _Relay | None = None


def _gui_relay() -> _Relay:
    global _relay
    if _relay is None:
        application = QCoreApplication.instance()
        if application is None or QThread.currentThread() is not application.thread():
            raise RuntimeError("background tasks are started from the GUI thread")
        _relay = _Relay()
    return _relay


def report_error(error: BaseException) -> None:
    """What happens to an error nobody asked to handle: it is logged with its traceback."""
    log.error(
        "background task failed: %s",
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
    )


def _finish(
    owner: QObject | None,
    on_done: Callable[[Any], None] | None,
    on_error: Callable[[BaseException], None] | None,
    result: Any,
    error: BaseException | None,
) -> None:
    if owner is not None and not shiboken6.isValid(owner):
        return  # the widget that asked has been closed meanwhile
    if error is not None:
        (on_error or report_error)(error)
    elif on_done is not None:
        on_done(result)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], deliver: Callable[[Any, Any], None]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._deliver = fn, deliver

    def run(self) -> None:
        fn, deliver = self._fn, self._deliver
        try:
            result = fn()
        except BaseException as error:
            deliver(None, error)
        else:
            deliver(result, None)


def run_task(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    pool_name: str = "general",
    owner: QObject | None = None,
) -> None:
    """Run `fn` in the named pool; its result or error comes back on the GUI thread."""
    relay = _gui_relay()

    def deliver(result: Any, error: BaseException | None) -> None:
        relay.deliver.emit(lambda: _finish(owner, on_done, on_error, result, error))

    pool(pool_name).start(_Task(fn, deliver))


def drain(timeout_ms: int = 30_000) -> bool:
    """Wait until every pool is idle and every delivered result has been handled."""
    finished = True
    for _ in range(3):  # a result's handler may start more work
        for registered in list(_pools.values()):
            finished = registered.waitForDone(timeout_ms) and finished
        QCoreApplication.processEvents()
    return finished


def busy() -> bool:
    return any(registered.activeThreadCount() for registered in _pools.values())
