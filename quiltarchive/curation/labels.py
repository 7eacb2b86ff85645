"""How the items of a set are named to people: "Photo 12: Tea after the workshop",
"Patch P-0042: Our library", "Story 5: Tuesdays at the library"."""

from collections.abc import Sequence

from quiltarchive.archive import Archive
from quiltarchive.model.collection import CollectionItem, ItemKind

MAX_LABEL = 80


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= MAX_LABEL else line[: MAX_LABEL - 1].rstrip() + "…"


def item_labels(archive: Archive, items: Sequence[CollectionItem]) -> dict[int, str]:
    """A label for each item, keyed by the item's id; an item whose photo, patch or story is
    gone is named by its reference."""

    def ids(kind: ItemKind) -> list[int]:
        return [i.target_id for i in items if i.kind is kind]

    photos = {p.id: p for p in archive.photos.get_many(ids(ItemKind.PHOTO))}
    patches = {p.id: p for p in archive.patches.get_many(ids(ItemKind.PATCH))}
    stories = {s.id: s for s in archive.stories.get_many(ids(ItemKind.STORY))}
    labels: dict[int, str] = {}
    for item in items:
        if item.kind is ItemKind.PHOTO and item.target_id in photos:
            photo = photos[item.target_id]
            about = item.caption or photo.caption or photo.file_name
            labels[item.id] = _short(f"Photo {photo.id}: {about}")
        elif item.kind is ItemKind.PATCH and item.target_id in patches:
            patch = patches[item.target_id]
            labels[item.id] = _short(f"Patch {patch.code}: {item.caption or patch.title}")
        elif item.kind is ItemKind.STORY and item.target_id in stories:
            story = stories[item.target_id]
            labels[item.id] = _short(f"Story {story.id}: {item.caption or story.title}")
        else:
            labels[item.id] = f"{item.kind.value.capitalize()} {item.target_id} (no longer kept)"
    return labels
