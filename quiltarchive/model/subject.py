"""What a consent decision is about: a photo, a patch or a story."""

from enum import StrEnum
from typing import NamedTuple


class SubjectKind(StrEnum):
    PHOTO = "photo"
    PATCH = "patch"
    STORY = "story"


class Subject(NamedTuple):
    kind: SubjectKind
    id: int
    # For a patch: shown with its story in the maker's words (needs their story permission).
    with_story: bool = False

    @classmethod
    def photo(cls, photo_id: int) -> "Subject":
        return cls(SubjectKind.PHOTO, photo_id)

    @classmethod
    def patch(cls, patch_id: int, *, with_story: bool = False) -> "Subject":
        return cls(SubjectKind.PATCH, patch_id, with_story)

    @classmethod
    def story(cls, story_id: int) -> "Subject":
        return cls(SubjectKind.STORY, story_id, True)

    def __str__(self) -> str:
        return f"{self.kind.value} {self.id}"
