"""People, appearances, consents and withdrawals, the audit trail, collections and the ledger."""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    credit TEXT NOT NULL DEFAULT 'full'
        CHECK (credit IN ('full', 'first', 'initials', 'none')),
    birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2200),
    age_band TEXT CHECK (age_band IS NULL OR age_band IN ('child', 'teen', 'adult')),
    do_not_identify INTEGER NOT NULL DEFAULT 0 CHECK (do_not_identify IN (0, 1)),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE guardianships (
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    guardian_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, guardian_id),
    CHECK (person_id <> guardian_id)
);
CREATE INDEX guardianships_guardian ON guardianships (guardian_id);

-- person_id NULL is an unknown person. Erasure turns a person's appearances into unknown ones
-- first, so a photo never silently loses the fact that someone identifiable is in it.
CREATE TABLE appearances (
    id INTEGER PRIMARY KEY,
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    person_id INTEGER REFERENCES people (id),
    box_x REAL, box_y REAL, box_w REAL, box_h REAL,
    identifiable INTEGER NOT NULL DEFAULT 1 CHECK (identifiable IN (0, 1)),
    created_at TEXT NOT NULL,
    CHECK ((box_x IS NULL AND box_y IS NULL AND box_w IS NULL AND box_h IS NULL)
        OR (box_x >= 0 AND box_y >= 0 AND box_w > 0 AND box_h > 0
            AND box_x + box_w <= 1.000001 AND box_y + box_h <= 1.000001))
);
CREATE INDEX appearances_photo ON appearances (photo_id);
CREATE INDEX appearances_person ON appearances (person_id);

CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    given_by_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    given_on TEXT NOT NULL CHECK (date(given_on) = given_on),
    method TEXT NOT NULL CHECK (method IN ('paper', 'digital', 'verbal-witnessed')),
    form_ref TEXT NOT NULL DEFAULT '',
    scan_sha256 TEXT,
    scan_extension TEXT,
    uses TEXT NOT NULL,
    credit TEXT CHECK (credit IS NULL OR credit IN ('full', 'first', 'initials', 'none')),
    story INTEGER NOT NULL DEFAULT 0 CHECK (story IN (0, 1)),
    expires_on TEXT CHECK (expires_on IS NULL OR date(expires_on) = expires_on),
    supersedes_id INTEGER REFERENCES consents (id),
    recorded_at TEXT NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= given_on)
);
CREATE INDEX consents_person ON consents (person_id);
CREATE INDEX consents_supersedes ON consents (supersedes_id);
CREATE INDEX consents_expires ON consents (expires_on) WHERE expires_on IS NOT NULL;
CREATE TRIGGER consents_never_edited BEFORE UPDATE ON consents
BEGIN
    SELECT RAISE(ABORT, 'a consent is never edited in place: record a new one that supersedes it');
END;

CREATE TABLE consent_withdrawals (
    consent_id INTEGER PRIMARY KEY REFERENCES consents (id) ON DELETE CASCADE,
    withdrawn_on TEXT NOT NULL CHECK (date(withdrawn_on) = withdrawn_on),
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE TRIGGER consent_withdrawals_never_edited BEFORE UPDATE ON consent_withdrawals
BEGIN
    SELECT RAISE(ABORT, 'a withdrawal is a dated event and is never edited');
END;

-- The audit trail. Each row's hash covers the previous row's hash and a salted digest of its
-- payload; the payload itself lives apart so that an erasure can blank a person's details
-- without breaking the chain, and the salt keeps the digest from confirming a guessed name.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    payload_digest TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    row_hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TABLE audit_payloads (
    seq INTEGER PRIMARY KEY REFERENCES audit_log (seq),
    salt TEXT,
    before TEXT,
    after TEXT,
    redacted_by INTEGER REFERENCES audit_log (seq)
);
CREATE TRIGGER audit_payloads_keep BEFORE DELETE ON audit_payloads
BEGIN
    SELECT RAISE(ABORT, 'audit payloads are redacted, never deleted');
END;

CREATE TABLE collections (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    use TEXT CHECK (use IS NULL
        OR use IN ('archive', 'exhibition', 'print', 'web', 'social', 'press')),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX collections_name ON collections (name COLLATE NOCASE);

CREATE TABLE collection_items (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    photo_id INTEGER REFERENCES photos (id) ON DELETE CASCADE,
    caption TEXT,
    alt_text TEXT
);
CREATE INDEX collection_items_collection ON collection_items (collection_id, position);
CREATE INDEX collection_items_photo ON collection_items (photo_id);

-- The publication ledger: what left the archive, where to, and on which consents it relied.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    collection_id INTEGER REFERENCES collections (id) ON DELETE SET NULL,
    collection_name TEXT NOT NULL DEFAULT '',
    use TEXT NOT NULL,
    destination TEXT NOT NULL,
    decided_on TEXT NOT NULL CHECK (date(decided_on) = decided_on),
    created_at TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT ''
);

CREATE TABLE publication_files (
    id INTEGER PRIMARY KEY,
    publication_id INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
    consent_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX publication_files_publication ON publication_files (publication_id);
CREATE INDEX publication_files_photo ON publication_files (photo_id);
"""


@MIGRATIONS(name="0002_people_and_consent")
def m0002_people_and_consent(db: Database) -> None:
    run_script(db, SCHEMA)
    db.execute(
        "INSERT INTO settings (key, value) VALUES ('guardian_consent_age', '18') "
        "ON CONFLICT (key) DO NOTHING"
    )
