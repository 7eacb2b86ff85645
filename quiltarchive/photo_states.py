"""What staff record about a photo as a whole: review state, rights, withholding, descriptions."""

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.photo import Photo, ReviewState, Rights


def set_review_state(archive: Archive, photo_id: int, state: ReviewState) -> Photo:
    with archive.atomic():
        before = archive.photos.get(photo_id)
        if state is ReviewState.NO_PEOPLE:
            identifiable = [a for a in archive.appearances.in_photo(photo_id) if a.identifiable]
            if identifiable:
                raise InvalidInput(
                    f"Photo {photo_id} has {len(identifiable)} identifiable person(s) recorded; "
                    "remove them or mark them not identifiable before saying nobody is in it."
                )
        archive.photos.set_review_state(photo_id, state)
        archive.audit.record(
            "review state changed",
            "photo",
            photo_id,
            before={"review_state": before.review_state.value},
            after={"review_state": state.value},
        )
        return archive.photos.get(photo_id)


def set_rights(archive: Archive, photo_id: int, rights: Rights, licence: str = "") -> Photo:
    licence = licence.strip()
    if rights is Rights.LICENSED and not licence:
        raise InvalidInput("Say under which licence the photo is used (for example CC BY 4.0).")
    if rights is not Rights.LICENSED and licence:
        raise InvalidInput("A licence is only recorded for licensed photos.")
    with archive.atomic():
        before = archive.photos.get(photo_id)
        archive.photos.set_rights(photo_id, rights, licence)
        archive.audit.record(
            "rights changed",
            "photo",
            photo_id,
            before={"rights": before.rights.value, "licence": before.licence},
            after={"rights": rights.value, "licence": licence},
        )
        return archive.photos.get(photo_id)


def set_withheld(archive: Archive, photo_id: int, withheld: bool) -> Photo:
    with archive.atomic():
        before = archive.photos.get(photo_id)
        archive.photos.set_withheld(photo_id, withheld)
        archive.audit.record(
            "photo withheld" if withheld else "photo released",
            "photo",
            photo_id,
            before={"withheld": before.withheld},
            after={"withheld": withheld},
        )
        return archive.photos.get(photo_id)


def describe_photo(
    archive: Archive, photo_id: int, *, caption: str | None = None, alt_text: str | None = None
) -> Photo:
    """Set a photo's caption and/or alt text (the description read out to blind visitors)."""
    with archive.atomic():
        before = archive.photos.get(photo_id)
        archive.photos.describe(
            photo_id,
            caption=caption.strip() if caption is not None else None,
            alt_text=alt_text.strip() if alt_text is not None else None,
        )
        after = archive.photos.get(photo_id)
        archive.audit.record(
            "photo described",
            "photo",
            photo_id,
            before={"caption": before.caption, "alt_text": before.alt_text},
            after={"caption": after.caption, "alt_text": after.alt_text},
        )
        archive.search_index.reindex([photo_id])
        return after
