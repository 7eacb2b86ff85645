"""A librarian records a guardian's consent from the paper form, sees the child's photo become
ready, then records a withdrawal after seeing what it affects, and watches the badges change."""

from datetime import date

from PySide6.QtCore import Qt

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.overview import Badge
from quiltarchive.consent.people import add_guardian, add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.model.publication import PublishedFile
from quiltarchive.photo_states import set_review_state, set_rights
from quiltarchive.storage.collections import CollectionStore
from quiltarchive.storage.ledger import LedgerStore
from tests.ui.conftest import idle
from ui.window.places import ALL_PHOTOS
from ui.window.sidebar import CountRole


def child_in_a_reviewed_photo(archive, pictures):
    list(import_photos(archive, [pictures(2)], workers=1))
    photo_id, _other = archive.photos.ordered_ids()
    child = add_person(archive, "Tom Okafor", birth_year=date.today().year - 9)
    add_appearance(archive, photo_id, child.id)
    set_rights(archive, photo_id, Rights.STAFF)
    set_review_state(archive, photo_id, ReviewState.REVIEWED)
    return child, photo_id


def test_record_a_guardian_consent_and_the_childs_photo_becomes_ready(
    qtbot, archive, pictures, tmp_path, open_window
):
    child, photo_id = child_in_a_reviewed_photo(archive, pictures)
    window = open_window()
    assert window.photos.model.badge(0) is Badge.BLOCKED
    window.open_person(child.id)
    page = window.person
    assert page.isVisible() and page.name.text() == "Tom Okafor"
    web = [page.uses.itemAt(i).widget().accessibleName() for i in range(page.uses.count())]
    assert any("Web: Tom Okafor has no consent recorded" in words for words in web)

    page.guardian_button.click()  # Add guardian…
    picker = window.flows.dialog
    qtbot.keyClicks(picker.name, "Grace Okafor")
    assert picker.age.currentData() == "adult"
    picker.ok.click()
    grace = archive.people.search("Grace Okafor")[0]
    assert archive.people.get(child.id).guardian_ids == (grace.id,)
    assert "Grace Okafor" in page.family.text()

    scan = tmp_path / "form-0042.pdf"
    scan.write_bytes(b"%PDF-1.4 signed consent form")
    page.consent_button.click()  # Record consent…
    form = window.flows.dialog
    assert form.given_by.currentText() == "Grace Okafor (guardian)"
    form.uses[Use.WEB].setChecked(True)
    form.uses[Use.PRINT].setChecked(True)
    form.story.setChecked(True)
    form.form_ref.setText("F-0042")
    form.scan.setText(str(scan))
    form.save_button.click()
    assert not form.isVisible()

    (consent,) = archive.consents.of_person(child.id)
    assert consent.given_by_id == grace.id
    assert consent.uses == {Use.ARCHIVE, Use.WEB, Use.PRINT}
    assert consent.form_ref == "F-0042" and consent.story
    assert (
        archive.layout.consent_form_path(consent.scan_sha256, "pdf").read_bytes()
        == scan.read_bytes()
    )
    assert page.consents.rowCount() == 1
    assert page.consents.data(page.consents.index(0, 1)) == "Grace Okafor"
    assert page.consents.data(page.consents.index(0, 5)) == "in force"
    web = [page.uses.itemAt(i).widget().accessibleName() for i in range(page.uses.count())]
    assert "Web: yes" in web

    window.sidebar.choose(ALL_PHOTOS)
    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.READY)
    assert window.photos.model.ids[0] == photo_id
    tip = window.photos.model.data(window.photos.model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "Ready for web" in tip and "Credit: Tom" in tip


def test_withdraw_shows_the_impact_first_then_the_badges_change_and_undo_restores(
    qtbot, archive, pictures, open_window
):
    child, photo_id = child_in_a_reviewed_photo(archive, pictures)
    grace = add_person(archive, "Grace Okafor")
    add_guardian(archive, child.id, grace.id)
    consent = record_consent(
        archive, child.id, given_by_id=grace.id, given_on=date(2025, 1, 10), uses=[Use.WEB]
    ).consent
    with archive.atomic():
        collections = CollectionStore(archive.db)
        spring = collections.create("Spring newsletter", "web")
        collections.add_photo(spring, photo_id)
        LedgerStore(archive.db).record(
            kind="gallery",
            collection_id=spring,
            collection_name="Spring newsletter",
            use="web",
            destination="/media/usb/spring-gallery",
            decided_on="2025-03-01",
            user="Comms",
            files=[PublishedFile("001-quilt.jpg", "ab" * 32, photo_id, (consent.id,))],
        )
    window = open_window()
    assert window.photos.model.badge(0) is Badge.READY
    sidebar = window.sidebar.model()
    collection = sidebar.index(0, 0, sidebar.index(4, 0))
    assert (collection.data(), collection.data(CountRole)) == ("Spring newsletter", 1)
    window.open_person(child.id)
    page = window.person
    page.consent_table.selectRow(0)
    page.withdraw_button.click()
    dialog = window.flows.dialog
    impact = dialog.impact_text.text()
    assert "Spring newsletter" in impact
    assert "/media/usb/spring-gallery" in impact and "001-quilt.jpg" in impact
    assert archive.consents.get(consent.id).withdrawal is None  # nothing recorded yet
    dialog.note.setText("asked at the library desk")
    dialog.confirm.click()
    assert archive.consents.get(consent.id).withdrawal.note == "asked at the library desk"
    assert page.consents.data(page.consents.index(0, 5)).startswith("withdrawn on")

    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.BLOCKED)
    window.menu_actions.undo.trigger()  # Edit → Undo: the withdrawal was a mistake
    assert archive.consents.get(consent.id).withdrawal is None
    qtbot.waitUntil(lambda: window.photos.model.badge(0) is Badge.READY)
    actions = [e.action for e in archive.audit.entries(entity_type="consent")]
    assert actions[:2] == ["withdrawal cancelled as a mistake", "consent withdrawn"]
    window.menu_actions.redo.trigger()
    assert archive.consents.get(consent.id).withdrawal is not None
    idle(qtbot)
