"""A volunteer imports a camera card: chooses the event, watches the progress, can cancel, and
reads a summary that names every file not imported and why."""

import itertools
import re
import shutil
import time

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from quiltarchive.importing.events import EventKind
from tests.ui.conftest import idle, make_pictures
from ui.window.places import Place


def test_import_into_a_new_event_with_progress_and_a_summary_of_what_was_left_out(
    qtbot, archive, corpus, tmp_path, open_window
):
    card = make_pictures(tmp_path / "card" / "DCIM" / "100CANON", 4)
    shutil.copy(card / "IMG_0000.png", card / "IMG_0000 copy.png")  # the same photo twice
    (card / "IMG_9999.JPG").write_bytes(b"not really a photo")
    shutil.copy(corpus / "pillow-tricky/truncated_jpeg.jpg", card / "truncated.jpg")
    window = open_window()
    window.imports.runner.workers = 1
    events_seen = []
    window.imports.runner.progress.connect(events_seen.append)

    setup = window.imports.choose([str(tmp_path / "card")])
    setup.event.setEditText("Quilt workshop, Burnt Oak Library")
    assert "new event will be created" in setup.new_event_hint.text()
    setup.dated.setChecked(True)
    setup.venue.setText("Burnt Oak Library")
    setup.start.click()

    progress = window.imports.progress
    assert progress is not None and progress.isVisible()
    assert "Quilt workshop, Burnt Oak Library" in progress.heading.text()
    qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=30_000)
    summary = window.imports.summary
    assert summary.summary.imported == 4
    text = summary.as_text()
    assert "4 photos imported into “Quilt workshop, Burnt Oak Library”" in text
    assert "1 file was already in the archive" in text
    assert re.search(r"IMG_0000( copy)?\.png: already in the archive as photo \d+", text)
    assert "IMG_9999.JPG" in text and "truncated.jpg" in text
    assert "2 files could not be imported" in text
    started = [e for e in events_seen if e.kind is EventKind.FILE_STARTED]
    assert started and all(e.total == 7 for e in started)
    assert not window.imports.progress  # the progress dialog closed itself

    [show] = [b for b in summary.findChildren(type(setup.start)) if b.text() == "Show the photos"]
    show.click()
    idle(qtbot)
    event = archive.events.find("Quilt workshop, Burnt Oak Library")
    assert event.venue == "Burnt Oak Library"
    assert window.place.same_as(Place("import", summary.summary.batch_id))
    assert window.photos.title.text().startswith("Photos imported ")
    qtbot.waitUntil(lambda: window.photos.model.rowCount() == 4)


def test_show_the_photos_shows_only_what_this_import_brought_in(
    qtbot, archive, pictures, open_window
):
    """A second card into the same workshop: the summary's photos are the second card's, not
    the whole event's, as `quiltarchive photos --batch` lists them."""
    window = open_window()
    window.imports.runner.workers = 1
    batches = []
    for card in (pictures(3), pictures(2, "second", start=10)):
        setup = window.imports.choose([str(card)])
        setup.event.setEditText("Family sewing day, Hendon Library")
        setup.start.click()
        qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=30_000)
        summary = window.imports.summary
        batches.append(summary.summary.batch_id)
        if len(batches) < 2:
            summary.accept()
            window.imports.summary = None
    [show] = [b for b in summary.findChildren(QPushButton) if b.text() == "Show the photos"]
    show.click()
    second = {p.id for p in archive.photos.list(batch_id=batches[1])}
    assert len(second) == 2
    qtbot.waitUntil(lambda: set(window.photos.model.ids) == second)
    assert window.photos.review_button.isVisible()
    event = archive.events.find("Family sewing day, Hendon Library")
    assert len(archive.photos.list(event_id=event.id)) == 5


def test_cancel_stops_the_import_and_the_summary_says_what_is_left(
    qtbot, archive, pictures, open_window
):
    card = pictures(80)
    window = open_window()
    window.imports.runner.workers = 1

    def cancel_on_first_photo(event):
        if event.kind is EventKind.IMPORTED and window.imports.progress is not None:
            cancel = window.imports.progress.cancel_button
            if cancel.isEnabled():
                cancel.click()

    def hold_until_cancelled(event):
        # On the import's own thread: after the first photo, wait for the click above, as if
        # the volunteer were quick; the test then does not depend on the machine's speed.
        if event.kind is EventKind.IMPORTED:
            deadline = time.monotonic() + 10
            while not window.imports.runner.cancelling and time.monotonic() < deadline:
                time.sleep(0.01)

    window.imports.runner.progress.connect(cancel_on_first_photo)
    window.imports.runner.progress.connect(hold_until_cancelled, Qt.ConnectionType.DirectConnection)
    window.imports.choose([str(card)]).start.click()
    progress = window.imports.progress
    qtbot.waitUntil(lambda: "of 80 files" in progress.count.text(), timeout=20_000)
    qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=30_000)
    summary = window.imports.summary.summary
    assert summary.cancelled
    assert 1 <= summary.imported < 80
    assert summary.remaining == 80 - summary.imported
    assert "Resume Import carries on" in window.imports.summary.headline.text()
    assert window.imports.summary.windowTitle() == "Import cancelled"

    window.imports.runner.progress.disconnect(cancel_on_first_photo)
    window.imports.runner.progress.disconnect(hold_until_cancelled)
    first = window.imports.summary
    first.close()
    window.menu_actions.resume_import.trigger()  # File → Resume Import
    qtbot.waitUntil(lambda: window.imports.summary is not first, timeout=30_000)
    resumed = window.imports.summary.summary
    assert (resumed.batch_id, resumed.cancelled) == (summary.batch_id, False)
    assert archive.photos.count() == 80


def test_dropping_a_folder_on_the_window_starts_an_import(qtbot, archive, pictures, open_window):
    card = pictures(2)
    window = open_window()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(card))])
    where = QPointF(window.rect().center())
    pressed = (Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton)
    enter = QDragEnterEvent(where.toPoint(), *pressed, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(where, *pressed, Qt.KeyboardModifier.NoModifier))
    setup = window.imports.setup
    assert setup is not None and setup.isVisible()
    assert setup.sources.item(0).text() == str(card)
    setup.reject()


def test_the_window_stays_responsive_while_importing(qtbot, archive, tmp_path, open_window):
    card = make_pictures(tmp_path / "card", 40, size=(1200, 900))
    window = open_window()
    window.imports.runner.workers = 1  # the decoding happens in this process, the hardest case
    beats = []
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    heartbeat.start(5)
    window.imports.choose([str(card)]).start.click()
    qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=60_000)
    heartbeat.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(beats)]
    assert window.imports.summary.summary.imported == 40
    assert len(beats) > 20
    assert max(gaps) < 0.25, f"the window did not answer for {max(gaps):.3f}s"
