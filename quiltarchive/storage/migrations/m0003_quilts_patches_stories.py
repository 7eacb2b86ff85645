"""Quilts, their patches and residents' stories as records of their own; groups as makers.

A group (a class, a family, a knitting circle) is recorded as one person marked `is_group`; its
consent comes from a recorded responsible adult (a guardian row). The search index of photos
gains a `works` column (the patches and stories a photo belongs to), and patches and stories
get search indexes of their own.
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
ALTER TABLE people ADD COLUMN is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1));

CREATE TABLE quilts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    row_count INTEGER NOT NULL CHECK (row_count BETWEEN 1 AND 100),
    column_count INTEGER NOT NULL CHECK (column_count BETWEEN 1 AND 100),
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX quilts_name ON quilts (name COLLATE NOCASE);

-- A patch is placed when it has a quilt, a row and a column (1-based), and not at all otherwise.
CREATE TABLE patches (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
    title TEXT NOT NULL DEFAULT '',
    maker_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    maker_age_band TEXT
        CHECK (maker_age_band IS NULL OR maker_age_band IN ('child', 'teen', 'adult')),
    event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
    received_on TEXT CHECK (received_on IS NULL OR date(received_on) = received_on),
    materials TEXT NOT NULL DEFAULT '',
    size TEXT NOT NULL DEFAULT '',
    story TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    quilt_id INTEGER REFERENCES quilts (id),
    grid_row INTEGER,
    grid_column INTEGER,
    created_at TEXT NOT NULL,
    CHECK ((quilt_id IS NULL AND grid_row IS NULL AND grid_column IS NULL)
        OR (quilt_id IS NOT NULL AND grid_row >= 1 AND grid_column >= 1))
);
CREATE UNIQUE INDEX patches_code ON patches (code COLLATE NOCASE);
CREATE UNIQUE INDEX patches_cell ON patches (quilt_id, grid_row, grid_column)
    WHERE quilt_id IS NOT NULL;
CREATE INDEX patches_maker ON patches (maker_id);

CREATE TRIGGER patches_inside_grid_insert BEFORE INSERT ON patches
WHEN NEW.quilt_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM quilts WHERE id = NEW.quilt_id
    AND (NEW.grid_row > row_count OR NEW.grid_column > column_count))
BEGIN
    SELECT RAISE(ABORT, 'a patch must lie inside its quilt''s grid');
END;
CREATE TRIGGER patches_inside_grid_update BEFORE UPDATE OF quilt_id, grid_row, grid_column
ON patches
WHEN NEW.quilt_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM quilts WHERE id = NEW.quilt_id
    AND (NEW.grid_row > row_count OR NEW.grid_column > column_count))
BEGIN
    SELECT RAISE(ABORT, 'a patch must lie inside its quilt''s grid');
END;
CREATE TRIGGER quilts_keep_their_patches BEFORE UPDATE OF row_count, column_count ON quilts
WHEN EXISTS (
    SELECT 1 FROM patches WHERE quilt_id = NEW.id
    AND (grid_row > NEW.row_count OR grid_column > NEW.column_count))
BEGIN
    SELECT RAISE(ABORT, 'a quilt cannot shrink past a placed patch');
END;

CREATE TABLE patch_photos (
    patch_id INTEGER NOT NULL REFERENCES patches (id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('front', 'back', 'detail')),
    position INTEGER NOT NULL,
    PRIMARY KEY (patch_id, photo_id)
);
CREATE UNIQUE INDEX patch_photos_one_front ON patch_photos (patch_id) WHERE role = 'front';
CREATE UNIQUE INDEX patch_photos_one_back ON patch_photos (patch_id) WHERE role = 'back';
CREATE INDEX patch_photos_photo ON patch_photos (photo_id);

CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    teller_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    language TEXT NOT NULL DEFAULT 'en',
    translation TEXT NOT NULL DEFAULT '',
    translation_language TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK ((translation = '') = (translation_language = ''))
);
CREATE INDEX stories_teller ON stories (teller_id);

CREATE TABLE story_photos (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    photo_id INTEGER NOT NULL REFERENCES photos (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, photo_id)
);
CREATE INDEX story_photos_photo ON story_photos (photo_id);

CREATE TABLE story_patches (
    story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    patch_id INTEGER NOT NULL REFERENCES patches (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, patch_id)
);
CREATE INDEX story_patches_patch ON story_patches (patch_id);

-- One document per patch and per story (rowid = its id), for finding the records themselves.
CREATE VIRTUAL TABLE patch_search USING fts5 (
    code, title, maker, story, details,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE story_search USING fts5 (
    title, teller, text, translation,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The photo index again, with the patches and stories each photo belongs to.
DROP TABLE photo_search;
CREATE VIRTUAL TABLE photo_search USING fts5 (
    caption, alt_text, keywords, people, event, file_name, works,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO photo_search (rowid, caption, alt_text, keywords, people, event, file_name, works)
SELECT
    photos.id,
    photos.caption,
    photos.alt_text,
    photos.iptc_caption || ' '
        || coalesce((SELECT group_concat(value, ' ') FROM json_each(photos.iptc_keywords)), ''),
    coalesce((SELECT group_concat(people.name, ' ')
              FROM appearances JOIN people ON people.id = appearances.person_id
              WHERE appearances.photo_id = photos.id), ''),
    coalesce(events.name || ' ' || events.venue, ''),
    photos.file_name,
    ''
FROM photos LEFT JOIN events ON events.id = photos.event_id;
"""


@MIGRATIONS(name="0003_quilts_patches_stories")
def m0003_quilts_patches_stories(db: Database) -> None:
    run_script(db, SCHEMA)
