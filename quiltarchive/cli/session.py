"""The archive a command works on, opened once per command and closed after it."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
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
    """Turns the core's errors into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            if error.ctx is not None and error.ctx.command is self:
                raise  # no command at all: the usage text is the help wanted
            # A value in the wrong form, a missing or unknown option: one plain line, not the
            # whole usage text.
            click.echo(f"Error: {error.format_message()}", err=True)
            ctx.exit(2)
        except QuiltArchiveError as error:
            session = ctx.find_object(Session)
            if session is not None and session.as_json:
                click.echo(json.dumps({"error": str(error)}, ensure_ascii=False))
            click.echo(f"Error: {error}", err=True)
            ctx.exit(1)
