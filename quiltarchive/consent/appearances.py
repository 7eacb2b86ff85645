"""Recording who is in a photo."""

from collections.abc import Callable

from quiltarchive.archive import Archive
from quiltarchive.consent.audit_snapshots import appearance_snapshot
from quiltarchive.errors import InvalidInput
from quiltarchive.model.appearance import Appearance, Box
from quiltarchive.model.photo import ReviewState
from quiltarchive.parsing import checked_box


def add_appearance(
    archive: Archive,
    photo_id: int,
    person_id: int | None,
    *,
    box: Box | None = None,
    identifiable: bool = True,
) -> Appearance:
    """Record a person (or, with None, an unknown person) in a photo."""
    if box is not None:
        checked_box(box)
    with archive.atomic():
        photo = archive.photos.get(photo_id)
        if person_id is not None:
            archive.people.get(person_id)
        appearance_id = archive.appearances.add(
            photo_id, person_id, box=box, identifiable=identifiable
        )
        appearance = archive.appearances.get(appearance_id)
        archive.audit.record(
            "appearance added", "appearance", appearance_id, after=appearance_snapshot(appearance)
        )
        if identifiable and photo.review_state is ReviewState.NO_PEOPLE:
            # Someone identifiable is in a photo said to have nobody: that review no longer holds.
            archive.photos.set_review_state(photo_id, ReviewState.UNREVIEWED)
            archive.audit.record(
                "review state changed",
                "photo",
                photo_id,
                before={"review_state": photo.review_state.value},
                after={"review_state": ReviewState.UNREVIEWED.value},
            )
        archive.search_index.reindex([photo_id])
        return appearance


def remove_appearance(archive: Archive, appearance_id: int) -> Appearance:
    with archive.atomic():
        appearance = archive.appearances.get(appearance_id)
        archive.appearances.remove(appearance_id)
        archive.audit.record(
            "appearance removed",
            "appearance",
            appearance_id,
            before=appearance_snapshot(appearance),
        )
        archive.search_index.reindex([appearance.photo_id])
        return appearance


def restore_appearance(archive: Archive, appearance: Appearance) -> Appearance:
    """Put back an appearance that was removed (the app's Undo)."""
    with archive.atomic():
        archive.appearances.restore(appearance)
        archive.audit.record(
            "appearance restored",
            "appearance",
            appearance.id,
            after=appearance_snapshot(appearance),
        )
        archive.search_index.reindex([appearance.photo_id])
        return archive.appearances.get(appearance.id)


def name_appearance(archive: Archive, appearance_id: int, person_id: int | None) -> Appearance:
    """Say who the person in an appearance is (None: an unknown person)."""
    with archive.atomic():
        if person_id is not None:
            archive.people.get(person_id)
        return _change(
            archive, appearance_id, lambda: archive.appearances.set_person(appearance_id, person_id)
        )


def set_appearance_identifiable(
    archive: Archive, appearance_id: int, identifiable: bool
) -> Appearance:
    """Mark whether the person can be recognised (a face or a name shown)."""
    with archive.atomic():
        return _change(
            archive,
            appearance_id,
            lambda: archive.appearances.set_identifiable(appearance_id, identifiable),
        )


def _change(archive: Archive, appearance_id: int, change: Callable[[], None]) -> Appearance:
    before = archive.appearances.get(appearance_id)
    change()
    after = archive.appearances.get(appearance_id)
    if after == before:
        raise InvalidInput("That is already how the appearance is recorded.")
    archive.audit.record(
        "appearance changed",
        "appearance",
        appearance_id,
        before=appearance_snapshot(before),
        after=appearance_snapshot(after),
    )
    archive.search_index.reindex([after.photo_id])
    return after
