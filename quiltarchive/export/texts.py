"""The words an export writes: titles, file names, and the check that no text names anyone
beyond what their consent allows."""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

SLUG_LENGTH = 48
TITLE_WORDS = 9


def slugify(text: str, fallback: str = "photo") -> str:
    """ASCII letters, digits, hyphens, cut at a word: "Café à Burnt Oak!" → "cafe-a-burnt-oak"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > SLUG_LENGTH:
        slug = (
            slug[:SLUG_LENGTH].rsplit("-", 1)[0]
            if "-" in slug[:SLUG_LENGTH]
            else slug[:SLUG_LENGTH]
        )
    return slug or fallback


def title_from(caption: str, fallback: str) -> str:
    """A short title: the caption's first sentence (at most a few words), else the fallback."""
    text = " ".join(caption.split())
    if not text:
        return fallback
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0].rstrip(".!?")
    words = sentence.split()
    if len(words) > TITLE_WORDS:
        return " ".join(words[:TITLE_WORDS]) + "…"
    return sentence or fallback


def numbered_stem(position: int, total: int, title: str) -> str:
    """`012-quilt-workshop-burnt-oak`: the order in the set, then the title's slug."""
    width = max(3, len(str(total)))
    return f"{position:0{width}d}-{slugify(title)}"


@dataclass(frozen=True, slots=True)
class NamedPerson:
    name: str  # as recorded
    allowed: str  # how the person may be named for this export ("" = not at all)
    do_not_identify: bool = False


class NameGuard:
    """Finds names an export may not print.

    For each person, the full recorded name is forbidden unless it is exactly what they may be
    called, and so is each part of it (first name, surname) that their allowed name does not
    contain. A part is matched as a whole word written as recorded (or in capitals), so the word
    "rose" in a sentence does not stop a caption because someone is called Rose.
    """

    def __init__(self, people: dict[int, NamedPerson], everywhere: Iterable[int] = ()) -> None:
        """`everywhere`: people checked in every text, whoever it is about."""
        self._patterns: dict[int, list[re.Pattern[str]]] = {}
        self._people = people
        self._everywhere = tuple(everywhere)
        for person_id, person in people.items():
            patterns = _forbidden(person)
            if patterns:
                self._patterns[person_id] = patterns

    def problems(
        self,
        texts: Iterable[str],
        person_ids: Iterable[int],
        what: str = "Its caption, alt text or title",
    ) -> list[str]:
        """Plain reasons for each person in `person_ids` the texts name beyond their consent."""
        joined = "\n".join(text for text in texts if text)
        if not joined:
            return []
        found = []
        for person_id in dict.fromkeys([*person_ids, *self._everywhere]):
            patterns = self._patterns.get(person_id, [])
            if any(pattern.search(joined) for pattern in patterns):
                found.append(_reason(self._people[person_id], what))
        return found


def _word(text: str, *, any_case: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in text.split())
    flags = re.IGNORECASE if any_case else 0
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _forbidden(person: NamedPerson) -> list[re.Pattern[str]]:
    name = " ".join(person.name.split())
    allowed = " ".join(person.allowed.split())
    if not name or (allowed == name and not person.do_not_identify):
        return []
    patterns = [_word(name, any_case=True)]
    allowed_words = {word.casefold() for word in re.findall(r"\w+", allowed)}
    for part in re.findall(r"\w[\w'’-]*", name):
        if len(part) < 2 or part.casefold() in allowed_words:
            continue
        patterns.append(_word(part, any_case=False))
        if part.upper() != part:
            patterns.append(_word(part.upper(), any_case=False))
    return patterns


def _reason(person: NamedPerson, what: str) -> str:
    if person.do_not_identify:
        why = "who must never be identified outside the archive"
    elif person.allowed:
        why = f"who may only be named “{person.allowed}” here"
    else:
        why = "whose consent does not allow their name here"
    return f"{what} names {person.name}, {why}; change the text."
