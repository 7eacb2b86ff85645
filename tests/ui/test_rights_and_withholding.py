"""Rights and licence from the details pane, withholding and releasing from the Photo menu: as
the command line's `rights` and `withhold [--undo]`, with the lists and badges following."""

from PySide6.QtCore import Qt

from quiltarchive.consent.overview import Badge
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state
from tests.ui.conftest import idle
from ui.window.places import WITHHELD, Place


def test_a_licence_makes_a_photo_ready_and_withholding_stops_it(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(2)], workers=1))
    for photo_id in archive.photos.ordered_ids():
        set_review_state(archive, photo_id, ReviewState.NO_PEOPLE)
    window = open_window()
    first = window.photos.model.ids[0]
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    idle(qtbot)
    assert window.photos.model.badge(0) is Badge.BLOCKED  # rights unknown
    editor = window.details.single.rights
    assert not editor.licence.isEnabled()
    editor.rights.setCurrentIndex(editor.rights.findData(Rights.LICENSED.value))
    assert editor.licence.isEnabled()
    qtbot.keyClicks(editor.licence, "CC BY 4.0")
    qtbot.keyClick(editor.licence, Qt.Key.Key_Return)
    photo = archive.photos.get(first)
    assert (photo.rights, photo.licence) == (Rights.LICENSED, "CC BY 4.0")
    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.READY)
    assert window.sidebar.choose(Place("ready", use=Use.WEB))
    qtbot.waitUntil(lambda: window.photos.model.ids == [first])

    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    window.menu_actions.withhold.trigger()  # Photo → Withhold
    assert archive.photos.get(first).withheld
    qtbot.waitUntil(lambda: window.status.overview and first in window.status.overview.withheld)
    window.sidebar.choose(WITHHELD)
    qtbot.waitUntil(lambda: window.photos.model.ids == [first])
    assert window.details.single.rights.withheld.isChecked()
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    window.menu_actions.release.trigger()  # Photo → Release
    assert not archive.photos.get(first).withheld
    actions = [e.action for e in archive.audit.entries(entity_type="photo", entity_id=first)]
    assert actions[:3] == ["photo released", "photo withheld", "rights changed"]
