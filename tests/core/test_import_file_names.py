"""File names that are not UTF-8 (any bytes are a name on Linux) are imported and reported
with their odd bytes escaped; they never stop an import."""

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from quiltarchive.check import check_archive
from quiltarchive.importing.events import EventKind
from quiltarchive.importing.pipeline import import_photos, resume_import

SHOWN = "caf\\xe9.jpg"


def bytes_named(folder: Path, name: bytes) -> Path:
    """A path whose last part is exactly these bytes."""
    return Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))


def finished(events):
    assert events[-1].kind is EventKind.FINISHED
    return events[-1].summary


def test_a_name_that_is_not_utf8_is_imported_and_shown_escaped(archive, tmp_path, corpus):
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(corpus / "exif-samples/jpg/Canon_40D.jpg", bytes_named(card, b"caf\xe9.jpg"))
    shutil.copy(corpus / "exif-samples/jpg/Nikon_D70.jpg", card / "plain.jpg")
    bytes_named(card, b"vide\xff.jpg").write_bytes(b"")

    events = list(import_photos(archive, [card], workers=1))
    summary = finished(events)

    assert summary.imported == 2
    assert [(Path(o.path).name, o.reason) for o in summary.failed] == [
        ("vide\\xff.jpg", "the file is empty (0 bytes)")
    ]
    started = [Path(e.path).name for e in events if e.kind is EventKind.FILE_STARTED]
    assert SHOWN in started
    assert sorted(p.file_name for p in archive.photos.list()) == [SHOWN, "plain.jpg"]
    report = list(check_archive(archive))[-1].report
    assert report.ok, report.problems

    again = finished(list(import_photos(archive, [card], workers=1)))
    assert {Path(o.path).name for o in again.duplicates} == {SHOWN, "plain.jpg"}


def test_an_import_resumed_after_a_cancel_finds_a_file_with_such_a_name(archive, tmp_path, corpus):
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(corpus / "exif-samples/jpg/Nikon_D70.jpg", card / "a.jpg")
    shutil.copy(corpus / "exif-samples/jpg/Canon_40D.jpg", bytes_named(card, b"b\xe9.jpg"))
    cancel = threading.Event()
    events = []
    for event in import_photos(archive, [card], workers=1, cancel=cancel):
        events.append(event)
        if event.kind is EventKind.IMPORTED:
            cancel.set()
    assert finished(events).cancelled

    rest = finished(list(resume_import(archive, workers=1)))
    assert rest.imported == 1 and not rest.failed
    assert sorted(p.file_name for p in archive.photos.list()) == ["a.jpg", "b\\xe9.jpg"]


def test_the_command_prints_such_a_name_escaped(tmp_path, corpus):
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(corpus / "exif-samples/jpg/Canon_40D.jpg", bytes_named(card, b"caf\xe9.jpg"))
    bytes_named(card, b"bad\xff.jpg").write_text("not a picture")
    archive = tmp_path / "archive"
    command = [sys.executable, "-m", "quiltarchive", "--archive", str(archive)]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    run = dict(capture_output=True, text=True, cwd=Path(__file__).parents[2], env=environment)
    assert subprocess.run([*command, "init"], **run).returncode == 0

    imported = subprocess.run([*command, "import", str(card)], **run)

    assert "Traceback" not in imported.stderr
    assert "Imported 1 photo(s)" in imported.stdout
    assert "bad\\xff.jpg: the name says .jpg but the content is not an image" in imported.stdout
    listed = subprocess.run([*command, "photos"], **run)
    assert listed.returncode == 0 and SHOWN in listed.stdout
