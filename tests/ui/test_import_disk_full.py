"""When the archive's disk fills up during an import, the app says so, not "cancelled"."""

import pytest

from quiltarchive.archive import Archive


@pytest.fixture
def archive_on_small_disk(small_disk):
    opened = Archive.create(small_disk.path / "archive", user="Test Librarian")
    yield opened
    opened.close()


def test_the_summary_says_the_disk_is_full(
    qtbot, archive_on_small_disk, camera_photos, open_window
):
    window = open_window(archive_on_small_disk)
    window.imports.runner.workers = 1
    window.imports.choose([str(camera_photos)]).start.click()
    qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=30_000)

    dialog = window.imports.summary
    assert dialog.summary.archive_full
    assert dialog.windowTitle() == "Import stopped: the archive's disk is full"
    assert "Import cancelled" not in dialog.as_text()
    assert "The disk the archive is on is full, so the import stopped." in dialog.headline.text()
    assert "Resume Import carries on" in dialog.headline.text()
