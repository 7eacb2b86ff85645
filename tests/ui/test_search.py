"""Searching as you type, and narrowing by event, person, date, consent badge and use."""

from datetime import date

from PySide6.QtCore import QDate

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.overview import Badge
from quiltarchive.consent.people import add_person
from quiltarchive.events import ensure_event
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import describe_photo, set_review_state, set_rights


def shown(window):
    return list(window.photos.model.ids)


def test_results_appear_as_you_type(qtbot, archive, pictures, open_window):
    workshop = ensure_event(archive, "Burnt Oak quilt workshop")
    list(import_photos(archive, [pictures(3)], event_id=workshop.id, workers=1))
    list(import_photos(archive, [pictures(3, "other", start=10)], workers=1))
    ids = archive.photos.ordered_ids()
    describe_photo(archive, ids[0], caption="Amína sewing the border")
    describe_photo(archive, ids[4], alt_text="A blue hexagon border, close up")
    grace = add_person(archive, "Grace Okafor")
    add_appearance(archive, ids[5], grace.id)
    window = open_window()

    qtbot.keyClicks(window.search, "bord")
    qtbot.waitUntil(lambda: shown(window) == [ids[0], ids[4]])
    window.search.clear()
    qtbot.keyClicks(window.search, "amina")  # accents do not matter
    qtbot.waitUntil(lambda: shown(window) == [ids[0]])
    window.search.clear()
    qtbot.keyClicks(window.search, "okaf")
    qtbot.waitUntil(lambda: shown(window) == [ids[5]])
    window.search.clear()
    qtbot.keyClicks(window.search, "burnt oak")
    qtbot.waitUntil(lambda: shown(window) == ids[:3])
    window.search.clear()
    qtbot.keyClicks(window.search, "zebra")
    qtbot.waitUntil(lambda: window.photos.stack.currentWidget() is window.photos.empty)
    assert "No photos match" in window.photos.empty.text()
    window.search.clear()
    qtbot.waitUntil(lambda: shown(window) == ids)


def test_filters_by_event_person_date_badge_and_use(qtbot, archive, pictures, open_window):
    workshop = ensure_event(archive, "Burnt Oak quilt workshop")
    list(import_photos(archive, [pictures(3)], event_id=workshop.id, workers=1))
    list(import_photos(archive, [pictures(2, "other", start=10)], workers=1))
    ids = archive.photos.ordered_ids()
    amina = add_person(archive, "Amina Yusuf")
    add_appearance(archive, ids[1], amina.id)
    set_rights(archive, ids[3], Rights.STAFF)
    set_review_state(archive, ids[3], ReviewState.NO_PEOPLE)
    window = open_window()
    window.menu_actions.show_filters.trigger()
    filters = window.photos.filters
    assert filters.isVisible()

    filters.event.setCurrentIndex(filters.event.findData(workshop.id))
    qtbot.waitUntil(lambda: shown(window) == ids[:3])
    filters.person.setCurrentIndex(filters.person.findData(amina.id))
    qtbot.waitUntil(lambda: shown(window) == [ids[1]])
    filters.reset()
    qtbot.waitUntil(lambda: shown(window) == ids)

    filters.consent.setCurrentIndex(filters.consent.findData(Badge.READY.value))
    qtbot.waitUntil(lambda: shown(window) == [ids[3]])
    filters.consent.setCurrentIndex(filters.consent.findData(Badge.UNREVIEWED.value))
    qtbot.waitUntil(lambda: shown(window) == [i for i in ids if i != ids[3]])
    filters.reset()
    filters.ready.setCurrentIndex(filters.ready.findData(Use.PRESS.value))
    qtbot.waitUntil(lambda: shown(window) == [ids[3]])
    filters.reset()

    taken = date.fromisoformat(archive.photos.get(ids[0]).taken_at[:10])
    filters.dated.setChecked(True)
    filters.taken_from.setDate(QDate(taken.year, taken.month, taken.day).addDays(1))
    filters.taken_to.setDate(QDate(taken.year, taken.month, taken.day).addDays(2))
    qtbot.waitUntil(lambda: shown(window) == [])
    filters.taken_from.setDate(QDate(taken.year, taken.month, taken.day))
    qtbot.waitUntil(lambda: shown(window) == ids)
