"""Reading values people type (dates, uses, boxes) with a clear message when they are wrong."""

import re
from collections.abc import Iterable
from datetime import date

from quiltarchive.errors import InvalidInput
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use

USE_NAMES = ", ".join(use.value for use in Use)


def parse_day(text: str, *, what: str = "date") -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise InvalidInput(f"The {what} “{text}” is not a date in the form YYYY-MM-DD.")
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput(f"The {what} “{text}” is not a real date.") from None


def parse_use(text: str) -> Use:
    try:
        return Use(text.strip().lower())
    except ValueError:
        raise InvalidInput(f"“{text}” is not a use; the uses are {USE_NAMES}.") from None


def parse_uses(text: str | Iterable[str]) -> frozenset[Use]:
    parts = text.split(",") if isinstance(text, str) else list(text)
    uses = frozenset(parse_use(part) for part in parts if part.strip())
    if not uses:
        raise InvalidInput(f"Name at least one use ({USE_NAMES}).")
    return uses


def parse_box(text: str) -> Box:
    parts = text.split(",")
    try:
        x, y, w, h = (float(part) for part in parts)
    except ValueError:
        raise InvalidInput(
            f"The box “{text}” is not four numbers x,y,w,h (fractions of the photo, 0 to 1)."
        ) from None
    return checked_box(Box(x, y, w, h))


def checked_box(box: Box) -> Box:
    inside = 0 <= box.x < 1 and 0 <= box.y < 1 and box.w > 0 and box.h > 0
    if not inside or box.x + box.w > 1.000001 or box.y + box.h > 1.000001:
        raise InvalidInput(
            "A box is x,y,w,h as fractions of the photo: x and y from 0, width and height "
            "above 0, and it must lie within the photo."
        )
    return box
