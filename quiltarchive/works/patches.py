"""Recording patches and their photos. Each change is checked first and written in one
transaction with its audit entry: bad input changes nothing."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.patch import Patch, PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.model.quilt import Position
from quiltarchive.works.indexing import reindex_patches
from quiltarchive.works.placement import checked_position, describe_position
from quiltarchive.works.refs import PatchRef, QuiltRef, find_patch
from quiltarchive.works.snapshots import patch_snapshot
from quiltarchive.works.values import checked_code, next_code


def next_patch_code(archive: Archive) -> str:
    """A code for a new patch: the next in the P-0001 series."""
    return next_code(archive.patches.codes())


def add_patch(
    archive: Archive,
    code: str,
    *,
    title: str,
    maker_id: int,
    maker_age_band: AgeBand | None = None,
    event_id: int | None = None,
    received_on: date | None = None,
    materials: str = "",
    size: str = "",
    story: str = "",
    notes: str = "",
    place: tuple[QuiltRef, int, int] | None = None,
    photos: Iterable[tuple[int, PhotoRole]] = (),
) -> Patch:
    """Record a patch made by `maker_id` (a person, or a group recorded as one), optionally
    placed at (quilt, row, column) and with its photos. The maker's age band defaults to the
    one recorded for them."""
    code = checked_code(code)
    if not title.strip():
        raise InvalidInput(f"Patch {code} needs a title.")
    with archive.atomic():
        maker = archive.people.get(maker_id)
        if event_id is not None:
            archive.events.get(event_id)
        position = checked_position(archive, *place) if place is not None else None
        if position is not None:
            _check_cell_is_free(archive, position, code)
        patch_id = archive.patches.add(
            code,
            title=title.strip(),
            maker_id=maker_id,
            maker_age_band=maker_age_band or maker.age_band,
            event_id=event_id,
            received_on=received_on,
            materials=materials.strip(),
            size=size.strip(),
            story=story.strip(),
            notes=notes.strip(),
        )
        if position is not None:
            archive.patches.set_position(patch_id, position)
        for photo_id, role in photos:
            _attach(archive, archive.patches.get(patch_id), photo_id, role)
        patch = archive.patches.get(patch_id)
        archive.audit.record("patch added", "patch", patch_id, after=patch_snapshot(patch))
        reindex_patches(archive, [patch_id])
        return patch


def update_patch(archive: Archive, patch: PatchRef, **changes: Any) -> Patch:
    """Change a patch's code, title, maker, maker's age band, event, date received, materials,
    size, story or notes. (Its place and photos have their own functions.)"""
    if "code" in changes:
        changes["code"] = checked_code(changes["code"])
    if "title" in changes and not changes["title"].strip():
        raise InvalidInput("A patch needs a title.")
    for key in ("title", "materials", "size", "story", "notes"):
        if key in changes:
            changes[key] = changes[key].strip()
    with archive.atomic():
        before = find_patch(archive, patch)
        if changes.get("maker_id") is not None:
            archive.people.get(changes["maker_id"])
        if changes.get("event_id") is not None:
            archive.events.get(changes["event_id"])
        archive.patches.update(before.id, **changes)
        after = archive.patches.get(before.id)
        archive.audit.record(
            "patch changed",
            "patch",
            before.id,
            before=patch_snapshot(before),
            after=patch_snapshot(after),
        )
        reindex_patches(archive, [before.id])
        return after


def delete_patch(archive: Archive, patch: PatchRef) -> Patch:
    """Delete a patch's record (its photos stay in the archive)."""
    with archive.atomic():
        found = find_patch(archive, patch)
        archive.patches.delete(found.id)
        archive.audit.record("patch deleted", "patch", found.id, before=patch_snapshot(found))
        archive.search_index.reindex(p.photo_id for p in found.photos)
        return found


def add_patch_photo(
    archive: Archive, patch: PatchRef, photo_id: int, role: PhotoRole = PhotoRole.FRONT
) -> Patch:
    """Record a photo of a patch: its front (the one shown on the quilt map), back or a detail."""
    with archive.atomic():
        before = find_patch(archive, patch)
        _attach(archive, before, photo_id, role)
        after = archive.patches.get(before.id)
        archive.audit.record(
            "patch photo added",
            "patch",
            before.id,
            before={"photos": patch_snapshot(before)["photos"]},
            after={"photos": patch_snapshot(after)["photos"]},
        )
        reindex_patches(archive, [before.id])
        return after


def remove_patch_photo(archive: Archive, patch: PatchRef, photo_id: int) -> Patch:
    with archive.atomic():
        before = find_patch(archive, patch)
        if photo_id not in {p.photo_id for p in before.photos}:
            raise InvalidInput(f"Photo {photo_id} is not a photo of patch {before.code}.")
        archive.patches.remove_photo(before.id, photo_id)
        after = archive.patches.get(before.id)
        archive.audit.record(
            "patch photo removed",
            "patch",
            before.id,
            before={"photos": patch_snapshot(before)["photos"]},
            after={"photos": patch_snapshot(after)["photos"]},
        )
        reindex_patches(archive, [before.id], photo_ids=[photo_id])
        return after


def _attach(archive: Archive, patch: Patch, photo_id: int, role: PhotoRole) -> None:
    archive.photos.get(photo_id)
    if photo_id in {p.photo_id for p in patch.photos}:
        raise InvalidInput(f"Photo {photo_id} is already a photo of patch {patch.code}.")
    if role is not PhotoRole.DETAIL:
        current = next((p.photo_id for p in patch.photos if p.role is role), None)
        if current is not None:
            raise InvalidInput(
                f"Patch {patch.code} already has photo {current} as its {role.value}: remove "
                f"that one first, or add photo {photo_id} as a detail."
            )
    archive.patches.add_photo(patch.id, photo_id, role)


def _check_cell_is_free(archive: Archive, position: Position, code: str) -> None:
    occupant = archive.patches.occupant(position)
    if occupant is not None:
        holder = archive.patches.get(occupant)
        raise InvalidInput(
            f"{describe_position(archive, position)} already holds patch {holder.code}, so "
            f"patch {code} cannot go there."
        )


def set_patch_photos(
    archive: Archive, patch: PatchRef, photos: Iterable[tuple[int, PhotoRole]]
) -> Patch:
    """Make a patch's photos exactly `photos` (photo, role): what is gone is removed, what is
    new added, each change on the audit trail, all in one transaction."""
    wanted = list(dict.fromkeys(photos))
    with archive.atomic():
        found = find_patch(archive, patch)
        keep = {(p.photo_id, p.role) for p in found.photos} & set(wanted)
        for photo in found.photos:
            if (photo.photo_id, photo.role) not in keep:
                remove_patch_photo(archive, found.id, photo.photo_id)
        for photo_id, role in wanted:
            if (photo_id, role) not in keep:
                add_patch_photo(archive, found.id, photo_id, role)
        return archive.patches.get(found.id)
