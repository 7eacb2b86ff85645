"""Curated sets grow descriptions and item kinds; the ledger records how each export was made.

`collection_items` is rebuilt to carry an item `kind` (photo now; quilt patches and stories use
the same table once they exist, each with its own id column added beside `photo_id`), and one
item per photo per set. `publications.details` keeps the export's options (blur, zip, sizes);
`publication_files.role` says what a file is (display image, thumbnail, full-size image,
sidecar) and `blurred` how many regions of it were blurred. A random key for pseudonymous
person ids in exported metadata is made once per archive.
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
ALTER TABLE collections ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE collections ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
UPDATE collections SET updated_at = created_at;

CREATE TABLE collection_items_new (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    kind TEXT NOT NULL DEFAULT 'photo' CHECK (kind IN ('photo', 'patch', 'story')),
    photo_id INTEGER REFERENCES photos (id) ON DELETE CASCADE,
    caption TEXT,
    alt_text TEXT,
    added_at TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'photo') = (photo_id IS NOT NULL))
);
INSERT INTO collection_items_new (id, collection_id, position, kind, photo_id, caption, alt_text)
    SELECT id, collection_id,
        row_number() OVER (PARTITION BY collection_id ORDER BY position, id),
        'photo', photo_id, caption, alt_text
    FROM collection_items
    WHERE photo_id IS NOT NULL
        AND id IN (SELECT min(id) FROM collection_items GROUP BY collection_id, photo_id);
DROP TABLE collection_items;
ALTER TABLE collection_items_new RENAME TO collection_items;
CREATE INDEX collection_items_collection ON collection_items (collection_id, position);
CREATE UNIQUE INDEX collection_items_one_photo ON collection_items (collection_id, photo_id)
    WHERE photo_id IS NOT NULL;
CREATE INDEX collection_items_photo ON collection_items (photo_id);

ALTER TABLE publications ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
ALTER TABLE publication_files ADD COLUMN role TEXT NOT NULL DEFAULT '';
ALTER TABLE publication_files ADD COLUMN blurred INTEGER NOT NULL DEFAULT 0;

INSERT INTO settings (key, value) VALUES ('pseudonym_key', lower(hex(randomblob(32))))
    ON CONFLICT (key) DO NOTHING;
"""


@MIGRATIONS(name="0004_collections_and_exports")
def m0004_collections_and_exports(db: Database) -> None:
    run_script(db, SCHEMA)
