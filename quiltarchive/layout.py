"""Where things live inside an archive folder.

An archive is a folder holding `archive.sqlite`, the content-addressed `originals/` and
`consent-forms/`, a rebuildable `cache/`, and `backups/` of the database made before upgrades.
"""

from dataclasses import dataclass
from pathlib import Path

DATABASE_NAME = "archive.sqlite"


@dataclass(frozen=True, slots=True)
class ArchiveLayout:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def lock_file(self) -> Path:
        return self.root / "archive.lock"

    @property
    def lock_owner_file(self) -> Path:
        return self.root / "archive.lock.owner"

    @property
    def originals(self) -> Path:
        return self.root / "originals"

    @property
    def incoming(self) -> Path:
        """Originals copied by an import but not yet recorded in the catalogue."""
        return self.originals / ".incoming"

    @property
    def consent_forms(self) -> Path:
        return self.root / "consent-forms"

    @property
    def cache(self) -> Path:
        return self.root / "cache"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    @property
    def previews(self) -> Path:
        return self.cache / "previews"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def folders(self) -> tuple[Path, ...]:
        return (
            self.originals,
            self.incoming,
            self.consent_forms,
            self.thumbnails,
            self.previews,
            self.backups,
        )

    def original_path(self, sha256: str, extension: str) -> Path:
        return self.originals / sha256[:2] / sha256[2:4] / f"{sha256}.{extension}"

    def incoming_path(self, sha256: str, extension: str) -> Path:
        return self.incoming / f"{sha256}.{extension}"

    def thumbnail_path(self, sha256: str) -> Path:
        return self.thumbnails / sha256[:2] / f"{sha256}.jpg"

    def preview_path(self, sha256: str) -> Path:
        return self.previews / sha256[:2] / f"{sha256}.jpg"

    def consent_form_path(self, sha256: str, extension: str) -> Path:
        return self.consent_forms / sha256[:2] / f"{sha256}.{extension}"

    def is_archive(self) -> bool:
        return self.database.is_file()
