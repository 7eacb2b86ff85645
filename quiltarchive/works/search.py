"""Finding patches and stories by what someone types: patch codes, titles, makers' and tellers'
names, the words of stories and translations, materials, events, quilts."""

from dataclasses import dataclass

from quiltarchive.archive import Archive
from quiltarchive.model.patch import Patch
from quiltarchive.model.story import Story


@dataclass(frozen=True, slots=True)
class WorkMatches:
    patches: tuple[Patch, ...]  # best match first
    stories: tuple[Story, ...]

    @property
    def photo_ids(self) -> tuple[int, ...]:
        """The photos of the matching patches and stories, for a photo grid."""
        found: dict[int, None] = {}
        for patch in self.patches:
            found.update(dict.fromkeys(p.photo_id for p in patch.photos))
        for story in self.stories:
            found.update(dict.fromkeys(story.photo_ids))
        return tuple(found)


def search_works(archive: Archive, text: str, *, limit: int | None = 200) -> WorkMatches:
    """Patches and stories matching every word typed (the last one as a prefix)."""
    index = archive.work_search
    return WorkMatches(
        tuple(archive.patches.get_many(index.patches_matching(text, limit))),
        tuple(archive.stories.get_many(index.stories_matching(text, limit))),
    )
