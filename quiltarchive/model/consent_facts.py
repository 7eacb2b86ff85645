"""The records a consent decision reads, gathered so no decision needs a query of its own."""

from dataclasses import dataclass, field
from typing import NamedTuple

from quiltarchive.model.appearance import Appearance
from quiltarchive.model.consent import Consent
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights


@dataclass(frozen=True, slots=True)
class PersonFacts:
    id: int
    name: str
    credit: Credit
    birth_year: int | None
    age_band: AgeBand | None
    do_not_identify: bool
    guardian_ids: frozenset[int] = frozenset()
    consents: tuple[Consent, ...] = ()
    is_group: bool = False


class PhotoFacts(NamedTuple):
    """A photo as a consent decision sees it (a named tuple: bulk decisions make 100,000s)."""

    id: int
    withheld: bool
    rights: Rights
    review_state: ReviewState
    appearances: tuple[Appearance, ...] = ()


@dataclass(frozen=True, slots=True)
class ArchiveFacts:
    """Everyone a set of decisions may need to know about, and the archive's age of consent."""

    people: dict[int, PersonFacts] = field(default_factory=dict)
    guardian_consent_age: int = 18


class PatchFacts(NamedTuple):
    """A patch as a consent decision sees it: whose work it is, and which photo would show it."""

    id: int
    code: str
    maker_id: int | None
    shown_photo_id: int | None  # the front photo, unless the caller chose another of its photos


class StoryFacts(NamedTuple):
    id: int
    title: str
    teller_id: int | None
