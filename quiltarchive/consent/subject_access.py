"""Subject access: everything the archive holds about a person, as one folder or zip."""

import json
import shutil
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.audit_snapshots import (
    appearance_snapshot,
    consent_snapshot,
    person_snapshot,
)
from quiltarchive.consent.impact import withdrawal_impact
from quiltarchive.errors import InvalidInput
from quiltarchive.works.snapshots import patch_snapshot, story_snapshot

README = """Everything QuiltArchive holds about person {id}, exported on {day}.

person.json      the records: the person, their guardians and the people they are guardian of,
                 every consent (with any withdrawal), where they appear in photos, the exports
                 that held those photos, the quilt patches they made and the stories they
                 told, and the audit trail of changes to their records.
consent-forms/   the scans of their signed consent forms.
photos/          the original files of every photo they appear in.
"""


Progress = Callable[[int, int], None]  # files copied so far, files to copy


def export_subject_access(
    archive: Archive,
    person_id: int,
    destination: Path,
    *,
    as_zip: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write the export into `destination` (a folder) and return the folder or zip made.
    `progress` hears of each consent form and photo copied."""
    archive.people.get(person_id)  # an unknown id stops here, before anything is written
    day = clock.today().isoformat()
    destination = destination.expanduser()
    if destination.exists() and not destination.is_dir():
        raise InvalidInput(f"{destination} is a file, not a folder; choose a folder.")
    destination.mkdir(parents=True, exist_ok=True)
    name = f"subject-access-person-{person_id}-{day}"
    final = destination / (f"{name}.zip" if as_zip else name)
    if final.exists():
        raise InvalidInput(f"{final} already exists; choose another folder.")
    staging = destination / f".{name}.{uuid.uuid4().hex[:8]}.partial"
    try:
        staging.mkdir()
        record = _gather(archive, person_id, staging, progress or (lambda _done, _total: None))
        (staging / "person.json").write_text(
            json.dumps(record, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        (staging / "README.txt").write_text(README.format(id=person_id, day=day))
        if as_zip:
            _zip_into(staging, final)
        else:
            staging.rename(final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    with archive.atomic():
        archive.audit.record(
            "subject access export",
            "person",
            person_id,
            after={"to": str(final), "photos": len(record["appearances"])},
        )
    return final


def _gather(archive: Archive, person_id: int, folder: Path, progress: Progress) -> dict[str, Any]:
    person = archive.people.get(person_id)
    layout = archive.layout
    own = archive.consents.of_person(person_id)
    shown = archive.appearances.of_person(person_id)
    total = sum(1 for c in own if c.scan_sha256) + len({a.photo_id for a in shown})
    done = 0
    progress(done, total)
    consents = []
    (folder / "consent-forms").mkdir()
    for consent in own:
        entry: dict[str, Any] = {"id": consent.id, **consent_snapshot(consent)}
        if consent.withdrawal:
            entry["withdrawn_on"] = consent.withdrawal.withdrawn_on.isoformat()
            entry["withdrawal_note"] = consent.withdrawal.note
        if consent.scan_sha256:
            scan = layout.consent_form_path(consent.scan_sha256, consent.scan_extension or "")
            copy = folder / "consent-forms" / f"consent-{consent.id}.{consent.scan_extension}"
            shutil.copyfile(scan, copy)
            done += 1
            progress(done, total)
            entry["scan_file"] = str(copy.relative_to(folder))
        consents.append(entry)
    appearances = []
    (folder / "photos").mkdir()
    for appearance in shown:
        photo = archive.photos.get(appearance.photo_id)
        copy = folder / "photos" / f"photo-{photo.id}.{photo.extension}"
        if not copy.exists():
            shutil.copyfile(layout.original_path(photo.sha256, photo.extension), copy)
            done += 1
            progress(done, total)
        appearances.append(
            {
                "appearance_id": appearance.id,
                **appearance_snapshot(appearance),
                "photo_file": str(copy.relative_to(folder)),
                "taken_at": photo.taken_at,
                "caption": photo.caption,
            }
        )
    impact = withdrawal_impact(archive, person_id)
    patches = archive.patches.list(maker_id=person_id)
    stories = archive.stories.list(teller_id=person_id)
    entities = (
        [("person", person_id)]
        + [("consent", c["id"]) for c in consents]
        + [("appearance", a["appearance_id"]) for a in appearances]
        + [("patch", p.id) for p in patches]
        + [("story", s.id) for s in stories]
    )
    audit = [
        {
            "at": e.at,
            "by": e.user,
            "action": e.action,
            "entity": f"{e.entity_type} {e.entity_id}",
            "before": e.before,
            "after": e.after,
        }
        for kind, entity_id in entities
        for e in archive.audit.entries(entity_type=kind, entity_id=entity_id)
    ]
    return {
        "exported_on": clock.today().isoformat(),
        "person": {"id": person_id, **person_snapshot(person)},
        "guardians": [
            {"id": g.id, "name": g.name} for g in archive.people.get_many(person.guardian_ids)
        ],
        "guardian_of": [
            {"id": w.id, "name": w.name}
            for w in archive.people.get_many(archive.people.wards_of(person_id))
        ],
        "consents": consents,
        "consents_given_for_others": [
            {"consent_id": c.id, "for_person_id": c.person_id}
            for c in archive.consents.given_by(person_id)
        ],
        "appearances": appearances,
        "patches_made": [{"id": p.id, **patch_snapshot(p)} for p in patches],
        "stories_told": [{"id": s.id, **story_snapshot(s)} for s in stories],
        "exports": [
            {
                "exported": p.created_at,
                "kind": p.kind,
                "to": p.destination,
                "use": p.use,
                "files": [f.file_name for f in p.files],
            }
            for p in impact.publications
        ],
        "audit_trail": sorted(audit, key=lambda entry: entry["at"]),
    }


def _zip_into(folder: Path, final: Path) -> None:
    temporary = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}.partial")
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive_zip:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive_zip.write(path, Path(final.stem) / path.relative_to(folder))
        temporary.rename(final)
    finally:
        temporary.unlink(missing_ok=True)
