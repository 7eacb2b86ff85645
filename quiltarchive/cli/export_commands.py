"""`export` (gallery, press pack, XMP sidecars) and `ledger` (what has left the archive)."""

import threading
from collections.abc import Iterator
from pathlib import Path

import click

from quiltarchive.cli.collection_commands import print_plan
from quiltarchive.cli.import_command import _ctrl_c_cancels
from quiltarchive.cli.output import json_option, print_json, print_table, progress_bar
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import USE
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.consent.rules import in_words
from quiltarchive.curation.collections import EXPORT_USE_NAMES, find_collection
from quiltarchive.export.events import ExportEvent, ExportEventKind, ExportKind, ExportSummary
from quiltarchive.export.run import export_collection
from quiltarchive.model.consent import Use
from quiltarchive.model.publication import Publication

KINDS = [kind.value for kind in ExportKind]


@click.command("export")
@click.argument("collection_name", metavar="COLLECTION")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What to make.")
@click.option(
    "--to",
    "to",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="A new folder, or an existing one (such as a USB stick) to export into.",
)
@click.option("--zip", "make_zip", is_flag=True, help="Also make a zip of the folder beside it.")
@click.option("--use", type=USE, help=f"{EXPORT_USE_NAMES} (default: the collection's use).")
@click.option(
    "--blur-unconsented",
    is_flag=True,
    help="Blur people who have not consented (or must not be identified) where a box is drawn "
    "around them, so their photos can go.",
)
@click.option(
    "--size",
    type=click.IntRange(200, 20_000),
    help="Packs and sidecars: the longest side in pixels (default: the original size).",
)
@click.option(
    "--workers", type=click.IntRange(1, 64), help="Worker processes (default: one per core)."
)
@json_option
@click.pass_context
def export(
    ctx: click.Context,
    collection_name: str,
    kind: str,
    to: Path,
    make_zip: bool,
    use: Use | None,
    blur_unconsented: bool,
    size: int | None,
    workers: int | None,
    as_json: bool,
) -> None:
    """Export a collection as an offline gallery, a press/web pack or XMP sidecars.

    Every photo is checked against the consent of the people in it, for the use, today. What may
    not go is left out and listed with the reasons. Images are made again from their pixels:
    no camera data, GPS or names leave. Ctrl-C stops and leaves nothing behind.
    """
    archive = writing(ctx)
    found = find_collection(archive, collection_name)
    cancel = threading.Event()
    events = export_collection(
        archive,
        found.id,
        ExportKind(kind),
        to,
        use=use,
        make_zip=make_zip,
        blur_unconsented=blur_unconsented,
        size=size,
        workers=workers,
        cancel=cancel,
    )
    summary = _run(events, cancel, quiet=as_json)
    if as_json:
        print_json(summary_json(summary))
    else:
        _print_summary(summary)
    if summary.nothing_exported:
        ctx.exit(1)


def _run(events: Iterator[ExportEvent], cancel: threading.Event, *, quiet: bool) -> ExportSummary:
    with _ctrl_c_cancels(cancel):
        planned = next(events)
        if planned.plan is not None and not quiet:
            print_plan(planned.plan)
        summary = None
        with progress_bar(planned.total, "Exporting", show_pos=True) as bar:
            for event in events:
                if event.kind is ExportEventKind.ITEM_FAILED and not quiet:
                    click.echo(f"\nCould not export “{event.title}”: {event.reason}", err=True)
                if event.done > bar.pos:
                    bar.update(event.done - bar.pos)
                if event.summary is not None:
                    summary = event.summary
    assert summary is not None
    return summary


def summary_json(summary: ExportSummary) -> dict[str, object]:
    return {
        "kind": summary.kind.value,
        "collection": summary.collection_name,
        "use": summary.use.value,
        "decided_on": summary.day.isoformat(),
        "destination": str(summary.destination) if summary.destination else None,
        "zip": str(summary.zip_path) if summary.zip_path else None,
        "publication_id": summary.publication_id,
        "files": summary.files,
        "cancelled": summary.cancelled,
        "exported": [
            {
                "item": e.ref,
                "number": e.number,
                "title": e.title,
                "files": list(e.files),
                "credit": e.credit,
                "consent_ids": list(e.consent_ids),
                "blurred_regions": e.blurred_regions,
                "alt_text_missing": e.alt_missing,
            }
            for e in summary.exported
        ],
        "left_out": [{"item": x.item.ref, "reasons": list(x.reasons)} for x in summary.left_out],
    }


def _print_summary(summary: ExportSummary) -> None:
    if summary.cancelled:
        click.echo("Cancelled: nothing was exported and nothing was left behind.")
        return
    if summary.nothing_exported:
        click.echo(
            f"Nothing was exported: no item of “{summary.collection_name}” may be used for "
            f"{in_words(summary.use)} today."
        )
        return
    blurred = sum(e.blurred_regions for e in summary.exported)
    click.echo(
        f"Exported {len(summary.exported)} item(s) of “{summary.collection_name}” for "
        f"{in_words(summary.use)} to {summary.destination}"
        + (f" and {summary.zip_path}" if summary.zip_path else "")
        + (f", with {blurred} region(s) blurred" if blurred else "")
        + "."
    )
    if summary.left_out:
        click.echo(f"Left out: {len(summary.left_out)} (see above for why).")
    click.echo(f"Recorded in the publication ledger as entry {summary.publication_id}.")


@click.command()
@click.option("--person", "person_id", type=int, help="Only exports that held this person.")
@click.option("--files", "show_files", is_flag=True, help="List every file of each export.")
@json_option
@click.pass_context
def ledger(ctx: click.Context, person_id: int | None, show_files: bool, as_json: bool) -> None:
    """The publication ledger: every export, where it went, by whom, relying on which consents."""
    archive = reading(ctx)
    publications: list[Publication]
    if person_id is not None:
        publications = list(withdrawal_impact(archive, person_id).publications)
    else:
        publications = archive.ledger.publications()
    if as_json:
        print_json(publications)
        return
    if not publications:
        click.echo(
            "Nothing has been exported."
            if person_id is None
            else f"No export held person {person_id}."
        )
        return
    print_table(
        ["id", "when", "who", "kind", "collection", "use", "files", "destination"],
        [
            (
                p.id,
                p.created_at,
                p.user,
                p.kind,
                p.collection_name,
                p.use,
                len(p.files),
                p.destination,
            )
            for p in publications
        ],
    )
    if show_files or person_id is not None:
        for publication in publications:
            click.echo(f"Export {publication.id} ({publication.destination}):")
            for file in publication.files:
                relied = ", ".join(map(str, file.consent_ids)) or "none"
                shows = [
                    f"{what} {target}"
                    for what, target in (
                        ("patch", file.patch_id),
                        ("story", file.story_id),
                        ("photo", file.photo_id),
                    )
                    if target
                ]
                click.echo(f"  {file.file_name}  [{', '.join(shows) or 'page'}; consents {relied}]")


COMMANDS = [export, ledger]
