"""Each person's standing is kept between lists and, after a change, worked out again only for
the people the change concerns. Whatever is changed, through whichever function, in this
process or another, the kept answer must be the answer worked out afresh."""

import contextlib
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from quiltarchive.archive import Archive
from quiltarchive.archive_settings import set_guardian_consent_age
from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.assessment import allowed_photo_ids
from quiltarchive.consent.consents import (
    delete_mistaken_consent,
    record_consent,
    withdraw_consent,
)
from quiltarchive.consent.erasure import erase_person
from quiltarchive.consent.people import add_guardian, add_person, remove_guardian, update_person
from quiltarchive.consent.person_status import people_summaries
from quiltarchive.consent.review_lists import needs_review
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.photo_states import set_review_state, set_rights
from quiltarchive.storage.consent_facts import ConsentFactsStore

DAY = date(2026, 6, 1)
USES = [Use.WEB, Use.PRINT, Use.SOCIAL]


def a_small_archive(folder: Path) -> tuple[Archive, list[int], list[int]]:
    """Six people (two adults, two children, a class, someone not to be identified), one in
    each of five photos and the sixth beside the class; staff rights, so only people decide."""
    archive = Archive.create(folder / "archive", user="Librarian")
    pictures = folder / "card"
    pictures.mkdir()
    for n in range(5):
        Image.new("RGB", (40, 30), (n * 50, 90, 120)).save(pictures / f"IMG_{n}.png")
    list(import_photos(archive, [pictures], workers=1))
    photo_ids = [p.id for p in archive.photos.list()]
    adult = add_person(archive, "Amina Yusuf", birth_year=1980).id
    parent = add_person(archive, "Grace Okafor", birth_year=1975).id
    child = add_person(archive, "Tomasz Nowak", birth_year=2015, guardian_ids=[parent]).id
    teen = add_person(archive, "Leyla Demir", birth_year=2010).id
    group = add_person(archive, "Year 4 class", is_group=True, guardian_ids=[adult]).id
    quiet = add_person(archive, "Sam Reid", birth_year=1990, do_not_identify=True).id
    people = [adult, parent, child, teen, group, quiet]
    for index, photo_id in enumerate(photo_ids):
        set_rights(archive, photo_id, Rights.STAFF, "")
        add_appearance(archive, photo_id, people[index])
    add_appearance(archive, photo_ids[4], quiet)
    for photo_id in photo_ids:
        set_review_state(archive, photo_id, ReviewState.REVIEWED)
    record_consent(archive, adult, given_by_id=adult, given_on=date(2025, 1, 1), uses=USES)
    return archive, photo_ids, people


changes = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "consent",
                "withdraw",
                "delete consent",
                "guardian",
                "no guardian",
                "birth year",
                "do not identify",
                "consent age",
                "erase",
            ]
        ),
        st.integers(0, 5),
        st.integers(0, 5),
        st.sets(st.sampled_from(USES), min_size=1),
        st.integers(-400, 400),
    ),
    min_size=1,
    max_size=8,
)


def apply(archive: Archive, people: list[int], change: tuple) -> None:
    kind, first, second, uses, days = change
    person, other = people[first], people[second]
    consents = [c for p in people for c in _consents_of(archive, p)]
    chosen = consents[(first + second) % len(consents)] if consents else None
    with contextlib.suppress(QuiltArchiveError):  # refused changes must change nothing
        if kind == "consent":  # mostly in force: by the person or a guardian, no expiry
            expires = None if days > -100 else date.fromordinal(DAY.toordinal() + days // 4)
            given = min(date(2025, 3, 1), expires) if expires else date(2025, 3, 1)
            guardians = archive.people.get(person).guardian_ids
            giver = person if second < 3 or not guardians else sorted(guardians)[0]
            record_consent(
                archive, person, given_by_id=giver, given_on=given, uses=uses, expires_on=expires
            )
        elif kind == "withdraw" and chosen is not None:
            withdraw_consent(archive, chosen.id, date.fromordinal(DAY.toordinal() + days // 4))
        elif kind == "delete consent" and chosen is not None:
            delete_mistaken_consent(archive, chosen.id)
        elif kind == "guardian":
            add_guardian(archive, person, other)
        elif kind == "no guardian":
            remove_guardian(archive, person, other)
        elif kind == "birth year":
            update_person(archive, person, birth_year=2026 - 5 - abs(days) % 60)
        elif kind == "do not identify":
            update_person(archive, person, do_not_identify=days % 2 == 0)
        elif kind == "consent age":
            set_guardian_consent_age(archive, 16 + abs(days) % 5)
        elif kind == "erase":
            erase_person(archive, person)


def _consents_of(archive: Archive, person_id: int) -> list:
    with contextlib.suppress(QuiltArchiveError):
        return archive.consents.of_person(person_id)
    return []


def lists(archive: Archive) -> tuple[dict[Use, set[int]], dict, dict]:
    """The smart lists, the review list and the people list with what each may be shown for."""
    people = {s.person.id: (s.photo_count, s.ready_uses) for s in people_summaries(archive, DAY)}
    return {u: allowed_photo_ids(archive, u, DAY) for u in USES}, needs_review(archive, DAY), people


def afresh(folder: Path) -> tuple[dict[Use, set[int]], dict, dict]:
    with Archive.open(folder / "archive", writable=False) as fresh:
        return lists(fresh)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(changes)
def test_kept_standings_after_any_changes_are_the_standings_worked_out_afresh(sequence):
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        archive, _photos, people = a_small_archive(folder)
        with archive:
            for change in sequence:
                assert lists(archive) == afresh(folder)
                apply(archive, people, change)
            assert lists(archive) == afresh(folder)


def test_a_consent_recorded_decides_only_that_person_again(tmp_path, monkeypatch):
    archive, photo_ids, people = a_small_archive(tmp_path)
    with archive:
        parent = people[1]
        before = allowed_photo_ids(archive, Use.WEB, DAY)
        loaded: list[object] = []
        people_of = ConsentFactsStore.people

        def recording(store, person_ids=None):
            loaded.append(None if person_ids is None else set(person_ids))
            return people_of(store, person_ids)

        monkeypatch.setattr(ConsentFactsStore, "people", recording)
        record_consent(
            archive, parent, given_by_id=parent, given_on=date(2026, 5, 1), uses=[Use.WEB]
        )
        after = allowed_photo_ids(archive, Use.WEB, DAY)

        assert loaded == [{parent}]
        assert before == {photo_ids[0]}
        assert after == {photo_ids[0], photo_ids[1]}
        assert after == afresh(tmp_path)[0][Use.WEB]


def test_a_change_made_by_another_process_reaches_the_kept_standings(tmp_path):
    archive, _photo_ids, people = a_small_archive(tmp_path)
    with archive:
        allowed_photo_ids(archive, Use.WEB, DAY)
        adult_consent = archive.consents.of_person(people[0])[0]
    with Archive.open(tmp_path / "archive", writable=False) as reader:
        shown = allowed_photo_ids(reader, Use.WEB, DAY)
        assert shown
        with Archive.open(tmp_path / "archive") as writer:
            withdraw_consent(writer, adult_consent.id, date(2026, 1, 1))
        assert allowed_photo_ids(reader, Use.WEB, DAY) == set()
