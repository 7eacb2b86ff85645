"""Photos, events, import batches, the sensitive location table and the search index."""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    held_on TEXT CHECK (held_on IS NULL OR date(held_on) = held_on),
    venue TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX events_name ON events (name COLLATE NOCASE);

CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('running', 'complete', 'cancelled', 'interrupted')),
    event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
    user TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    file_name TEXT NOT NULL,
    extension TEXT NOT NULL,
    format TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
    width INTEGER NOT NULL CHECK (width > 0),
    height INTEGER NOT NULL CHECK (height > 0),
    orientation INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8),
    taken_at TEXT,
    taken_at_source TEXT NOT NULL
        CHECK (taken_at_source IN ('exif', 'exif-local', 'file-time')),
    camera_make TEXT NOT NULL DEFAULT '',
    camera_model TEXT NOT NULL DEFAULT '',
    iptc_caption TEXT NOT NULL DEFAULT '',
    iptc_keywords TEXT NOT NULL DEFAULT '[]',
    caption TEXT NOT NULL DEFAULT '',
    alt_text TEXT NOT NULL DEFAULT '',
    review_state TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (review_state IN ('unreviewed', 'reviewed', 'no-people')),
    rights TEXT NOT NULL DEFAULT 'unknown'
        CHECK (rights IN ('unknown', 'staff', 'licensed')),
    licence TEXT NOT NULL DEFAULT '',
    withheld INTEGER NOT NULL DEFAULT 0 CHECK (withheld IN (0, 1)),
    batch_id INTEGER NOT NULL REFERENCES import_batches (id),
    event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
    imported_at TEXT NOT NULL
);
CREATE INDEX photos_taken_at ON photos (taken_at, id);
CREATE INDEX photos_event ON photos (event_id, taken_at);
CREATE INDEX photos_batch ON photos (batch_id);
CREATE INDEX photos_review_state ON photos (review_state);

-- Where a photo was taken is sensitive: it lives apart, so no listing of photos carries it.
CREATE TABLE photo_locations (
    photo_id INTEGER PRIMARY KEY REFERENCES photos (id) ON DELETE CASCADE,
    latitude REAL NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude REAL NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    altitude REAL
);

CREATE TABLE import_items (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,
    source_path TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'placing', 'imported', 'duplicate', 'failed', 'skipped')),
    sha256 TEXT,
    photo_id INTEGER REFERENCES photos (id) ON DELETE SET NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX import_items_batch ON import_items (batch_id, status);
CREATE INDEX import_items_placing ON import_items (sha256) WHERE status = 'placing';

-- One document per photo gathering every text a user may search for.
CREATE VIRTUAL TABLE photo_search USING fts5 (
    caption, alt_text, keywords, people, event, file_name,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


@MIGRATIONS(name="0001_photos_and_imports")
def m0001_photos_and_imports(db: Database) -> None:
    run_script(db, SCHEMA)
