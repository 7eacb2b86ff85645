"""`init`, `check`, `cache rebuild` and `events`: the archive as a whole."""

import click

from quiltarchive.archive import Archive
from quiltarchive.check import check_archive
from quiltarchive.cli.output import json_option, jsonable, print_json, print_table, progress_bar
from quiltarchive.cli.session import Session, reading, writing
from quiltarchive.renditions_cache import rebuild_renditions


@click.command()
@json_option
@click.pass_context
def init(ctx: click.Context, as_json: bool) -> None:
    """Create a new, empty archive."""
    session = ctx.find_object(Session)
    assert session is not None
    archive = Archive.create(session.path, user=session.user)
    archive.close()
    if as_json:
        print_json({"archive": str(archive.layout.root)})
    else:
        click.echo(f"Created an archive in {archive.layout.root}")


@click.command()
@click.option("--quick", is_flag=True, help="Check that files exist without re-reading them.")
@json_option
@click.pass_context
def check(ctx: click.Context, quick: bool, as_json: bool) -> None:
    """Verify originals, consent forms, orphans, the database and the audit trail.

    Exits with status 1 if anything is wrong.
    """
    archive = reading(ctx)
    steps = check_archive(archive, verify_hashes=not quick)
    report = None
    with progress_bar(archive.photos.count(), "Checking", show_eta=True) as bar:
        for step in steps:
            bar.length = max(1, step.total)
            bar.update(step.done - bar.pos)
            report = step.report or report
    assert report is not None
    if as_json:
        print_json({**jsonable(report), "ok": report.ok})
    else:
        click.echo(
            f"Checked {report.photos} photo(s), {report.consent_forms} consent form(s) and "
            f"{report.audit_entries} audit entries."
        )
        for note in report.notes:
            click.echo(f"Note: {note}")
        for problem in report.problems:
            click.echo(f"Problem ({problem.kind}, {problem.subject}): {problem.message}")
        click.echo("All is well." if report.ok else f"{len(report.problems)} problem(s) found.")
    if not report.ok:
        ctx.exit(1)


@click.group()
def cache() -> None:
    """The rebuildable cache of thumbnails and previews."""


@cache.command("rebuild")
@click.option("--missing", is_flag=True, help="Only make the ones that are missing.")
@json_option
@click.pass_context
def cache_rebuild(ctx: click.Context, missing: bool, as_json: bool) -> None:
    """Make thumbnails and previews again from the originals."""
    archive = writing(ctx)
    problems = []
    made = 0
    with progress_bar(archive.photos.count(), "Rebuilding") as bar:
        for step in rebuild_renditions(archive, only_missing=missing):
            bar.update(1)
            made += 1
            if step.problem:
                problems.append({"photo_id": step.photo_id, "problem": step.problem})
    if as_json:
        print_json({"photos": made, "problems": problems})
    else:
        click.echo(f"Rebuilt the cache for {made} photo(s).")
        for problem in problems:
            click.echo(f"Photo {problem['photo_id']}: {problem['problem']}")


@click.command()
@json_option
@click.pass_context
def events(ctx: click.Context, as_json: bool) -> None:
    """List events (workshops) with their photo counts."""
    listed = reading(ctx).events.list()
    if as_json:
        print_json(listed)
        return
    print_table(
        ["id", "name", "date", "venue", "photos"],
        [(e.id, e.name, e.held_on, e.venue, e.photo_count) for e in listed],
    )


COMMANDS = [init, check, cache, events]
