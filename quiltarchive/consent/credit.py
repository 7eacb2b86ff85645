"""How a person is named in a credit line, by their choice and the limits the model sets."""

from quiltarchive.model.person import Credit


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else ""


def initials(name: str) -> str:
    return " ".join(f"{part[0].upper()}." for part in name.split() if part)


def possessive(name: str) -> str:
    """A name with its possessive ending: "Amina Yusuf's", "Year 4 Robins'", and a name that
    already ends in one stays as it is ("St Mary's consent", as with a shop's name)."""
    name = name.strip()
    if name.endswith(("'s", "’s", "'S", "’S")):
        return name
    if name.endswith(("s", "S")):
        return f"{name}'"
    return f"{name}'s"


def credited_name(
    name: str, choice: Credit, *, minor: bool, do_not_identify: bool, group: bool = False
) -> str:
    """The name to print, or "" for none. Minors get at most their first name; people who must
    not be identified are never named. A group ("Year 4, St Mary's") has no first name and its
    name is nobody's surname: it is credited by its name as recorded (or initials, or none)."""
    if do_not_identify or choice is Credit.NONE:
        return ""
    if choice is Credit.INITIALS:
        return initials(name)
    if group:
        return name.strip()
    if choice is Credit.FIRST or minor:
        return first_name(name)
    return name.strip()


def credit_line(names: list[str]) -> str:
    return ", ".join(dict.fromkeys(name for name in names if name))
