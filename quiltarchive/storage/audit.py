"""The append-only audit trail, each row chained to the one before it by a hash."""

import hashlib
import json
import secrets
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from quiltarchive import clock
from quiltarchive.model.audit import AuditEntry, ChainVerdict
from quiltarchive.name_forms import mentions, replace_name
from quiltarchive.storage.parameters import chunks, placeholders

GENESIS = "0" * 64
ERASURE = "person erased"  # the action whose entry may redact the details of earlier ones


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def payload_digest(salt: str, before: str | None, after: str | None) -> str:
    material = f"{salt}\x1f{before or ''}\x1f{after or ''}"
    return hashlib.sha256(material.encode()).hexdigest()


def row_hash(
    seq: int,
    at: str,
    user: str,
    action: str,
    entity_type: str,
    entity_id: str,
    digest: str,
    prev_hash: str,
) -> str:
    material = "\x1f".join([str(seq), at, user, action, entity_type, entity_id, digest, prev_hash])
    return hashlib.sha256(material.encode()).hexdigest()


class AuditStore:
    def __init__(self, db: Database, user: str) -> None:
        self._db = db
        self._user = user

    def record(
        self,
        action: str,
        entity_type: str,
        entity_id: int | str,
        *,
        before: Any = None,
        after: Any = None,
    ) -> int:
        """Append an entry. Call inside the transaction that makes the change it records."""
        last = self._db.execute(
            "SELECT seq, row_hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
        at = clock.timestamp()
        salt = secrets.token_hex(16)
        before_text = None if before is None else canonical_json(before)
        after_text = None if after is None else canonical_json(after)
        digest = payload_digest(salt, before_text, after_text)
        entity = str(entity_id)
        self._db.execute(
            "INSERT INTO audit_log (seq, at, user, action, entity_type, entity_id, "
            "payload_digest, prev_hash, row_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                seq,
                at,
                self._user,
                action,
                entity_type,
                entity,
                digest,
                prev_hash,
                row_hash(seq, at, self._user, action, entity_type, entity, digest, prev_hash),
            ],
        )
        self._db.execute(
            "INSERT INTO audit_payloads (seq, salt, before, after) VALUES (?, ?, ?, ?)",
            [seq, salt, before_text, after_text],
        )
        return seq

    def entries(
        self,
        *,
        entity_type: str | None = None,
        entity_id: int | str | None = None,
        limit: int | None = None,
    ) -> list[AuditEntry]:
        where, params = [], []
        if entity_type is not None:
            where.append("audit_log.entity_type = ?")
            params.append(entity_type)
        if entity_id is not None:
            where.append("audit_log.entity_id = ?")
            params.append(str(entity_id))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        tail = f"LIMIT {int(limit)}" if limit is not None else ""
        rows = self._db.execute(
            "SELECT audit_log.seq, at, user, action, entity_type, entity_id, before, after, "
            "redacted_by FROM audit_log LEFT JOIN audit_payloads USING (seq) "
            f"{clause} ORDER BY audit_log.seq DESC {tail}",
            params,
        ).fetchall()
        return [
            AuditEntry(
                seq=seq,
                at=at,
                user=user,
                action=action,
                entity_type=etype,
                entity_id=eid,
                before=None if before is None else json.loads(before),
                after=None if after is None else json.loads(after),
                redacted=redacted_by is not None,
            )
            for seq, at, user, action, etype, eid, before, after, redacted_by in rows
        ]

    def verify(self) -> ChainVerdict:
        """Walk the chain from the first row; report the first row that does not fit."""
        erasures = {
            row[0]
            for row in self._db.execute("SELECT seq FROM audit_log WHERE action = ?", [ERASURE])
        }
        previous = GENESIS
        expected_seq = 1
        count = 0
        cursor = self._db.execute(
            "SELECT audit_log.seq, at, user, action, entity_type, entity_id, payload_digest, "
            "prev_hash, row_hash, salt, before, after, redacted_by "
            "FROM audit_log LEFT JOIN audit_payloads USING (seq) ORDER BY audit_log.seq"
        )
        for (
            seq,
            at,
            user,
            action,
            etype,
            eid,
            digest,
            prev_hash,
            stored_hash,
            salt,
            before,
            after,
            redacted_by,
        ) in cursor:
            count += 1
            if seq != expected_seq:
                return ChainVerdict(count, expected_seq, f"entry {expected_seq} is missing")
            if prev_hash != previous:
                return ChainVerdict(count, seq, f"entry {seq} does not follow entry {seq - 1}")
            if row_hash(seq, at, user, action, etype, eid, digest, prev_hash) != stored_hash:
                return ChainVerdict(count, seq, f"entry {seq} was altered")
            if redacted_by is None and (
                salt is None or payload_digest(salt, before, after) != digest
            ):
                return ChainVerdict(count, seq, f"the details of entry {seq} were altered")
            if redacted_by is not None and (redacted_by not in erasures or redacted_by <= seq):
                return ChainVerdict(
                    count, seq, f"the details of entry {seq} were removed, but not by an erasure"
                )
            previous = stored_hash
            expected_seq += 1
        return ChainVerdict(count)

    def seqs_about(self, entities: Iterable[tuple[str, int]]) -> list[int]:
        """Entries about any of `entities` (type, id)."""
        found: set[int] = set()
        for entity_type, entity_id in entities:
            found.update(
                row[0]
                for row in self._db.execute(
                    "SELECT seq FROM audit_log WHERE entity_type = ? AND entity_id = ?",
                    [entity_type, str(entity_id)],
                )
            )
        return sorted(found)

    def seqs_mentioning(self, name: str) -> list[int]:
        """Entries whose details hold `name` in any form (letter case, accents, composition)."""
        return [
            seq
            for seq, before, after in self._db.execute(
                "SELECT seq, before, after FROM audit_payloads "
                "WHERE before IS NOT NULL OR after IS NOT NULL ORDER BY seq"
            )
            if mentions(f"{before or ''}\x1f{after or ''}", name)
        ]

    def redact(self, seqs: Iterable[int], *, by_seq: int) -> int:
        """Blank the details of entries (for an erasure); the chain still verifies."""
        ids = list(seqs)
        for chunk in chunks(ids):
            self._db.execute(
                "UPDATE audit_payloads SET salt = NULL, before = NULL, after = NULL, "
                f"redacted_by = ? WHERE seq IN ({placeholders(chunk)})",
                [by_seq, *chunk],
            )
        return len(ids)

    def scrub(self, seqs: Iterable[int], name: str, replacement: str, *, by_seq: int) -> int:
        """Take `name` out of the details of entries about someone else (for an erasure): the
        rest of their details stay readable, marked as redacted by that erasure."""
        ids = list(seqs)
        for seq in ids:
            before, after = self._db.execute(
                "SELECT before, after FROM audit_payloads WHERE seq = ?", [seq]
            ).fetchone()
            self._db.execute(
                "UPDATE audit_payloads SET salt = NULL, before = ?, after = ?, redacted_by = ? "
                "WHERE seq = ?",
                [
                    None if before is None else replace_name(before, name, replacement),
                    None if after is None else replace_name(after, name, replacement),
                    by_seq,
                    seq,
                ],
            )
        return len(ids)
