"""What each kind of item of a set brings to an export: its consent decision, its texts, the
people whose names its texts must not reveal, and the picture to render.

One function per kind of item, registered in `SOURCES`; photos are the kind there is today.
A quilt patch or a story slots in as another function returning the same `Source`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess_photos
from quiltarchive.model.appearance import Appearance
from quiltarchive.model.collection import CollectionItem, ItemKind
from quiltarchive.model.consent import Use
from quiltarchive.model.decision import Decision
from quiltarchive.storage.consent_facts import ConsentFactsStore


@dataclass(frozen=True, slots=True)
class Picture:
    """An original to render: its file, its EXIF orientation and its displayed size."""

    path: str
    orientation: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Source:
    item: CollectionItem
    decision: Decision
    caption: str  # the set's override, else the item's own ("" when none)
    alt_text: str
    fallback_title: str  # when there is no caption: the event, or the kind of item
    people: tuple[int, ...]  # everyone recorded in the item, whose names its texts must not leak
    picture: Picture | None
    appearances: tuple[Appearance, ...] = ()
    licence: str = ""  # the licence it is used under; "" when the organisation's own
    kind_label: str = "Photograph"


SourceLoader = Callable[[Archive, Sequence[CollectionItem], Use, date, bool], dict[int, Source]]


def photo_sources(
    archive: Archive, items: Sequence[CollectionItem], use: Use, day: date, blur: bool
) -> dict[int, Source]:
    """Sources for photo items, keyed by item id, with one bulk consent decision."""
    photo_ids = [item.target_id for item in items]
    decisions = assess_photos(archive, photo_ids, use, day, blur_regions=blur)
    photos = {photo.id: photo for photo in archive.photos.get_many(photo_ids)}
    facts = {f.id: f for f in ConsentFactsStore(archive.db).photos(photo_ids)}
    events: dict[int, str] = {}
    found: dict[int, Source] = {}
    for item in items:
        photo = photos.get(item.target_id)
        decision = decisions.get(item.target_id)
        if photo is None or decision is None:
            continue
        if photo.event_id is not None and photo.event_id not in events:
            events[photo.event_id] = archive.events.get(photo.event_id).name
        appearances = facts[photo.id].appearances if photo.id in facts else ()
        found[item.id] = Source(
            item=item,
            decision=decision,
            caption=(item.caption if item.caption is not None else photo.caption).strip(),
            alt_text=(item.alt_text if item.alt_text is not None else photo.alt_text).strip(),
            fallback_title=events.get(photo.event_id or 0, "Photograph"),
            people=tuple(
                dict.fromkeys(a.person_id for a in appearances if a.person_id is not None)
            ),
            picture=Picture(
                str(archive.layout.original_path(photo.sha256, photo.extension)),
                photo.orientation,
                photo.width,
                photo.height,
            ),
            appearances=appearances,
            licence=photo.licence,
        )
    return found


SOURCES: dict[ItemKind, SourceLoader] = {ItemKind.PHOTO: photo_sources}


def load_sources(
    archive: Archive, items: Sequence[CollectionItem], use: Use, day: date, blur: bool
) -> dict[int, Source]:
    found: dict[int, Source] = {}
    for kind, loader in SOURCES.items():
        of_kind = [item for item in items if item.kind is kind]
        if of_kind:
            found.update(loader(archive, of_kind, use, day, blur))
    return found
