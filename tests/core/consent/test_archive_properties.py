"""Random situations recorded in a real archive through the same functions the app and the CLI
use, then assessed: the archive's answer must be the rules' answer on what was recorded, so
nothing is lost or bent on the way through storage."""

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from PIL import Image

from quiltarchive.archive import Archive
from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.assessment import allowed_photo_ids, assess_photos, load_facts
from quiltarchive.consent.consents import record_consent, withdraw_consent
from quiltarchive.consent.people import add_guardian, add_person
from quiltarchive.consent.rules import decide_photo
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.consent_facts import ArchiveFacts
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights, set_withheld
from quiltarchive.storage.consent_facts import ConsentFactsStore
from tests.core.consent.strategies import days, people, photos


def without_timestamps(persons):
    """The records as generated carry no recording times; the stored ones do."""

    def bare(c):
        withdrawal = replace(c.withdrawal, recorded_at="") if c.withdrawal else None
        return replace(c, recorded_at="", withdrawal=withdrawal)

    return {pid: replace(p, consents=tuple(map(bare, p.consents))) for pid, p in persons.items()}


def mutual_guardians(persons) -> bool:
    return any(p.id in persons[g].guardian_ids for p in persons.values() for g in p.guardian_ids)


def record(archive: Archive, folder: Path, persons, photo) -> int:
    for p in persons.values():
        add_person(
            archive,
            p.name,
            credit=p.credit,
            birth_year=p.birth_year,
            age_band=p.age_band,
            do_not_identify=p.do_not_identify,
        )
    for p in persons.values():
        for guardian in p.guardian_ids:
            add_guardian(archive, p.id, guardian)
    every_consent = sorted((c for p in persons.values() for c in p.consents), key=lambda c: c.id)
    for c in every_consent:
        stored = record_consent(
            archive,
            c.person_id,
            given_by_id=c.given_by_id,
            given_on=c.given_on,
            uses=c.uses,
            credit=c.credit,
            story=c.story,
            expires_on=c.expires_on,
            supersedes_id=c.supersedes_id,
        ).consent
        assert stored.id == c.id
        if c.withdrawal:
            withdraw_consent(archive, c.id, c.withdrawal.withdrawn_on)
    image = folder / "photo.png"
    Image.new("RGB", (40, 30), (90, 140, 60)).save(image)
    list(import_photos(archive, [image], workers=1))
    photo_id = archive.photos.list()[0].id
    for a in photo.appearances:
        add_appearance(archive, photo_id, a.person_id, box=a.box, identifiable=a.identifiable)
    if photo.rights is not Rights.UNKNOWN:
        set_rights(
            archive, photo_id, photo.rights, "CC BY 4.0" if photo.rights is Rights.LICENSED else ""
        )
    if photo.review_state is not ReviewState.UNREVIEWED:
        identifiable = any(a.identifiable for a in photo.appearances)
        state = ReviewState.REVIEWED if identifiable else photo.review_state
        set_review_state(archive, photo_id, state)
    if photo.withheld:
        set_withheld(archive, photo_id, True)
    return photo_id


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.data())
def test_the_archive_decides_exactly_as_the_rules_on_what_was_recorded(data):
    use = data.draw(st.sampled_from(list(Use)))
    day = data.draw(days)
    persons = data.draw(people(use, day, 18))
    assume(not mutual_guardians(persons))
    photo = data.draw(photos(list(persons)))
    with tempfile.TemporaryDirectory() as folder, Archive.create(Path(folder) / "a") as archive:
        photo_id = record(archive, Path(folder), persons, photo)
        (loaded_photo,), _ = load_facts(archive, [photo_id])
        everyone = ConsentFactsStore(archive.db).people()
        assert (
            without_timestamps(everyone) == persons
        )  # every person, guardian and consent came back intact
        assert loaded_photo.appearances == tuple(
            a._replace(photo_id=photo_id) for a in photo.appearances
        )
        blur = data.draw(st.booleans())
        from_archive = assess_photos(archive, [photo_id], use, day, blur_regions=blur)[photo_id]
        from_rules = decide_photo(loaded_photo, ArchiveFacts(persons, 18), use, day, blur=blur)
        assert from_archive == from_rules
        assert from_archive.allowed == (from_archive.reasons == ())
        # The bulk path for whole-archive lists agrees with the photo-by-photo decision.
        ready = allowed_photo_ids(archive, use, day, blur_regions=blur)
        assert ready == ({photo_id} if from_archive.allowed else set())
