"""Keeping the search indexes in step when a patch, a story or a maker's name changes."""

from collections.abc import Iterable

from quiltarchive.archive import Archive


def reindex_patches(
    archive: Archive, patch_ids: Iterable[int], photo_ids: Iterable[int] = ()
) -> None:
    """Patch documents, and the documents of their photos (plus `photo_ids`: photos a change
    took away from them)."""
    ids = list(patch_ids)
    archive.work_search.reindex_patches(ids)
    photos = set(photo_ids)
    for patch in archive.patches.get_many(ids):
        photos.update(p.photo_id for p in patch.photos)
    archive.search_index.reindex(sorted(photos))


def reindex_stories(
    archive: Archive, story_ids: Iterable[int], photo_ids: Iterable[int] = ()
) -> None:
    ids = list(story_ids)
    archive.work_search.reindex_stories(ids)
    photos = set(photo_ids)
    for story in archive.stories.get_many(ids):
        photos.update(story.photo_ids)
    archive.search_index.reindex(sorted(photos))


def reindex_works_of_person(archive: Archive, person_id: int) -> None:
    """After a person's name changed: the patches they made and the stories they told."""
    reindex_patches(archive, [p.id for p in archive.patches.list(maker_id=person_id)])
    reindex_stories(archive, [s.id for s in archive.stories.list(teller_id=person_id)])
