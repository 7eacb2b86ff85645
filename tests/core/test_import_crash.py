"""kill -9 at several moments of a real import: the archive always opens, passes `check`, and a
later import or resume completes it."""

import os
import signal
import subprocess
import sys
import time

import pytest

from quiltarchive.archive import Archive
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def cli(archive_path, *arguments, **options):
    return subprocess.run(
        [sys.executable, "-m", "quiltarchive", "--archive", str(archive_path), *arguments],
        capture_output=True,
        text=True,
        cwd=REPO,
        **options,
    )


def start_import(archive_path, sources, *extra):
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quiltarchive",
            "--archive",
            str(archive_path),
            "import",
            *map(str, sources),
            "--workers",
            "2",
            *extra,
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # so the kill reaches the worker processes too
    )


def wait_for_progress(archive_path, process, photos, timeout=120):
    """Wait until the import has begun and holds at least `photos` photos. Kill moments are set
    by progress, not by the clock, so they land at the same stages on a fast or a busy machine."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        with Archive.open(archive_path, writable=False) as archive:
            if archive.imports.list_batches() and archive.photos.count() >= photos:
                return
        time.sleep(0.01)
    raise AssertionError(f"the import ended before {photos} photos were in")


def kill_everything(process):
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def photo_count(archive_path):
    with Archive.open(archive_path, writable=False) as archive:
        return archive.photos.count()


def expected_photos(corpus, camera_photos):
    jpegs = [
        p for p in (corpus / "exif-samples/jpg").rglob("*") if p.suffix.lower() in (".jpg", ".jpeg")
    ]
    return 6 + len(jpegs)


@pytest.mark.parametrize("share", [0.0, 0.02, 0.3, 0.7])
def test_a_killed_import_leaves_a_checkable_archive_that_resume_completes(
    tmp_path, corpus, camera_photos, share
):
    archive_path = tmp_path / "archive"
    assert cli(archive_path, "init").returncode == 0
    sources = [camera_photos, corpus / "exif-samples/jpg"]
    process = start_import(archive_path, sources)
    wait_for_progress(archive_path, process, round(share * expected_photos(corpus, camera_photos)))
    kill_everything(process)

    checked = cli(archive_path, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    print(f"killed with {photo_count(archive_path)} photos in")

    resumed = cli(archive_path, "import", "--resume", "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert photo_count(archive_path) == expected_photos(corpus, camera_photos)
    again = cli(archive_path, "import", *map(str, sources), "--json")
    assert '"imported": 0' in again.stdout  # everything is in, nothing added twice
    checked = cli(archive_path, "check")
    assert checked.returncode == 0, checked.stdout
    assert "Note:" not in checked.stdout  # nothing left in flight


def test_a_kill_during_resume_is_survived_too(tmp_path, camera_photos):
    archive_path = tmp_path / "archive"
    cli(archive_path, "init")
    process = start_import(archive_path, [camera_photos])
    wait_for_progress(archive_path, process, 2)
    kill_everything(process)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "quiltarchive",
            "--archive",
            str(archive_path),
            "import",
            "--resume",
            "--workers",
            "2",
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_for_progress(archive_path, process, 4)
    kill_everything(process)
    assert cli(archive_path, "check").returncode == 0
    assert cli(archive_path, "import", "--resume").returncode == 0
    cli(archive_path, "import", str(camera_photos))
    assert photo_count(archive_path) == 6
    assert cli(archive_path, "check").returncode == 0
