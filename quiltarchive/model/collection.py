"""A curated set (collection) and its items, in the order they are shown."""

from dataclasses import dataclass
from enum import StrEnum

from quiltarchive.model.consent import Use


class ItemKind(StrEnum):
    """What an item of a set is. Quilt patches and stories join photos here once they exist."""

    PHOTO = "photo"


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
    target_id: int  # the photo's id (for a photo item)
    caption: str | None  # None: the photo's own caption is used
    alt_text: str | None  # None: the photo's own alt text is used

    @property
    def ref(self) -> str:
        """How a person names the item: `12` for photo 12 (other kinds: `kind:id`)."""
        if self.kind is ItemKind.PHOTO:
            return str(self.target_id)
        return f"{self.kind.value}:{self.target_id}"
