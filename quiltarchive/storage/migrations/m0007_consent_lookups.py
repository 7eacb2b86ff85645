"""Indexes for whole-archive consent lists, and a counter of changes to consent records.

`consent_epoch` goes up with every change to people, guardians, consents, withdrawals or
settings, so each person's standing can be kept between lists and recomputed only when one of
those records changed (in this process or any other).
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS

TABLES = ("people", "guardianships", "consents", "consent_withdrawals", "settings")

SCHEMA = """
CREATE INDEX photos_consent_state ON photos (withheld, rights, review_state);
CREATE INDEX appearances_identifiable ON appearances (identifiable, person_id, photo_id);
CREATE TABLE consent_epoch (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);
INSERT INTO consent_epoch (id, value) VALUES (1, 0);
"""

TRIGGER = """
CREATE TRIGGER {table}_{event}_epoch AFTER {event} ON {table}
BEGIN
    UPDATE consent_epoch SET value = value + 1 WHERE id = 1;
END;
"""


@MIGRATIONS(name="0007_consent_lookups")
def m0007_consent_lookups(db: Database) -> None:
    run_script(db, SCHEMA)
    for table in TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            run_script(db, TRIGGER.format(table=table, event=event))
