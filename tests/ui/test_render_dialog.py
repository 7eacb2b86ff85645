"""Render quilt… from the app: the same render as `quiltarchive quilt render`, made in the
background with progress; the image compared at its cells' centres with the patches; Cancel
leaves no file behind."""

import threading

import pytest
from PIL import Image

from quiltarchive.model.consent import Use
from tests.core.works.workshop import BLUE, RED, Workshop
from tests.ui.conftest import idle
from ui import background
from ui.window.places import PATCHES


@pytest.fixture
def laid_out(archive, tmp_path, open_window, qtbot):
    """A 2 × 2 quilt: a red patch allowed for print at row 1, column 1, a blue one whose maker
    consented only to web at row 2, column 2; the quilt map open."""
    folder = tmp_path / "camera"
    folder.mkdir()
    workshop = Workshop(archive, folder)
    amina = workshop.consenting_adult("Amina Yusuf", uses=(Use.PRINT,))
    tom = workshop.consenting_adult("Tom Okafor", uses=(Use.WEB,))
    quilt = workshop.quilt(rows=2, columns=2)
    workshop.patch("P-0001", amina, photo=workshop.patch_photo(RED), place=(quilt.id, 1, 1))
    workshop.patch("P-0002", tom, photo=workshop.patch_photo(BLUE), place=(quilt.id, 2, 2))
    window = open_window()
    window.sidebar.choose(PATCHES)
    page = window.patches
    page.show_tab(page.quilts)
    qtbot.waitUntil(lambda: page.quilts.grid is not None)
    return page.quilts


def test_rendering_a_poster_from_the_app(qtbot, archive, tmp_path, laid_out):
    dialog = laid_out.open_render()
    destination = tmp_path / "poster.png"
    dialog.path.setText(str(destination))
    dialog.by_poster.setChecked(True)
    dialog.inches.setValue(4)
    dialog.dpi.setValue(100)
    dialog.use.setCurrentIndex(dialog.use.findData(Use.PRINT.value))
    dialog.labels.setCurrentIndex(dialog.labels.findData("code"))
    dialog.seam.setText("#102030")
    dialog.render_button.click()
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    report = dialog.report
    assert (report.width, report.shown, report.not_shown) == (400, ("P-0001",), ("P-0002",))
    assert dialog.message.text().startswith(f"Written {destination} (400 × ")
    assert dialog.message.text().endswith(
        "Patches shown for print: 1; drawn as placeholders: 1 (P-0002); empty cells: 2."
    )
    assert dialog.progress.value() == dialog.progress.maximum() == 2
    layout = report.layout
    with Image.open(destination) as poster:
        assert poster.size == (400, report.height)
        assert poster.getpixel((0, 0)) == (16, 32, 48)
        step = layout.cell + layout.seam
        red = poster.getpixel((layout.left + layout.cell // 2, layout.top + layout.cell // 3))
        assert red[0] > 180 and red[1] < 70 and red[2] < 80
        plain = poster.getpixel(
            (layout.left + step + layout.cell // 2, layout.top + step + layout.cell // 3)
        )
        assert abs(plain[2] - plain[0]) < 40  # a neutral placeholder, not the blue photo
    assert archive.ledger.publications()  # a render is on the record of what was published


def test_a_cancelled_render_writes_nothing(qtbot, tmp_path, laid_out):
    # Keep the background threads busy so that Cancel is pressed before the render starts.
    release = threading.Event()
    for _ in range(background.POOL_SIZES["general"]):
        background.run_task(release.wait)
    dialog = laid_out.open_render()
    destination = tmp_path / "poster.jpg"
    dialog.path.setText(str(destination))
    dialog.render_button.click()
    assert dialog.running and not dialog.render_button.isEnabled()
    dialog.cancel_button.click()
    assert dialog.message.text() == "Cancelling…"
    release.set()
    idle(qtbot)
    assert dialog.message.text() == "Cancelled: nothing was written."
    assert not destination.exists() and list(tmp_path.glob("poster*")) == []
    assert dialog.isVisible() and dialog.render_button.isEnabled()


def test_bad_render_settings_are_explained(qtbot, tmp_path, laid_out):
    dialog = laid_out.open_render()
    dialog.render_button.click()
    assert dialog.message.text() == "Choose the file to write first."
    dialog.path.setText(str(tmp_path / "poster.tiff"))
    dialog.render_button.click()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.message.text() == "Render to a .png or .jpg file, not poster.tiff."
    dialog.path.setText(str(tmp_path / "poster.png"))
    dialog.seam.setText("not a colour")
    dialog.render_button.click()
    assert dialog.message.text().startswith("“not a colour” is not a colour")
