"""Events (workshops): creating them, on the audit trail."""

from quiltarchive.archive import Archive
from quiltarchive.model.event import Event


def ensure_event(
    archive: Archive, name: str, *, held_on: str | None = None, venue: str = ""
) -> Event:
    """The event with this name, created (and recorded on the audit trail) if it is new."""
    with archive.atomic():
        existing = archive.events.find(name)
        if existing is not None:
            return existing
        event = archive.events.create(name, held_on=held_on, venue=venue)
        archive.audit.record(
            "event created",
            "event",
            event.id,
            after={"name": event.name, "held_on": event.held_on, "venue": event.venue},
        )
        return event
