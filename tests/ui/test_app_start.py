"""Starting the app: which archive it opens, whose name goes on the audit trail, recent
archives, and switching archives from the File menu."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from quiltarchive.archive import Archive
from ui import settings
from ui.app import Application, archive_to_open, main
from ui.window.main_window import MainWindow


def test_with_no_archive_given_the_default_one_is_created_and_opened(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("QUILTARCHIVE_ARCHIVE", raising=False)
    monkeypatch.setenv("QUILTARCHIVE_USER", "Sam Patel")
    opened = []

    def look_then_close():
        (window,) = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        opened.append((window.windowTitle(), window.archive.user, window.archive.layout.root))
        window.close()

    QTimer.singleShot(300, look_then_close)
    assert main([]) == 0
    title, user, root = opened[0]
    assert root == tmp_path / "data" / "QuiltArchive" / "Archive"
    assert (root / "archive.sqlite").is_file()
    assert title == "QuiltArchive — Archive" and user == "Sam Patel"
    assert settings.LAST_ARCHIVE.read() == str(root)


def test_the_last_archive_is_opened_next_time_and_others_are_in_open_recent(
    qtbot, tmp_path, monkeypatch
):
    monkeypatch.delenv("QUILTARCHIVE_ARCHIVE", raising=False)
    first, second = tmp_path / "first", tmp_path / "second"
    Archive.create(first, user="x").close()
    app = Application("Sam Patel")
    assert app.open(first)
    assert app.open(second)  # an empty folder becomes a new archive
    assert (second / "archive.sqlite").is_file()
    assert archive_to_open(None) == second
    recent = [action.text() for action in app.window.menu_actions.recent.actions()]
    assert recent == [str(first)]
    app.window.menu_actions.recent.actions()[0].trigger()
    assert app.archive.layout.root == first
    assert app.window.archive is app.archive
    app.close()
    assert archive_to_open(str(second)) == second


def test_a_folder_that_is_not_an_archive_is_refused_with_a_reason(qtbot, tmp_path, monkeypatch):
    folder = tmp_path / "holiday-photos"
    folder.mkdir()
    (folder / "IMG_0001.JPG").write_bytes(b"...")
    shown = []
    monkeypatch.setattr(
        "ui.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text)
    )
    app = Application("Sam Patel")
    assert not app.open(folder)
    assert "does not hold a QuiltArchive archive" in shown[0]
    app.close()


def test_changing_the_user_name_changes_who_is_on_the_audit_trail(qtbot, tmp_path, monkeypatch):
    from quiltarchive.consent.people import add_person

    app = Application("Sam Patel")
    assert app.open(tmp_path / "archive")
    monkeypatch.setattr("ui.app.ask_user_name", lambda _parent=None: "Jo Green")
    app.window.menu_actions.user_name.trigger()
    add_person(app.archive, "Amina")
    assert app.archive.audit.entries()[0].user == "Jo Green"
    app.close()
