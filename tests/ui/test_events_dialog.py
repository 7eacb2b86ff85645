"""Archive → Events: the events with their photo counts; a new one recorded and one corrected,
each undoable, on the audit trail and in the sidebar at once."""

from quiltarchive.events import ensure_event
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.photo_query import PhotoQuery
from tests.ui.conftest import idle
from tests.ui.test_main_window import unnamed_controls


def sidebar_events(window):
    header = window.sidebar._events
    return [header.child(row).text() for row in range(header.rowCount())]


def rows(dialog):
    return [
        tuple(dialog.model.index(r, c).data() for c in range(4))
        for r in range(dialog.model.rowCount())
    ]


def test_events_are_listed_added_corrected_and_undone(qtbot, archive, pictures, open_window):
    workshop = ensure_event(archive, "Burnt Oak workshop", held_on="2026-03-14")
    list(import_photos(archive, [pictures(3)], event_id=workshop.id, workers=1))
    window = open_window()
    window.menu_actions.events.trigger()
    dialog = window.tools.events
    qtbot.waitUntil(lambda: dialog.loaded)
    assert unnamed_controls(dialog) == []
    assert rows(dialog) == [("Burnt Oak workshop", "14 March 2026", "", "3")]
    assert not dialog.edit_button.isEnabled()

    form = dialog.new_event()
    assert unnamed_controls(form) == []
    qtbot.keyClicks(form.name, "burnt oak WORKSHOP")
    form.save_button.click()
    assert form.isVisible() and "already an event called" in form.error.text()
    form.name.clear()
    qtbot.keyClicks(form.name, "Hendon quilt day")
    form.dated.setChecked(False)
    qtbot.keyClicks(form.venue, "Hendon Library")
    form.save_button.click()
    assert not form.isVisible()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2)
    assert ("Hendon quilt day", "", "Hendon Library", "0") in rows(dialog)
    qtbot.waitUntil(lambda: "Hendon quilt day" in sidebar_events(window))

    dialog.table.selectRow([r[0] for r in rows(dialog)].index("Burnt Oak workshop"))
    form = dialog.edit_event()
    assert form.name.text() == "Burnt Oak workshop" and form.dated.isChecked()
    form.name.setText("Burnt Oak quilt workshop")
    form.save_button.click()
    qtbot.waitUntil(lambda: "Burnt Oak quilt workshop" in sidebar_events(window))
    assert archive.events.get(workshop.id).held_on == "2026-03-14"
    found = archive.photos.ordered_ids(PhotoQuery(text="quilt workshop"))
    assert len(found) == 3  # searched by its new name at once
    trail = archive.audit.entries(entity_type="event")
    assert [e.action for e in trail[:2]] == ["event changed", "event created"]
    assert {e.user for e in trail} == {"Test Librarian"}

    window.menu_actions.undo.trigger()
    assert archive.events.get(workshop.id).name == "Burnt Oak workshop"
    window.menu_actions.undo.trigger()
    assert [e.name for e in archive.events.list()] == ["Burnt Oak workshop"]
    qtbot.waitUntil(lambda: "Hendon quilt day" not in sidebar_events(window))
    window.menu_actions.redo.trigger()
    assert {e.name for e in archive.events.list()} == {"Burnt Oak workshop", "Hendon quilt day"}

    qtbot.waitUntil(lambda: dialog.loaded and dialog.model.rowCount() == 2)
    dialog.table.selectRow([r[0] for r in rows(dialog)].index("Burnt Oak workshop"))
    dialog.show_button.click()
    qtbot.waitUntil(lambda: window.photos.model.rowCount() == 3)
    assert window.photos.title.text() == "Burnt Oak workshop"
    idle(qtbot)
    dialog.close()
