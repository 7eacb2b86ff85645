"""Each kind of edit the app makes is undone by Edit → Undo and done again by Edit → Redo, and
every step — the edit, its undoing and its redoing — is on the audit trail under the user's
name."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from quiltarchive.consent.appearances import add_appearance
from quiltarchive.consent.consents import record_consent
from quiltarchive.consent.people import add_person
from quiltarchive.importing.pipeline import import_photos
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import Use
from quiltarchive.model.person import AgeBand, Credit
from quiltarchive.model.photo import ReviewState, Rights

BOX = Box(0.1, 0.2, 0.3, 0.4)


@dataclass
class Scene:
    """A photo and two people (an adult and their child) already in the archive."""

    photo: int
    adult: int
    child: int


def people_in(archive, scene):
    return sorted(
        (a.person_id or 0, a.box, a.identifiable) for a in archive.appearances.in_photo(scene.photo)
    )


def photo_fields(*names):
    return lambda archive, scene: tuple(
        getattr(archive.photos.get(scene.photo), name) for name in names
    )


def appeared(archive, scene, person=None):
    """An appearance recorded before the edit (not by the app, so not on the undo stack)."""
    return add_appearance(archive, scene.photo, person, box=BOX).id


def consents_of_child(archive, scene):
    return [
        (sorted(u.value for u in c.uses), c.withdrawal is not None)
        for c in archive.consents.of_person(scene.child)
    ]


@dataclass
class Case:
    name: str
    do: Callable[[Any, Any, Scene], Any]  # (edits, archive, scene) → Outcome
    read: Callable[[Any, Scene], Any]  # what the edit changes, as plain values
    audit: str  # the audit trail's word for the edit


CASES = [
    Case(
        "caption and alt text",
        lambda e, _a, s: e.describe(s.photo, "Sewing the border", "Two hands at a hexagon"),
        photo_fields("caption", "alt_text"),
        "photo described",
    ),
    Case(
        "a person in the photo, with a box",
        lambda e, _a, s: e.add_appearance(s.photo, s.adult, BOX),
        people_in,
        "appearance added",
    ),
    Case(
        "an unknown person in the photo",
        lambda e, _a, s: e.add_appearance(s.photo, None, BOX),
        people_in,
        "appearance added",
    ),
    Case(
        "saying who an unknown person is",
        lambda e, a, s: e.name_appearance(appeared(a, s), s.adult),
        people_in,
        "appearance",
    ),
    Case(
        "not identifiable",
        lambda e, a, s: e.set_identifiable(appeared(a, s, s.adult), False),
        people_in,
        "appearance",
    ),
    Case(
        "removing a person from the photo",
        lambda e, a, s: e.remove_appearance(appeared(a, s, s.adult)),
        people_in,
        "appearance removed",
    ),
    Case(
        "review done",
        lambda e, _a, s: e.set_review_state([s.photo], ReviewState.REVIEWED),
        photo_fields("review_state"),
        "review state changed",
    ),
    Case(
        "no identifiable people",
        lambda e, _a, s: e.set_review_state([s.photo], ReviewState.NO_PEOPLE),
        photo_fields("review_state"),
        "review state changed",
    ),
    Case(
        "rights and licence",
        lambda e, _a, s: e.set_rights([s.photo], Rights.LICENSED, "CC BY 4.0"),
        photo_fields("rights", "licence"),
        "rights changed",
    ),
    Case(
        "withheld",
        lambda e, _a, s: e.set_withheld([s.photo], True),
        photo_fields("withheld"),
        "photo withheld",
    ),
    Case(
        "a new person",
        lambda e, _a, _s: e.add_person("Samir Haddad", age_band=AgeBand.ADULT),
        lambda a, _s: [p.name for p in a.people.search("Samir")],
        "person added",
    ),
    Case(
        "a person's details",
        lambda e, _a, s: e.update_person(s.adult, name="Amina Y.", credit=Credit.INITIALS),
        lambda a, s: (a.people.get(s.adult).name, a.people.get(s.adult).credit),
        "person",
    ),
    Case(
        "a guardian added",
        lambda e, a, s: e.add_guardian(s.child, add_person(a, "Omar Yusuf").id),
        lambda a, s: len(a.people.get(s.child).guardian_ids),
        "guardian",
    ),
    Case(
        "a guardian removed",
        lambda e, _a, s: e.remove_guardian(s.child, s.adult),
        lambda a, s: a.people.get(s.child).guardian_ids,
        "guardian",
    ),
    Case(
        "a consent form",
        lambda e, _a, s: e.record_consent(
            s.child, given_by_id=s.adult, given_on=date(2026, 3, 1), uses=[Use.WEB, Use.PRINT]
        ),
        consents_of_child,
        "consent",
    ),
    Case(
        "a withdrawal",
        lambda e, a, s: e.withdraw_consent(
            record_consent(
                a, s.child, given_by_id=s.adult, given_on=date(2026, 1, 5), uses=[Use.WEB]
            ).consent.id,
            date(2026, 2, 1),
            "phoned the library",
        ),
        consents_of_child,
        "consent withdrawn",
    ),
]


@pytest.fixture
def scene(archive, pictures):
    list(import_photos(archive, [pictures(1)], workers=1))
    adult = add_person(archive, "Amina Yusuf", age_band=AgeBand.ADULT)
    child = add_person(archive, "Layla Yusuf", birth_year=2018, guardian_ids=[adult.id])
    return Scene(archive.photos.ordered_ids()[0], adult.id, child.id)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_edit_is_undone_and_redone_on_the_audit_trail(case, archive, scene, open_window):
    window = open_window()
    undo, redo = window.menu_actions.undo, window.menu_actions.redo
    seen = [len(archive.audit.entries())]

    def recorded() -> list[str]:
        """The audit trail's entries since last asked, oldest first, each under the user."""
        entries = archive.audit.entries()
        fresh = entries[: len(entries) - seen[0]][::-1]
        seen[0] = len(entries)
        assert fresh, "nothing was recorded on the audit trail"
        assert {entry.user for entry in fresh} == {"Test Librarian"}
        return [entry.action for entry in fresh]

    outcome = case.do(window.edits, archive, scene)
    assert outcome.ok, outcome.error
    assert case.audit in recorded()[-1]
    edited = case.read(archive, scene)
    assert undo.isEnabled() and undo.text().startswith("&Undo ")

    undo.trigger()
    undone = case.read(archive, scene)
    assert undone != edited
    assert recorded()
    assert not undo.isEnabled() and redo.isEnabled()
    redo.trigger()
    assert case.read(archive, scene) == edited
    assert recorded()
    undo.trigger()
    assert case.read(archive, scene) == undone
    assert recorded()
