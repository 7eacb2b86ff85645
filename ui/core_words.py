"""The core's sentences (why a photo may not be used, why it needs review) in the user's language.

The core words its reasons in English and knows nothing of Qt. Each sentence it can produce is
listed here as a template; a reason that matches one is shown through its translation, with the
names, ids and dates it holds put back in. A reason no template matches is shown as it is.
"""

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from quiltarchive.model.consent import Use
from ui import text

CONTEXT = "CoreWords"

# The core's sentences, word for word (quiltarchive/consent/rules.py and review_lists.py).
# {name}: a person's or group's name; {what}: a use, a patch or a story; others as named.
TEMPLATES = (
    QT_TRANSLATE_NOOP("CoreWords", "{name} has no consent recorded (needed for {what})."),
    QT_TRANSLATE_NOOP("CoreWords", "{name} has not given permission to publish their story."),
    QT_TRANSLATE_NOOP("CoreWords", "{name}'s current consent does not cover {what}."),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name} is a group: consent for {what} must come from a recorded responsible adult "
        "for the group.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name}'s age is not recorded, so {name} counts as a minor: consent for {what} "
        "must come from a recorded guardian.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name} is a minor, and no recorded guardian of theirs gave consent for {what}.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name} gave consent for {what} themself while a minor; a recorded guardian must "
        "give it, or {name} again as an adult.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "The consent for {what} was given by someone who is neither {name} nor a recorded "
        "guardian of theirs.",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "{name} had not given consent by {day} (needed for {what})."),
    QT_TRANSLATE_NOOP("CoreWords", "{name} withdrew consent on {day} (needed for {what})."),
    QT_TRANSLATE_NOOP("CoreWords", "{name}'s consent expired on {day} (needed for {what})."),
    QT_TRANSLATE_NOOP("CoreWords", "{name} has no consent in force on {day} for {what}."),
    QT_TRANSLATE_NOOP("CoreWords", "Photo {photo} is withheld by staff."),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "The rights to photo {photo} are unknown: record whether staff took it or "
        "it is used under a licence.",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "Nobody has recorded yet who is in photo {photo}."),
    QT_TRANSLATE_NOOP("CoreWords", "Person {person}, shown in photo {photo}, is not on record."),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name} is a group, recorded in photo {photo} as one person: record "
        "each identifiable member, or mark the group not identifiable.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{name} must never be identifiable outside the archive (do-not-identify), "
        "so photo {photo} cannot be used for {what} unless they are blurred.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "An unidentified person is in photo {photo}: for {what} they must be "
        "identified and consent, be marked not identifiable, or be blurred.",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords", "{reason} No region is marked around them, so they cannot be blurred."
    ),
    QT_TRANSLATE_NOOP("CoreWords", "The {role} of {what} is not recorded (needed for {use})."),
    QT_TRANSLATE_NOOP("CoreWords", "Patch {code} has no photo to show it: record its front photo."),
    QT_TRANSLATE_NOOP("CoreWords", "Patch {code}: {reason}"),
    QT_TRANSLATE_NOOP("CoreWords", "Story “{title}”: {reason}"),
    QT_TRANSLATE_NOOP("CoreWords", "nobody has recorded who is in it"),
    QT_TRANSLATE_NOOP("CoreWords", "an identifiable person in it is not identified"),
    QT_TRANSLATE_NOOP("CoreWords", "{name}'s consent has lapsed"),
    # quiltarchive/check.py
    QT_TRANSLATE_NOOP("CoreWords", "{path}: the file is missing"),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{path}: the file's content no longer matches its hash (it has been altered or damaged)",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "a file in originals/ that no photo refers to"),
    QT_TRANSLATE_NOOP("CoreWords", "a file in consent-forms/ that no consent refers to"),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{file} was being imported when an import stopped; importing the same "
        "files again, or `quiltarchive import --resume`, completes it",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "{count} photo(s) have no thumbnail or preview in the cache; "
        "`quiltarchive cache rebuild` makes them again",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "{count} unfinished temporary file(s) in the cache"),
    # quiltarchive/importing and quiltarchive/imaging: why a file was not imported
    QT_TRANSLATE_NOOP("CoreWords", "the link points to a file that does not exist"),
    QT_TRANSLATE_NOOP("CoreWords", "there is no file or folder with this name"),
    QT_TRANSLATE_NOOP("CoreWords", "not a regular file"),
    QT_TRANSLATE_NOOP("CoreWords", "the folder cannot be read ({error})"),
    QT_TRANSLATE_NOOP(
        "CoreWords", "a link back to a folder already being imported (a symlink loop)"
    ),
    QT_TRANSLATE_NOOP("CoreWords", "the file cannot be read (permission denied)"),
    QT_TRANSLATE_NOOP("CoreWords", "the file cannot be read ({error})"),
    QT_TRANSLATE_NOOP("CoreWords", "a macOS metadata file (an AppleDouble “._” file), not a photo"),
    QT_TRANSLATE_NOOP("CoreWords", "a video, not a photo"),
    QT_TRANSLATE_NOOP("CoreWords", "a camera RAW file; import the camera's JPEG of it instead"),
    QT_TRANSLATE_NOOP("CoreWords", "a camera or editor's side file, not a photo"),
    QT_TRANSLATE_NOOP("CoreWords", "already in the archive as photo {photo}"),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "the image declares far more pixels than a photo has, too many to open safely "
        "(a decompression bomb)",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "the image is damaged or not in a form QuiltArchive can read"),
    QT_TRANSLATE_NOOP(
        "CoreWords", "{format} images are not imported (QuiltArchive takes {formats})"
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords", "the image is too large to decode safely (a decompression bomb)"
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "a compressed block in the file expands to an unsafe size (a decompression bomb)",
    ),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "the image data is cut short (the file is truncated or was not fully copied)",
    ),
    QT_TRANSLATE_NOOP("CoreWords", "the image data is damaged and cannot be decoded"),
    QT_TRANSLATE_NOOP("CoreWords", "the image is too large to decode with the memory available"),
    QT_TRANSLATE_NOOP("CoreWords", "the image could not be decoded ({error})"),
    QT_TRANSLATE_NOOP("CoreWords", "the image is too large to process with the memory available"),
    QT_TRANSLATE_NOOP("CoreWords", "the archive's disk is full"),
    QT_TRANSLATE_NOOP("CoreWords", "the file could not be imported ({error})"),
    QT_TRANSLATE_NOOP("CoreWords", "an unexpected problem while reading it ({error})"),
    QT_TRANSLATE_NOOP("CoreWords", "the file is empty (0 bytes)"),
    QT_TRANSLATE_NOOP(
        "CoreWords", "the file is {size} GB, far larger than any photo (the limit is 1 GB)"
    ),
    QT_TRANSLATE_NOOP("CoreWords", "the name says .{extension} but the content is not an image"),
    QT_TRANSLATE_NOOP("CoreWords", "not a photo (the file holds no image)"),
    QT_TRANSLATE_NOOP("CoreWords", "the copy already in the archive is damaged; run `check`"),
    QT_TRANSLATE_NOOP(
        "CoreWords",
        "the name says .{extension} but it is a {format} image; stored as .{stored}",
    ),
)

ROLES = {
    "maker": QT_TRANSLATE_NOOP("CoreWords", "maker"),
    "teller": QT_TRANSLATE_NOOP("CoreWords", "teller"),
}
WORKS = (
    QT_TRANSLATE_NOOP("CoreWords", "patch {code}"),
    QT_TRANSLATE_NOOP("CoreWords", "the story “{title}”"),
)


def tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts, seen = [], set()
    for piece in re.split(r"(\{\w+\})", template):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else ""
        if not name:
            parts.append(re.escape(piece))
        elif name in seen:
            parts.append(f"(?P={name})")
        else:
            seen.add(name)
            parts.append(f"(?P<{name}>.+?)")
    return re.compile("".join(parts), re.DOTALL)


def _match(sentence: str, templates: tuple[str, ...]) -> tuple[str, dict[str, str]] | None:
    for template in templates:
        found = _pattern(template).fullmatch(sentence)
        if found:
            return template, found.groupdict()
    return None


def _fill(template: str, values: dict[str, str]) -> str:
    """The template's translation with the values put back (never str.format: names may hold
    braces)."""
    words = tr(template)
    for key, value in values.items():
        words = words.replace("{" + key + "}", value)
    return words


def _what(value: str) -> str:
    """A use by its name in the user's language, or a patch or story named in it."""
    try:
        return _use_name(Use(value))
    except ValueError:
        pass
    found = _match(value, WORKS)
    return _fill(*found) if found else value


def _day(value: str) -> str:
    try:
        return text.day(date.fromisoformat(value))
    except ValueError:
        return value


def _use_name(use: Use) -> str:
    # Imported here: ui.consent_status shows these reasons, so it imports this module.
    from ui.consent_status import use_name

    return use_name(use)


CONVERT: dict[str, Callable[[str], str]] = {
    "what": _what,
    "use": _what,
    "day": _day,
    "role": lambda value: tr(ROLES[value]) if value in ROLES else value,
}


def reason(sentence: str) -> str:
    """One of the core's sentences in the user's language."""
    found = _match(sentence, TEMPLATES)
    if found is None:
        return sentence
    template, values = found
    converted = {}
    for key, value in values.items():
        if key == "reason":
            converted[key] = reason(value)
        else:
            converted[key] = CONVERT.get(key, str)(value)
    return _fill(template, converted)


def reasons(sentences: tuple[str, ...] | list[str]) -> list[str]:
    return [reason(sentence) for sentence in sentences]
