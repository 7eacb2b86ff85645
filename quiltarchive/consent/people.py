"""Recording people and their guardians."""

from collections.abc import Iterable
from typing import Any

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.audit_snapshots import person_snapshot
from quiltarchive.errors import InvalidInput
from quiltarchive.model.person import AgeBand, Credit, Person
from quiltarchive.works.indexing import reindex_works_of_person


def _check_fields(name: str | None, birth_year: int | None, *, group: bool = False) -> None:
    if name is not None and not name.strip():
        raise InvalidInput("A person needs a name (as they gave it, or a description).")
    if group and birth_year is not None:
        raise InvalidInput("A group has no birth year: record its members' age band instead.")
    this_year = clock.today().year
    if birth_year is not None and not 1900 <= birth_year <= this_year:
        raise InvalidInput(f"The birth year {birth_year} is not between 1900 and {this_year}.")


def add_person(
    archive: Archive,
    name: str,
    *,
    credit: Credit = Credit.FULL,
    birth_year: int | None = None,
    age_band: AgeBand | None = None,
    do_not_identify: bool = False,
    notes: str = "",
    guardian_ids: Iterable[int] = (),
    is_group: bool = False,
) -> Person:
    """Record a person. A group (a class, a family) is recorded as one person with `is_group`;
    its `guardian_ids` are the responsible adults who may give consent for it."""
    _check_fields(name, birth_year, group=is_group)
    guardians = list(dict.fromkeys(guardian_ids))
    with archive.atomic():
        for guardian_id in guardians:
            _check_can_be_guardian(archive.people.get(guardian_id))
        person_id = archive.people.add(
            name.strip(),
            credit=credit,
            birth_year=birth_year,
            age_band=age_band,
            do_not_identify=do_not_identify,
            notes=notes,
            is_group=is_group,
        )
        for guardian_id in guardians:
            archive.people.add_guardian(person_id, guardian_id)
        person = archive.people.get(person_id)
        archive.audit.record("person added", "person", person_id, after=person_snapshot(person))
        return person


def update_person(archive: Archive, person_id: int, **changes: Any) -> Person:
    """Change a person's name, credit, birth year, age band, do-not-identify flag, group flag
    or notes."""
    _check_fields(changes.get("name"), changes.get("birth_year"))
    if "name" in changes:
        changes["name"] = changes["name"].strip()
    with archive.atomic():
        before = archive.people.get(person_id)
        is_group = changes.get("is_group", before.is_group)
        birth_year = changes.get("birth_year", before.birth_year)
        _check_fields(None, birth_year, group=is_group)
        if is_group and not before.is_group and archive.people.wards_of(person_id):
            raise InvalidInput(
                f"{before.name} is recorded as someone's guardian, so cannot become a group."
            )
        archive.people.update(person_id, **changes)
        after = archive.people.get(person_id)
        archive.audit.record(
            "person changed",
            "person",
            person_id,
            before=person_snapshot(before),
            after=person_snapshot(after),
        )
        archive.search_index.reindex(a.photo_id for a in archive.appearances.of_person(person_id))
        reindex_works_of_person(archive, person_id)
        return after


def add_guardian(archive: Archive, person_id: int, guardian_id: int) -> Person:
    if person_id == guardian_id:
        raise InvalidInput("A person cannot be their own guardian.")
    with archive.atomic():
        before = archive.people.get(person_id)
        guardian = archive.people.get(guardian_id)
        _check_can_be_guardian(guardian)
        if person_id in guardian.guardian_ids:
            raise InvalidInput(
                f"{before.name} is recorded as a guardian of {guardian.name}, so "
                f"{guardian.name} cannot also be {before.name}'s guardian."
            )
        archive.people.add_guardian(person_id, guardian_id)
        after = archive.people.get(person_id)
        archive.audit.record(
            "guardian added",
            "person",
            person_id,
            before=person_snapshot(before),
            after=person_snapshot(after),
        )
        return after


def remove_guardian(archive: Archive, person_id: int, guardian_id: int) -> Person:
    with archive.atomic():
        before = archive.people.get(person_id)
        if guardian_id not in before.guardian_ids:
            raise InvalidInput(f"Person {guardian_id} is not a guardian of {before.name}.")
        archive.people.remove_guardian(person_id, guardian_id)
        after = archive.people.get(person_id)
        archive.audit.record(
            "guardian removed",
            "person",
            person_id,
            before=person_snapshot(before),
            after=person_snapshot(after),
        )
        return after


def _check_can_be_guardian(guardian: Person) -> None:
    if guardian.is_group:
        raise InvalidInput(
            f"{guardian.name} is a group, and cannot be a guardian or responsible adult."
        )


def delete_mistaken_person(archive: Archive, person_id: int) -> Person:
    """Remove a person recorded by mistake (the app's Undo). Refused once anything refers to
    them: a photo, a consent of theirs or given by them, or someone they are guardian of.
    (Removing a real person's records is an erasure: see `consent.erasure`.)"""
    with archive.atomic():
        person = archive.people.get(person_id)
        if archive.appearances.of_person(person_id):
            raise InvalidInput(f"{person.name} is recorded in photos; they stay on record.")
        if archive.consents.of_person(person_id) or archive.consents.given_by(person_id):
            raise InvalidInput(f"{person.name} has consents on record; they stay on record.")
        if archive.people.wards_of(person_id):
            raise InvalidInput(f"{person.name} is someone's guardian; they stay on record.")
        archive.people.delete(person_id)
        archive.audit.record(
            "person deleted as a mistake", "person", person_id, before=person_snapshot(person)
        )
        return person
