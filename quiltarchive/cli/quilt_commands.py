"""`quilt …`: quilts, their map, and the virtual quilt render."""

import contextlib
from datetime import date
from pathlib import Path
from typing import Any

import click

from quiltarchive.cli.output import json_option, print_fields, print_json, print_table, progress_bar
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import DAY, USE
from quiltarchive.consent.rules import in_words
from quiltarchive.model.consent import Use
from quiltarchive.model.quilt import QuiltCell, QuiltGrid
from quiltarchive.works.quilt_map import quilt_grid
from quiltarchive.works.quilts import create_quilt, delete_quilt, update_quilt
from quiltarchive.works.render import (
    DEFAULT_WIDTH,
    Labels,
    RenderOptions,
    parse_colour,
    render_quilt,
)

LABELS = [label.value for label in Labels if label is not Labels.NONE]


@click.group()
def quilt() -> None:
    """Quilts: grids of patches, their map, and rendering the whole quilt as one image."""


@quilt.command("create")
@click.argument("name")
@click.option("--rows", type=click.IntRange(1, 100), required=True, help="Rows of patches.")
@click.option("--cols", "columns", type=click.IntRange(1, 100), required=True, help="Columns.")
@click.option("--notes", default="", help="Anything worth knowing about the quilt.")
@json_option
@click.pass_context
def quilt_create(
    ctx: click.Context, name: str, rows: int, columns: int, notes: str, as_json: bool
) -> None:
    """Record a quilt of ROWS × COLS patches; prints its id."""
    made = create_quilt(writing(ctx), name, rows, columns, notes)
    print_json(made) if as_json else click.echo(made.id)


@quilt.command("list")
@json_option
@click.pass_context
def quilt_list(ctx: click.Context, as_json: bool) -> None:
    """List the quilts, with how many of their cells hold a patch."""
    found = reading(ctx).quilts.list()
    if as_json:
        print_json(found)
        return
    print_table(
        ["id", "name", "grid", "patches", "notes"],
        [
            (q.id, q.name, f"{q.rows} × {q.columns}", f"{q.placed}/{q.cells}", q.notes)
            for q in found
        ],
    )


@quilt.command("edit")
@click.argument("name")
@click.option("--name", "new_name", help="A new name.")
@click.option("--rows", type=click.IntRange(1, 100), help="A new number of rows.")
@click.option("--cols", "columns", type=click.IntRange(1, 100), help="A new number of columns.")
@click.option("--notes", help="New notes.")
@json_option
@click.pass_context
def quilt_edit(
    ctx: click.Context,
    name: str,
    new_name: str | None,
    rows: int | None,
    columns: int | None,
    notes: str | None,
    as_json: bool,
) -> None:
    """Rename a quilt, change its notes, or resize it (never past a placed patch)."""
    changed = update_quilt(
        writing(ctx), name, name=new_name, rows=rows, columns=columns, notes=notes
    )
    print_json(changed) if as_json else click.echo(
        f"Quilt {changed.id}: “{changed.name}”, {changed.rows} × {changed.columns}."
    )


@quilt.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@json_option
@click.pass_context
def quilt_delete(ctx: click.Context, name: str, yes: bool, as_json: bool) -> None:
    """Delete a quilt. Its patches are kept, no longer placed."""
    archive = writing(ctx)
    found = archive.quilts.named(name)
    if not yes:
        click.confirm(
            f"Delete quilt “{found.name}”? Its {found.placed} patch(es) will be kept, unplaced",
            abort=True,
            err=True,
        )
    codes = delete_quilt(archive, found.id)
    if as_json:
        print_json({"deleted": found.id, "unplaced": codes})
    else:
        click.echo(f"Quilt “{found.name}” deleted; {len(codes)} patch(es) are now unplaced.")


@quilt.command("show")
@click.argument("name")
@click.option("--use", type=USE, help="Mark the patches that may not be used for this use.")
@click.option("--on", "on", type=DAY, help="The day of the decision (default: today).")
@json_option
@click.pass_context
def quilt_show(
    ctx: click.Context, name: str, use: Use | None, on: date | None, as_json: bool
) -> None:
    """A quilt's map: which patch is in which cell (and, with --use, which may be used)."""
    grid = quilt_grid(reading(ctx), name, use or Use.ARCHIVE, on)
    if as_json:
        print_json({"quilt": grid.quilt, "cells": [_cell_json(c) for c in grid.placed()]})
        return
    quilt_record = grid.quilt
    print_fields(
        [
            ("Quilt", quilt_record.id),
            ("Name", quilt_record.name),
            ("Grid", f"{quilt_record.rows} rows × {quilt_record.columns} columns"),
            ("Patches", f"{quilt_record.placed} of {quilt_record.cells} cells"),
            ("Notes", quilt_record.notes),
        ]
    )
    click.echo()
    _print_map(grid, use)


def _cell_json(cell: QuiltCell) -> dict[str, Any]:
    decision = cell.decision
    return {
        "row": cell.row,
        "column": cell.column,
        "patch_id": cell.patch_id,
        "code": cell.code,
        "title": cell.title,
        "photo_id": cell.photo_id,
        "thumbnail": str(cell.thumbnail) if cell.thumbnail else None,
        "allowed": cell.allowed,
        "credit": cell.credit,
        "reasons": list(decision.reasons) if decision else [],
    }


def _print_map(grid: QuiltGrid, use: Use | None) -> None:
    def shown(cell: QuiltCell) -> str:
        if cell.empty:
            return "·"
        return cell.code if use is None or cell.allowed else f"({cell.code})"

    texts = [[shown(cell) for cell in row] for row in grid.cells]
    width = max(len(text) for row in texts for text in row)
    margin = len(str(grid.quilt.rows))
    click.echo(
        " " * margin + "  " + "  ".join(str(c + 1).center(width) for c in range(grid.quilt.columns))
    )
    for number, row in enumerate(texts, start=1):
        click.echo(f"{number:>{margin}}  " + "  ".join(text.center(width) for text in row).rstrip())
    if use is not None:
        refused = [c for c in grid.placed() if not c.allowed]
        click.echo(f"\n(…) may not be used for {in_words(use)}: {len(refused)} patch(es).")
        for cell in refused:
            for reason in cell.decision.reasons if cell.decision else ():
                click.echo(f"  - {reason}")


@quilt.command("render")
@click.argument("name")
@click.option(
    "--to",
    "destination",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The image to write: a .png (any size) or a .jpg.",
)
@click.option("--width", type=click.IntRange(1), help="Width in pixels (default 3000).")
@click.option("--inches", type=click.FloatRange(min=0, min_open=True), help="Width in inches…")
@click.option("--dpi", type=click.IntRange(1), default=300, show_default=True, help="…at DPI.")
@click.option(
    "--use",
    type=USE,
    default="print",
    show_default=True,
    help="Patches not allowed for this use are drawn as a plain placeholder.",
)
@click.option("--on", "on", type=DAY, help="The day of the decision (default: today).")
@click.option(
    "--labels",
    type=click.Choice(LABELS),
    is_flag=False,
    flag_value="code",
    default=None,
    help="Label each patch: code (the default for a bare --labels), credit, or both.",
)
@click.option("--seam-colour", "seam_colour", default="#f3ede2", show_default=True)
@click.option("--seam", "seam_width", type=click.IntRange(0), help="Seam width in pixels.")
@click.option("--title", default="", help="A heading above the quilt.")
@click.option(
    "--from-originals",
    is_flag=True,
    help="Decode every patch photo from its original (slower; the best print quality).",
)
@json_option
@click.pass_context
def quilt_render(
    ctx: click.Context,
    name: str,
    destination: Path,
    width: int | None,
    inches: float | None,
    dpi: int,
    use: Use,
    on: date | None,
    labels: str | None,
    seam_colour: str,
    seam_width: int | None,
    title: str,
    from_originals: bool,
    as_json: bool,
) -> None:
    """Compose the patch photos into one image of the whole quilt."""
    if width is not None and inches is not None:
        raise click.UsageError("Give --width or --inches, not both.")
    if inches is not None:
        width = round(inches * dpi)
    options = RenderOptions(
        width=width or DEFAULT_WIDTH,
        use=use,
        on_day=on,
        labels=Labels(labels) if labels else Labels.NONE,
        seam_colour=parse_colour(seam_colour),
        seam_width=seam_width,
        title=title,
        from_originals=from_originals,
    )
    with contextlib.ExitStack() as stack:
        bars: list[Any] = []

        def advance(done: int, total: int) -> None:
            if not bars:  # only once the render is under way: a refusal is one line
                bars.append(stack.enter_context(progress_bar(total, "Rendering")))
            bars[0].update(1)

        report = render_quilt(writing(ctx), name, destination, options, progress=advance)
    for problem in report.problems:
        click.echo(f"Warning: {problem}", err=True)
    if as_json:
        print_json(report)
        return
    click.echo(f"{report.path} ({report.width} × {report.height} px)")
    click.echo(
        f"{len(report.shown)} patch(es) shown for {in_words(use)} on {report.day}; "
        f"{len(report.not_shown)} drawn as placeholders"
        + (f": {', '.join(report.not_shown)}" if report.not_shown else "")
        + f"; {report.empty_cells} empty cell(s)."
    )


COMMANDS = [quilt]
