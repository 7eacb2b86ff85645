"""`patch …` and `patches`: recording quilt patches, their photos and their places."""

from datetime import date
from pathlib import Path
from typing import Any

import click

from quiltarchive.archive import Archive
from quiltarchive.cli.decisions import print_decision
from quiltarchive.cli.output import json_option, jsonable, print_fields, print_json, print_table
from quiltarchive.cli.people_commands import AGE_BANDS
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import DAY, USE
from quiltarchive.consent.assessment import assess_subject
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import Patch, PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.quilt import Placement, Position
from quiltarchive.model.subject import Subject
from quiltarchive.works.patches import (
    add_patch,
    add_patch_photo,
    remove_patch_photo,
    update_patch,
)
from quiltarchive.works.placement import place_patch, unplace_patch
from quiltarchive.works.refs import find_patch
from quiltarchive.works.search import search_works
from quiltarchive.works.values import read_text_file

ROLES = [role.value for role in PhotoRole]


@click.group()
def patch() -> None:
    """Quilt patches: a maker's work, its story in their words, its photos and place."""


@patch.command("add")
@click.argument("code")
@click.option("--title", required=True, help="The patch's title.")
@click.option(
    "--maker",
    "maker_id",
    type=int,
    required=True,
    metavar="PERSON_ID",
    help="Who made it: a person, or a group (a class, a family) recorded as one.",
)
@click.option("--quilt", "quilt_name", metavar="NAME", help="Place it in this quilt…")
@click.option("--row", type=int, help="…in this row (from 1, top)…")
@click.option("--col", "column", type=int, help="…and this column (from 1, left).")
@click.option("--event", "event_id", type=int, metavar="ID", help="The workshop it was made at.")
@click.option(
    "--story-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A UTF-8 text file with the patch's story in the maker's words.",
)
@click.option("--age-band", type=click.Choice(AGE_BANDS), help="The maker's age band then.")
@click.option("--received", type=DAY, help="The date the patch was received.")
@click.option("--materials", default="", help="What it is made of.")
@click.option("--size", default="", help="Its size, e.g. 30 × 30 cm.")
@click.option("--notes", default="", help="Anything else worth knowing.")
@json_option
@click.pass_context
def patch_add(
    ctx: click.Context,
    code: str,
    title: str,
    maker_id: int,
    quilt_name: str | None,
    row: int | None,
    column: int | None,
    event_id: int | None,
    story_file: Path | None,
    age_band: str | None,
    received: date | None,
    materials: str,
    size: str,
    notes: str,
    as_json: bool,
) -> None:
    """Record a patch with its code (e.g. P-0042); prints the code."""
    given = [quilt_name is not None, row is not None, column is not None]
    if any(given) and not all(given):
        raise click.UsageError("Give --quilt, --row and --col together, or none of them.")
    story = read_text_file(story_file, what="story") if story_file else ""
    added = add_patch(
        writing(ctx),
        code,
        title=title,
        maker_id=maker_id,
        maker_age_band=AgeBand(age_band) if age_band else None,
        event_id=event_id,
        received_on=received,
        materials=materials,
        size=size,
        story=story,
        notes=notes,
        place=(quilt_name, row, column)
        if quilt_name and row is not None and column is not None
        else None,
    )
    print_json(patch_json(added)) if as_json else click.echo(added.code)


@patch.command("edit")
@click.argument("code")
@click.option("--code", "new_code", help="A new code.")
@click.option("--title", help="A new title.")
@click.option("--maker", "maker_id", type=int, metavar="PERSON_ID", help="Another maker.")
@click.option("--event", "event_id", type=int, metavar="ID", help="The workshop.")
@click.option(
    "--story-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A UTF-8 text file with the story in the maker's words.",
)
@click.option("--age-band", type=click.Choice(AGE_BANDS), help="The maker's age band then.")
@click.option("--received", type=DAY, help="The date it was received.")
@click.option("--materials", help="What it is made of.")
@click.option("--size", help="Its size.")
@click.option("--notes", help="Notes.")
@json_option
@click.pass_context
def patch_edit(
    ctx: click.Context,
    code: str,
    new_code: str | None,
    title: str | None,
    maker_id: int | None,
    event_id: int | None,
    story_file: Path | None,
    age_band: str | None,
    received: date | None,
    materials: str | None,
    size: str | None,
    notes: str | None,
    as_json: bool,
) -> None:
    """Change what is recorded about a patch."""
    changes: dict[str, Any] = {
        key: value
        for key, value in {
            "code": new_code,
            "title": title,
            "maker_id": maker_id,
            "event_id": event_id,
            "maker_age_band": AgeBand(age_band) if age_band else None,
            "received_on": received,
            "materials": materials,
            "size": size,
            "notes": notes,
        }.items()
        if value is not None
    }
    if story_file is not None:
        changes["story"] = read_text_file(story_file, what="story")
    if not changes:
        raise click.UsageError("Say what to change (see --help).")
    changed = update_patch(writing(ctx), code, **changes)
    print_json(patch_json(changed)) if as_json else click.echo(f"Patch {changed.code} changed.")


@patch.command("photo")
@click.argument("code")
@click.argument("photo_id", type=int)
@click.option(
    "--role",
    type=click.Choice(ROLES),
    default="front",
    show_default=True,
    help="front (shown on the quilt map and renders), back, or detail.",
)
@click.option("--remove", is_flag=True, help="Remove the photo from the patch instead.")
@json_option
@click.pass_context
def patch_photo(
    ctx: click.Context, code: str, photo_id: int, role: str, remove: bool, as_json: bool
) -> None:
    """Record that a photo shows a patch (or, with --remove, no longer)."""
    archive = writing(ctx)
    if remove:
        changed = remove_patch_photo(archive, code, photo_id)
    else:
        changed = add_patch_photo(archive, code, photo_id, PhotoRole(role))
    if as_json:
        print_json(patch_json(changed))
        return
    described = ", ".join(f"{p.photo_id} ({p.role.value})" for p in changed.photos) or "none"
    click.echo(f"Patch {changed.code}'s photos: {described}")


@patch.command("place")
@click.argument("code")
@click.option("--quilt", "quilt_name", required=True, metavar="NAME", help="The quilt.")
@click.option("--row", type=int, required=True, help="The row, from 1 at the top.")
@click.option("--col", "column", type=int, required=True, help="The column, from 1 at the left.")
@click.option("--swap", is_flag=True, help="If the cell is taken, swap the two patches.")
@json_option
@click.pass_context
def patch_place(
    ctx: click.Context,
    code: str,
    quilt_name: str,
    row: int,
    column: int,
    swap: bool,
    as_json: bool,
) -> None:
    """Place a patch in a quilt's cell, or move it there."""
    archive = writing(ctx)
    placement = place_patch(archive, code, quilt_name, row, column, swap=swap)
    _print_placement(archive, placement, as_json)


@patch.command("unplace")
@click.argument("code")
@json_option
@click.pass_context
def patch_unplace(ctx: click.Context, code: str, as_json: bool) -> None:
    """Take a patch out of its quilt."""
    archive = writing(ctx)
    _print_placement(archive, unplace_patch(archive, code), as_json)


def position_json(position: Position | None) -> dict[str, int] | None:
    return position._asdict() if position is not None else None


def patch_json(patch: Patch) -> dict[str, Any]:
    """A patch for scripts, its place as {quilt_id, row, column}."""
    return {**jsonable(patch), "position": position_json(patch.position)}


def _print_placement(archive: Archive, placement: Placement, as_json: bool) -> None:
    if as_json:
        moves = [
            {
                "patch_id": m.patch_id,
                "code": m.code,
                "before": position_json(m.before),
                "after": position_json(m.after),
            }
            for m in placement.moves
        ]
        print_json({"moves": moves})
        return
    if not placement.moves:
        click.echo("Nothing to change: the patch is already there.")
    for move in placement.moves:
        click.echo(
            f"Patch {move.code}: {_where(archive, move.before)} → {_where(archive, move.after)}"
        )


def _where(archive: Archive, position: Position | None) -> str:
    if position is None:
        return "not placed"
    name = archive.quilts.get(position.quilt_id).name
    return f"“{name}” row {position.row}, column {position.column}"


@patch.command("show")
@click.argument("code")
@json_option
@click.pass_context
def patch_show(ctx: click.Context, code: str, as_json: bool) -> None:
    """Everything recorded about a patch."""
    archive = reading(ctx)
    found = find_patch(archive, code)
    stories = archive.stories.get_many(archive.stories.referring_to_patch(found.id))
    if as_json:
        print_json(
            {
                "patch": patch_json(found),
                "stories": [{"id": s.id, "title": s.title} for s in stories],
            }
        )
        return
    maker = archive.people.get(found.maker_id) if found.maker_id is not None else None
    event = archive.events.get(found.event_id) if found.event_id is not None else None
    print_fields(
        [
            ("Patch", found.code),
            ("Title", found.title),
            ("Maker", f"{maker.name} ({maker.id})" if maker else "not recorded"),
            ("Maker is a group", "yes" if maker and maker.is_group else None),
            ("Maker's age band", found.maker_age_band.value if found.maker_age_band else None),
            ("Event", f"{event.name} ({event.id})" if event else None),
            ("Received", found.received_on),
            ("Materials", found.materials),
            ("Size", found.size),
            ("Place", _where(archive, found.position)),
            ("Photos", ", ".join(f"{p.photo_id} ({p.role.value})" for p in found.photos)),
            ("Stories", ", ".join(f"{s.title} ({s.id})" for s in stories)),
            ("Notes", found.notes),
        ]
    )
    if found.story:
        click.echo("\nIn the maker's words:\n")
        click.echo(found.story)


@patch.command("assess")
@click.argument("code")
@click.option("--use", type=USE, required=True, help="archive, exhibition, print, web, social…")
@click.option("--on", "on", type=DAY, help="The day of the decision (default: today).")
@click.option("--with-story", is_flag=True, help="Shown with the story in the maker's words.")
@click.option("--photo", "photo_id", type=int, help="Shown by this photo of it, not its front.")
@click.option("--blur-unconsented", is_flag=True, help="As for an export that blurs people.")
@json_option
@click.pass_context
def patch_assess(
    ctx: click.Context,
    code: str,
    use: Use,
    on: date | None,
    with_story: bool,
    photo_id: int | None,
    blur_unconsented: bool,
    as_json: bool,
) -> None:
    """May a patch be used for USE on a day? Every reason it may not, and the credit."""
    archive = reading(ctx)
    found = find_patch(archive, code)
    decision = assess_subject(
        archive,
        Subject.patch(found.id, with_story=with_story),
        use,
        on,
        blur_regions=blur_unconsented,
        shown_photo_id=photo_id,
    )
    print_decision(f"Patch {found.code}", {"patch": found.code}, decision, as_json)


@click.command()
@click.option("--quilt", "quilt_name", metavar="NAME", help="Only the patches of this quilt.")
@click.option("--unplaced", is_flag=True, help="Only patches not yet placed in a quilt.")
@click.option("--search", "text", help="Only patches matching these words (code, maker, story…).")
@json_option
@click.pass_context
def patches(
    ctx: click.Context, quilt_name: str | None, unplaced: bool, text: str | None, as_json: bool
) -> None:
    """List patches: code, title, maker, place and photos."""
    archive = reading(ctx)
    if quilt_name and unplaced:
        raise click.UsageError("Give --quilt or --unplaced, not both.")
    quilt_id = archive.quilts.named(quilt_name).id if quilt_name else None
    found: list[Patch] = archive.patches.list(quilt_id=quilt_id, placed=False if unplaced else None)
    if text is not None:
        matching = {p.id for p in search_works(archive, text).patches}
        found = [p for p in found if p.id in matching]
    if as_json:
        print_json([patch_json(p) for p in found])
        return
    makers = {p.id: p for p in archive.people.get_many(p.maker_id for p in found if p.maker_id)}
    quilts = {q.id: q.name for q in archive.quilts.list()}
    print_table(
        ["code", "title", "maker", "quilt", "row", "col", "photos"],
        [
            (
                p.code,
                p.title,
                makers[p.maker_id].name if p.maker_id in makers else "",
                quilts.get(p.position.quilt_id, "") if p.position else "",
                p.position.row if p.position else "",
                p.position.column if p.position else "",
                len(p.photos),
            )
            for p in found
        ],
    )


COMMANDS = [patch, patches]
