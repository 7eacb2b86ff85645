"""What one person agreed to, and the uses a consent can cover."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from quiltarchive.model.person import Credit


class Use(StrEnum):
    ARCHIVE = "archive"  # kept and viewed internally
    EXHIBITION = "exhibition"  # physical display at events
    PRINT = "print"  # leaflets, posters, reports
    WEB = "web"  # council website
    SOCIAL = "social"  # social media
    PRESS = "press"  # given to the media


class ConsentMethod(StrEnum):
    PAPER = "paper"
    DIGITAL = "digital"
    VERBAL_WITNESSED = "verbal-witnessed"


@dataclass(frozen=True, slots=True)
class Withdrawal:
    withdrawn_on: date
    note: str
    recorded_at: str


@dataclass(frozen=True, slots=True)
class Consent:
    id: int
    person_id: int
    given_by_id: int
    given_on: date
    method: ConsentMethod
    form_ref: str
    scan_sha256: str | None
    scan_extension: str | None
    uses: frozenset[Use]
    credit: Credit | None
    story: bool
    expires_on: date | None
    supersedes_id: int | None
    recorded_at: str
    withdrawal: Withdrawal | None = None
