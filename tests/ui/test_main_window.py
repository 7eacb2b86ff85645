"""The main window as a user first meets it: their photos as thumbnails with badges, the
places in the sidebar, the details of a photo, zoom, and a layout that is remembered."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from quiltarchive.consent.overview import Badge
from quiltarchive.events import ensure_event
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from tests.ui.conftest import idle
from ui import settings
from ui.window.places import ALL_PHOTOS, PEOPLE, Place


def test_the_window_shows_the_archives_photos_as_thumbnails_with_badges(
    qtbot, archive, corpus, open_window
):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    window = open_window()
    model = window.photos.model
    assert model.rowCount() == 9
    assert archive.layout.root.name in window.windowTitle()
    first = model.index(0)
    model.data(first, Qt.ItemDataRole.DecorationRole)
    qtbot.waitUntil(lambda: model.data(first, Qt.ItemDataRole.DecorationRole) is not None)
    pixmap = model.data(first, Qt.ItemDataRole.DecorationRole)
    assert max(pixmap.width(), pixmap.height()) == window.photos.grid.tile_size
    assert model.badge(0) is Badge.UNREVIEWED
    assert "Not reviewed yet" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert "Nobody has recorded yet who is in photo" in model.data(
        first, Qt.ItemDataRole.ToolTipRole
    )
    assert "9 photos" in window.count.text()
    image = window.photos.grid.viewport().grab().toImage()
    assert image.pixelColor(10, 10) != image.pixelColor(90, 60)  # something was painted


def test_selecting_a_photo_shows_its_details_and_every_use(qtbot, archive, corpus, open_window):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    window = open_window()
    window.photos.grid.setCurrentIndex(window.photos.model.index(2))
    details = window.details.single
    qtbot.waitUntil(lambda: details.uses.layout().count() == 12)  # six uses, badge and words
    photo = archive.photos.get(window.photos.model.photo_id(2))
    assert details.title.text() == photo.file_name
    words = [
        details.uses.layout().itemAt(i).widget().accessibleName()
        for i in range(details.uses.layout().count())
    ]
    assert any(w.startswith("Archive: may be used") for w in words)
    assert any(w.startswith("Web: may not be used") and "Nobody has recorded" in w for w in words)
    facts = [
        details.facts.itemAt(i, details.facts.ItemRole.FieldRole).widget().text()
        for i in range(details.facts.rowCount())
    ]
    assert "recorded (kept apart, never exported)" in facts
    # the import left the JPEG's preview for later; the pane has it made and shows it
    preview = archive.layout.preview_path(photo.sha256)
    qtbot.waitUntil(lambda: not details.preview.pixmap().isNull())
    assert preview.is_file()
    assert max(details.preview.pixmap().width(), details.preview.pixmap().height()) > 100


def test_the_sidebar_opens_every_place(qtbot, archive, pictures, open_window):
    workshop = ensure_event(archive, "Burnt Oak quilt workshop")
    list(import_photos(archive, [pictures(3)], event_id=workshop.id, workers=1))
    list(import_photos(archive, [pictures(2, "other", start=10)], workers=1))
    window = open_window()
    assert window.sidebar.choose(Place("event", workshop.id))
    qtbot.waitUntil(lambda: window.photos.model.rowCount() == 3)
    assert window.photos.title.text() == "Burnt Oak quilt workshop"
    window.sidebar.choose(Place("needs-review"))
    qtbot.waitUntil(lambda: window.photos.model.rowCount() == 5)
    window.sidebar.choose(Place("ready", use=Use.WEB))
    qtbot.waitUntil(lambda: window.photos.stack.currentWidget() is window.photos.empty)
    assert "No photo is ready" in window.photos.empty.text()
    window.sidebar.choose(PEOPLE)
    assert window.pages.currentWidget() is window.people
    assert not window.details.isVisible()
    window.sidebar.choose(Place("patches"))
    assert window.pages.currentWidget() is window.patches
    window.sidebar.choose(Place("expiring"))
    assert window.pages.currentWidget() is window.expiring


def test_zoom_and_layout_are_remembered(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(4)], workers=1))
    window = open_window()
    window.menu_actions.zoom_in.trigger()
    assert window.photos.grid.tile_size == settings.ZOOM.default + 32
    window.resize(780, 700)  # the offscreen screen is 800 × 800
    idle(qtbot)
    window.splitter.setSizes([200, 260, 310])
    sizes = window.splitter.sizes()
    window.close()
    again = open_window()
    assert again.photos.grid.tile_size == settings.ZOOM.default + 32
    assert again.splitter.sizes() == sizes
    assert again.size().width() == 780


def test_thumbnail_size_is_offered_only_where_thumbnails_are(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(2)], workers=1))
    window = open_window()
    idle(qtbot)
    assert window.zoom.isVisible() and window.menu_actions.zoom_in.isEnabled()
    for place in (PEOPLE, Place("expiring"), Place("patches")):
        window.sidebar.choose(place)
        assert not window.zoom.isVisible() and not window.zoom_label.isVisible()
        assert not window.menu_actions.zoom_in.isEnabled()
        assert not window.menu_actions.zoom_out.isEnabled()
    window.sidebar.choose(ALL_PHOTOS)
    assert window.zoom.isVisible() and window.menu_actions.zoom_out.isEnabled()


def test_every_control_has_an_accessible_name(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(2)], workers=1))
    window = open_window()
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    idle(qtbot)
    for place in (PEOPLE, Place("expiring"), Place("patches")):
        window.sidebar.choose(place)
    idle(qtbot)
    assert unnamed_controls(window) == []


def unnamed_controls(top):
    """Controls a screen reader could not name; Qt's own parts of composite controls (a combo
    box's list, a spin box's line edit, a table's corner button) are named by their owner."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSlider,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMenuBar,
        QPlainTextEdit,
        QScrollBar,
        QToolButton,
        QWidget,
    )

    controls = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox)
    controls += (QComboBox, QLineEdit, QPlainTextEdit)
    composite = (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QMenuBar)
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, controls) or isinstance(widget, QScrollBar):
            continue
        parent, inside = widget.parent(), False
        while parent is not None:
            inside = inside or isinstance(parent, composite)
            parent = parent.parent()
        if inside or widget.objectName() == "qt_toolbar_ext_button":
            continue
        if isinstance(widget, QToolButton) and widget.text():
            continue  # a toolbar button is named by its action's text
        if not widget.accessibleName():
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


def test_the_window_is_usable_from_the_keyboard(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(5)], workers=1))
    window = open_window()
    window.activateWindow()

    def press(key, modifier=Qt.KeyboardModifier.NoModifier):
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # Go to Places
    assert QApplication.focusWidget() is window.sidebar
    press(Qt.Key.Key_Down)  # the Events heading
    press(Qt.Key.Key_Down)  # People ("No events yet" is passed over)
    assert window.pages.currentWidget() is window.people
    press(Qt.Key.Key_Home)
    assert window.pages.currentWidget() is window.photos
    idle(qtbot)
    press(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Go to Photos
    assert QApplication.focusWidget() is window.photos.grid
    press(Qt.Key.Key_Right)
    press(Qt.Key.Key_Right)
    assert window.details.single.photo.id == window.photos.model.photo_id(
        window.photos.grid.currentIndex().row()
    )
    press(Qt.Key.Key_Return)  # opens the review viewer on that photo
    viewer = window.viewer
    assert viewer is not None and viewer.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    start = viewer.position
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.position == start + 1
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.position == start
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.search


def test_a_large_archive_works_out_its_consent_in_a_separate_process(
    qtbot, archive, pictures, open_window, monkeypatch
):
    monkeypatch.setattr("ui.consent_status.SEPARATE_PROCESS_FROM", 1)
    list(import_photos(archive, [pictures(3)], workers=1))
    window = open_window()
    assert window.status._process is not None  # the whole-archive work went there
    assert window.status.needs_review.keys() == set(window.photos.model.ids)
    assert [window.photos.model.badge(row) for row in range(3)] == [Badge.UNREVIEWED] * 3
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    window.menu_actions.mark_no_people.trigger()
    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.BLOCKED)  # rights unknown
    qtbot.waitUntil(lambda: len(window.status.needs_review) == 2, timeout=20_000)


def test_several_photos_are_summarised_and_their_rights_set_together(
    qtbot, archive, pictures, open_window
):
    from quiltarchive.model.photo import ReviewState, Rights
    from quiltarchive.photo_states import set_review_state

    list(import_photos(archive, [pictures(4)], workers=1))
    for photo_id in archive.photos.ordered_ids()[:3]:
        set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
    window = open_window()
    window.menu_actions.select_all.trigger()
    summary = window.details.several
    qtbot.waitUntil(lambda: summary.isVisible() and "Web: 0 of 4" in summary.uses.text())
    assert summary.heading.text() == "4 photos selected"
    assert "4 selected" in window.count.text()
    rights = summary.rights
    rights.rights.setCurrentIndex(rights.rights.findData(Rights.STAFF.value))
    rights.apply_button.click()
    assert {archive.photos.get(i).rights for i in window.photos.model.ids} == {Rights.STAFF}
    qtbot.waitUntil(lambda: "Web: 3 of 4" in summary.uses.text())
    assert window.menu_actions.undo.text() == "&Undo Set rights (4 photos)"
    window.menu_actions.undo.trigger()  # one step for all four
    assert {archive.photos.get(i).rights for i in window.photos.model.ids} == {Rights.UNKNOWN}


def test_every_dialog_names_its_controls_too(qtbot, archive, pictures, open_window, corpus):
    from datetime import date

    from quiltarchive.consent.consents import record_consent
    from quiltarchive.consent.people import add_person
    from quiltarchive.importing.events import ImportSummary, Outcome
    from ui.importing.dialogs import ImportProgressDialog, ImportSummaryDialog

    list(import_photos(archive, [pictures(2)], workers=1))
    amina = add_person(archive, "Amina Yusuf")
    consent = record_consent(
        archive, amina.id, given_by_id=amina.id, given_on=date(2026, 1, 5), uses=list(Use)
    ).consent
    window = open_window()
    dialogs = [
        window.flows.new_person(),
        window.flows.edit_person(amina),
        window.flows.record_consent(amina),
        window.flows.withdraw(consent),
        window.flows.add_guardian(amina),
        window.flows.export_person(amina),
        window.flows.forget(amina),
        window.imports.choose([str(corpus)]),
        ImportProgressDialog("Importing", window),
        ImportSummaryDialog(
            ImportSummary(1, 3, 1, failed=[Outcome("/card/a.jpg", "damaged")]),
            "the archive",
            window,
        ),
        window.open_review(window.photos.model.ids, 0),
    ]
    for dialog in dialogs:
        assert dialog.accessibleName(), type(dialog).__name__
        assert unnamed_controls(dialog) == [], type(dialog).__name__
        dialog.close()
