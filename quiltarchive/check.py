"""Verifying an archive: originals against their hashes, rows against files, orphans, the
consent forms, the database itself and the audit trail's chain."""

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.storage.integrity import IntegrityStore


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str
    subject: str
    message: str


@dataclass(slots=True)
class CheckReport:
    photos: int = 0
    consent_forms: int = 0
    audit_entries: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True, slots=True)
class CheckProgress:
    done: int
    total: int
    subject: str = ""
    report: CheckReport | None = None


def check_archive(archive: Archive, *, verify_hashes: bool = True) -> Iterator[CheckProgress]:
    """Yield progress while checking; the last item carries the report."""
    report = CheckReport()
    store = IntegrityStore(archive.db)
    layout = archive.layout

    for message in store.database_problems():
        report.problems.append(Problem("database", str(layout.database), message))

    photos = list(archive.photos.stored_files())
    forms = store.consent_form_files()
    report.photos, report.consent_forms = len(photos), len(forms)
    total = len(photos) + len(forms)
    done = 0
    expected_originals: set[Path] = set()
    missing_renditions = 0
    for photo_id, sha256, extension in photos:
        path = layout.original_path(sha256, extension)
        expected_originals.add(path)
        problem = _verify_file(path, sha256, verify_hashes)
        if problem:
            report.problems.append(Problem("original", f"photo {photo_id}", f"{path}: {problem}"))
        if not layout.thumbnail_path(sha256).exists():
            missing_renditions += 1
        done += 1
        yield CheckProgress(done, total, str(path))

    expected_forms: set[Path] = set()
    for consent_id, sha256, extension in forms:
        path = layout.consent_form_path(sha256, extension)
        expected_forms.add(path)
        problem = _verify_file(path, sha256, verify_hashes)
        if problem:
            report.problems.append(
                Problem("consent form", f"consent {consent_id}", f"{path}: {problem}")
            )
        done += 1
        yield CheckProgress(done, total, str(path))

    in_flight = archive.imports.placing_sha256s()
    for path in _files_under(layout.originals, skip=layout.incoming):
        if path in expected_originals:
            continue
        if path.name.split(".")[0] in in_flight:
            report.notes.append(
                f"{path.name} was being imported when an import stopped; importing the same "
                "files again, or `quiltarchive import --resume`, completes it"
            )
            continue
        report.problems.append(
            Problem("orphan", str(path), "a file in originals/ that no photo refers to")
        )
    for path in _files_under(layout.consent_forms):
        if path not in expected_forms:
            report.problems.append(
                Problem("orphan", str(path), "a file in consent-forms/ that no consent refers to")
            )

    verdict = archive.audit.verify()
    report.audit_entries = verdict.entries
    if not verdict.intact:
        report.problems.append(
            Problem("audit", f"entry {verdict.first_broken_seq}", verdict.problem)
        )
    if missing_renditions:
        report.notes.append(
            f"{missing_renditions} photo(s) have no thumbnail in the cache; "
            "`quiltarchive cache rebuild --missing` makes them again"
        )
    leftovers = sum(1 for p in _files_under(layout.cache) if p.name.endswith(".tmp"))
    if leftovers:
        report.notes.append(f"{leftovers} unfinished temporary file(s) in the cache")
    yield CheckProgress(done, total, report=report)


def _verify_file(path: Path, sha256: str, verify_hash: bool) -> str:
    if not path.is_file():
        return "the file is missing"
    if verify_hash and files.sha256_of_file(path) != sha256:
        return "the file's content no longer matches its hash (it has been altered or damaged)"
    return ""


def _files_under(root: Path, skip: Path | None = None) -> Iterator[Path]:
    if not root.exists():
        return
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        if skip is not None:
            subfolders[:] = [s for s in subfolders if here / s != skip]
        for name in names:
            yield here / name
