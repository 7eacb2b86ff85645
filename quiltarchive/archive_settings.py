"""Changing archive-wide settings, on the audit trail."""

from quiltarchive.archive import Archive


def set_guardian_consent_age(archive: Archive, age: int) -> None:
    """Under this age a person's consent must come from one of their recorded guardians."""
    with archive.atomic():
        before = archive.settings.guardian_consent_age()
        archive.settings.set_guardian_consent_age(age)
        archive.audit.record(
            "setting changed",
            "setting",
            "guardian_consent_age",
            before={"guardian_consent_age": before},
            after={"guardian_consent_age": age},
        )
