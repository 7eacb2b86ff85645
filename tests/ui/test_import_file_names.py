"""The app imports a folder holding names that are not UTF-8 and lists them readably."""

import os
import shutil
from pathlib import Path


def test_the_summary_shows_a_name_that_is_not_utf8_escaped(
    qtbot, archive, corpus, tmp_path, open_window
):
    card = tmp_path / "card"
    card.mkdir()
    folder = os.fsencode(card)
    shutil.copy(corpus / "exif-samples/jpg/Canon_40D.jpg", os.fsdecode(folder + b"/caf\xe9.jpg"))
    Path(os.fsdecode(folder + b"/vide\xff.jpg")).write_bytes(b"")
    window = open_window()
    window.imports.runner.workers = 1
    window.imports.choose([str(card)]).start.click()
    qtbot.waitUntil(lambda: window.imports.summary is not None, timeout=30_000)

    dialog = window.imports.summary
    assert dialog.summary.imported == 1
    assert "vide\\xff.jpg: the file is empty (0 bytes)" in dialog.as_text()
    assert "vide\\xff.jpg" in dialog.details.toPlainText()
    assert [p.file_name for p in archive.photos.list()] == ["caf\\xe9.jpg"]
