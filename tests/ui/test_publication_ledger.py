"""Archive → Publication Ledger, read as staff do after real exports: every export with when,
who, set, use, kind and destination; the files of the one chosen with what each shows and the
consents relied on; narrowed by keyboard to one person (the exports and collections holding
them); and opened from a person's page, already narrowed to them."""

import pytest
from PySide6.QtCore import Qt

from quiltarchive.curation.collections import add_items, create_collection
from quiltarchive.export.events import ExportKind
from quiltarchive.export.run import export_collection
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import PhotoRole
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.model.publication import PublishedFile
from quiltarchive.works.patches import add_patch
from tests.core.consent.scene import FACE, Scene
from tests.ui.conftest import idle
from tests.ui.test_main_window import unnamed_controls
from ui.tools.ledger_dialog import shows


@pytest.fixture
def exported(archive, tmp_path):
    """Two real exports: a web gallery holding Amina's portrait and her patch, then a print
    pack without."""
    camera, exports = tmp_path / "camera", tmp_path / "exports"
    camera.mkdir()
    exports.mkdir()
    scene = Scene(archive, camera)
    amina = scene.adult("Amina Yusuf")
    consent = scene.consent(amina, uses=(Use.WEB, Use.PRINT))
    tom = scene.adult("Tom Okafor")
    tea = scene.photo(ReviewState.NO_PEOPLE, Rights.STAFF)
    portrait = scene.reviewed_photo()
    scene.appears(portrait, amina, box=FACE)
    add_patch(
        archive, "P-0042", title="Our library", maker_id=amina, photos=[(portrait, PhotoRole.FRONT)]
    )
    spring = create_collection(archive, "Spring fair", Use.WEB, "The spring fair.")
    add_items(archive, spring.id, [tea, portrait, "P-0042"])
    list(export_collection(archive, spring.id, ExportKind.GALLERY, exports, workers=1))
    staff = create_collection(archive, "Staff newsletter", Use.PRINT, "")
    add_items(archive, staff.id, [tea])
    list(export_collection(archive, staff.id, ExportKind.PACK, exports, workers=1))
    return {"amina": amina, "tom": tom, "consent": consent, "tea": tea, "portrait": portrait}


def cells(model, column):
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def choose_person(qtbot, dialog, name):
    """As a user does: focus the box and press Down until the person is chosen."""
    dialog.person.setFocus()
    while dialog.person.currentText() != name:
        before = dialog.person.currentIndex()
        qtbot.keyClick(dialog.person, Qt.Key.Key_Down)
        assert dialog.person.currentIndex() != before, f"{name} is not in the list"
    qtbot.waitUntil(lambda: dialog.loaded)


def test_the_ledger_lists_exports_and_their_files_and_narrows_to_a_person(
    qtbot, archive, exported, open_window
):
    window = open_window()
    window.menu_actions.publication_ledger.trigger()
    dialog = window.tools.ledger
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.isVisible() and dialog.windowTitle() == "Publication ledger"
    assert unnamed_controls(dialog) == []
    assert dialog.summary.text() == "2 exports"
    model = dialog.model
    assert cells(model, 2) == ["Staff newsletter", "Spring fair"]  # latest first
    assert cells(model, 3) == ["print", "web"]
    assert cells(model, 4) == ["press or web pack", "offline gallery"]
    ledger = archive.ledger.publications()
    assert cells(model, 1) == [p.user for p in ledger] and all(cells(model, 1))
    assert cells(model, 5) == [p.destination for p in ledger]
    assert all(cells(model, 0)) and not dialog.collections.isVisible()

    # The latest is chosen: its files show the photo of tea, relying on no consent.
    files = dialog.files_model
    assert files.rowCount() == len(ledger[0].files)
    assert f"photo {exported['tea']}" in cells(files, 2)
    assert set(cells(files, 3)) == {"none"}

    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)  # the gallery
    assert files.rowCount() == len(ledger[1].files)
    portrait_rows = [
        row for row, shown in enumerate(cells(files, 2)) if shown == f"photo {exported['portrait']}"
    ]
    assert portrait_rows
    for row in portrait_rows:
        assert files.data(files.index(row, 3)) == str(exported["consent"])
    assert "a page of the export" in cells(files, 2)  # index.html
    assert f"patch P-0042, photo {exported['portrait']}" in cells(files, 2)  # by its code

    choose_person(qtbot, dialog, "Amina Yusuf")
    assert dialog.person_id() == exported["amina"]
    assert dialog.summary.text() == "1 export held this person"
    assert cells(model, 2) == ["Spring fair"]
    shown = cells(files, 2)
    assert f"photo {exported['tea']}" not in shown and f"photo {exported['portrait']}" in shown
    assert dialog.collections.isVisible()
    assert dialog.collections.text() == (
        "Collections holding their photos, patches or stories: “Spring fair”"
    )

    choose_person(qtbot, dialog, "Tom Okafor")
    assert dialog.summary.text() == "No export held this person."
    assert model.rowCount() == 0 and files.rowCount() == 0
    assert dialog.collections.text() == "No collection holds their photos, patches or stories."

    dialog.person.setFocus()
    qtbot.keyClick(dialog.person, Qt.Key.Key_Home)  # everyone again
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.person_id() is None and model.rowCount() == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_persons_page_opens_where_their_photos_have_gone(qtbot, archive, exported, open_window):
    window = open_window()
    window.open_person(exported["amina"])
    idle(qtbot)
    button = window.person.ledger_button
    assert button.accessibleName() == "Where their photos have gone"
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    dialog = window.tools.ledger
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.windowTitle() == "Where Amina Yusuf's photos have gone"
    assert dialog.person.currentText() == "Amina Yusuf"
    assert cells(dialog.model, 2) == ["Spring fair"]
    assert dialog.summary.text() == "1 export held this person"


def test_a_patch_or_story_deleted_since_the_export_is_shown_by_its_number():
    file = PublishedFile("001-our-library.jpg", "ab" * 32, 7, (3,), patch_id=4, story_id=9)
    known = {("patch", 4): "P-0042", ("story", 9): "“Tuesdays”"}
    assert shows(file, known) == "patch P-0042, story “Tuesdays”, photo 7"
    assert shows(file, {}) == "patch 4 (deleted since), story 9 (deleted since), photo 7"
