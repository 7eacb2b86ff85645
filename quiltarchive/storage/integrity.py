"""Database-level checks for `quiltarchive check`."""

from sqlite_utils import Database


class IntegrityStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def database_problems(self) -> list[str]:
        problems = [row[0] for row in self._db.execute("PRAGMA quick_check") if row[0] != "ok"]
        for table, rowid, parent, _ in self._db.execute("PRAGMA foreign_key_check"):
            problems.append(f"row {rowid} of {table} refers to a missing row of {parent}")
        return problems

    def consent_form_files(self) -> list[tuple[int, str, str]]:
        """(consent id, sha256, extension) of every stored consent form scan."""
        return list(
            self._db.execute(
                "SELECT id, scan_sha256, scan_extension FROM consents "
                "WHERE scan_sha256 IS NOT NULL ORDER BY id"
            )
        )
