"""Residents' stories in the app: recording one with its translation and what it refers to,
whether the teller's story permission lets it be published, changing it, and refusals shown
in the dialog with nothing written."""

from PySide6.QtCore import Qt

from quiltarchive.model.consent import Use
from tests.core.works.workshop import Workshop
from tests.ui.conftest import idle
from ui.tables import RecordRole
from ui.window.places import PATCHES


def open_stories(qtbot, open_window):
    window = open_window()
    window.sidebar.choose(PATCHES)
    page = window.patches
    page.show_tab(page.stories)
    qtbot.waitUntil(lambda: page.data is not None)
    idle(qtbot)
    return window, page


def rows(page):
    proxy = page.stories.proxy
    return [proxy.data(proxy.index(n, 0), RecordRole) for n in range(proxy.rowCount())]


def test_recording_a_story_and_whether_it_may_be_published(qtbot, archive, tmp_path, open_window):
    workshop = Workshop(archive, tmp_path)
    amina = workshop.adult("Amina Yusuf")
    workshop.consent(amina, (Use.WEB,), story=True)
    workshop.consenting_adult("Tom Okafor", uses=(Use.WEB,))  # no story permission
    photo = workshop.patch_photo()
    workshop.patch("P-0001", amina, title="Bridges")
    window, page = open_stories(qtbot, open_window)

    page.stories.new_button.click()
    dialog = page.dialog
    qtbot.keyClicks(dialog.title, "Arriving")
    qtbot.keyClicks(dialog.teller.lineEdit(), "Amina Yusuf")
    dialog.save_button.click()  # no words yet
    assert dialog.error.text() == "The story “Arriving” has no text."
    assert archive.stories.list() == []
    dialog.words.setPlainText("وصلت في الشتاء")
    dialog.language.setText("ar")
    dialog.translation.setPlainText("I arrived in winter.")
    dialog.photos.set_ids([photo])
    dialog.patches.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()
    (story,) = archive.stories.list()
    assert (story.teller_id, story.language, story.translation_language) == (amina, "ar", "en")
    assert story.photo_ids == (photo,) and len(story.patch_ids) == 1

    page.use.setCurrentIndex(page.use.findData(Use.WEB.value))
    qtbot.waitUntil(lambda: [r.story.title for r in rows(page)] == ["Arriving"])
    proxy = page.stories.proxy
    assert proxy.data(proxy.index(0, 1)) == "Amina Yusuf"
    assert proxy.data(proxy.index(0, 3)) == "en"
    assert proxy.data(proxy.index(0, 4)) == "1 photo, 1 patch"
    assert proxy.data(proxy.index(0, 5)) == "yes"

    page.stories.table.activated.emit(proxy.index(0, 0))
    dialog = page.dialog
    assert "May be published for web" in dialog.permission.text()
    dialog.teller.setCurrentIndex(dialog.teller.findText("Tom Okafor"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: rows(page)[0].teller == "Tom Okafor")
    assert proxy.data(proxy.index(0, 5)) == (
        "no — Story “Arriving”: Tom Okafor has not given permission to publish their story."
    )
    page.stories.table.activated.emit(proxy.index(0, 0))
    assert "May not be published for web" in page.dialog.permission.text()
    page.dialog.reject()

    window.menu_actions.undo.trigger()
    assert archive.stories.get(story.id).teller_id == amina
