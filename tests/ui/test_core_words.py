"""The core's reasons, shown in the user's language: each sentence the rules give is matched by
a template and goes through the translation, with its names, ids and dates kept."""

from datetime import date

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.assessment import assess
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.people import add_person, update_person
from quiltarchive.consent.review_lists import needs_review
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights, set_withheld
from tests.ui.test_translatable import Brackets
from ui import core_words


def every_kind_of_reason(archive, pictures) -> list[str]:
    list(import_photos(archive, [pictures(6)], workers=1))
    photos = archive.photos.ordered_ids()
    adult = add_person(archive, "Amina O'Neil", age_band=AgeBand.ADULT)
    child = add_person(archive, "Layla {Yusuf}", birth_year=2018, guardian_ids=[adult.id])
    unaged = add_person(archive, "Sam")
    shy = add_person(archive, "Jo", age_band=AgeBand.ADULT)
    update_person(archive, shy.id, do_not_identify=True)
    withdrawn = add_person(archive, "Omar", age_band=AgeBand.ADULT)
    consent = record_consent(
        archive, withdrawn.id, given_by_id=withdrawn.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    ).consent
    withdraw_consent(archive, consent.id, date(2026, 2, 1), "")
    record_consent(
        archive, child.id, given_by_id=child.id, given_on=date(2026, 1, 5), uses=[Use.WEB]
    )
    record_consent(
        archive, unaged.id, given_by_id=unaged.id, given_on=date(2026, 1, 5), uses=[Use.PRINT]
    )
    set_withheld(archive, photos[0], True)
    for photo_id, person in zip(photos[1:], (adult, child, unaged, shy, withdrawn), strict=True):
        set_rights(archive, photo_id, Rights.STAFF)
        add_appearance(archive, photo_id, person.id)
        set_review_state(archive, photo_id, ReviewState.REVIEWED)
    add_appearance(archive, photos[1], None)
    reasons = [r for p in photos for r in assess(archive, p, Use.WEB, date(2026, 3, 1)).reasons]
    reasons += [r for p in photos for r in assess(archive, p, Use.PRINT, date(2026, 3, 1)).reasons]
    reasons += [r for rs in needs_review(archive, date(2026, 3, 1)).values() for r in rs]
    return list(dict.fromkeys(reasons))


def test_every_reason_of_the_rules_is_translated(qapp, archive, pictures):
    reasons = every_kind_of_reason(archive, pictures)
    assert len(reasons) >= 9
    # Untranslated: word for word, but for days said as the locale says them.
    assert core_words.reasons(reasons) == [
        r.replace("2026-02-01", "1 February 2026").replace("2026-03-01", "1 March 2026")
        for r in reasons
    ]
    translator = Brackets(qapp)
    qapp.installTranslator(translator)
    try:
        said = core_words.reasons(reasons)
    finally:
        qapp.removeTranslator(translator)
    for english, translated in zip(reasons, said, strict=True):
        assert translated.startswith("[") and translated.endswith("]"), english
    assert any("Layla {Yusuf}" in words for words in said)  # braces in a name kept as they are
    assert any("[web]" in words for words in said)  # the use in the user's language
    assert any("1 February 2026" in words for words in said)  # the day as the locale says it


def test_a_sentence_no_template_knows_is_shown_as_it_is():
    assert core_words.reason("Something new from the core.") == "Something new from the core."


def test_every_reason_an_import_gives_is_translated(qapp, archive, corpus, tmp_path):
    from quiltarchive.importing.discovery import NOT_PHOTOS

    card = tmp_path / "card"
    card.mkdir()
    (card / "notes.txt").write_text("not a photo")
    (card / "empty.jpg").write_bytes(b"")
    (card / "MVI_0001.MOV").write_bytes(b"\0" * 64)
    (card / "IMG_0001.CR2").write_bytes(b"\0" * 64)
    (card / "._IMG_0001.JPG").write_bytes(b"\0" * 64)
    list(import_photos(archive, [corpus / "exif-samples/jpg/gps"], workers=1))
    events = import_photos(
        archive, [corpus / "pillow-tricky", card, corpus / "exif-samples/jpg/gps"], workers=1
    )
    summary = [e for e in events if e.summary is not None][-1].summary
    reasons = [o.reason for o in (*summary.failed, *summary.skipped, *summary.duplicates)]
    reasons += [o.reason for o in summary.notes] + list(set(NOT_PHOTOS.values()))
    assert len(set(reasons)) >= 8
    translator = Brackets(qapp)
    qapp.installTranslator(translator)
    try:
        untranslated = [r for r in set(reasons) if not core_words.reason(r).startswith("[")]
    finally:
        qapp.removeTranslator(translator)
    assert untranslated == []
