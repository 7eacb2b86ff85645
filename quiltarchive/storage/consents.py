"""Consents and their withdrawals. A consent row is never updated: see migration 0002."""

from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.errors import NotFound
from quiltarchive.model.consent import Consent, ConsentMethod, Use, Withdrawal
from quiltarchive.model.person import Credit

COLUMNS = """
    consents.id, person_id, given_by_id, given_on, method, form_ref, scan_sha256, scan_extension,
    uses, credit, story, expires_on, supersedes_id, consents.recorded_at,
    consent_withdrawals.withdrawn_on, consent_withdrawals.note,
    consent_withdrawals.recorded_at
"""
FROM = "consents LEFT JOIN consent_withdrawals ON consent_withdrawals.consent_id = consents.id"


def encode_uses(uses: Iterable[Use]) -> str:
    return ",".join(sorted(use.value for use in uses))


@cache
def decode_uses(text: str) -> frozenset[Use]:
    """Few distinct combinations exist; decoding each once keeps bulk loads fast."""
    return frozenset(Use(part) for part in text.split(",") if part)


METHODS = {method.value: method for method in ConsentMethod}
CREDITS = {credit.value: credit for credit in Credit}


def consent_from_row(row: tuple[Any, ...]) -> Consent:
    (
        consent_id, person_id, given_by_id, given_on, method, form_ref, scan_sha256,
        scan_extension, uses, credit, story, expires_on, supersedes_id, recorded_at,
        withdrawn_on, note, withdrawal_recorded_at,
    ) = row  # fmt: skip
    # Positional: a bulk load builds thousands, and keywords cost a fifth more.
    return Consent(
        consent_id,
        person_id,
        given_by_id,
        date.fromisoformat(given_on),
        METHODS[method],
        form_ref,
        scan_sha256,
        scan_extension,
        decode_uses(uses),
        CREDITS[credit] if credit else None,
        bool(story),
        date.fromisoformat(expires_on) if expires_on else None,
        supersedes_id,
        recorded_at,
        Withdrawal(date.fromisoformat(withdrawn_on), note, withdrawal_recorded_at)
        if withdrawn_on
        else None,
    )


class ConsentStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        *,
        person_id: int,
        given_by_id: int,
        given_on: date,
        method: ConsentMethod,
        uses: Iterable[Use],
        credit: Credit | None,
        story: bool,
        expires_on: date | None,
        form_ref: str = "",
        scan: tuple[str, str] | None = None,
        supersedes_id: int | None = None,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO consents (person_id, given_by_id, given_on, method, form_ref, "
            "scan_sha256, scan_extension, uses, credit, story, expires_on, supersedes_id, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                person_id,
                given_by_id,
                given_on.isoformat(),
                method.value,
                form_ref,
                scan[0] if scan else None,
                scan[1] if scan else None,
                encode_uses(uses),
                credit.value if credit else None,
                int(story),
                expires_on.isoformat() if expires_on else None,
                supersedes_id,
                clock.timestamp(),
            ],
        )
        return int(cursor.lastrowid or 0)

    def withdraw(self, consent_id: int, on: date, note: str) -> None:
        self._db.execute(
            "INSERT INTO consent_withdrawals (consent_id, withdrawn_on, note, recorded_at) "
            "VALUES (?, ?, ?, ?)",
            [consent_id, on.isoformat(), note, clock.timestamp()],
        )

    def delete_withdrawal(self, consent_id: int) -> None:
        self._db.execute("DELETE FROM consent_withdrawals WHERE consent_id = ?", [consent_id])

    def get(self, consent_id: int) -> Consent:
        row = self._db.execute(
            f"SELECT {COLUMNS} FROM {FROM} WHERE consents.id = ?", [consent_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"There is no consent with id {consent_id}.")
        return consent_from_row(row)

    def of_person(self, person_id: int) -> list[Consent]:
        return [
            consent_from_row(row)
            for row in self._db.execute(
                f"SELECT {COLUMNS} FROM {FROM} WHERE person_id = ? ORDER BY given_on, consents.id",
                [person_id],
            )
        ]

    def given_by(self, person_id: int) -> list[Consent]:
        """Consents this person gave for someone else (as a guardian)."""
        return [
            consent_from_row(row)
            for row in self._db.execute(
                f"SELECT {COLUMNS} FROM {FROM} WHERE given_by_id = ? AND person_id <> ? "
                "ORDER BY consents.id",
                [person_id, person_id],
            )
        ]

    def all(self) -> list[Consent]:
        return [
            consent_from_row(row)
            for row in self._db.execute(f"SELECT {COLUMNS} FROM {FROM} ORDER BY consents.id")
        ]

    def superseded_by(self, consent_id: int) -> list[int]:
        return [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM consents WHERE supersedes_id = ?", [consent_id]
            )
        ]

    def relied_on_by_exports(self, consent_id: int) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM publication_files, json_each(publication_files.consent_ids) "
                "WHERE json_each.value = ? LIMIT 1",
                [consent_id],
            ).fetchone()
            is not None
        )

    def delete(self, consent_id: int) -> None:
        self._db.execute("DELETE FROM consents WHERE id = ?", [consent_id])

    def scan_in_use(self, sha256: str) -> bool:
        return (
            self._db.execute(
                "SELECT 1 FROM consents WHERE scan_sha256 = ? LIMIT 1", [sha256]
            ).fetchone()
            is not None
        )
