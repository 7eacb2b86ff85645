"""Recording consents and withdrawals. A consent is never edited: a change is a new consent that
supersedes the old one, and a withdrawal is a dated event."""

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.consent.audit_snapshots import consent_snapshot
from quiltarchive.consent.rules import is_minor
from quiltarchive.errors import InvalidInput
from quiltarchive.model.consent import Consent, ConsentMethod, Use
from quiltarchive.model.consent_facts import PersonFacts
from quiltarchive.model.person import Credit, Person

SCAN_EXTENSIONS = {"pdf", "jpg", "jpeg", "png", "tif", "tiff", "heic", "webp"}
MAX_SCAN_BYTES = 100 << 20


@dataclass(frozen=True, slots=True)
class Recorded:
    consent: Consent
    warnings: tuple[str, ...]  # recorded, but it will not count until something is fixed


def record_consent(
    archive: Archive,
    person_id: int,
    *,
    given_by_id: int,
    given_on: date,
    uses: Iterable[Use],
    method: ConsentMethod = ConsentMethod.PAPER,
    credit: Credit | None = None,
    story: bool = False,
    expires_on: date | None = None,
    form_ref: str = "",
    scan: Path | None = None,
    supersedes_id: int | None = None,
) -> Recorded:
    use_set = frozenset(uses)
    if not use_set:
        raise InvalidInput("A consent must cover at least one use.")
    if expires_on is not None and expires_on < given_on:
        raise InvalidInput(
            f"The expiry date {expires_on.isoformat()} is before the date the consent was "
            f"given ({given_on.isoformat()})."
        )
    person = archive.people.get(person_id)
    giver = archive.people.get(given_by_id)
    if supersedes_id is not None:
        replaced = archive.consents.get(supersedes_id)
        if replaced.person_id != person_id:
            raise InvalidInput(
                f"Consent {supersedes_id} belongs to someone else, not to {person.name}."
            )
    stored_scan = _store_scan(archive, scan) if scan is not None else None
    warnings = []
    if person.is_group and given_by_id not in person.guardian_ids:
        warnings.append(
            f"{person.name} is a group: this consent will not count until it is given by one "
            "of the group's recorded responsible adults."
        )
    elif given_by_id != person_id and given_by_id not in person.guardian_ids:
        warnings.append(
            f"{giver.name} is not recorded as a guardian of {person.name}: this consent will "
            "not count until they are."
        )
    elif given_by_id == person_id and _minor_on(archive, person, given_on):
        warnings.append(
            f"{person.name} was a minor on {given_on.isoformat()}: a consent they gave "
            "themself does not count; a recorded guardian must give it."
        )
    with archive.atomic():
        consent_id = archive.consents.add(
            person_id=person_id,
            given_by_id=given_by_id,
            given_on=given_on,
            method=method,
            uses=use_set,
            credit=credit,
            story=story,
            expires_on=expires_on,
            form_ref=form_ref.strip(),
            scan=stored_scan,
            supersedes_id=supersedes_id,
        )
        consent = archive.consents.get(consent_id)
        archive.audit.record(
            "consent superseded" if supersedes_id else "consent recorded",
            "consent",
            consent_id,
            after=consent_snapshot(consent),
        )
    return Recorded(consent, tuple(warnings))


def _minor_on(archive: Archive, person: Person, day: date) -> bool:
    facts = PersonFacts(
        person.id, person.name, person.credit, person.birth_year, person.age_band, False
    )
    return is_minor(facts, day, archive.settings.guardian_consent_age())


def withdraw_consent(archive: Archive, consent_id: int, on: date, note: str = "") -> Consent:
    with archive.atomic():
        consent = archive.consents.get(consent_id)
        if consent.withdrawal is not None:
            raise InvalidInput(
                f"Consent {consent_id} was already withdrawn on "
                f"{consent.withdrawal.withdrawn_on.isoformat()}."
            )
        if on < consent.given_on:
            raise InvalidInput(
                f"A withdrawal on {on.isoformat()} would come before the consent was given "
                f"({consent.given_on.isoformat()})."
            )
        archive.consents.withdraw(consent_id, on, note.strip())
        archive.audit.record(
            "consent withdrawn",
            "consent",
            consent_id,
            before=consent_snapshot(consent),
            after={"withdrawn_on": on.isoformat(), "note": note.strip()},
        )
        return archive.consents.get(consent_id)


def cancel_mistaken_withdrawal(archive: Archive, consent_id: int) -> Consent:
    """Remove a withdrawal recorded by mistake (the app's Undo): the consent counts again from
    now on. Everything that happened meanwhile stays on the audit trail, this included."""
    with archive.atomic():
        consent = archive.consents.get(consent_id)
        withdrawal = consent.withdrawal
        if withdrawal is None:
            raise InvalidInput(f"Consent {consent_id} has not been withdrawn.")
        archive.consents.delete_withdrawal(consent_id)
        archive.audit.record(
            "withdrawal cancelled as a mistake",
            "consent",
            consent_id,
            before={"withdrawn_on": withdrawal.withdrawn_on.isoformat(), "note": withdrawal.note},
            after=consent_snapshot(consent),
        )
        return archive.consents.get(consent_id)


def delete_mistaken_consent(archive: Archive, consent_id: int) -> None:
    """Remove a consent recorded by mistake (the app's Undo). Refused once anything depends on
    it: a withdrawal, a newer consent, or an export that relied on it."""
    with archive.atomic():
        consent = archive.consents.get(consent_id)
        if consent.withdrawal is not None:
            raise InvalidInput(f"Consent {consent_id} has been withdrawn; it stays on record.")
        if archive.consents.superseded_by(consent_id):
            raise InvalidInput(f"Consent {consent_id} has been superseded; it stays on record.")
        if archive.consents.relied_on_by_exports(consent_id):
            raise InvalidInput(f"An export relied on consent {consent_id}; it stays on record.")
        archive.consents.delete(consent_id)
        archive.audit.record(
            "consent deleted as a mistake",
            "consent",
            consent_id,
            before=consent_snapshot(consent),
        )
    if consent.scan_sha256 and not archive.consents.scan_in_use(consent.scan_sha256):
        files.remove_file(
            archive.layout.consent_form_path(consent.scan_sha256, consent.scan_extension or "")
        )


def _store_scan(archive: Archive, scan: Path) -> tuple[str, str]:
    """Copy a consent form scan into consent-forms/, named by its hash, verified, read-only."""
    if not scan.is_file():
        raise InvalidInput(f"There is no file {scan} to attach as the consent form.")
    extension = scan.suffix.lower().lstrip(".")
    if extension not in SCAN_EXTENSIONS:
        raise InvalidInput(
            f"A consent form scan must be a PDF or an image ({', '.join(sorted(SCAN_EXTENSIONS))})"
            f", not .{extension or '(no extension)'}."
        )
    if scan.stat().st_size > MAX_SCAN_BYTES:
        raise InvalidInput(f"{scan.name} is larger than 100 MB; scan it at a lower resolution.")
    sha256 = files.sha256_of_file(scan)
    destination = archive.layout.consent_form_path(sha256, extension)
    if not destination.exists():
        destination.parent.mkdir(parents=True, exist_ok=True)
        temporary = files.temporary_sibling(destination)
        shutil.copyfile(scan, temporary)
        if files.sha256_of_file(temporary) != sha256:
            files.remove_file(temporary)
            raise InvalidInput(f"The copy of {scan.name} did not match the original; try again.")
        files.make_read_only(temporary)
        temporary.replace(destination)
    return sha256, extension
