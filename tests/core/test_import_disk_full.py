"""An import onto a disk that fills up stops cleanly with a plain message, keeps nothing
half-written, leaves an archive that passes `check`, and resumes once there is room."""

import os
from pathlib import Path

from click.testing import CliRunner, Result

from quiltarchive.archive import Archive
from quiltarchive.check import check_archive
from quiltarchive.cli import main
from quiltarchive.importing.events import EventKind
from quiltarchive.importing.pipeline import import_photos, resume_import
from quiltarchive.model.import_batch import BatchStatus


def report(archive):
    return list(check_archive(archive))[-1].report


def unfinished_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.endswith(".tmp")]


def test_a_disk_filling_up_during_the_copies_stops_the_import_cleanly(small_disk, camera_photos):
    archive = Archive.create(small_disk.path / "archive", user="Test Librarian")
    try:
        events = list(import_photos(archive, [camera_photos], workers=1))
        summary = events[-1].summary

        assert events[-1].kind is EventKind.FINISHED
        assert summary.archive_full and summary.cancelled
        assert 1 <= summary.imported < 6  # six 4 MB photos do not fit in 16 MB
        assert summary.failed == []  # the photos are not to blame; they wait for the resume
        assert summary.remaining == 6 - summary.imported
        assert unfinished_files(archive.layout.root) == []
        assert list(archive.layout.incoming.iterdir()) == []
        checked = report(archive)
        assert checked.ok, checked.problems
        batch = archive.imports.get_batch(summary.batch_id)
        assert batch.status is BatchStatus.CANCELLED

        small_disk.resize(64)
        resumed = list(resume_import(archive, workers=1))[-1].summary
        assert not resumed.archive_full and resumed.failed == []
        assert archive.photos.count() == 6
        assert report(archive).ok
    finally:
        archive.close()


def test_with_worker_processes_the_disk_filling_up_stops_every_worker(small_disk, camera_photos):
    archive = Archive.create(small_disk.path / "archive", user="Test Librarian")
    try:
        summary = list(import_photos(archive, [camera_photos], workers=2))[-1].summary
        assert summary.archive_full and summary.failed == []
        assert unfinished_files(archive.layout.root) == []
        assert report(archive).ok
    finally:
        archive.close()


def cli(archive: Path, *arguments: str) -> Result:
    """The command as a script runs it; an exception escaping it would be a traceback."""
    result = CliRunner().invoke(main, ["--archive", str(archive), *arguments])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_the_command_says_the_disk_is_full_in_one_line_and_exits_1(small_disk, camera_photos):
    archive = small_disk.path / "archive"
    assert cli(archive, "init").exit_code == 0

    result = cli(archive, "import", str(camera_photos), "--workers", "1")

    assert result.exit_code == 1
    assert "Stopped: the archive's disk is full." in result.stdout
    assert "Free some space, then `quiltarchive import --resume` carries on." in result.stdout
    assert cli(archive, "check").exit_code == 0


def test_a_disk_with_no_room_even_for_the_catalogue_is_reported_not_raised(small_disk, corpus):
    archive = small_disk.path / "archive"
    assert cli(archive, "init").exit_code == 0
    filler = small_disk.fill()

    result = cli(archive, "import", str(corpus / "exif-samples/jpg/Canon_40D.jpg"))

    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: The archive's disk is full")
    os.remove(filler)
    assert cli(archive, "check").exit_code == 0
    again = cli(archive, "import", str(corpus / "exif-samples/jpg/Canon_40D.jpg"))
    assert again.exit_code == 0 and "Imported 1 photo(s)" in again.stdout
