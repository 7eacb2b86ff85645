"""A resident's story (a case study), in their words, with what it refers to."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Story:
    id: int
    title: str
    teller_id: int | None  # None only after the teller was erased
    text: str  # in the language it was told in
    language: str  # a language tag such as en, ar, uk, fa
    translation: str  # "" when there is none
    translation_language: str
    notes: str
    photo_ids: tuple[int, ...]
    patch_ids: tuple[int, ...]
    created_at: str
