"""Events (workshops): creating them, on the audit trail."""

from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.model.event import Event
from quiltarchive.parsing import parse_day


def ensure_event(
    archive: Archive, name: str, *, held_on: str | date | None = None, venue: str = ""
) -> Event:
    """The event with this name, created (and recorded on the audit trail) if it is new.

    A date that is not a real day (2026-02-30, 14/03/2026) is refused before anything is
    written.
    """
    if isinstance(held_on, str):
        held_on = parse_day(held_on, what="event's date")
    day = held_on.isoformat() if held_on is not None else None
    with archive.atomic():
        existing = archive.events.find(name)
        if existing is not None:
            return existing
        event = archive.events.create(name, held_on=day, venue=venue)
        archive.audit.record(
            "event created",
            "event",
            event.id,
            after={"name": event.name, "held_on": event.held_on, "venue": event.venue},
        )
        return event
