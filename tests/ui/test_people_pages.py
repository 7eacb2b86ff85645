"""The people list, a person's details, and the lists a librarian works through: consents
expiring and photos needing review."""

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.overview import Badge
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights
from tests.ui.conftest import idle
from ui.window.places import EXPIRING, NEEDS_REVIEW, PEOPLE
from ui.window.sidebar import CountRole


def test_the_people_list_and_a_new_person_that_can_be_undone(qtbot, archive, open_window):
    amina = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    record_consent(
        archive, amina.id, given_by_id=amina.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    )
    window = open_window()
    window.sidebar.choose(PEOPLE)
    page = window.people
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.proxy.data(page.proxy.index(0, 3)) == "web"
    assert page.count.text() == "1 person"

    page.new_button.click()
    dialog = window.flows.dialog
    dialog.name.setText("Tom Okafor")
    dialog.age_kind.setCurrentIndex(dialog.age_kind.findData("year"))
    dialog.birth_year.setValue(date.today().year - 8)
    dialog.save_button.click()
    tom = archive.people.search("Tom Okafor")[0]
    assert tom.birth_year == date.today().year - 8
    assert window.person.isVisible() and window.person.name.text() == "Tom Okafor"
    assert "born" in window.person.about.text()

    window.menu_actions.undo.trigger()
    assert archive.people.search("Tom") == []
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.people)


def test_marking_someone_do_not_identify_blocks_their_photos(qtbot, archive, pictures, open_window):
    list(import_photos(archive, [pictures(1)], workers=1))
    (photo_id,) = archive.photos.ordered_ids()
    samir = add_person(archive, "Samir Haddad", age_band=AgeBand.ADULT)
    record_consent(
        archive, samir.id, given_by_id=samir.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    )
    add_appearance(archive, photo_id, samir.id)
    set_rights(archive, photo_id, Rights.STAFF)
    set_review_state(archive, photo_id, ReviewState.REVIEWED)
    window = open_window()
    assert window.photos.model.badge(0) is Badge.READY
    window.photos.grid.setCurrentIndex(window.photos.model.index(0))
    window.details.single.people.linkActivated.emit(f"person:{samir.id}")  # click the name
    assert window.person.name.text() == "Samir Haddad"
    window.person.edit_button.click()
    dialog = window.flows.dialog
    dialog.do_not_identify.setChecked(True)
    dialog.accept()
    assert archive.people.get(samir.id).do_not_identify
    assert "DO NOT IDENTIFY" in window.person.about.text()
    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.BLOCKED)


def test_consents_expiring_lead_to_the_person(qtbot, archive, open_window):
    grace = add_person(archive, "Grace Okafor", age_band=AgeBand.ADULT)
    record_consent(
        archive,
        grace.id,
        given_by_id=grace.id,
        given_on=date.today() - timedelta(days=300),
        uses=[Use.WEB, Use.PRINT],
        expires_on=date.today() + timedelta(days=9),
    )
    window = open_window()
    window.sidebar.choose(EXPIRING)
    page = window.expiring
    assert page.model.rowCount() == 1
    assert page.model.data(page.model.index(0, 0)) == "Grace Okafor"
    assert page.model.data(page.model.index(0, 3)) == "9"
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.person.isVisible() and window.person.name.text() == "Grace Okafor"


def test_needs_review_is_a_list_to_work_through_in_the_viewer(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(3)], workers=1))
    first, second, third = archive.photos.ordered_ids()
    set_review_state(archive, second, ReviewState.NO_PEOPLE)
    window = open_window()
    window.sidebar.choose(NEEDS_REVIEW)
    qtbot.waitUntil(lambda: window.photos.model.ids == [first, third])
    assert window.photos.review_button.isVisible()
    window.photos.review_button.click()
    viewer = window.viewer
    assert viewer.photo_ids == [first, third]
    viewer.mark_no_people()
    viewer.next()
    viewer.mark_no_people()
    idle(qtbot)
    qtbot.waitUntil(lambda: not window.status.needs_review, timeout=10_000)
    model = window.sidebar.model()
    (item,) = model.match(
        model.index(0, 0),
        Qt.ItemDataRole.DisplayRole,
        "Needs review",
        1,
        Qt.MatchFlag.MatchRecursive,
    )
    assert item.data(CountRole) == 0


def test_the_people_list_sorts_by_a_clicked_column_and_keeps_the_chosen_person(
    qtbot, archive, pictures, open_window
):
    list(import_photos(archive, [pictures(3)], workers=1))
    photos = archive.photos.ordered_ids()
    names = ["Zainab Ali", "Amina Yusuf", "Kofi Mensah"]
    people = [add_person(archive, name, age_band=AgeBand.ADULT).id for name in names]
    for count, person_id in zip((3, 1, 2), people, strict=True):
        for photo_id in photos[:count]:
            add_appearance(archive, photo_id, person_id)
    window = open_window()
    window.sidebar.choose(PEOPLE)
    page = window.people
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)

    def shown() -> list[str]:
        return [page.proxy.data(page.proxy.index(row, 0)) for row in range(page.proxy.rowCount())]

    assert shown() == ["Amina Yusuf", "Kofi Mensah", "Zainab Ali"]  # by name at first
    page.table.selectRow(1)  # Kofi
    header = page.table.horizontalHeader()
    point = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point, 5))
    ascending = shown()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point, 5))
    descending = shown()
    assert {tuple(ascending), tuple(descending)} == {
        ("Amina Yusuf", "Kofi Mensah", "Zainab Ali"),
        ("Zainab Ali", "Kofi Mensah", "Amina Yusuf"),
    } and ascending != descending  # by photos: 1, 2, 3 and back
    current = page.proxy.data(page.table.currentIndex().siblingAtColumn(0))
    assert current == "Kofi Mensah"

    qtbot.keyClicks(page.find, "m")  # Kofi Mensah, Amina Yusuf: still in the clicked order
    assert shown() == [name for name in descending if "m" in name.lower()]
    page.reload()  # fresh rows arrive in the order chosen
    qtbot.waitUntil(lambda: page.model.rowCount() == 3 and page.proxy.rowCount() == 2)
    assert shown() == [name for name in descending if "m" in name.lower()]
