"""The `quiltarchive` command line: a thin layer over the core, one module per concept."""

import click

from quiltarchive import __version__
from quiltarchive.cli.session import FriendlyGroup, Session


@click.group(cls=FriendlyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--archive",
    "archive_path",
    envvar="QUILTARCHIVE_ARCHIVE",
    metavar="PATH",
    help="The archive folder (default: $QUILTARCHIVE_ARCHIVE, else the one in your data folder).",
)
@click.option(
    "--user",
    envvar="QUILTARCHIVE_USER",
    metavar="NAME",
    help="Your name, as recorded on the audit trail (default: $QUILTARCHIVE_USER or your login).",
)
@click.version_option(__version__, prog_name="quiltarchive")
@click.pass_context
def main(ctx: click.Context, archive_path: str | None, user: str | None) -> None:
    """Keep a campaign's photos, patches and stories with the consent that governs them."""
    session = Session(archive_path, user)
    ctx.obj = session
    ctx.call_on_close(session.close)


def _register() -> None:
    from quiltarchive.cli import (
        archive_commands,
        collection_commands,
        consent_commands,
        event_commands,
        export_commands,
        import_command,
        patch_commands,
        people_commands,
        photo_commands,
        quilt_commands,
        review_commands,
        story_commands,
    )

    for module in (
        archive_commands,
        event_commands,
        import_command,
        photo_commands,
        people_commands,
        consent_commands,
        review_commands,
        quilt_commands,
        patch_commands,
        story_commands,
        collection_commands,
        export_commands,
    ):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
