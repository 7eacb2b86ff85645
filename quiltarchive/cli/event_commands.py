"""`event add` and `event edit`: the workshops and other occasions photos belong to."""

from datetime import date

import click

from quiltarchive.cli.output import json_option, print_json
from quiltarchive.cli.session import writing
from quiltarchive.cli.values import DAY
from quiltarchive.events import create_event, update_event
from quiltarchive.model.event import Event


@click.group()
def event() -> None:
    """Events (workshops): recording one, correcting its name, date or venue."""


@event.command("add")
@click.argument("name")
@click.option("--date", "held_on", type=DAY, help="The day it was held.")
@click.option("--venue", default="", help="Where it was held.")
@json_option
@click.pass_context
def event_add(
    ctx: click.Context, name: str, held_on: date | None, venue: str, as_json: bool
) -> None:
    """Record an event; prints its id."""
    made = create_event(
        writing(ctx), name, held_on=held_on.isoformat() if held_on else None, venue=venue
    )
    _print(made, as_json)


@event.command("edit")
@click.argument("event_id", type=int)
@click.option("--name", help="Its new name.")
@click.option("--date", "held_on", type=DAY, help="The day it was held.")
@click.option("--no-date", is_flag=True, help="Its day is not known.")
@click.option("--venue", help="Where it was held.")
@json_option
@click.pass_context
def event_edit(
    ctx: click.Context,
    event_id: int,
    name: str | None,
    held_on: date | None,
    no_date: bool,
    venue: str | None,
    as_json: bool,
) -> None:
    """Correct an event's name, date or venue (what is not given stays as it is)."""
    archive = writing(ctx)
    current = archive.events.get(event_id)
    day = None if no_date else (held_on.isoformat() if held_on else current.held_on)
    changed = update_event(
        archive,
        event_id,
        name=current.name if name is None else name,
        held_on=day,
        venue=current.venue if venue is None else venue,
    )
    _print(changed, as_json)


def _print(made: Event, as_json: bool) -> None:
    if as_json:
        print_json(made)
    else:
        click.echo(made.id)


COMMANDS = [event]
