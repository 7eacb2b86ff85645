"""The import pipeline: a Qt-free generator of progress events, with cancel and resume.

An original becomes part of the archive in three steps, each safe to interrupt:
1. a worker copies it to `originals/.incoming/` (read back and compared with the bytes whose
   hash it will be filed under) and writes its renditions;
2. the item is marked `placing` with its hash, and the copy is renamed into `originals/`;
3. the photo row is written and the item marked `imported`, in one transaction.
A crash after (2) leaves an original with no row that `check` recognises as in flight, and that
the next import of the same file, or a resume, adopts without copying it again.
"""

import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.errors import DISK_FULL_ERRNOS, ArchiveFull, InvalidInput, QuiltArchiveError
from quiltarchive.importing.discovery import Found, discover
from quiltarchive.importing.events import EventKind, ImportEvent, ImportSummary, Outcome
from quiltarchive.importing.runners import default_workers, run_in_pool, run_inline
from quiltarchive.importing.worker import (
    AlreadyStored,
    Failed,
    FileJob,
    FileResult,
    NotAPhoto,
    Processed,
    process_file,
)
from quiltarchive.model.import_batch import BatchStatus, ImportBatch, ImportItem, ItemStatus

_running_imports: set[Path] = set()
_running_guard = threading.Lock()


def import_photos(
    archive: Archive,
    sources: Iterable[str | os.PathLike[str]],
    *,
    event_id: int | None = None,
    workers: int | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[ImportEvent]:
    """Import files and folders (recursively). Yields progress; the last event is FINISHED."""
    source_list = [str(Path(s).expanduser()) for s in sources]
    if not source_list:
        raise InvalidInput("Choose at least one file or folder to import.")
    if event_id is not None:
        archive.events.get(event_id)
    with _exclusive(archive):
        found = list(discover(source_list))
        with archive.atomic():
            batch = archive.imports.create_batch(source_list, event_id=event_id, user=archive.user)
            items = archive.imports.add_items(batch.id, [f.path for f in found])
            archive.audit.record(
                "import started",
                "import_batch",
                batch.id,
                after={
                    "sources": [files.display_name(s) for s in source_list],
                    "files": len(found),
                    "event_id": event_id,
                },
            )
        yield from _run(archive, batch, items, found, workers, cancel or threading.Event())


def resume_import(
    archive: Archive,
    batch_id: int | None = None,
    *,
    workers: int | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[ImportEvent]:
    """Carry on with a cancelled or interrupted batch: only its unfinished files are read."""
    with _exclusive(archive):
        batch = (
            archive.imports.get_batch(batch_id)
            if batch_id is not None
            else archive.imports.latest_resumable()
        )
        if batch is None:
            raise InvalidInput("There is no cancelled or interrupted import to resume.")
        if not batch.status.resumable:
            raise InvalidInput(f"Import {batch.id} is {batch.status.value}; nothing to resume.")
        items = archive.imports.items(batch.id, statuses=[ItemStatus.PENDING, ItemStatus.PLACING])
        with archive.atomic():
            archive.imports.set_batch_status(batch.id, BatchStatus.RUNNING)
            archive.audit.record(
                "import resumed", "import_batch", batch.id, after={"files": len(items)}
            )
        found = [Found(item.source_path) for item in items]
        yield from _run(archive, batch, items, found, workers, cancel or threading.Event())


class _exclusive:
    """One import at a time per archive in this process (other processes are held off by the
    archive's write lock); the incoming folder is cleared of any earlier run's leftovers."""

    def __init__(self, archive: Archive) -> None:
        self._archive = archive
        self._key = archive.layout.root

    def __enter__(self) -> None:
        if not self._archive.writable:
            raise QuiltArchiveError("Open the archive for writing to import photos.")
        with _running_guard:
            if self._key in _running_imports:
                raise QuiltArchiveError("An import into this archive is already running.")
            _running_imports.add(self._key)
        incoming = self._archive.layout.incoming
        try:
            shutil.rmtree(incoming, ignore_errors=True)
            incoming.mkdir(parents=True, exist_ok=True)
        except BaseException as error:
            self.__exit__()
            if isinstance(error, OSError) and error.errno in DISK_FULL_ERRNOS:
                raise ArchiveFull() from error
            raise

    def __exit__(self, *exc_info: object) -> None:
        with _running_guard:
            _running_imports.discard(self._key)


class _Batch:
    """The bookkeeping of one run: counts, the summary, and turning results into rows."""

    def __init__(self, archive: Archive, batch: ImportBatch, total: int) -> None:
        self.archive = archive
        self.batch = batch
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.imported = 0
        self.duplicates: list[Outcome] = []
        self.skipped: list[Outcome] = []
        self.failed: list[Outcome] = []
        self.notes: list[Outcome] = []
        self.archive_full = False

    def event(self, kind: EventKind, path: str = "", **details: object) -> ImportEvent:
        return ImportEvent(
            kind,
            self.done,
            self.total,
            files.display_name(path),
            seconds=time.monotonic() - self.started,
            **details,  # type: ignore[arg-type]
        )

    def finish_early(self, item: ImportItem, found: Found) -> ImportEvent:
        """Files discovery already judged: skipped (not photos) or failed (unreadable)."""
        status = ItemStatus.SKIPPED if found.skip_reason else ItemStatus.FAILED
        reason = found.skip_reason or found.failure_reason
        with self.archive.atomic():
            self.archive.imports.finish_item(item.id, status, reason=reason)
        self.done += 1
        outcome = _outcome(item.source_path, reason)
        (self.skipped if status is ItemStatus.SKIPPED else self.failed).append(outcome)
        kind = EventKind.SKIPPED if status is ItemStatus.SKIPPED else EventKind.FAILED
        return self.event(kind, item.source_path, reason=reason)

    def record(self, job: FileJob, result: FileResult) -> ImportEvent | None:
        """The event for a file's result; None when the disk is full and the file waits."""
        try:
            return self._record(job, result)
        except ArchiveFull:
            self.archive_full = True
        except OSError as error:
            if error.errno not in DISK_FULL_ERRNOS:
                raise
            self.archive_full = True
        return None

    def _record(self, job: FileJob, result: FileResult) -> ImportEvent | None:
        if isinstance(result, AlreadyStored):
            result = self._duplicate_or_adopt(job, result)
        if isinstance(result, Failed) and result.archive_full:
            # Not the file's fault: it stays pending, and a resume imports it once there is room.
            self.archive_full = True
            return None
        self.done += 1
        path = job.source_path
        if isinstance(result, Failed):
            with self.archive.atomic():
                self.archive.imports.finish_item(
                    job.item_id, ItemStatus.FAILED, reason=result.reason
                )
            self.failed.append(_outcome(path, result.reason))
            return self.event(EventKind.FAILED, path, reason=result.reason)
        if isinstance(result, NotAPhoto):
            with self.archive.atomic():
                self.archive.imports.finish_item(
                    job.item_id, ItemStatus.SKIPPED, reason=result.reason
                )
            self.skipped.append(_outcome(path, result.reason))
            return self.event(EventKind.SKIPPED, path, reason=result.reason)
        if isinstance(result, AlreadyStored):
            return self._duplicate(job, result.sha256)
        existing = self.archive.photos.present([result.facts.sha256])
        if existing:
            if result.in_incoming:
                files.remove_file(
                    self.archive.layout.incoming_path(result.facts.sha256, result.facts.extension)
                )
            return self._duplicate(job, result.facts.sha256)
        return self._place(job, result)

    def _duplicate_or_adopt(self, job: FileJob, stored: AlreadyStored) -> FileResult:
        if self.archive.photos.present([stored.sha256]):
            return stored
        # An original with no row: left by an interrupted import. Adopt it in place.
        return process_file(FileJob(job.item_id, job.source_path, job.layout, adopt=True))

    def _duplicate(self, job: FileJob, sha256: str) -> ImportEvent:
        photo_id = self.archive.photos.present([sha256])[sha256]
        reason = f"already in the archive as photo {photo_id}"
        with self.archive.atomic():
            self.archive.imports.finish_item(
                job.item_id, ItemStatus.DUPLICATE, sha256=sha256, photo_id=photo_id, reason=reason
            )
        self.duplicates.append(_outcome(job.source_path, reason))
        return self.event(EventKind.DUPLICATE, job.source_path, photo_id=photo_id, reason=reason)

    def _place(self, job: FileJob, result: Processed) -> ImportEvent:
        facts, layout = result.facts, self.archive.layout
        if result.in_incoming:
            with self.archive.atomic():
                self.archive.imports.mark_placing([(job.item_id, facts.sha256)])
            final = layout.original_path(facts.sha256, facts.extension)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(layout.incoming_path(facts.sha256, facts.extension), final)
        with self.archive.atomic():
            photo_id = self.archive.photos.add(
                facts, batch_id=self.batch.id, event_id=self.batch.event_id
            )
            self.archive.imports.finish_item(
                job.item_id,
                ItemStatus.IMPORTED,
                sha256=facts.sha256,
                photo_id=photo_id,
                reason=result.note,
            )
        self.imported += 1
        if result.note:
            self.notes.append(_outcome(job.source_path, result.note))
        return self.event(
            EventKind.IMPORTED, job.source_path, photo_id=photo_id, reason=result.note
        )

    def summary(self, cancelled: bool) -> ImportSummary:
        return ImportSummary(
            batch_id=self.batch.id,
            total=self.total,
            imported=self.imported,
            duplicates=self.duplicates,
            skipped=self.skipped,
            failed=self.failed,
            notes=self.notes,
            cancelled=cancelled,
            archive_full=self.archive_full,
            seconds=time.monotonic() - self.started,
        )


def _outcome(path: str, reason: str) -> Outcome:
    """Outcomes are for showing: a name that is not UTF-8 is shown with its bytes escaped."""
    return Outcome(files.display_name(path), reason)


def _run(
    archive: Archive,
    batch: ImportBatch,
    items: list[ImportItem],
    found: list[Found],
    workers: int | None,
    cancel: threading.Event,
) -> Iterator[ImportEvent]:
    run = _Batch(archive, batch, len(items))
    yield run.event(EventKind.STARTED)
    jobs: list[FileJob] = []
    for item, discovered in zip(items, found, strict=True):
        if discovered.skip_reason or discovered.failure_reason:
            yield run.finish_early(item, discovered)
        else:
            jobs.append(FileJob(item.id, item.source_path, archive.layout))

    worker_count = workers if workers is not None else default_workers()
    worker_count = min(worker_count, max(1, len(jobs)))
    steps = (
        run_in_pool(jobs, cancel, worker_count) if worker_count > 1 else run_inline(jobs, cancel)
    )
    for job, result in steps:
        if result is None:
            yield run.event(EventKind.FILE_STARTED, job.source_path)
            continue
        event = run.record(job, result)
        if event is not None:
            yield event
        if run.archive_full:
            cancel.set()

    cancelled = cancel.is_set() and run.done < run.total
    status = BatchStatus.CANCELLED if cancelled else BatchStatus.COMPLETE
    # Copies that were never moved into place (the disk filled up around them) go now.
    for leftover in archive.layout.incoming.iterdir():
        files.remove_file(leftover)
    try:
        with archive.atomic():
            archive.imports.set_batch_status(batch.id, status)
            archive.audit.record(
                "import cancelled" if cancelled else "import finished",
                "import_batch",
                batch.id,
                after={
                    "imported": run.imported,
                    "duplicates": len(run.duplicates),
                    "skipped": len(run.skipped),
                    "failed": len(run.failed),
                },
            )
    except ArchiveFull:
        # Not even this fits: the batch stays `running`, and the next opening of the archive
        # marks it interrupted, which an import --resume carries on.
        run.archive_full = True
    yield run.event(EventKind.FINISHED, summary=run.summary(cancelled))
