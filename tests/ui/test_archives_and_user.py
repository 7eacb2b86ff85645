"""File → New Archive and File → Open Archive, and the name on the audit trail: asked once,
then remembered."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from quiltarchive.archive import Archive
from quiltarchive.consent.people import add_person
from ui import settings
from ui.app import Application, main
from ui.dialogs.user_name import UserNameDialog
from ui.window.main_window import MainWindow


def answer_then_close(name: str | None, asked: list[str], qtbot):
    """Each time the app starts: type `name` if asked for one, then close the window."""

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UserNameDialog) and widget.isVisible():
                asked.append(widget.name.text())
                qtbot.keyClicks(widget.name, name or "")
                widget.ok.click()
                return QTimer.singleShot(50, look)
            if isinstance(widget, MainWindow) and widget.isVisible():
                add_person(widget.archive, "Amina Yusuf")
                return widget.close()
        QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)


def test_the_users_name_is_asked_once_and_remembered(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("QUILTARCHIVE_USER", raising=False)
    folder = tmp_path / "archive"
    asked: list[str] = []
    answer_then_close("Sam Patel", asked, qtbot)
    assert main(["--archive", str(folder)]) == 0
    assert asked == [""]
    assert settings.USER_NAME.read() == "Sam Patel"

    answer_then_close(None, asked, qtbot)
    assert main(["--archive", str(folder)]) == 0
    assert asked == [""]  # not asked again
    with Archive.open(folder, writable=False, user="reader") as archive:
        users = {entry.user for entry in archive.audit.entries(entity_type="person")}
    assert users == {"Sam Patel"}


def test_file_new_archive_creates_one_in_the_folder_chosen(qtbot, tmp_path, monkeypatch):
    app = Application("Sam Patel")
    assert app.open(tmp_path / "first")
    chosen = tmp_path / "second"
    chosen.mkdir()
    titles = []

    def choose(_parent, title, *_args, **_kwargs):
        titles.append(title)
        return str(chosen)

    monkeypatch.setattr("ui.app.QFileDialog.getExistingDirectory", choose)
    app.window.menu_actions.new_archive.trigger()
    assert titles == ["An empty folder for the new archive"]
    assert app.archive.layout.root == chosen and (chosen / "archive.sqlite").is_file()
    assert app.window.windowTitle() == "QuiltArchive — second"
    assert [a.text() for a in app.window.menu_actions.recent.actions()] == [str(tmp_path / "first")]
    app.close()


def test_file_open_archive_switches_to_the_archive_chosen(qtbot, tmp_path, monkeypatch):
    other = tmp_path / "library"
    with Archive.create(other, user="x") as made:
        add_person(made, "Layla Yusuf")
    app = Application("Sam Patel")
    assert app.open(tmp_path / "first")
    monkeypatch.setattr(
        "ui.app.QFileDialog.getExistingDirectory", lambda *_args, **_kwargs: str(other)
    )
    app.window.menu_actions.open_archive.trigger()
    assert app.archive.layout.root == other
    assert [name for _id, name in app.archive.people.names()] == ["Layla Yusuf"]
    assert settings.LAST_ARCHIVE.read() == str(other)
    monkeypatch.setattr("ui.app.QFileDialog.getExistingDirectory", lambda *_a, **_k: "")
    app.window.menu_actions.open_archive.trigger()  # cancelled: nothing changes
    assert app.archive.layout.root == other
    app.close()
