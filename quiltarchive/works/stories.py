"""Recording residents' stories (case studies): the teller's words, in the language they told
it in, an optional translation, and the photos and patches it refers to."""

from collections.abc import Iterable
from typing import Any

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.model.story import Story
from quiltarchive.works.indexing import reindex_stories
from quiltarchive.works.refs import PatchRef, find_patch
from quiltarchive.works.snapshots import story_snapshot
from quiltarchive.works.values import checked_language


def _texts(
    title: str, text: str, translation: str, translation_language: str
) -> tuple[str, str, str, str]:
    if not title.strip():
        raise InvalidInput("A story needs a title.")
    if not text.strip():
        raise InvalidInput(f"The story “{title.strip()}” has no text.")
    translation = translation.strip()
    if translation and not translation_language.strip():
        translation_language = "en"
    if translation_language.strip() and not translation:
        raise InvalidInput(
            f"A translation language is given for “{title.strip()}” but no translation."
        )
    if translation:
        translation_language = checked_language(translation_language, what="translation language")
    return title.strip(), text.strip(), translation, translation_language if translation else ""


def _links(
    archive: Archive, photo_ids: Iterable[int], patches: Iterable[PatchRef]
) -> tuple[list[int], list[int]]:
    photos = list(dict.fromkeys(photo_ids))
    for photo_id in photos:
        archive.photos.get(photo_id)
    patch_ids = list(dict.fromkeys(find_patch(archive, patch).id for patch in patches))
    return photos, patch_ids


def add_story(
    archive: Archive,
    title: str,
    *,
    teller_id: int,
    text: str,
    language: str = "en",
    translation: str = "",
    translation_language: str = "",
    notes: str = "",
    photo_ids: Iterable[int] = (),
    patches: Iterable[PatchRef] = (),
) -> Story:
    """Record a story told by `teller_id`. It may leave the archive only with the teller's
    story permission (see `assess_subject`)."""
    title, text, translation, translation_language = _texts(
        title, text, translation, translation_language
    )
    language = checked_language(language)
    with archive.atomic():
        archive.people.get(teller_id)
        photos, patch_ids = _links(archive, photo_ids, patches)
        story_id = archive.stories.add(
            title=title,
            teller_id=teller_id,
            text=text,
            language=language,
            translation=translation,
            translation_language=translation_language,
            notes=notes.strip(),
        )
        archive.stories.set_links(story_id, photos, patch_ids)
        story = archive.stories.get(story_id)
        archive.audit.record("story added", "story", story_id, after=story_snapshot(story))
        reindex_stories(archive, [story_id])
        return story


def update_story(
    archive: Archive,
    story_id: int,
    *,
    photo_ids: Iterable[int] | None = None,
    patches: Iterable[PatchRef] | None = None,
    **changes: Any,
) -> Story:
    """Change a story's title, teller, text, language, translation or notes, or replace the
    photos or patches it refers to."""
    with archive.atomic():
        before = archive.stories.get(story_id)
        merged = {
            "title": before.title,
            "text": before.text,
            "translation": before.translation,
            "translation_language": before.translation_language,
        }
        merged.update({k: v for k, v in changes.items() if k in merged})
        if not merged["translation"].strip() and "translation_language" not in changes:
            merged["translation_language"] = ""  # the translation was removed
        title, text, translation, translation_language = _texts(**merged)
        fields = {
            **changes,
            "title": title,
            "text": text,
            "translation": translation,
            "translation_language": translation_language,
        }
        if "language" in changes:
            fields["language"] = checked_language(changes["language"])
        if changes.get("teller_id") is not None:
            archive.people.get(changes["teller_id"])
        archive.stories.update(story_id, **fields)
        if photo_ids is not None or patches is not None:
            photos, patch_ids = _links(
                archive,
                before.photo_ids if photo_ids is None else photo_ids,
                before.patch_ids if patches is None else patches,
            )
            archive.stories.set_links(story_id, photos, patch_ids)
        after = archive.stories.get(story_id)
        archive.audit.record(
            "story changed",
            "story",
            story_id,
            before=story_snapshot(before),
            after=story_snapshot(after),
        )
        reindex_stories(archive, [story_id], photo_ids=before.photo_ids)
        return after


def delete_story(archive: Archive, story_id: int) -> Story:
    with archive.atomic():
        found = archive.stories.get(story_id)
        archive.stories.delete(story_id)
        archive.audit.record("story deleted", "story", story_id, before=story_snapshot(found))
        archive.search_index.reindex(found.photo_ids)
        return found
