"""Exporting a curated set: a Qt-free generator of progress events, with cancel.

1. The plan: every item is assessed for the use on today's date (`plan.preflight`); what may
   not go is left out, with the reasons.
2. Worker processes make each item's images from its original's pixels into a hidden
   temporary folder beside the destination.
3. The kind's writer adds its pages, CSV or sidecars; a checksum manifest lists every file.
4. The decisions are asked again (a consent withdrawn meanwhile stops the export), then, in one
   transaction, the export is entered in the publication ledger and on the audit trail and the
   folder (and zip) renamed into place. A cancelled or failed export leaves nothing behind.
"""

import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from quiltarchive import __version__, clock
from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput, QuiltArchiveError
from quiltarchive.export.destination import (
    choose_destination,
    remove_quietly,
    staging_folder,
    write_zip,
    zip_path_for,
)
from quiltarchive.export.events import (
    ExportedItem,
    ExportEvent,
    ExportEventKind,
    ExportKind,
    ExportSummary,
)
from quiltarchive.export.gallery import GalleryWriter
from quiltarchive.export.pack import PackWriter, SidecarWriter
from quiltarchive.export.plan import ExportPlan, LeftOut, PlannedItem, preflight
from quiltarchive.export.render import Rendered, RenderJob
from quiltarchive.export.runner import default_workers, run_renders
from quiltarchive.export.sources import load_sources
from quiltarchive.export.writing import ExportContext, RenderedItem, Writer, WrittenFile
from quiltarchive.model.collection import ItemKind
from quiltarchive.model.consent import Use
from quiltarchive.model.publication import PublishedFile

MIN_SIZE, MAX_SIZE = 200, 20_000


class ExportFailed(QuiltArchiveError):
    """The export could not be completed; nothing was left at the destination."""


def writer_for(kind: ExportKind, size: int | None) -> Writer:
    if size is not None and not MIN_SIZE <= size <= MAX_SIZE:
        raise InvalidInput(f"The size is the longest side in pixels, {MIN_SIZE} to {MAX_SIZE}.")
    if kind is ExportKind.GALLERY:
        if size is not None:
            raise InvalidInput("A gallery's sizes are fixed; --size is for packs and sidecars.")
        return GalleryWriter()
    if kind is ExportKind.PACK:
        return PackWriter(size)
    return SidecarWriter(size)


def export_collection(
    archive: Archive,
    collection_id: int,
    kind: ExportKind,
    to: str | os.PathLike[str],
    *,
    use: Use | None = None,
    make_zip: bool = False,
    blur_unconsented: bool = False,
    size: int | None = None,
    workers: int | None = None,
    cancel: threading.Event | None = None,
) -> Iterator[ExportEvent]:
    """Export a set. Yields PLANNED first and FINISHED last (with the summary)."""
    if not archive.writable:
        raise QuiltArchiveError("Open the archive for writing to export (exports are recorded).")
    writer = writer_for(kind, size)
    cancel = cancel or threading.Event()
    started = time.monotonic()
    plan = preflight(archive, collection_id, use, clock.today(), blur_unconsented=blur_unconsented)
    if plan.problems:
        raise InvalidInput(" ".join(plan.problems))
    final = choose_destination(to, plan.collection.name, kind.value)
    yield ExportEvent(ExportEventKind.PLANNED, 0, len(plan.included), plan=plan)
    if not plan.included:
        yield _finished(plan, kind, started, (), plan.left_out)
        return
    run = _Run(archive, plan, kind, writer, final, make_zip, started)
    try:
        yield from run.execute(workers or default_workers(), cancel)
    except OSError as error:
        run.clean_up()
        where = f" ({error.filename})" if error.filename else ""
        raise ExportFailed(
            f"The export could not be written{where}: {error.strerror or error}. "
            "Nothing was left at the destination."
        ) from error
    except BaseException:
        run.clean_up()
        raise


class _Run:
    def __init__(
        self,
        archive: Archive,
        plan: ExportPlan,
        kind: ExportKind,
        writer: Writer,
        final: Path,
        make_zip: bool,
        started: float,
    ) -> None:
        self.archive, self.plan, self.kind, self.writer = archive, plan, kind, writer
        self.final, self.make_zip, self.started = final, make_zip, started
        self.staging: Path | None = None
        self.zip_temporary: Path | None = None
        self.placed: list[Path] = []

    def clean_up(self) -> None:
        remove_quietly(self.staging)
        remove_quietly(self.zip_temporary)
        for path in self.placed:
            remove_quietly(path)

    def event(self, kind: ExportEventKind, done: int, **details: object) -> ExportEvent:
        return ExportEvent(
            kind,
            done,
            len(self.plan.included),
            seconds=time.monotonic() - self.started,
            **details,  # type: ignore[arg-type]
        )

    def execute(self, workers: int, cancel: threading.Event) -> Iterator[ExportEvent]:
        plan = self.plan
        self.staging = staging_folder(self.final)
        by_key = {item.item.id: item for item in plan.included}
        jobs = [
            RenderJob(
                item.item.id,
                item.source.picture.path,
                item.source.picture.orientation,
                item.blur,
                self.writer.outputs(item),
                str(self.staging),
            )
            for item in plan.included
            if item.source.picture is not None
        ]
        # An item with no picture (a story) has no images to make: it is done already.
        rendered = {
            item.item.id: RenderedItem(item, {})
            for item in plan.included
            if item.source.picture is None
        }
        failed: list[LeftOut] = []
        done = len(rendered)
        for job, result in run_renders(jobs, cancel, workers):
            done += 1
            item = by_key[job.key]
            if isinstance(result, Rendered):
                rendered[job.key] = RenderedItem(item, {f.role: f for f in result.files})
                yield self.event(ExportEventKind.ITEM_DONE, done, title=item.title)
            else:
                failed.append(LeftOut(item.item, (f"It could not be exported: {result.reason}.",)))
                yield self.event(
                    ExportEventKind.ITEM_FAILED, done, title=item.title, reason=result.reason
                )
        left_out = plan.left_out + tuple(failed)
        if cancel.is_set():
            self.clean_up()
            yield _finished(plan, self.kind, self.started, (), left_out, cancelled=True)
            return
        items = [rendered[i.item.id] for i in plan.included if i.item.id in rendered]
        if not items:
            self.clean_up()
            yield _finished(plan, self.kind, self.started, (), left_out)
            return

        yield self.event(ExportEventKind.WRITING, done)
        context = ExportContext(
            self.archive,
            plan,
            self.staging,
            items,
            self.archive.settings.organisation(),
            self.archive.settings.policy_url(),
            __version__,
        )
        for exported in items:
            for image in exported.images.values():
                context.files.append(
                    WrittenFile(
                        image.relative,
                        image.sha256,
                        image.size_bytes,
                        image.role,
                        exported.planned,
                        image.blurred,
                    )
                )
        self.writer.write(context)
        context.write_checksums()
        if self.make_zip:
            self.zip_temporary = write_zip(self.staging, self.final)
        if cancel.is_set():
            self.clean_up()
            yield _finished(plan, self.kind, self.started, (), left_out, cancelled=True)
            return
        self._still_allowed([e.planned for e in items])
        publication_id = self._place_and_record(context)
        yield _finished(
            plan,
            self.kind,
            self.started,
            tuple(_exported(e, context) for e in items),
            left_out,
            destination=self.final,
            zip_path=zip_path_for(self.final) if self.make_zip else None,
            publication_id=publication_id,
            files=len(context.files),
        )

    def _still_allowed(self, items: list[PlannedItem]) -> None:
        """Ask again just before anything leaves: a consent withdrawn while the images were
        made stops the export."""
        plan = self.plan
        fresh = load_sources(
            self.archive, [i.item for i in items], plan.use, plan.day, plan.blur_unconsented
        )
        for item in items:
            now = fresh.get(item.item.id)
            before = item.source.decision
            if now is None or (
                now.decision.allowed,
                now.decision.consent_ids,
                now.decision.blur,
            ) != (
                before.allowed,
                before.consent_ids,
                before.blur,
            ):
                why = " ".join(now.decision.reasons) if now else "It is no longer in the archive."
                raise ExportFailed(
                    f"While the export was being made, the consent for item {item.item.ref} "
                    f"changed ({why or 'its consents changed'}). Nothing was exported; "
                    "run the export again."
                )

    def _place_and_record(self, context: ExportContext) -> int:
        plan, final = self.plan, self.final
        assert self.staging is not None
        zip_final = zip_path_for(final) if self.make_zip else None
        files = [_published(f, context) for f in context.files]
        details = {
            "blur_unconsented": plan.blur_unconsented,
            "zip": str(zip_final) if zip_final else None,
            "items": len(context.items),
            "left_out": len(plan.left_out) + len(plan.included) - len(context.items),
            "blurred_regions": sum(len(e.planned.blur) for e in context.items),
        }
        with self.archive.atomic():
            publication_id = self.archive.ledger.record(
                kind=self.kind.value,
                collection_id=plan.collection.id,
                collection_name=plan.collection.name,
                use=plan.use.value,
                destination=str(final),
                decided_on=plan.day.isoformat(),
                user=self.archive.user,
                files=files,
                details=details,
            )
            self.archive.audit.record(
                "collection exported",
                "collection",
                plan.collection.id,
                after={
                    "publication": publication_id,
                    "kind": self.kind.value,
                    "use": plan.use.value,
                    "destination": str(final),
                    "items": [e.planned.item.ref for e in context.items],
                    **details,
                },
            )
            os.rename(self.staging, final)
            self.placed.append(final)
            self.staging = None
            if self.zip_temporary is not None and zip_final is not None:
                os.rename(self.zip_temporary, zip_final)
                self.placed.append(zip_final)
                self.zip_temporary = None
        self.placed = []
        return publication_id


def _published(file: WrittenFile, context: ExportContext) -> PublishedFile:
    item = file.item
    if item is None:  # a page or manifest: it names and shows every item
        consent_ids = sorted({c for e in context.items for c in e.planned.consent_ids})
        return PublishedFile(file.relative, file.sha256, None, tuple(consent_ids), file.role, 0)
    kind, target = item.item.kind, item.item.target_id
    return PublishedFile(
        file.relative,
        file.sha256,
        item.source.photo_id if file.role != "story" else None,
        item.consent_ids,
        file.role,
        file.blurred,
        target if kind is ItemKind.PATCH else None,
        target if kind is ItemKind.STORY else None,
    )


def _exported(rendered: RenderedItem, context: ExportContext) -> ExportedItem:
    item = rendered.planned
    return ExportedItem(
        number=item.number,
        ref=item.item.ref,
        title=item.title,
        files=tuple(f.relative for f in context.files if f.item is item),
        credit=item.credit,
        consent_ids=item.consent_ids,
        blurred_regions=len(item.blur),
        alt_missing=item.alt_missing,
    )


def _finished(
    plan: ExportPlan,
    kind: ExportKind,
    started: float,
    exported: tuple[ExportedItem, ...],
    left_out: tuple[LeftOut, ...],
    **details: object,
) -> ExportEvent:
    summary = ExportSummary(
        kind=kind,
        collection_id=plan.collection.id,
        collection_name=plan.collection.name,
        use=plan.use,
        day=plan.day,
        exported=exported,
        left_out=left_out,
        seconds=time.monotonic() - started,
        **details,  # type: ignore[arg-type]
    )
    return ExportEvent(
        ExportEventKind.FINISHED,
        len(exported),
        len(plan.included),
        seconds=summary.seconds,
        summary=summary,
    )
