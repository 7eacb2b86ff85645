"""The Archive menu: checking the archive in the background with a readable report, the audit
trail and a photo's history, the archive's settings (undoable), and rebuilding thumbnails."""

from PySide6.QtWidgets import QMessageBox

from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from tests.ui.conftest import idle
from tests.ui.test_main_window import unnamed_controls


def test_check_archive_reports_all_is_well_then_a_damaged_original(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(3)], workers=1))
    window = open_window()
    window.menu_actions.check_archive.trigger()
    dialog = window.tools.check
    assert dialog.isVisible() and unnamed_controls(dialog) == []
    dialog.start_button.click()
    assert not dialog.start_button.isEnabled()  # running in the background
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    report = dialog.results.toPlainText()
    assert "All is well." in report
    assert "Checked 3 photos, 0 consent forms and" in report
    assert dialog.progress.value() == dialog.progress.maximum() == 3
    assert dialog.start_button.isEnabled() and not dialog.stop_button.isEnabled()

    photo_id, sha256, extension = next(iter(archive.photos.stored_files()))
    original = archive.layout.original_path(sha256, extension)
    original.chmod(0o644)
    original.write_bytes(original.read_bytes() + b"tampered")
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    report = dialog.results.toPlainText()
    assert "1 problem found." in report
    assert f"Original photo\tphoto {photo_id}" in report or "Original photo" in report
    assert "it has been altered or damaged" in report
    dialog.quick.setChecked(True)  # only whether the files are there
    dialog.start_button.click()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10_000)
    assert "All is well." in dialog.results.toPlainText()
    dialog.close()


def test_the_audit_trail_lists_changes_by_whom_and_narrows_to_one_photo(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(2)], workers=1))
    window = open_window()
    first, second = window.photos.model.ids
    window.edits.describe(second, "Pinning the patches", "")
    window.edits.describe(first, "Sewing the border", "Hands at a hexagon")
    window.edits.add_person("Amina Yusuf")
    window.menu_actions.audit_trail.trigger()

    dialog = window.tools.audit
    qtbot.waitUntil(lambda: dialog.loaded)
    assert unnamed_controls(dialog) == []
    rows = [
        [dialog.model.index(r, c).data() for c in range(4)] for r in range(dialog.model.rowCount())
    ]
    assert rows[0][1:] == ["Test Librarian", "person added", rows[0][3]]
    assert rows[1][1:3] == ["Test Librarian", "photo described"]
    assert rows[1][3] == f"Photo {first}"
    dialog.table.selectRow(1)
    assert dialog.details.toPlainText().splitlines() == [
        "alt text: (empty) → Hands at a hexagon",
        "caption: (empty) → Sewing the border",
    ]
    dialog.table.selectRow(0)
    assert "name: Amina Yusuf" in dialog.details.toPlainText()  # a new record: its fields

    dialog.kind.setCurrentIndex(dialog.kind.findData("person"))
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.model.rowCount() == 1 and dialog.summary.text() == "1 entry"
    dialog.close()

    window.photos.grid.setCurrentIndex(window.photos.model.index(1))
    assert window.menu_actions.history.isEnabled()
    window.menu_actions.history.trigger()
    history = window.tools.audit
    qtbot.waitUntil(lambda: history.loaded)
    assert history.model.rowCount() == 1
    assert history.windowTitle() == f"History of photo {second}"
    assert {history.model.index(r, 3).data() for r in range(history.model.rowCount())} == {
        f"Photo {second}"
    }
    history.close()


def test_archive_settings_are_saved_undoably_and_change_every_decision(qtbot, archive, open_window):
    from datetime import date

    from quiltarchive.consent.consents import record_consent
    from quiltarchive.consent.people import add_person

    window = open_window()
    window.menu_actions.archive_settings.trigger()
    dialog = window.tools.settings
    assert unnamed_controls(dialog) == []
    assert dialog.consent_age.value() == 18
    dialog.policy_url.setText("policy.example.org")
    dialog.save_button.click()
    assert dialog.isVisible() and "is not a web address" in dialog.error.text()
    assert archive.settings.policy_url() == ""
    dialog.policy_url.setText("https://example.org/images")
    dialog.organisation.setText("Barnet Libraries")
    dialog.consent_age.setValue(16)
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert archive.settings.guardian_consent_age() == 16
    assert archive.settings.organisation() == "Barnet Libraries"
    assert archive.settings.policy_url() == "https://example.org/images"
    changed = [e for e in archive.audit.entries() if e.action == "setting changed"]
    assert len(changed) == 3 and {e.user for e in changed} == {"Test Librarian"}

    teen = add_person(archive, "Noor", birth_year=date.today().year - 17)
    record_consent(archive, teen.id, given_by_id=teen.id, given_on=date.today(), uses=[Use.WEB])
    assert window.menu_actions.undo.text() == "&Undo Change the archive's settings"
    window.menu_actions.undo.trigger()
    assert archive.settings.guardian_consent_age() == 18
    assert archive.settings.organisation() == "" and archive.settings.policy_url() == ""
    window.menu_actions.redo.trigger()
    assert archive.settings.guardian_consent_age() == 16
    idle(qtbot)
    assert window.status.ready


def test_rebuild_thumbnails_makes_missing_ones_again_in_the_background(
    qtbot, archive, pictures, open_window, monkeypatch
):
    list(import_photos(archive, [pictures(3)], workers=1))
    window = open_window()
    _photo_id, sha256, _extension = next(iter(archive.photos.stored_files()))
    thumbnail = archive.layout.thumbnail_path(sha256)
    thumbnail.unlink()
    monkeypatch.setattr(
        "ui.tools.menu.QMessageBox.question", lambda *_a: QMessageBox.StandardButton.Yes
    )
    window.menu_actions.rebuild_cache.trigger()
    dialog = window.tools.rebuild
    assert unnamed_controls(dialog) == []
    qtbot.waitUntil(lambda: dialog.done, timeout=10_000)
    assert thumbnail.is_file()
    assert dialog.labelText() == "Made thumbnails and previews for 3 photos."
    dialog.close()
