"""Creating and arranging collections (curated sets), every change on the audit trail.

Items are named as people type them: `12` (or `photo:12`) is photo 12; a quilt patch is named by
its code, `P-0042` (or `patch:P-0042`, or `patch:7` by its id); a story by `story:5`. A set's
target use is the use its exports are for unless an export says otherwise;
`archive` (internal viewing) is not one, because an export leaves the archive.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput, NotFound
from quiltarchive.model.collection import Collection, CollectionItem, ItemKind
from quiltarchive.model.consent import Use

EXPORT_USES = tuple(use for use in Use if use is not Use.ARCHIVE)
EXPORT_USE_NAMES = ", ".join(use.value for use in EXPORT_USES)
MAX_NAME = 120
MAX_TEXT = 2000
_REF = re.compile(r"^\s*(?:(?P<kind>[a-z]+)\s*:\s*)?(?P<id>\S+?)\s*$", re.IGNORECASE)
ITEM_FORMS = "a photo's id (12), a patch's code (P-0042) or a story as story:5"


def check_export_use(use: Use) -> Use:
    if use is Use.ARCHIVE:
        raise InvalidInput(
            "“archive” is internal viewing; a set that leaves the archive is for one of "
            f"{EXPORT_USE_NAMES}."
        )
    return use


def parse_item_ref(text: str) -> tuple[ItemKind, int | str]:
    """`12` or `photo:12` → (photo, 12); `story:5` → (story, 5); `patch:7` → (patch, 7);
    `P-0042` or `patch:P-0042` → (patch, "P-0042"), a code still to be looked up."""
    match = _REF.match(str(text))
    if not match:
        raise InvalidInput(f"“{text}” is not an item: write {ITEM_FORMS}.")
    target = match["id"]
    if match["kind"] is None:
        if target.isdigit():
            return ItemKind.PHOTO, int(target)
        return ItemKind.PATCH, target
    kind_name = match["kind"].lower()
    try:
        kind = ItemKind(kind_name)
    except ValueError:
        kinds = ", ".join(k.value for k in ItemKind)
        raise InvalidInput(
            f"“{kind_name}” is not a kind of item (the kinds are {kinds})."
        ) from None
    if target.isdigit():
        return kind, int(target)
    if kind is ItemKind.PATCH:
        return kind, target
    raise InvalidInput(f"“{text}” is not an item: write {ITEM_FORMS}.")


def resolve_item_ref(archive: Archive, text: str | int) -> tuple[ItemKind, int]:
    """The kind and id of the item `text` names; refused if there is no such photo, patch or
    story."""
    kind, target = parse_item_ref(str(text))
    if isinstance(target, str):
        return kind, _patch_by_code(archive, str(text), target)
    if kind is ItemKind.PHOTO:
        archive.photos.get(target)
    elif kind is ItemKind.PATCH:
        archive.patches.get(target)
    else:
        archive.stories.get(target)
    return kind, target


def _patch_by_code(archive: Archive, text: str, code: str) -> int:
    try:
        return archive.patches.id_of(code)
    except NotFound:
        if ":" in text:
            raise
        raise InvalidInput(
            f"“{text.strip()}” is not an item: there is no patch with that code. Write "
            f"{ITEM_FORMS}."
        ) from None


def find_collection(archive: Archive, name_or_id: str | int) -> Collection:
    """A collection by its name (any letter case) or, failing that, by its id."""
    text = str(name_or_id).strip()
    found = archive.collections.find(text)
    if found is not None:
        return found
    if text.isdigit():
        return archive.collections.get(int(text))
    raise NotFound(f"There is no collection called “{text}”.")


def _clean_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInput("A collection needs a name.")
    if len(cleaned) > MAX_NAME:
        raise InvalidInput(f"A collection's name is at most {MAX_NAME} characters.")
    return cleaned


def _clean_text(text: str, what: str) -> str:
    cleaned = text.strip()
    if len(cleaned) > MAX_TEXT:
        raise InvalidInput(f"The {what} is at most {MAX_TEXT} characters.")
    return cleaned


def _snapshot(collection: Collection) -> dict[str, Any]:
    return {
        "name": collection.name,
        "use": collection.use.value if collection.use else None,
        "description": collection.description,
    }


def create_collection(
    archive: Archive, name: str, use: Use | None = None, description: str = ""
) -> Collection:
    cleaned = _clean_name(name)
    if cleaned.isdigit():
        raise InvalidInput("A collection's name cannot be only digits (they read as an id).")
    if use is not None:
        check_export_use(use)
    with archive.atomic():
        collection_id = archive.collections.create(
            cleaned, use.value if use else None, _clean_text(description, "description")
        )
        created = archive.collections.get(collection_id)
        archive.audit.record(
            "collection created", "collection", collection_id, after=_snapshot(created)
        )
        return created


def update_collection(
    archive: Archive,
    collection_id: int,
    *,
    name: str | None = None,
    use: Use | None = None,
    clear_use: bool = False,
    description: str | None = None,
) -> Collection:
    """Rename a set, change its target use (or clear it) or its description."""
    changes: dict[str, Any] = {}
    if name is not None:
        changes["name"] = _clean_name(name)
        if changes["name"].isdigit():
            raise InvalidInput("A collection's name cannot be only digits (they read as an id).")
    if use is not None:
        changes["use"] = check_export_use(use).value
    elif clear_use:
        changes["use"] = None
    if description is not None:
        changes["description"] = _clean_text(description, "description")
    if not changes:
        raise InvalidInput("Say what to change: the name, the use or the description.")
    with archive.atomic():
        before = archive.collections.get(collection_id)
        archive.collections.update(collection_id, **changes)
        after = archive.collections.get(collection_id)
        action = "collection renamed" if set(changes) == {"name"} else "collection changed"
        archive.audit.record(
            action, "collection", collection_id, before=_snapshot(before), after=_snapshot(after)
        )
        return after


def delete_collection(archive: Archive, collection_id: int) -> Collection:
    """Delete a set (its photos stay in the archive; past exports stay in the ledger)."""
    with archive.atomic():
        collection = archive.collections.get(collection_id)
        items = archive.collections.items(collection_id)
        archive.collections.delete(collection_id)
        archive.audit.record(
            "collection deleted",
            "collection",
            collection_id,
            before={**_snapshot(collection), "items": [item.ref for item in items]},
        )
        return collection


def add_items(
    archive: Archive, collection_id: int, refs: Iterable[str | int]
) -> tuple[list[CollectionItem], list[str]]:
    """Append items in the order given. Returns the items added and the refs already in the set
    (left where they are)."""
    with archive.atomic():
        wanted = [resolve_item_ref(archive, ref) for ref in refs]
        if not wanted:
            raise InvalidInput("Name at least one photo, patch or story to add.")
        archive.collections.get(collection_id)
        present = {(i.kind, i.target_id) for i in archive.collections.items(collection_id)}
        to_add: list[tuple[ItemKind, int]] = []
        already: list[str] = []
        for kind, target_id in dict.fromkeys(wanted):
            if (kind, target_id) in present:
                already.append(_ref(kind, target_id))
            else:
                to_add.append((kind, target_id))
        added_ids = archive.collections.add_items(collection_id, to_add)
        if added_ids:
            archive.collections.touch(collection_id)
            archive.audit.record(
                "collection items added",
                "collection",
                collection_id,
                after={"items": [_ref(kind, target) for kind, target in to_add]},
            )
        items = {item.id: item for item in archive.collections.items(collection_id)}
        return [items[item_id] for item_id in added_ids], already


def _ref(kind: ItemKind, target_id: int) -> str:
    return str(target_id) if kind is ItemKind.PHOTO else f"{kind.value}:{target_id}"


def _item_by_ref(archive: Archive, collection: Collection, ref: str | int) -> CollectionItem:
    kind, target = parse_item_ref(str(ref))
    if isinstance(target, str):
        target = _patch_by_code(archive, str(ref), target)
    for item in archive.collections.items(collection.id):
        if item.kind is kind and item.target_id == target:
            return item
    what = {ItemKind.PHOTO: "Photo", ItemKind.PATCH: "Patch", ItemKind.STORY: "Story"}[kind]
    raise NotFound(f"{what} {ref} is not in the collection “{collection.name}”.")


def remove_items(archive: Archive, collection_id: int, refs: Iterable[str | int]) -> list[str]:
    """Take items out of a set (the photos stay in the archive); returns the refs removed."""
    with archive.atomic():
        collection = archive.collections.get(collection_id)
        items = [_item_by_ref(archive, collection, ref) for ref in refs]
        if not items:
            raise InvalidInput("Name at least one item to remove.")
        archive.collections.remove_items(collection_id, [item.id for item in items])
        archive.collections.touch(collection_id)
        removed = [item.ref for item in items]
        archive.audit.record(
            "collection items removed",
            "collection",
            collection_id,
            before={
                "items": [
                    {"item": i.ref, "position": i.position, "caption": i.caption} for i in items
                ]
            },
        )
        return removed


def move_item(
    archive: Archive, collection_id: int, ref: str | int, position: int
) -> list[CollectionItem]:
    """Move one item to `position` (1 is first; beyond the end means last); returns the order."""
    if position < 1:
        raise InvalidInput("Positions start at 1.")
    with archive.atomic():
        collection = archive.collections.get(collection_id)
        item = _item_by_ref(archive, collection, ref)
        order = [i.id for i in archive.collections.items(collection_id) if i.id != item.id]
        order.insert(min(position, len(order) + 1) - 1, item.id)
        archive.collections.set_order(collection_id, order)
        archive.collections.touch(collection_id)
        items = archive.collections.items(collection_id)
        moved = next(i for i in items if i.id == item.id)
        archive.audit.record(
            "collection item moved",
            "collection",
            collection_id,
            before={"item": item.ref, "position": item.position},
            after={"item": item.ref, "position": moved.position},
        )
        return items


def reorder_items(
    archive: Archive, collection_id: int, refs: Sequence[str | int]
) -> list[CollectionItem]:
    """Put every item of a set in the order given (for drag and drop in a view)."""
    with archive.atomic():
        collection = archive.collections.get(collection_id)
        items = [_item_by_ref(archive, collection, ref) for ref in refs]
        current = archive.collections.items(collection_id)
        if sorted(i.id for i in items) != sorted(i.id for i in current):
            raise InvalidInput("Give every item of the set exactly once to reorder it.")
        archive.collections.set_order(collection_id, [i.id for i in items])
        archive.collections.touch(collection_id)
        archive.audit.record(
            "collection reordered",
            "collection",
            collection_id,
            before={"items": [i.ref for i in current]},
            after={"items": [i.ref for i in items]},
        )
        return archive.collections.items(collection_id)


def describe_item(
    archive: Archive,
    collection_id: int,
    ref: str | int,
    *,
    caption: str | None = None,
    alt_text: str | None = None,
) -> CollectionItem:
    """Set a caption or alt text for this set only; an empty text removes the override, so the
    photo's own caption or alt text is used again."""
    if caption is None and alt_text is None:
        raise InvalidInput("Give a caption or alt text (an empty one removes the override).")
    texts: dict[str, str | None] = {}
    if caption is not None:
        texts["caption"] = _clean_text(caption, "caption") or None
    if alt_text is not None:
        texts["alt_text"] = _clean_text(alt_text, "alt text") or None
    with archive.atomic():
        collection = archive.collections.get(collection_id)
        item = _item_by_ref(archive, collection, ref)
        archive.collections.set_texts(item.id, **texts)
        archive.collections.touch(collection_id)
        after = next(i for i in archive.collections.items(collection_id) if i.id == item.id)
        archive.audit.record(
            "collection item described",
            "collection",
            collection_id,
            before={"item": item.ref, "caption": item.caption, "alt_text": item.alt_text},
            after={"item": item.ref, "caption": after.caption, "alt_text": after.alt_text},
        )
        return after


def collection_snapshot(collection: Collection, items: list[CollectionItem]) -> dict[str, Any]:
    """A set and its items as plain values (for `--json` and the app)."""
    return {
        **asdict(collection),
        "use": collection.use.value if collection.use else None,
        "items": [{**asdict(item), "kind": item.kind.value, "ref": item.ref} for item in items],
    }
