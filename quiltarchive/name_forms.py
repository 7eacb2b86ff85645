"""Finding a person's name in free text whatever form it was typed in: any letter case, with or
without accents, composed (NFC) or decomposed (NFD). Used by erasure, which must leave no form
of the name behind."""

import sys
import unicodedata
from functools import cache


@cache
def _no_marks() -> dict[int, None]:
    """A translation table deleting every combining mark (accents typed on their own)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def fold(text: str) -> str:
    """The form matching compares: no accents, no case, no composition differences."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFD", text).translate(_no_marks()).casefold()


def _folded_with_origins(text: str) -> tuple[str, list[int]]:
    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            origins.append(index)
    return "".join(folded), origins


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the folded `needle` occurs in `text` as whole words, as spans of the original."""
    if not needle:
        return []
    folded, origins = _folded_with_origins(text)
    spans = []
    start = folded.find(needle)
    while start >= 0:
        end = start + len(needle)
        before_ok = start == 0 or not folded[start - 1].isalnum()
        after_ok = end == len(folded) or not folded[end].isalnum()
        if before_ok and after_ok:
            first, last = origins[start], origins[end - 1] + 1
            # Accents typed as separate marks after the last letter belong to the name too.
            while last < len(text) and unicodedata.combining(text[last]):
                last += 1
            spans.append((first, last))
            start = folded.find(needle, end)
        else:
            start = folded.find(needle, start + 1)
    return spans


def _needle(name: str) -> str:
    return " ".join(fold(name).split())


def mentions(text: str, name: str) -> bool:
    """Whether `text` holds `name`, as whole words, in any form."""
    needle = _needle(name)
    return bool(needle) and needle in fold(text) and bool(_spans(text, needle))


def replace_name(text: str, name: str, replacement: str) -> str:
    """`text` with every form of `name` (as whole words) replaced."""
    spans = _spans(text, _needle(name))
    for first, last in reversed(spans):
        text = text[:first] + replacement + text[last:]
    return text


def name_variants(name: str) -> list[str]:
    """The forms a name may be stored in: as typed, NFC, NFD, case-folded, upper case, and
    each of those without accents."""
    forms = {name, name.casefold(), name.upper(), name.title()}
    for form in list(forms):
        forms.add(
            "".join(c for c in unicodedata.normalize("NFD", form) if not unicodedata.combining(c))
        )
    return sorted(
        {unicodedata.normalize(n, form) for form in forms for n in ("NFC", "NFD")}, key=str
    )
