"""Events (workshops): creating and editing them, on the audit trail."""

from dataclasses import asdict
from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.event import Event
from quiltarchive.model.photo_query import PhotoQuery

EVENT_FIELDS = ("name", "held_on", "venue")


def _checked_day(held_on: str | None) -> str | None:
    if not held_on:
        return None
    try:
        return date.fromisoformat(held_on).isoformat()
    except ValueError:
        raise InvalidInput(f"The date “{held_on}” is not a date like 2026-03-14.") from None


def _snapshot(event: Event) -> dict[str, object]:
    return {key: value for key, value in asdict(event).items() if key in EVENT_FIELDS}


def ensure_event(
    archive: Archive, name: str, *, held_on: str | None = None, venue: str = ""
) -> Event:
    """The event with this name, created (and recorded on the audit trail) if it is new."""
    with archive.atomic():
        existing = archive.events.find(name)
        if existing is not None:
            return existing
        return create_event(archive, name, held_on=held_on, venue=venue)


def create_event(
    archive: Archive, name: str, *, held_on: str | None = None, venue: str = ""
) -> Event:
    """A new event; refused if one of that name exists (names are unique, in any case)."""
    with archive.atomic():
        event = archive.events.create(name, held_on=_checked_day(held_on), venue=venue)
        archive.audit.record("event created", "event", event.id, after=_snapshot(event))
        return event


def update_event(
    archive: Archive, event_id: int, *, name: str, held_on: str | None, venue: str
) -> Event:
    """An event's name, date and place, corrected; its photos are found by the new words."""
    with archive.atomic():
        before = archive.events.get(event_id)
        after = archive.events.update(
            event_id, name=name, held_on=_checked_day(held_on), venue=venue
        )
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
