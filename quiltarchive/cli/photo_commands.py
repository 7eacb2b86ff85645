"""`photos` and `show`: what the archive holds."""

import click

from quiltarchive.cli.output import json_option, print_fields, print_json, print_table
from quiltarchive.cli.session import reading
from quiltarchive.model.photo import Photo, TakenAtSource


def photo_row(photo: Photo) -> dict[str, object]:
    return {
        "id": photo.id,
        "file_name": photo.file_name,
        "sha256": photo.sha256,
        "taken_at": photo.taken_at,
        "taken_at_source": photo.taken_at_source.value,  # "file-time": not the camera's clock
        "camera": photo.camera,
        "width": photo.width,
        "height": photo.height,
        "review_state": photo.review_state.value,
        "rights": photo.rights.value,
    }


@click.command()
@click.option("--event", "event_id", type=int, help="Only the photos of this event (by id).")
@click.option("--batch", "batch_id", type=int, help="Only the photos of this import batch.")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many.")
@json_option
@click.pass_context
def photos(
    ctx: click.Context,
    event_id: int | None,
    batch_id: int | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List photos in the order they were taken.

    A time marked "(file's date)" is the file's own date: the camera recorded none.
    """
    listed = reading(ctx).photos.list(event_id=event_id, batch_id=batch_id, limit=limit)
    rows = [photo_row(p) for p in listed]
    if as_json:
        print_json(rows)
        return
    print_table(
        ["id", "file name", "taken", "camera", "size", "review", "rights", "sha256"],
        [
            (
                r["id"],
                r["file_name"],
                _taken(r),
                r["camera"],
                f"{r['width']}×{r['height']}",
                r["review_state"],
                r["rights"],
                str(r["sha256"])[:12],
            )
            for r in rows
        ],
    )


def _taken(row: dict[str, object]) -> str:
    taken = str(row["taken_at"] or "unknown")
    if row["taken_at_source"] == TakenAtSource.FILE_TIME.value:
        taken += " (file's date)"
    return taken


@click.command()
@click.argument("photo_id", type=int)
@click.option(
    "--location",
    "show_location",
    is_flag=True,
    help="Also show where it was taken (sensitive: hidden unless asked for).",
)
@json_option
@click.pass_context
def show(ctx: click.Context, photo_id: int, show_location: bool, as_json: bool) -> None:
    """Everything recorded about one photo."""
    archive = reading(ctx)
    photo = archive.photos.get(photo_id)
    event = archive.events.get(photo.event_id) if photo.event_id else None
    details: dict[str, object] = {
        **photo_row(photo),
        "format": photo.format,
        "size_bytes": photo.size_bytes,
        "orientation": photo.orientation,
        "camera_make": photo.camera_make,
        "camera_model": photo.camera_model,
        "caption": photo.caption,
        "alt_text": photo.alt_text,
        "iptc_caption": photo.iptc_caption,
        "iptc_keywords": list(photo.iptc_keywords),
        "licence": photo.licence,
        "withheld": photo.withheld,
        "event": event.name if event else None,
        "batch_id": photo.batch_id,
        "imported_at": photo.imported_at,
        "has_location": photo.has_location,
        "original": str(archive.layout.original_path(photo.sha256, photo.extension)),
    }
    if show_location:
        details["location"] = archive.photos.location(photo_id)
    if as_json:
        print_json(details)
        return
    taken = photo.taken_at or "unknown"
    if photo.taken_at_source is TakenAtSource.FILE_TIME:
        taken += " (from the file's date: the camera recorded no time)"
    pairs: list[tuple[str, object]] = [
        ("Photo", photo.id),
        ("File name", photo.file_name),
        ("Taken", taken),
        ("Camera", photo.camera),
        ("Size", f"{photo.width} × {photo.height} px, {photo.format}, {photo.size_bytes:,} bytes"),
        ("Event", details["event"]),
        ("Caption", photo.caption),
        ("Alt text", photo.alt_text),
        ("Keywords", ", ".join(photo.iptc_keywords)),
        ("Review", photo.review_state.value),
        ("Rights", photo.rights.value + (f" ({photo.licence})" if photo.licence else "")),
        ("Withheld", "yes" if photo.withheld else "no"),
        (
            "Location",
            "recorded (sensitive; --location shows it)"
            if photo.has_location and not show_location
            else details.get("location") or "none",
        ),
        ("SHA-256", photo.sha256),
        ("Original", details["original"]),
    ]
    print_fields(pairs)


COMMANDS = [photos, show]
