"""What each kind of item of a set brings to an export: its consent decision, its texts, the
people whose names its texts must not reveal, and the picture to render.

One function per kind of item, registered in `SOURCES`. A photo is decided on its own; a quilt
patch by its maker's consent and the photo that shows it (its front photo), and its story in the
maker's words goes with it only with their story permission; a story by its teller's consent
with story permission. A story has no picture: it goes out as text.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess_photos, assess_subjects, names_allowed
from quiltarchive.model.appearance import Appearance
from quiltarchive.model.collection import CollectionItem, ItemKind
from quiltarchive.model.consent import Use
from quiltarchive.model.decision import Decision
from quiltarchive.model.photo import Photo
from quiltarchive.model.subject import Subject
from quiltarchive.storage.consent_facts import ConsentFactsStore


@dataclass(frozen=True, slots=True)
class Picture:
    """An original to render: its file, its EXIF orientation and its displayed size."""

    path: str
    orientation: int
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class Told:
    """Words that go out with an item: a story, or a patch's story in its maker's words."""

    title: str
    text: str
    language: str
    translation: str = ""
    translation_language: str = ""


@dataclass(frozen=True, slots=True)
class WorkFacts:
    """What an export says about a patch or a story besides its texts."""

    code: str = ""  # a patch's code, such as P-0042
    quilt_id: int | None = None  # the quilt a patch sits in, and where
    row: int = 0
    column: int = 0
    maker: str = ""  # the maker's or teller's credit, only when their consent allows it


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
    photo_id: int | None = None  # the photo shown (a patch's front photo)
    told: Told | None = None  # a story's text, or the maker's words that go with a patch
    work: WorkFacts | None = None  # for a patch or a story
    words_left_out: str = ""  # why a patch's story in its maker's words does not go with it


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
            photo_id=photo.id,
        )
    return found


def _own(override: str | None, own: str) -> str:
    return (override if override is not None else own).strip()


def patch_sources(
    archive: Archive, items: Sequence[CollectionItem], use: Use, day: date, blur: bool
) -> dict[int, Source]:
    """A patch goes as its front photo, under its maker's consent and that photo's; its story in
    the maker's words goes with it only when they gave story permission."""
    patches = {p.id: p for p in archive.patches.get_many(item.target_id for item in items)}
    plain = assess_subjects(
        archive, [Subject.patch(p) for p in patches], use, day, blur_regions=blur
    )
    worded = assess_subjects(
        archive,
        [Subject.patch(p.id, with_story=True) for p in patches.values() if p.story],
        use,
        day,
        blur_regions=blur,
    )
    front_ids = [p.front_photo_id for p in patches.values() if p.front_photo_id is not None]
    photos: dict[int, Photo] = {photo.id: photo for photo in archive.photos.get_many(front_ids)}
    facts = {f.id: f for f in ConsentFactsStore(archive.db).photos(front_ids)}
    makers = names_allowed(
        archive, {p.maker_id for p in patches.values() if p.maker_id is not None}, use, day
    )
    found: dict[int, Source] = {}
    for item in items:
        patch = patches.get(item.target_id)
        if patch is None:
            continue
        decision = plain[Subject.patch(patch.id)]
        with_words = worded.get(Subject.patch(patch.id, with_story=True))
        told, words_left_out = None, ""
        if patch.story and with_words is not None and with_words.allowed:
            told = Told(f"In the maker's words: {patch.title}", patch.story, "")
        elif patch.story and decision.allowed and with_words is not None:
            words_left_out = "Its story in the maker's words is left out: " + " ".join(
                with_words.reasons
            )
        photo = photos.get(patch.front_photo_id) if patch.front_photo_id else None
        appearances = facts[photo.id].appearances if photo and photo.id in facts else ()
        people = [patch.maker_id] if patch.maker_id is not None else []
        people += [a.person_id for a in appearances if a.person_id is not None]
        position = patch.position
        found[item.id] = Source(
            item=item,
            decision=decision,
            caption=_own(item.caption, patch.title),
            alt_text=_own(item.alt_text, photo.alt_text if photo else ""),
            fallback_title=f"Patch {patch.code}",
            people=tuple(dict.fromkeys(people)),
            picture=Picture(
                str(archive.layout.original_path(photo.sha256, photo.extension)),
                photo.orientation,
                photo.width,
                photo.height,
            )
            if photo
            else None,
            appearances=appearances,
            licence=photo.licence if photo else "",
            kind_label="Quilt patch",
            photo_id=photo.id if photo else None,
            told=told,
            work=WorkFacts(
                code=patch.code,
                quilt_id=position.quilt_id if position else None,
                row=position.row if position else 0,
                column=position.column if position else 0,
                maker=makers.get(patch.maker_id or 0, ("", ""))[1] if decision.allowed else "",
            ),
            words_left_out=words_left_out,
        )
    return found


def story_sources(
    archive: Archive, items: Sequence[CollectionItem], use: Use, day: date, blur: bool
) -> dict[int, Source]:
    """A story goes as text, only with its teller's consent for the use and story permission."""
    stories = {s.id: s for s in archive.stories.get_many(item.target_id for item in items)}
    decisions = assess_subjects(archive, [Subject.story(s) for s in stories], use, day)
    found: dict[int, Source] = {}
    for item in items:
        story = stories.get(item.target_id)
        if story is None:
            continue
        decision = decisions[Subject.story(story.id)]
        found[item.id] = Source(
            item=item,
            decision=decision,
            caption=_own(item.caption, story.title),
            alt_text="",
            fallback_title="Story",
            people=(story.teller_id,) if story.teller_id is not None else (),
            picture=None,
            kind_label="Story",
            told=Told(
                story.title,
                story.text,
                story.language,
                story.translation,
                story.translation_language,
            ),
            work=WorkFacts(maker=decision.credit),
        )
    return found


SOURCES: dict[ItemKind, SourceLoader] = {
    ItemKind.PHOTO: photo_sources,
    ItemKind.PATCH: patch_sources,
    ItemKind.STORY: story_sources,
}


def load_sources(
    archive: Archive, items: Sequence[CollectionItem], use: Use, day: date, blur: bool
) -> dict[int, Source]:
    found: dict[int, Source] = {}
    for kind, loader in SOURCES.items():
        of_kind = [item for item in items if item.kind is kind]
        if of_kind:
            found.update(loader(archive, of_kind, use, day, blur))
    return found
