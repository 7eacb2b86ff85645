"""Checking what people type for patches and stories: codes, language tags, text files."""

import re
from pathlib import Path

from quiltarchive.errors import InvalidInput

CODE = re.compile(r"[A-Z0-9][A-Z0-9._/-]{0,31}")
LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
NUMBERED = re.compile(r"P-(\d+)")


def checked_code(code: str) -> str:
    """A patch code as stored: trimmed and in capitals (`p-42` is `P-42`)."""
    cleaned = code.strip().upper()
    if not CODE.fullmatch(cleaned):
        raise InvalidInput(
            f"“{code}” is not a patch code: use letters, digits and dashes, up to 32 characters, "
            "for example P-0042."
        )
    return cleaned


def next_code(existing: list[str]) -> str:
    """The next free code in the P-0001 series."""
    numbers = [int(m.group(1)) for c in existing if (m := NUMBERED.fullmatch(c.upper()))]
    return f"P-{max(numbers, default=0) + 1:04d}"


def checked_language(tag: str, *, what: str = "language") -> str:
    cleaned = tag.strip()
    primary, _, rest = cleaned.partition("-")
    cleaned = primary.lower() + (f"-{rest}" if rest else "")
    if not LANGUAGE.fullmatch(cleaned):
        raise InvalidInput(
            f"“{tag}” is not a {what} code: write it as a language tag such as en, ar, uk, fa "
            "or pt-BR."
        )
    return cleaned


def read_text_file(path: Path, *, what: str) -> str:
    """The text of a UTF-8 file (a byte-order mark is dropped), with a plain error if unreadable."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInput(f"The {what} file {path} does not exist.") from None
    except UnicodeDecodeError:
        raise InvalidInput(f"The {what} file {path} is not UTF-8 text; save it as UTF-8.") from None
    except OSError as error:
        raise InvalidInput(f"The {what} file {path} cannot be read ({error.strerror}).") from None
    return text.strip()
