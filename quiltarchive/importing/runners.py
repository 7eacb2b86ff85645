"""Running per-file jobs: in this process for small imports, else in a pool of processes.

Both runners yield `(job, None)` when a job starts and `(job, result)` when it ends, stop
starting jobs once `cancel` is set, and finish the ones already running.
"""

import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from quiltarchive import worker_processes
from quiltarchive.importing.worker import (
    Failed,
    FileJob,
    FileResult,
    process_file,
    worker_initialise,
)

Step = tuple[FileJob, FileResult | None]
CRASH_REASON = "reading this file crashed the image decoder (the file is probably damaged)"


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def run_inline(jobs: Iterable[FileJob], cancel: threading.Event) -> Iterator[Step]:
    for job in jobs:
        if cancel.is_set():
            return
        yield job, None
        yield job, process_file(job)


def _pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=worker_processes.context(),
        initializer=worker_initialise,
    )


def run_in_pool(jobs: Iterable[FileJob], cancel: threading.Event, workers: int) -> Iterator[Step]:
    """Keep every worker busy with a short queue, so Cancel takes effect within one file each."""
    queue = iter(jobs)
    suspects: list[FileJob] = []
    pool = _pool(workers)
    try:
        in_flight: dict[Future[FileResult], FileJob] = {}
        while True:
            while suspects and not in_flight:
                # After a worker crash, rerun each file that was in flight on its own, so the
                # one that crashes the decoder is identified and the others still go in.
                job = suspects.pop(0)
                try:
                    result = pool.submit(process_file, job).result()
                except BrokenProcessPool:
                    pool.shutdown(cancel_futures=True)
                    pool = _pool(workers)
                    result = Failed(job.item_id, CRASH_REASON)
                yield job, result
            while len(in_flight) < workers * 2 and not cancel.is_set():
                waiting = next(queue, None)
                if waiting is None:
                    break
                in_flight[pool.submit(process_file, waiting)] = waiting
                yield waiting, None
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
