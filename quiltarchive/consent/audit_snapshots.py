"""How records appear in the audit trail's before/after."""

from typing import Any

from quiltarchive.model.appearance import Appearance
from quiltarchive.model.consent import Consent
from quiltarchive.model.person import Person


def person_snapshot(person: Person) -> dict[str, Any]:
    return {
        "name": person.name,
        "credit": person.credit.value,
        "birth_year": person.birth_year,
        "age_band": person.age_band.value if person.age_band else None,
        "do_not_identify": person.do_not_identify,
        "notes": person.notes,
        "guardian_ids": list(person.guardian_ids),
        "is_group": person.is_group,
    }


def consent_snapshot(consent: Consent) -> dict[str, Any]:
    return {
        "person_id": consent.person_id,
        "given_by_id": consent.given_by_id,
        "given_on": consent.given_on.isoformat(),
        "method": consent.method.value,
        "form_ref": consent.form_ref,
        "scan_sha256": consent.scan_sha256,
        "uses": sorted(use.value for use in consent.uses),
        "credit": consent.credit.value if consent.credit else None,
        "story": consent.story,
        "expires_on": consent.expires_on.isoformat() if consent.expires_on else None,
        "supersedes_id": consent.supersedes_id,
    }


def appearance_snapshot(appearance: Appearance) -> dict[str, Any]:
    box = appearance.box
    return {
        "photo_id": appearance.photo_id,
        "person_id": appearance.person_id,
        "box": [box.x, box.y, box.w, box.h] if box else None,
        "identifiable": appearance.identifiable,
    }
