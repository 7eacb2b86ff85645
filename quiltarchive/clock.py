"""The current time, in the forms the archive stores."""

from datetime import UTC, date, datetime


def now_utc() -> datetime:
    return datetime.now(UTC)


def timestamp() -> str:
    """An ISO 8601 UTC timestamp to the second, as stored in `*_at` columns."""
    return now_utc().isoformat(timespec="seconds")


def today() -> date:
    """The local calendar day: consent decisions are made for a day, not an instant."""
    return datetime.now().astimezone().date()
