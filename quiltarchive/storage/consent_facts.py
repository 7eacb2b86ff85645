"""Loading, in a handful of queries, everything consent decisions over many photos need."""

import json
from collections.abc import Iterable
from operator import attrgetter
from typing import Any

from sqlite_utils import Database

from quiltarchive.model.appearance import Appearance, Box
from quiltarchive.model.consent import Consent
from quiltarchive.model.consent_facts import PatchFacts, PersonFacts, PhotoFacts, StoryFacts
from quiltarchive.model.person import AgeBand
from quiltarchive.model.photo import ReviewState, Rights
from quiltarchive.storage.consents import COLUMNS, CREDITS, FROM, consent_from_row
from quiltarchive.storage.id_lists import id_list, id_set
from quiltarchive.storage.parameters import chunks, placeholders

AGE_BANDS = {band.value: band for band in AgeBand}


def _state_clause(states: list[tuple[bool, Rights, ReviewState]]) -> tuple[str, list[Any]]:
    """A WHERE clause for photos in any of these states, written as equalities so SQLite seeks
    each state in the photos_consent_state index (a row-value IN list scans all of it)."""
    clause = " OR ".join("(withheld = ? AND rights = ? AND review_state = ?)" for _ in states)
    params = [
        v
        for withheld, rights, review in states
        for v in (int(withheld), rights.value, review.value)
    ]
    return clause, params


class ConsentFactsStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def photos(self, photo_ids: Iterable[int] | None = None) -> list[PhotoFacts]:
        """Photo states with their appearances; all photos when `photo_ids` is None."""
        if photo_ids is None:
            rows = self._db.execute(
                "SELECT id, withheld, rights, review_state FROM photos ORDER BY id"
            ).fetchall()
            appearance_rows = self._db.execute(
                "SELECT id, photo_id, person_id, box_x, box_y, box_w, box_h, identifiable "
                "FROM appearances ORDER BY photo_id, id"
            ).fetchall()
        else:
            ids = list(dict.fromkeys(photo_ids))
            rows, appearance_rows = [], []
            for chunk in chunks(ids):
                marks = placeholders(chunk)
                rows += self._db.execute(
                    f"SELECT id, withheld, rights, review_state FROM photos WHERE id IN ({marks})",
                    chunk,
                ).fetchall()
                appearance_rows += self._db.execute(
                    "SELECT id, photo_id, person_id, box_x, box_y, box_w, box_h, identifiable "
                    f"FROM appearances WHERE photo_id IN ({marks}) ORDER BY photo_id, id",
                    chunk,
                ).fetchall()
        by_photo: dict[int, list[Appearance]] = {}
        for appearance_id, photo_id, person_id, x, y, w, h, identifiable in appearance_rows:
            by_photo.setdefault(photo_id, []).append(
                Appearance(
                    appearance_id,
                    photo_id,
                    person_id,
                    Box(x, y, w, h) if x is not None else None,
                    bool(identifiable),
                )
            )
        reviews = {state.value: state for state in ReviewState}
        rights = {right.value: right for right in Rights}
        return [
            PhotoFacts(
                id=photo_id,
                withheld=bool(withheld),
                rights=rights[right],
                review_state=reviews[review],
                appearances=tuple(by_photo.get(photo_id, ())),
            )
            for photo_id, withheld, right, review in rows
        ]

    def photo_states(self) -> list[tuple[bool, Rights, ReviewState]]:
        """The distinct (withheld, rights, review state) combinations photos are in."""
        return [
            (bool(withheld), Rights(rights), ReviewState(review))
            for withheld, rights, review in self._db.execute(
                "SELECT DISTINCT withheld, rights, review_state FROM photos"
            )
        ]

    def photo_ids_in_states(self, states: list[tuple[bool, Rights, ReviewState]]) -> list[int]:
        if not states:
            return []
        either, params = _state_clause(states)
        return id_list(self._db, f"SELECT id FROM photos WHERE {either}", params)

    def consent_epoch(self) -> int:
        """Goes up whenever a person, guardian, consent, withdrawal or setting changes."""
        return int(self._db.execute("SELECT value FROM consent_epoch").fetchone()[0])

    def people_changed_between(self, since: int, until: int) -> set[int] | None:
        """The people whose records changed after epoch `since` up to `until`; None when a
        change may concern anyone (a setting) or the log no longer reaches back that far."""
        rows = self._db.execute(
            "SELECT epoch, person_id FROM consent_changes WHERE epoch > ? AND epoch <= ?",
            [since, until],
        ).fetchall()
        if len({epoch for epoch, _ in rows}) != until - since:
            return None
        people = {person_id for _, person_id in rows}
        return None if None in people else people

    def photos_without_blocking_people(
        self,
        states: list[tuple[bool, Rights, ReviewState]],
        people_not_in_good_standing: frozenset[int],
        *,
        blur: bool,
    ) -> set[int]:
        """Photos in `states` in which no identifiable person is unknown or out of standing (or,
        when the export blurs, every such person has a region to blur): the set form of the
        appearance loop of `consent.rules.decide_photo`, each person's standing decided by the
        rules. Asked by the people out of standing, so SQLite seeks them in the index."""
        if not states:
            return set()
        either, params = _state_clause(states)
        unblurred = "AND box_x IS NULL" if blur else ""
        candidates = id_set(self._db, f"SELECT id FROM photos WHERE {either}", params)
        blocked = id_list(
            self._db,
            "SELECT photo_id FROM appearances "
            f"WHERE identifiable = 1 AND person_id IS NULL {unblurred} UNION ALL "
            "SELECT photo_id FROM appearances WHERE identifiable = 1 "
            f"AND person_id IN (SELECT value FROM json_each(?)) {unblurred}",
            [json.dumps(sorted(people_not_in_good_standing))],
        )
        return candidates.difference(blocked)

    def people(self, person_ids: Iterable[int] | None = None) -> dict[int, PersonFacts]:
        """People with their guardians and every consent of theirs; all when ids is None."""
        if person_ids is None:
            person_rows = self._db.execute(
                "SELECT id, name, credit, birth_year, age_band, do_not_identify, is_group "
                "FROM people"
            ).fetchall()
            guardian_rows = self._db.execute(
                "SELECT person_id, guardian_id FROM guardianships"
            ).fetchall()
            consent_rows = self._db.execute(f"SELECT {COLUMNS} FROM {FROM}").fetchall()
        else:
            ids = list(dict.fromkeys(i for i in person_ids if i is not None))
            person_rows, guardian_rows, consent_rows = [], [], []
            for chunk in chunks(ids):
                marks = placeholders(chunk)
                person_rows += self._db.execute(
                    "SELECT id, name, credit, birth_year, age_band, do_not_identify, is_group "
                    f"FROM people WHERE id IN ({marks})",
                    chunk,
                ).fetchall()
                guardian_rows += self._db.execute(
                    "SELECT person_id, guardian_id FROM guardianships "
                    f"WHERE person_id IN ({marks})",
                    chunk,
                ).fetchall()
                consent_rows += self._db.execute(
                    f"SELECT {COLUMNS} FROM {FROM} WHERE person_id IN ({marks})", chunk
                ).fetchall()
        return self._assemble(person_rows, guardian_rows, consent_rows)

    def patches(self, patch_ids: Iterable[int]) -> list[PatchFacts]:
        """Patches with their maker and front photo."""
        rows: list[Any] = []
        for chunk in chunks(list(dict.fromkeys(patch_ids))):
            rows += self._db.execute(
                "SELECT patches.id, patches.code, patches.maker_id, patch_photos.photo_id "
                "FROM patches LEFT JOIN patch_photos ON patch_photos.patch_id = patches.id "
                "AND patch_photos.role = 'front' "
                f"WHERE patches.id IN ({placeholders(chunk)})",
                chunk,
            ).fetchall()
        return [PatchFacts(*row) for row in rows]

    def stories(self, story_ids: Iterable[int]) -> list[StoryFacts]:
        rows: list[Any] = []
        for chunk in chunks(list(dict.fromkeys(story_ids))):
            rows += self._db.execute(
                f"SELECT id, title, teller_id FROM stories WHERE id IN ({placeholders(chunk)})",
                chunk,
            ).fetchall()
        return [StoryFacts(*row) for row in rows]

    @staticmethod
    def _assemble(
        person_rows: list[Any], guardian_rows: list[Any], consent_rows: list[Any]
    ) -> dict[int, PersonFacts]:
        guardians: dict[int, set[int]] = {}
        for person_id, guardian_id in guardian_rows:
            guardians.setdefault(person_id, set()).add(guardian_id)
        consents: dict[int, list[Consent]] = {}
        for consent in sorted(map(consent_from_row, consent_rows), key=_by_id):
            consents.setdefault(consent.person_id, []).append(consent)
        no_guardians: frozenset[int] = frozenset()
        return {
            person_id: PersonFacts(
                person_id,
                name,
                CREDITS[credit],
                birth_year,
                AGE_BANDS[age_band] if age_band else None,
                bool(dni),
                frozenset(guardians[person_id]) if person_id in guardians else no_guardians,
                tuple(consents[person_id]) if person_id in consents else (),
                bool(group),
            )
            for person_id, name, credit, birth_year, age_band, dni, group in person_rows
        }


_by_id = attrgetter("id")
