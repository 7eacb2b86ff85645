"""Archive-wide settings kept in the database (not the user's preferences)."""

from sqlite_utils import Database

from quiltarchive.errors import InvalidInput

GUARDIAN_CONSENT_AGE = "guardian_consent_age"
ORGANISATION = "organisation"
POLICY_URL = "image_use_policy_url"
PSEUDONYM_KEY = "pseudonym_key"


class SettingsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def guardian_consent_age(self) -> int:
        """Under this age a person's consent must come from a recorded guardian."""
        return int(self.get(GUARDIAN_CONSENT_AGE, "18") or 18)

    def set_guardian_consent_age(self, age: int) -> None:
        if not 1 <= age <= 25:
            raise InvalidInput(f"The age of consent must be between 1 and 25, not {age}.")
        self.set(GUARDIAN_CONSENT_AGE, str(age))

    def organisation(self) -> str:
        """Who publishes the archive's exports (named on galleries and in rights notices)."""
        return self.get(ORGANISATION, "") or ""

    def policy_url(self) -> str:
        """Where the organisation's image-use policy is published (for exported metadata)."""
        return self.get(POLICY_URL, "") or ""

    def pseudonym_key(self) -> str:
        """The archive's secret for pseudonymous person ids in exported metadata."""
        key = self.get(PSEUDONYM_KEY)
        if not key:
            raise ValueError("the archive has no pseudonym key (its schema is out of date)")
        return key
