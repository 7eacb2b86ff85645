"""Changing archive-wide settings, on the audit trail."""

from quiltarchive.archive import Archive
from quiltarchive.errors import InvalidInput
from quiltarchive.storage.settings import ORGANISATION, POLICY_URL


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


def set_publisher(
    archive: Archive, *, organisation: str | None = None, policy_url: str | None = None
) -> None:
    """Who publishes exports (shown on galleries, in rights notices) and the image-use policy's
    address (written into exported metadata). An empty text clears one."""
    changes: dict[str, str] = {}
    if organisation is not None:
        changes[ORGANISATION] = " ".join(organisation.split())
        if len(changes[ORGANISATION]) > 200:
            raise InvalidInput("The organisation's name is at most 200 characters.")
    if policy_url is not None:
        url = policy_url.strip()
        if url and not url.lower().startswith(("https://", "http://")):
            raise InvalidInput(f"“{url}” is not a web address (it should start with https://).")
        changes[POLICY_URL] = url
    with archive.atomic():
        for key, value in changes.items():
            before = archive.settings.get(key, "")
            archive.settings.set(key, value)
            archive.audit.record(
                "setting changed", "setting", key, before={key: before}, after={key: value}
            )
