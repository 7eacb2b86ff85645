"""What the command line offers about photos and consents, in the app too: consents ending
within any number of days (`expiring --days`), and where a photo was taken, shown only when
asked for (`show --location`)."""

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QPushButton

from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from tests.ui.conftest import idle
from ui.window.places import EXPIRING


def test_consents_expiring_within_a_chosen_number_of_days(qtbot, archive, open_window):
    for name, days in (("Grace Okafor", 9), ("Samir Haddad", 90)):
        person = add_person(archive, name, age_band=AgeBand.ADULT)
        record_consent(
            archive,
            person.id,
            given_by_id=person.id,
            given_on=date.today() - timedelta(days=30),
            uses=[Use.WEB],
            expires_on=date.today() + timedelta(days=days),
        )
    window = open_window()
    window.sidebar.choose(EXPIRING)
    page = window.expiring

    def names():
        return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]

    assert names() == ["Grace Okafor"] and page.days.value() == 30
    page.days.setValue(120)
    qtbot.waitUntil(lambda: len(names()) == 2)
    assert names() == ["Grace Okafor", "Samir Haddad"]
    assert page.count.text() == "2 consents"
    page.days.setValue(5)
    qtbot.waitUntil(lambda: names() == [])
    page.days.setValue(30)
    assert names() == ["Grace Okafor"]


def test_where_a_photo_was_taken_is_shown_only_when_asked(qtbot, archive, corpus, open_window):
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    window = open_window()
    row = next(
        r
        for r in range(window.photos.model.rowCount())
        if archive.photos.get(window.photos.model.photo_id(r)).has_location
    )
    window.photos.grid.setCurrentIndex(window.photos.model.index(row))
    idle(qtbot)
    details = window.details.single
    location = archive.photos.location(details.photo.id)
    words = f"{location.latitude:.5f}"

    def texts():
        return [w.text() for w in details.findChildren(QLabel)]

    assert not any(words in t for t in texts())
    (reveal,) = [
        b for b in details.findChildren(QPushButton) if b.text() == "Show Where It Was Taken"
    ]
    reveal.click()
    assert any(words in t for t in texts())
