"""The application opens its window on an archive and shows the photos' thumbnails."""

from PySide6.QtCore import Qt

from quiltarchive.importing.pipeline import import_photos
from ui.main_window import MainWindow


def test_the_main_window_shows_the_archives_photos_with_thumbnails(qtbot, archive, corpus):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    window = MainWindow(archive)
    qtbot.addWidget(window)
    window.show()
    model = window.grid.model()
    assert model.rowCount() == 9
    first = model.index(0, 0)
    model.data(first, Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.data(first, Qt.ItemDataRole.DecorationRole) is not None)
    pixmap = model.data(first, Qt.ItemDataRole.DecorationRole)
    assert max(pixmap.width(), pixmap.height()) == 256
    assert archive.layout.root.name in window.windowTitle()
