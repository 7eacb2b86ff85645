"""Cancelling and resuming an import, and recovering what an interrupted one left behind."""

import os
import shutil
import threading

import pytest

from quiltarchive import files
from quiltarchive.archive import Archive
from quiltarchive.check import check_archive
from quiltarchive.importing.events import EventKind
from quiltarchive.importing.pipeline import import_photos, resume_import
from quiltarchive.model.import_batch import BatchStatus


def check(archive):
    return list(check_archive(archive))[-1].report


def jpegs(corpus):
    return sorted((corpus / "exif-samples/jpg/exif-org").glob("*.jpg"))


def test_cancel_stops_soon_and_resume_imports_only_the_rest(archive, corpus):
    sources = jpegs(corpus)
    cancel = threading.Event()
    events = []
    for event in import_photos(archive, sources, workers=1, cancel=cancel):
        events.append(event)
        if event.kind is EventKind.IMPORTED and event.done == 3:
            cancel.set()
    summary = events[-1].summary
    assert summary.cancelled and summary.imported == 3
    assert summary.remaining == len(sources) - 3
    batch = archive.imports.get_batch(summary.batch_id)
    assert batch.status is BatchStatus.CANCELLED
    assert check(archive).ok

    resumed = list(resume_import(archive, workers=1))
    rest = resumed[-1].summary
    assert resumed[0].total == len(sources) - 3  # only unfinished files are read again
    assert rest.imported == len(sources) - 3 and rest.duplicates == [] and not rest.cancelled
    assert archive.photos.count() == len(sources)
    assert archive.imports.get_batch(summary.batch_id).status is BatchStatus.COMPLETE


def test_cancel_with_worker_processes_leaves_a_consistent_archive(archive, camera_photos):
    cancel = threading.Event()
    events = []
    for event in import_photos(archive, [camera_photos], workers=2, cancel=cancel):
        events.append(event)
        if event.kind is EventKind.IMPORTED:
            cancel.set()
    summary = events[-1].summary
    assert summary.cancelled
    assert 1 <= summary.imported < 6
    report = check(archive)
    assert report.ok, report.problems
    list(resume_import(archive, workers=2))
    assert archive.photos.count() == 6


def test_an_original_moved_into_place_before_its_row_was_written_is_adopted(archive, corpus):
    """The state a crash leaves between renaming an original into place and recording it."""
    source = corpus / "exif-samples/jpg/Canon_40D.jpg"
    sha = files.sha256_of_file(source)
    final = archive.layout.original_path(sha, "jpg")
    final.parent.mkdir(parents=True)
    shutil.copy(source, final)
    files.make_read_only(final)
    with archive.atomic():
        batch = archive.imports.create_batch([str(source)], event_id=None, user="x")
        (item,) = archive.imports.add_items(batch.id, [str(source)])
        archive.imports.mark_placing([(item.id, sha)])
        archive.imports.set_batch_status(batch.id, BatchStatus.INTERRUPTED)

    report = check(archive)
    assert report.ok
    assert any("was being imported when an import stopped" in note for note in report.notes)

    inode = os.stat(final).st_ino
    summary = list(import_photos(archive, [source], workers=1))[-1].summary
    assert summary.imported == 1 and summary.duplicates == []
    assert os.stat(final).st_ino == inode  # adopted where it was, not copied again
    assert check(archive).notes == []


def test_an_original_nobody_was_importing_is_an_orphan(archive, corpus):
    source = corpus / "exif-samples/jpg/Canon_40D.jpg"
    stray = archive.layout.original_path(files.sha256_of_file(source), "jpg")
    stray.parent.mkdir(parents=True)
    shutil.copy(source, stray)
    report = check(archive)
    assert not report.ok
    assert [p.kind for p in report.problems] == ["orphan"]


def test_a_second_import_into_the_same_archive_at_once_is_refused(archive, corpus):
    first = import_photos(archive, jpegs(corpus), workers=1)
    next(first)
    second = import_photos(archive, jpegs(corpus), workers=1)
    try:
        next(second)
        raise AssertionError("a second import started")
    except Exception as error:
        assert "already running" in str(error)
    list(first)


def test_there_is_nothing_to_resume_after_a_complete_import(archive, corpus):
    list(import_photos(archive, jpegs(corpus)[:2], workers=1))
    try:
        list(resume_import(archive))
        raise AssertionError("resumed a complete import")
    except Exception as error:
        assert "no cancelled or interrupted import" in str(error)


def test_archive_reopened_after_a_cancel_still_resumes(tmp_path, corpus):
    with Archive.create(tmp_path / "a") as archive:
        cancel = threading.Event()
        for event in import_photos(archive, jpegs(corpus), workers=1, cancel=cancel):
            if event.kind is EventKind.IMPORTED:
                cancel.set()
    with Archive.open(tmp_path / "a") as archive:
        list(resume_import(archive, workers=1))
        assert archive.photos.count() == len(jpegs(corpus))


def test_an_import_that_cannot_start_does_not_block_the_next_one(archive, corpus):
    originals = archive.layout.originals
    originals.rename(originals.with_name("originals-aside"))
    originals.write_text("a file where the originals folder should be")
    with pytest.raises(OSError):  # no folder to copy the originals into
        list(import_photos(archive, jpegs(corpus)[:1], workers=1))
    originals.unlink()
    originals.with_name("originals-aside").rename(originals)

    summary = list(import_photos(archive, jpegs(corpus)[:1], workers=1))[-1].summary
    assert summary.imported == 1
