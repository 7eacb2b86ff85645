"""An entry on the audit trail."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: str
    user: str
    action: str
    entity_type: str
    entity_id: str
    before: Any
    after: Any
    redacted: bool


@dataclass(frozen=True, slots=True)
class ChainVerdict:
    """The result of verifying the audit trail's hash chain."""

    entries: int
    first_broken_seq: int | None = None
    problem: str = ""

    @property
    def intact(self) -> bool:
        return self.first_broken_seq is None
