"""A collection as the app's sidebar lists it."""

from typing import NamedTuple


class CollectionListing(NamedTuple):
    id: int
    name: str
    use: str | None  # the use the collection is curated for, if one was chosen
    photo_count: int
