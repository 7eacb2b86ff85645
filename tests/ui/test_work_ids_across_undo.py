"""A quilt, a patch and a story created in the app, undone and redone while someone else
records more of them from the command line (so the archive gives them new ids), and then
placed, changed, undone and redone again: every later edit still finds them, with nothing
refused."""

import pytest
from PySide6.QtCore import Qt

from quiltarchive.model.quilt import Position
from quiltarchive.works.stories import add_story
from tests.core.works.workshop import RED, Workshop
from tests.ui.conftest import idle
from tests.ui.test_quilt_map import centre, drop, open_map


@pytest.fixture
def workshop(archive, tmp_path):
    folder = tmp_path / "camera"
    folder.mkdir()
    return Workshop(archive, folder)


def recorded_elsewhere(workshop, maker, n):
    """What the command line records meanwhile, through the same core functions."""
    workshop.quilt(f"Elsewhere {n}", rows=1, columns=1)
    patch = workshop.patch(f"P-01{n:02d}", maker)
    add_story(workshop.archive, f"Elsewhere {n}", teller_id=maker, text="…", patches=[patch.id])


def press(qtbot, window, action, times):
    for _ in range(times):
        getattr(window.menu_actions, action).trigger()
        idle(qtbot)


def test_records_created_undone_and_redone_keep_taking_later_edits(
    qtbot, archive, workshop, open_window
):
    amina = workshop.consenting_adult("Amina Yusuf")
    red = workshop.patch_photo(RED)
    window, page, panel = open_map(qtbot, open_window)
    refused: list[str] = []
    window.edits.failed.connect(refused.append)

    quilt_dialog = panel.new_quilt()
    qtbot.keyClicks(quilt_dialog.name, "Connecting Communities")
    quilt_dialog.rows.setValue(2)
    quilt_dialog.columns.setValue(2)
    quilt_dialog.save_button.click()
    idle(qtbot)

    page.show_tab(page.patches)
    page.patches.new_button.click()
    patch_dialog = page.dialog
    qtbot.keyClicks(patch_dialog.title, "Bridges")
    patch_dialog.maker.setCurrentIndex(patch_dialog.maker.findData(amina))
    patch_dialog.front.set_ids([red])
    patch_dialog.save_button.click()
    assert not patch_dialog.isVisible(), patch_dialog.error.text()
    idle(qtbot)

    page.show_tab(page.stories)
    page.stories.new_button.click()
    story_dialog = page.dialog
    qtbot.keyClicks(story_dialog.title, "Arriving")
    story_dialog.teller.setCurrentIndex(story_dialog.teller.findData(amina))
    story_dialog.words.setPlainText("I arrived in winter.")
    story_dialog.patches.item(0).setCheckState(Qt.CheckState.Checked)
    story_dialog.save_button.click()
    assert not story_dialog.isVisible(), story_dialog.error.text()
    idle(qtbot)
    recorded_elsewhere(workshop, amina, 1)

    first = archive.patches.by_code("P-0001").id
    press(qtbot, window, "undo", 3)
    assert [q.name for q in archive.quilts.list()] == ["Elsewhere 1"]
    press(qtbot, window, "redo", 3)
    assert refused == []
    quilt = archive.quilts.named("Connecting Communities")
    patch = archive.patches.by_code("P-0001")
    assert patch.id != first  # recorded anew
    (story,) = [s for s in archive.stories.list() if s.title == "Arriving"]
    assert story.patch_ids == (patch.id,)  # the story links the patch as it is now

    page.show_tab(page.quilts)
    panel.choose_quilt(quilt.id)
    qtbot.waitUntil(lambda: panel.grid is not None and panel.grid.quilt.id == quilt.id)
    item = panel.unplaced.findItems("P-0001", Qt.MatchFlag.MatchStartsWith)[0]
    drop(qtbot, panel, panel.unplaced.mimeData([item]), centre(panel, 1, 2))
    assert refused == [] and panel.message.text() == ""
    assert archive.patches.get(patch.id).position == Position(quilt.id, 1, 2)

    dialog = page.open_patch_id(patch.id)
    dialog.title.setText("Bridges over the Brent")
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()
    idle(qtbot)
    recorded_elsewhere(workshop, amina, 2)

    press(qtbot, window, "undo", 5)  # the change, the placing, the story, patch and quilt
    assert "Connecting Communities" not in [q.name for q in archive.quilts.list()]
    press(qtbot, window, "redo", 5)
    assert refused == []
    quilt = archive.quilts.named("Connecting Communities")
    patch = archive.patches.by_code("P-0001")
    assert patch.title == "Bridges over the Brent"
    assert patch.position == Position(quilt.id, 1, 2)
    (story,) = [s for s in archive.stories.list() if s.title == "Arriving"]
    assert story.patch_ids == (patch.id,)

    press(qtbot, window, "undo", 2)  # the change and the placing, on the redone records
    patch = archive.patches.by_code("P-0001")
    assert refused == [] and patch.title == "Bridges" and patch.position is None
    qtbot.waitUntil(lambda: bool(panel.unplaced.findItems("P-0001", Qt.MatchFlag.MatchStartsWith)))
