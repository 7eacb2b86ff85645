"""The archive a command works on, opened once per command and closed after it."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from quiltarchive.archive import Archive
from quiltarchive.errors import DISK_FULL_ERRNOS, ArchiveFull, QuiltArchiveError
from quiltarchive.locations import chosen_archive_path


@dataclass
class Session:
    archive_option: str | None
    user: str | None
    as_json: bool = False
    _archive: Archive | None = field(default=None, init=False)

    @property
    def path(self) -> Path:
        return chosen_archive_path(self.archive_option)

    def open(self, *, writable: bool) -> Archive:
        if self._archive is None:
            self._archive = Archive.open(self.path, writable=writable, user=self.user)
        return self._archive

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None


def reading(ctx: click.Context) -> Archive:
    return ctx.find_object(Session).open(writable=False)  # type: ignore[union-attr]


def writing(ctx: click.Context) -> Archive:
    return ctx.find_object(Session).open(writable=True)  # type: ignore[union-attr]


class FriendlyGroup(click.Group):
    """Turns the core's errors into a one-line message and exit status 1, and usage errors
    (an unknown option, a missing argument, a value in the wrong form, in any command) into a
    one-line message and exit status 2, rather than the whole usage text."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.UsageError as error:
            _usage_failure(ctx, error)
            raise

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            _usage_failure(ctx, error)
            raise
        except QuiltArchiveError as error:
            self._fail(ctx, str(error))
        except OSError as error:
            if error.errno not in DISK_FULL_ERRNOS:
                raise
            self._fail(ctx, str(ArchiveFull()))

    @staticmethod
    def _fail(ctx: click.Context, message: str) -> None:
        session = ctx.find_object(Session)
        if session is not None and session.as_json:
            click.echo(json.dumps({"error": message}, ensure_ascii=False))
        click.echo(f"Error: {message}", err=True)
        ctx.exit(1)


def _usage_failure(ctx: click.Context, error: click.UsageError) -> None:
    """Print a usage error as one line and exit 2. A command group named without one of its
    commands still shows its help, which lists them."""
    if isinstance(error, click.exceptions.NoArgsIsHelpError):
        return
    message = error.format_message()
    if not isinstance(error, click.BadParameter):
        where = (error.ctx or ctx).command_path
        message += f" (`{where} --help` shows how to use it.)"
    click.echo(f"Error: {message}", err=True)
    ctx.exit(2)
