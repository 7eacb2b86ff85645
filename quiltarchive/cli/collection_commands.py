"""`collection …`: curated sets, and what an export of one would leave out and why."""

from datetime import date

import click

from quiltarchive.cli.output import json_option, print_json, print_table
from quiltarchive.cli.session import reading, writing
from quiltarchive.cli.values import DAY, USE
from quiltarchive.consent.rules import in_words
from quiltarchive.curation.collections import (
    EXPORT_USE_NAMES,
    add_items,
    collection_snapshot,
    create_collection,
    delete_collection,
    describe_item,
    find_collection,
    move_item,
    remove_items,
    update_collection,
)
from quiltarchive.errors import InvalidInput
from quiltarchive.export.plan import ExportPlan, preflight
from quiltarchive.model.collection import CollectionItem, ItemKind
from quiltarchive.model.consent import Use

USE_HELP = f"The use the set is for: {EXPORT_USE_NAMES}."


@click.group()
def collection() -> None:
    """Curated sets of photos, quilt patches and stories, in order, with their own captions,
    ready to export.

    Items are named as you would say them: a photo by its id (12), a patch by its code
    (P-0042) and a story as story:5."""


@collection.command("create")
@click.argument("name")
@click.option("--use", type=USE, help=USE_HELP)
@click.option("--description", default="", help="Shown on the title page of a gallery.")
@json_option
@click.pass_context
def collection_create(
    ctx: click.Context, name: str, use: Use | None, description: str, as_json: bool
) -> None:
    """Create a collection; prints its id."""
    created = create_collection(writing(ctx), name, use, description)
    print_json(collection_snapshot(created, [])) if as_json else click.echo(created.id)


@collection.command("list")
@json_option
@click.pass_context
def collection_list(ctx: click.Context, as_json: bool) -> None:
    """Every collection, with its use and number of items."""
    found = reading(ctx).collections.all()
    if as_json:
        print_json([collection_snapshot(c, []) | {"items": c.item_count} for c in found])
        return
    if not found:
        click.echo("There are no collections yet; `collection create NAME` makes one.")
        return
    print_table(
        ["id", "name", "use", "items", "changed"],
        [(c.id, c.name, c.use.value if c.use else "—", c.item_count, c.updated_at) for c in found],
    )


@collection.command("show")
@click.argument("name")
@click.option("--use", type=USE, help="Check for this use instead of the collection's own.")
@click.option("--on", "on", type=DAY, help="Check for this day (default: today).")
@click.option(
    "--blur-unconsented",
    is_flag=True,
    help="As for an export that blurs people who have not consented.",
)
@json_option
@click.pass_context
def collection_show(
    ctx: click.Context,
    name: str,
    use: Use | None,
    on: date | None,
    blur_unconsented: bool,
    as_json: bool,
) -> None:
    """A collection's items in order, and before any export: which would be left out and why,
    and which lack alt text."""
    archive = reading(ctx)
    found = find_collection(archive, name)
    items = archive.collections.items(found.id)
    plan = None
    if use is not None or found.use is not None:
        plan = preflight(archive, found.id, use, on, blur_unconsented=blur_unconsented)
    if as_json:
        snapshot = collection_snapshot(found, items)
        if plan is not None:
            snapshot["check"] = plan_json(plan)
        print_json(snapshot)
        return
    click.echo(f"Collection {found.id}: {found.name}")
    click.echo(f"Use: {found.use.value if found.use else '— (none chosen)'}")
    if found.description:
        click.echo(f"Description: {found.description}")
    if not items:
        click.echo("It is empty; `collection add` puts photos in it.")
        return
    if plan is None:
        print_table(
            ["#", "item", "caption"],
            [(i.position, item_label(i), i.caption or "") for i in items],
        )
        click.echo("Give it a use (`collection set NAME --use web`) to see what may go out.")
        return
    print_plan(plan)


def item_label(item: CollectionItem, code: str = "") -> str:
    """`photo 12`, `patch P-0042` (or `patch 7` when its code is not at hand), `story 5`."""
    if item.kind is ItemKind.PATCH and code:
        return f"patch {code}"
    return f"{item.kind.value} {item.target_id}"


def plan_json(plan: ExportPlan) -> dict[str, object]:
    return {
        "use": plan.use.value,
        "on": plan.day.isoformat(),
        "blur_unconsented": plan.blur_unconsented,
        "included": [
            {
                "item": p.item.ref,
                "number": p.number,
                "file": p.stem,
                "title": p.title,
                "credit": p.credit,
                "consent_ids": list(p.consent_ids),
                "blurred_regions": len(p.blur),
                "alt_text_missing": p.alt_missing,
                "kind": p.item.kind.value,
                "words_left_out": p.source.words_left_out,
            }
            for p in plan.included
        ],
        "left_out": [{"item": x.item.ref, "reasons": list(x.reasons)} for x in plan.left_out],
        "lacking_alt_text": [p.item.ref for p in plan.lacking_alt_text],
        "problems": list(plan.problems),
    }


def print_plan(plan: ExportPlan) -> None:
    click.echo(
        f"For {in_words(plan.use)} on {plan.day.isoformat()}"
        + (", blurring people who have not consented" if plan.blur_unconsented else "")
        + f": {len(plan.included)} of {len(plan.included) + len(plan.left_out)} item(s) may go."
    )
    going = {p.item.id: p for p in plan.included}
    leaving = {x.item.id: x for x in plan.left_out}
    items = sorted(
        [p.item for p in plan.included] + [x.item for x in plan.left_out], key=lambda i: i.position
    )
    for item in items:
        if item.id in going:
            planned = going[item.id]
            notes = []
            if planned.blur:
                notes.append(f"{len(planned.blur)} region(s) blurred")
            if planned.alt_missing:
                notes.append("no alt text")
            if planned.credit:
                notes.append(f"credit: {planned.credit}")
            extra = f" ({'; '.join(notes)})" if notes else ""
            code = planned.source.work.code if planned.source.work else ""
            label = item_label(item, code)
            click.echo(f"  {item.position:>3}. {label}: goes as {planned.stem}{extra}")
            if planned.source.words_left_out:
                click.echo(f"         - {planned.source.words_left_out}")
        else:
            click.echo(f"  {item.position:>3}. {item_label(item)}: LEFT OUT")
            for reason in leaving[item.id].reasons:
                click.echo(f"         - {reason}")
    if plan.lacking_alt_text:
        photos = [str(p.item.target_id) for p in plan.lacking_alt_text if p.source.work is None]
        patches = [p.source.work.code for p in plan.lacking_alt_text if p.source.work]
        refs = "; ".join(
            f"{what} {', '.join(names)}"
            for what, names in (("photo(s)", photos), ("patch(es)", patches))
            if names
        )
        click.echo(
            f"Lacking alt text: {refs}. Write it with `describe ID --alt` or "
            "`collection describe NAME ID --alt`; until then the caption or title is used."
        )
    for problem in plan.problems:
        click.echo(f"Problem: {problem}")


@collection.command("add")
@click.argument("name")
@click.argument("ids", nargs=-1, required=True)
@json_option
@click.pass_context
def collection_add(ctx: click.Context, name: str, ids: tuple[str, ...], as_json: bool) -> None:
    """Add items at the end, in the order given: photos by id (12 or photo:12), quilt patches
    by code (P-0042, or patch:P-0042, or patch:7 by id) and stories as story:5."""
    archive = writing(ctx)
    found = find_collection(archive, name)
    added, already = add_items(archive, found.id, ids)
    if as_json:
        print_json({"added": [i.ref for i in added], "already_in": already})
        return
    if added:
        click.echo(
            f"Added {len(added)} item(s) to “{found.name}”: {', '.join(i.ref for i in added)}."
        )
    if already:
        click.echo(f"Already in it, left where they are: {', '.join(already)}.")


@collection.command("remove")
@click.argument("name")
@click.argument("ids", nargs=-1, required=True)
@json_option
@click.pass_context
def collection_remove(ctx: click.Context, name: str, ids: tuple[str, ...], as_json: bool) -> None:
    """Take items out of the collection (they stay in the archive): 12, P-0042, story:5."""
    archive = writing(ctx)
    found = find_collection(archive, name)
    removed = remove_items(archive, found.id, ids)
    if as_json:
        print_json({"removed": removed})
    else:
        click.echo(f"Removed from “{found.name}”: {', '.join(removed)}.")


@collection.command("move")
@click.argument("name")
@click.argument("item_id")
@click.argument("position", type=click.IntRange(min=1))
@json_option
@click.pass_context
def collection_move(
    ctx: click.Context, name: str, item_id: str, position: int, as_json: bool
) -> None:
    """Move an item (12, P-0042, story:5) to POSITION (1 is first)."""
    archive = writing(ctx)
    found = find_collection(archive, name)
    items = move_item(archive, found.id, item_id, position)
    if as_json:
        print_json({"order": [i.ref for i in items]})
    else:
        click.echo(f"Order of “{found.name}”: {', '.join(i.ref for i in items)}.")


@collection.command("rename")
@click.argument("name")
@click.argument("new_name")
@json_option
@click.pass_context
def collection_rename(ctx: click.Context, name: str, new_name: str, as_json: bool) -> None:
    """Give a collection a new name."""
    archive = writing(ctx)
    changed = update_collection(archive, find_collection(archive, name).id, name=new_name)
    print_json(collection_snapshot(changed, [])) if as_json else click.echo(
        f"Renamed to “{changed.name}”."
    )


@collection.command("set")
@click.argument("name")
@click.option("--use", type=USE, help=USE_HELP)
@click.option("--no-use", is_flag=True, help="Clear the target use.")
@click.option("--description", help="Shown on the title page of a gallery (empty clears it).")
@json_option
@click.pass_context
def collection_set(
    ctx: click.Context,
    name: str,
    use: Use | None,
    no_use: bool,
    description: str | None,
    as_json: bool,
) -> None:
    """Change a collection's target use or description."""
    archive = writing(ctx)
    changed = update_collection(
        archive,
        find_collection(archive, name).id,
        use=use,
        clear_use=no_use,
        description=description,
    )
    if as_json:
        print_json(collection_snapshot(changed, []))
    else:
        click.echo(
            f"“{changed.name}”: use {changed.use.value if changed.use else '—'}"
            + (f"; description: {changed.description}" if changed.description else "")
        )


@collection.command("describe")
@click.argument("name")
@click.argument("item_id")
@click.option("--caption", help="The caption in this collection (empty: the photo's own).")
@click.option("--alt", "alt_text", help="The alt text in this collection (empty: the photo's own).")
@json_option
@click.pass_context
def collection_describe(
    ctx: click.Context,
    name: str,
    item_id: str,
    caption: str | None,
    alt_text: str | None,
    as_json: bool,
) -> None:
    """A caption or alt text for an item (12, P-0042, story:5) in this collection only."""
    archive = writing(ctx)
    item = describe_item(
        archive, find_collection(archive, name).id, item_id, caption=caption, alt_text=alt_text
    )
    if as_json:
        print_json({"item": item.ref, "caption": item.caption, "alt_text": item.alt_text})
    else:
        click.echo(
            f"{item_label(item).capitalize()}: caption {item.caption or '(its own)'}; "
            f"alt text {item.alt_text or '(its own)'}."
        )


@collection.command("delete")
@click.argument("name")
@click.option("--yes", is_flag=True, help="Do not ask first.")
@json_option
@click.pass_context
def collection_delete(ctx: click.Context, name: str, yes: bool, as_json: bool) -> None:
    """Delete a collection (its photos stay in the archive; past exports stay in the ledger)."""
    archive = writing(ctx)
    found = find_collection(archive, name)
    if not yes and as_json:
        raise InvalidInput("Add --yes to delete a collection from a script.")
    if not yes:
        click.confirm(
            f"Delete the collection “{found.name}” ({found.item_count} item(s))?", abort=True
        )
    deleted = delete_collection(archive, found.id)
    print_json({"deleted": deleted.id}) if as_json else click.echo(
        f"Deleted the collection “{deleted.name}”."
    )


COMMANDS = [collection]
