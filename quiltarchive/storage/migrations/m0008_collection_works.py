"""Collections hold quilt patches and stories beside photos; the ledger names them per file.

`collection_items` is rebuilt with a `patch_id` and a `story_id` beside `photo_id`: exactly the
column of the item's kind is set, and each patch or story is in a set at most once.
`publication_files` records the patch or story a file shows or tells, so withdrawal impact can
find every past export of a person's work.
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
CREATE TABLE collection_items_new (
    id INTEGER PRIMARY KEY,
    collection_id INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 1),
    kind TEXT NOT NULL DEFAULT 'photo' CHECK (kind IN ('photo', 'patch', 'story')),
    photo_id INTEGER REFERENCES photos (id) ON DELETE CASCADE,
    patch_id INTEGER REFERENCES patches (id) ON DELETE CASCADE,
    story_id INTEGER REFERENCES stories (id) ON DELETE CASCADE,
    caption TEXT,
    alt_text TEXT,
    added_at TEXT NOT NULL DEFAULT '',
    CHECK ((kind = 'photo') = (photo_id IS NOT NULL)),
    CHECK ((kind = 'patch') = (patch_id IS NOT NULL)),
    CHECK ((kind = 'story') = (story_id IS NOT NULL))
);
INSERT INTO collection_items_new
        (id, collection_id, position, kind, photo_id, caption, alt_text, added_at)
    SELECT id, collection_id, position, kind, photo_id, caption, alt_text, added_at
    FROM collection_items WHERE kind = 'photo';
DROP TABLE collection_items;
ALTER TABLE collection_items_new RENAME TO collection_items;
CREATE INDEX collection_items_collection ON collection_items (collection_id, position);
CREATE UNIQUE INDEX collection_items_one_photo ON collection_items (collection_id, photo_id)
    WHERE photo_id IS NOT NULL;
CREATE UNIQUE INDEX collection_items_one_patch ON collection_items (collection_id, patch_id)
    WHERE patch_id IS NOT NULL;
CREATE UNIQUE INDEX collection_items_one_story ON collection_items (collection_id, story_id)
    WHERE story_id IS NOT NULL;
CREATE INDEX collection_items_photo ON collection_items (photo_id);
CREATE INDEX collection_items_patch ON collection_items (patch_id);
CREATE INDEX collection_items_story ON collection_items (story_id);

ALTER TABLE publication_files ADD COLUMN patch_id INTEGER;
ALTER TABLE publication_files ADD COLUMN story_id INTEGER;
"""


@MIGRATIONS(name="0008_collection_works")
def m0008_collection_works(db: Database) -> None:
    run_script(db, SCHEMA)
