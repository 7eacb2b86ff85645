"""Small wordings used across the app: counts, dates, names of states."""

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights


def tr(text: str) -> str:
    return QCoreApplication.translate("Text", text)


def count(number: int, one: str, many: str) -> str:
    """`count(3, tr("1 photo"), tr("{0} photos"))` → "3 photos" (thousands separated)."""
    return one if number == 1 else many.format(f"{number:,}")


def photos(number: int) -> str:
    return count(number, tr("1 photo"), tr("{0} photos"))


def day(value: date | None) -> str:
    """A day in the user's language: "14 March 2026"."""
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")


def taken(taken_at: str | None) -> str:
    """A capture time as people read it: "14 March 2026, 10:32"."""
    if not taken_at:
        return tr("unknown")
    try:
        when = date.fromisoformat(taken_at[:10])
    except ValueError:
        return taken_at
    clock = taken_at[11:16] if len(taken_at) >= 16 else ""
    return f"{day(when)}, {clock}" if clock else day(when)


def review_state(state: ReviewState) -> str:
    return {
        ReviewState.UNREVIEWED: tr("Not reviewed yet"),
        ReviewState.REVIEWED: tr("Reviewed: everyone identifiable is recorded"),
        ReviewState.NO_PEOPLE: tr("Reviewed: no identifiable people"),
    }[state]


def rights(value: Rights) -> str:
    return {
        Rights.UNKNOWN: tr("Unknown"),
        Rights.STAFF: tr("Taken by staff"),
        Rights.LICENSED: tr("Used under a licence"),
    }[value]


def credit(value: Credit) -> str:
    return {
        Credit.FULL: tr("Full name"),
        Credit.FIRST: tr("First name only"),
        Credit.INITIALS: tr("Initials only"),
        Credit.NONE: tr("Not named"),
    }[value]


def age(birth_year: int | None, band: AgeBand | None, today: date) -> str:
    if birth_year is not None:
        years = today.year - birth_year
        return tr("born {0} (about {1})").format(birth_year, years)
    if band is not None:
        return {
            AgeBand.CHILD: tr("a child (under 13)"),
            AgeBand.TEEN: tr("a teenager (13–17)"),
            AgeBand.ADULT: tr("an adult"),
        }[band]
    return tr("age not recorded (treated as a child)")


def size(num_bytes: int) -> str:
    if num_bytes >= 1 << 20:
        return tr("{0:.1f} MB").format(num_bytes / (1 << 20))
    return tr("{0:,} KB").format(max(1, num_bytes // 1024))


def local_time(at: str) -> str:
    """A timestamp the archive recorded, in the user's time zone and words."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, "d MMM yyyy, HH:mm")
