"""A curated set (collection) and its items, in the order they are shown."""

from dataclasses import dataclass
from enum import StrEnum

from quiltarchive.model.consent import Use


class ItemKind(StrEnum):
    """What an item of a set is: a photo, a quilt patch (shown by its front photo) or a story."""

    PHOTO = "photo"
    PATCH = "patch"
    STORY = "story"


@dataclass(frozen=True, slots=True)
class Collection:
    id: int
    name: str
    use: Use | None  # the use the set is meant for; an export may name another
    description: str  # shown on the title page of a gallery
    created_at: str
    updated_at: str
    item_count: int = 0


@dataclass(frozen=True, slots=True)
class CollectionItem:
    id: int
    collection_id: int
    position: int  # 1, 2, 3… in the order shown
    kind: ItemKind
    target_id: int  # the photo's, patch's or story's id
    caption: str | None  # None: the photo's own caption (a patch's or story's title) is used
    alt_text: str | None  # None: the photo's own alt text (a patch's front photo's) is used

    @property
    def ref(self) -> str:
        """How the item is named: `12` for photo 12, `patch:3` and `story:5` for the others."""
        if self.kind is ItemKind.PHOTO:
            return str(self.target_id)
        return f"{self.kind.value}:{self.target_id}"
