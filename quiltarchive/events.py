"""Events (workshops): creating and editing them, on the audit trail."""

from dataclasses import asdict
from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.event import Event
from quiltarchive.model.photo_query import PhotoQuery
from quiltarchive.parsing import parse_day

EVENT_FIELDS = ("name", "held_on", "venue")


def _checked_day(held_on: str | date | None) -> str | None:
    """A date that is not a real day (2026-02-30, 14/03/2026) is refused before anything is
    written."""
    if isinstance(held_on, str):
        held_on = parse_day(held_on, what="event's date") if held_on.strip() else None
    return held_on.isoformat() if held_on is not None else None


def _snapshot(event: Event) -> dict[str, object]:
    return {key: value for key, value in asdict(event).items() if key in EVENT_FIELDS}


def ensure_event(
    archive: Archive, name: str, *, held_on: str | date | None = None, venue: str = ""
) -> Event:
    """The event with this name, created (and recorded on the audit trail) if it is new."""
    day = _checked_day(held_on)
    with archive.atomic():
        existing = archive.events.find(name)
        if existing is not None:
            return existing
        return create_event(archive, name, held_on=day, venue=venue)


def create_event(
    archive: Archive, name: str, *, held_on: str | date | None = None, venue: str = ""
) -> Event:
    """A new event; refused if one of that name exists (names are unique, in any case)."""
    day = _checked_day(held_on)
    with archive.atomic():
        event = archive.events.create(name, held_on=day, venue=venue)
        archive.audit.record("event created", "event", event.id, after=_snapshot(event))
        return event


def update_event(
    archive: Archive, event_id: int, *, name: str, held_on: str | date | None, venue: str
) -> Event:
    """An event's name, date and place, corrected; its photos are found by the new words."""
    day = _checked_day(held_on)
    with archive.atomic():
        before = archive.events.get(event_id)
        after = archive.events.update(event_id, name=name, held_on=day, venue=venue)
        if _snapshot(after) != _snapshot(before):
            archive.audit.record(
                "event changed", "event", event_id, before=_snapshot(before), after=_snapshot(after)
            )
            archive.search_index.reindex(archive.photos.ordered_ids(PhotoQuery(event_id=event_id)))
            archive.work_search.reindex_patches(archive.events.patch_ids(event_id))
        return after


def delete_mistaken_event(archive: Archive, event_id: int) -> Event:
    """Undo an event created by mistake; refused once anything belongs to it."""
    with archive.atomic():
        event = archive.events.get(event_id)
        if archive.events.in_use(event_id):
            raise InvalidInput(
                f"Photos or patches belong to the event “{event.name}” now, so it stays."
            )
        archive.events.delete(event_id)
        archive.audit.record(
            "event deleted as a mistake", "event", event_id, before=_snapshot(event)
        )
        return event
