"""Running an export's render jobs: inline for a few, else in a pool of worker processes.

Yields `(job, result)` as each job ends, in the order they end. Once `cancel` is set no new job
starts; the ones running finish. A job that crashes its worker (a decoder fault on a damaged
file) is run again on its own, and fails alone if it crashes again.
"""

import os
import signal
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from quiltarchive import worker_processes
from quiltarchive.export.render import RenderFailed, RenderJob, RenderResult, render

CRASH_REASON = "making it crashed the image decoder (the original is probably damaged)"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _initialise() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_processes.context(),
        initializer=_initialise,
    )


def run_renders(
    jobs: Sequence[RenderJob], cancel: threading.Event, workers: int
) -> Iterator[tuple[RenderJob, RenderResult]]:
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            if cancel.is_set():
                return
            yield job, render(job)
        return
    yield from _in_pool(jobs, cancel, min(workers, len(jobs)))


def _in_pool(
    jobs: Sequence[RenderJob], cancel: threading.Event, workers: int
) -> Iterator[tuple[RenderJob, RenderResult]]:
    queue = iter(jobs)
    suspects: list[RenderJob] = []
    pool = _pool(workers)
    try:
        in_flight: dict[Future[RenderResult], RenderJob] = {}
        while True:
            while suspects and not in_flight and not cancel.is_set():
                job = suspects.pop(0)
                try:
                    result = pool.submit(render, job).result()
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    pool = _pool(workers)
                    result = RenderFailed(job.key, CRASH_REASON)
                yield job, result
            while len(in_flight) < workers * 2 and not cancel.is_set():
                waiting = next(queue, None)
                if waiting is None:
                    break
                in_flight[pool.submit(render, waiting)] = waiting
            if not in_flight:
                return
            finished, _ = wait(in_flight, timeout=0.25, return_when=FIRST_COMPLETED)
            if cancel.is_set():
                for future in [f for f in in_flight if f not in finished]:
                    if future.cancel():
                        del in_flight[future]
            for future in finished:
                job = in_flight.pop(future)
                try:
                    yield job, future.result()
                except BrokenProcessPool:
                    suspects = [job, *in_flight.values(), *suspects]
                    in_flight.clear()
                    pool.shutdown(cancel_futures=True)
                    pool = _pool(workers)
                    break
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
