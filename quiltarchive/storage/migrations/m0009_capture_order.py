"""An index in the grid's own order (capture time, unknown times last, then id).

Listing the archive, or a search that matches much of it, then reads photo ids in order from
the index instead of sorting 100,000 of them each time.
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

SCHEMA = """
CREATE INDEX photos_capture_order ON photos (taken_at IS NULL, taken_at, id);
"""


@MIGRATIONS(name="0009_capture_order")
def m0009_capture_order(db: Database) -> None:
    run_script(db, SCHEMA)
