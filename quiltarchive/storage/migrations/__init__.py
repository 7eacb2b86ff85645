"""Numbered schema migrations, applied in order, each in its own transaction.

Every migration lives in its own module `mNNNN_*.py` and registers itself on `MIGRATIONS`;
the imports below fix the order. The database is backed up before any migration runs.
"""

from sqlite_utils import Migrations

MIGRATIONS = Migrations("quiltarchive")

from quiltarchive.storage.migrations import (  # noqa: E402  (registration order is the point)
    m0001_photos_and_imports,
    m0002_people_and_consent,
    m0003_quilts_patches_stories,
    m0004_collections_and_exports,
    m0007_consent_lookups,
    m0008_collection_works,
    m0009_capture_order,
    m0010_consent_changes,
)

__all__ = [
    "MIGRATIONS",
    "m0001_photos_and_imports",
    "m0002_people_and_consent",
    "m0003_quilts_patches_stories",
    "m0004_collections_and_exports",
    "m0007_consent_lookups",
    "m0008_collection_works",
    "m0009_capture_order",
    "m0010_consent_changes",
]
