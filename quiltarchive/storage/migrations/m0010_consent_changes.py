"""Whose consent records changed, epoch by epoch, so kept standings are brought up to date
person by person instead of being worked out again for everyone after each change.

Each change to people, guardians, consents, withdrawals or settings still raises
`consent_epoch` by one, and now also writes the person it concerns to `consent_changes` under
the new epoch. A change that may concern anyone (a setting, or a withdrawal whose consent is
gone) is written with no person, which means "everyone". The log keeps the last 10,000 epochs.
"""

from sqlite_utils import Database

from quiltarchive.storage.database import run_script
from quiltarchive.storage.migrations import MIGRATIONS
from quiltarchive.storage.migrations.m0007_consent_lookups import TABLES

KEPT_EPOCHS = 10_000

SCHEMA = """
CREATE TABLE consent_changes (
    epoch INTEGER NOT NULL,
    person_id INTEGER
);
CREATE INDEX consent_changes_epoch ON consent_changes (epoch);
"""

# The person a change concerns, for the row as it is after (NEW) and before (OLD) the change.
CONCERNS = {
    "people": "{row}.id",
    "guardianships": "{row}.person_id",
    "consents": "{row}.person_id",
    "consent_withdrawals": "(SELECT person_id FROM consents WHERE id = {row}.consent_id)",
    "settings": "NULL",
}

TRIGGER = """
DROP TRIGGER {table}_{event}_epoch;
CREATE TRIGGER {table}_{event}_epoch AFTER {event} ON {table}
BEGIN
    UPDATE consent_epoch SET value = value + 1 WHERE id = 1;
    {logged}
    DELETE FROM consent_changes
        WHERE epoch <= (SELECT value FROM consent_epoch) - {kept};
END;
"""

LOG = "INSERT INTO consent_changes (epoch, person_id) SELECT value, {person} FROM consent_epoch;"


def _logged(table: str, event: str) -> str:
    concern = CONCERNS[table]
    rows = {"INSERT": ["NEW"], "UPDATE": ["NEW", "OLD"], "DELETE": ["OLD"]}[event]
    return "\n    ".join(LOG.format(person=concern.format(row=row)) for row in rows)


@MIGRATIONS(name="0010_consent_changes")
def m0010_consent_changes(db: Database) -> None:
    run_script(db, SCHEMA)
    for table in TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            script = TRIGGER.format(
                table=table, event=event, logged=_logged(table, event), kept=KEPT_EPOCHS
            )
            run_script(db, script)
