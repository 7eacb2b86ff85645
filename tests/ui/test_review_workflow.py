"""A librarian records who is in each photo: draws a box and picks the person, adds someone
new, marks an unknown person and someone who cannot be recognised, says a photo has nobody in
it, and goes through a workshop's photos from the keyboard."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState
from tests.ui.conftest import idle


def draw_box(qtbot, canvas, start, end):
    rect = canvas.image_rect()
    to_point = lambda fx, fy: QPoint(  # noqa: E731
        round(rect.x() + fx * rect.width()), round(rect.y() + fy * rect.height())
    )
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=to_point(*start))
    qtbot.mouseMove(canvas, to_point((start[0] + end[0]) / 2, (start[1] + end[1]) / 2))
    qtbot.mouseMove(canvas, to_point(*end))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=to_point(*end))


def opened_viewer(qtbot, window, start=0):
    viewer = window.open_review(window.photos.model.ids, start)
    qtbot.waitUntil(lambda: not viewer.canvas.image_rect().isEmpty())
    return viewer


def test_tag_a_person_with_a_box_then_someone_new_then_an_unknown_person(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(3)], workers=1))
    amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    add_person(archive, "Aminata Diallo", age_band=AgeBand.ADULT)
    window = open_window()
    viewer = opened_viewer(qtbot, window)
    photo_id = viewer.photo.id

    draw_box(qtbot, viewer.canvas, (0.2, 0.1), (0.5, 0.6))
    picker = viewer.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.name, "amina")
    names = [picker.matches.item(i).text() for i in range(picker.matches.count())]
    assert names[:2] == ["Amina Yusuf", "Aminata Diallo"]
    qtbot.keyClick(picker.name, Qt.Key.Key_Return)
    (appearance,) = archive.appearances.in_photo(photo_id)
    assert appearance.person_id == amina.id
    assert abs(appearance.box.x - 0.2) < 0.02 and abs(appearance.box.w - 0.3) < 0.02
    assert abs(appearance.box.y - 0.1) < 0.02 and abs(appearance.box.h - 0.5) < 0.02
    assert viewer.people.item(0).text() == "Amina Yusuf"

    draw_box(qtbot, viewer.canvas, (0.6, 0.3), (0.9, 0.9))
    qtbot.keyClicks(viewer.picker.name, "Tom Okafor")
    assert viewer.picker.matches.currentItem().text() == "Add “Tom Okafor” as a new person"
    viewer.picker.age.setCurrentIndex(viewer.picker.age.findData("child"))
    viewer.picker.ok.click()
    tom = archive.people.search("Tom Okafor")[0]
    assert tom.age_band is AgeBand.CHILD
    assert {a.person_id for a in archive.appearances.in_photo(photo_id)} == {amina.id, tom.id}

    viewer.add_button.click()  # someone recognisable whose name nobody knows, no box
    qtbot.keyClick(viewer.picker.name, Qt.Key.Key_Up)  # the last entry: an unknown person
    assert viewer.picker.matches.currentItem().text().startswith("An unknown person")
    viewer.picker.ok.click()
    unknown = [a for a in archive.appearances.in_photo(photo_id) if a.person_id is None]
    assert len(unknown) == 1 and unknown[0].box is None

    viewer.people.setCurrentRow(2)
    viewer.identifiable_button.click()
    assert not archive.appearances.get(unknown[0].id).identifiable
    assert "(not identifiable)" in viewer.people.item(2).text()
    entries = archive.audit.entries(entity_type="appearance")
    assert {e.user for e in entries} == {"Test Librarian"}


def test_mark_nobody_review_done_and_step_through_with_the_keyboard(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(4)], workers=1))
    window = open_window()
    viewer = opened_viewer(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    ids = list(viewer.photo_ids)

    qtbot.keyClick(viewer, Qt.Key.Key_N)  # nobody identifiable
    assert archive.photos.get(ids[0]).review_state is ReviewState.NO_PEOPLE
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.photo.id == ids[1]
    qtbot.keyClick(viewer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done, next
    assert archive.photos.get(ids[1]).review_state is ReviewState.REVIEWED
    assert viewer.photo.id == ids[2]
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.photo.id == ids[1]
    assert "Reviewed" in viewer.state.text()
    idle(qtbot)
    qtbot.waitUntil(lambda: window.photos.model.badge(1).value == "blocked")  # rights unknown
    assert window.photos.grid.current_id() == ids[1]  # the grid follows the viewer


def test_no_people_is_refused_while_someone_identifiable_is_recorded(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(1)], workers=1))
    window = open_window()
    viewer = opened_viewer(qtbot, window)
    viewer.add_button.click()
    qtbot.keyClicks(viewer.picker.name, "Grace")
    viewer.picker.ok.click()
    viewer.no_people_button.click()
    assert "identifiable person(s) recorded" in viewer.error.text()
    assert archive.photos.get(viewer.photo.id).review_state is ReviewState.UNREVIEWED
