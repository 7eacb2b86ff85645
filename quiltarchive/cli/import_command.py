"""`import`: bring photos in from cards, phones and folders, with a progress bar."""

import contextlib
import signal
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click

from quiltarchive.cli.output import json_option, print_json, progress_bar, short_duration
from quiltarchive.cli.session import writing
from quiltarchive.cli.values import DAY
from quiltarchive.events import ensure_event
from quiltarchive.importing.events import EventKind, ImportEvent, ImportSummary
from quiltarchive.importing.pipeline import import_photos, resume_import


@click.command("import")
@click.argument("sources", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--event",
    "event_name",
    metavar="NAME",
    help="The workshop or event the photos belong to (created if new).",
)
@click.option("--event-date", type=DAY, help="The date of a new event.")
@click.option("--venue", default="", help="Where a new event was held.")
@click.option(
    "--workers", type=click.IntRange(1, 64), help="Worker processes (default: one per core)."
)
@click.option(
    "--resume", is_flag=True, help="Carry on with the last cancelled or interrupted import."
)
@click.option("--batch", "batch_id", type=int, help="With --resume: the import batch to resume.")
@json_option
@click.pass_context
def import_(
    ctx: click.Context,
    sources: tuple[str, ...],
    event_name: str | None,
    event_date: date | None,
    venue: str,
    workers: int | None,
    resume: bool,
    batch_id: int | None,
    as_json: bool,
) -> None:
    """Import photos from files and folders (a camera card's DCIM folder, a phone's export…).

    Files already in the archive are recognised by their content and not added twice. Files that
    cannot be imported are listed with the reason; the rest of the import goes on. Ctrl-C stops
    cleanly, and `import --resume` carries on later.

    Exits with status 1 if any file could not be imported (or the archive's disk is full), and 0
    when everything went in or was only skipped (already in the archive, or not a photo).
    """
    if (event_date or venue) and not event_name:
        raise click.UsageError(
            "--event-date and --venue describe a new event: name it with --event."
        )
    archive = writing(ctx)
    cancel = threading.Event()
    if resume:
        events = resume_import(archive, batch_id, workers=workers, cancel=cancel)
    else:
        if not sources:
            raise click.UsageError("Name at least one file or folder to import.")
        event_id = None
        if event_name:
            event_id = ensure_event(archive, event_name, held_on=event_date, venue=venue).id
        events = import_photos(archive, sources, event_id=event_id, workers=workers, cancel=cancel)
    summary = _run_with_progress(events, cancel)
    if as_json:
        print_json(summary)
    else:
        _print_summary(summary)
    if summary.failed or summary.archive_full:
        ctx.exit(1)  # for scripts: not everything went in (duplicates and non-photos are fine)


def _run_with_progress(events: Iterator[ImportEvent], cancel: threading.Event) -> ImportSummary:
    summary: ImportSummary | None = None
    current = ""

    def describe(_: object) -> str:
        return current

    with _ctrl_c_cancels(cancel):
        first = next(events)
        with progress_bar(first.total, "Importing", show_pos=True, item_show_func=describe) as bar:
            for event in events:
                if event.kind is EventKind.FILE_STARTED:
                    current = Path(event.path).name
                if event.done > bar.pos:
                    bar.update(event.done - bar.pos, current)
                if event.summary is not None:
                    summary = event.summary
    assert summary is not None
    return summary


@contextlib.contextmanager
def _ctrl_c_cancels(cancel: threading.Event) -> Iterator[None]:
    """The first Ctrl-C stops the import cleanly after the files in progress; a second one
    stops at once (the import can still be resumed)."""

    def on_interrupt(_signal: int, _frame: object) -> None:
        cancel.set()
        click.echo(
            "\nStopping after the files in progress (Ctrl-C again to stop at once)…", err=True
        )
        signal.signal(signal.SIGINT, signal.default_int_handler)

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _print_summary(summary: ImportSummary) -> None:
    if summary.archive_full:
        verb = "Stopped: the archive's disk is full. Imported"
    elif summary.cancelled:
        verb = "Cancelled after importing"
    else:
        verb = "Imported"
    click.echo(
        f"{verb} {summary.imported} photo(s) in {short_duration(summary.seconds)} "
        f"(import batch {summary.batch_id})."
    )
    if summary.duplicates:
        click.echo(f"{len(summary.duplicates)} already in the archive, not added again.")
    if summary.failed:
        click.echo(f"{len(summary.failed)} could not be imported:")
        for outcome in summary.failed:
            click.echo(f"  {outcome.path}: {outcome.reason}")
    if summary.skipped:
        click.echo(f"{len(summary.skipped)} skipped, not photos:")
        for outcome in summary.skipped:
            click.echo(f"  {outcome.path}: {outcome.reason}")
    for outcome in summary.notes:
        click.echo(f"Note: {outcome.path}: {outcome.reason}")
    if summary.archive_full:
        click.echo(
            f"{summary.remaining} file(s) not yet imported; nothing half-written was kept. "
            "Free some space, then `quiltarchive import --resume` carries on."
        )
    elif summary.cancelled:
        click.echo(
            f"{summary.remaining} file(s) not yet read; `quiltarchive import --resume` carries on."
        )


COMMANDS = [import_]
