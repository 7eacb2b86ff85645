"""Every change the app makes to an archive, each an undoable command on one QUndoStack.

A command's `redo` and `undo` call the core's service functions, which validate, write in one
transaction and record the change on the audit trail under the archive's user. Where undoing
needs an inverse (a person or consent recorded by mistake, a mistaken withdrawal), the core
provides one that is itself on the audit trail.

Undoing and redoing a creation gives the record a new id; commands made later refer to an
id it had and look the current one up (`current`).
"""

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from quiltarchive import archive_settings, events, photo_states
from quiltarchive.archive import Archive
from quiltarchive.consent import appearances as appearance_service
from quiltarchive.consent import consents as consent_service
from quiltarchive.consent import people as people_service
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.appearance import Box
from quiltarchive.model.consent import ConsentMethod, Use
from quiltarchive.model.person import Credit
from quiltarchive.model.photo import ReviewState, Rights

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Edits", text)


def _message(error: Exception) -> str:
    if isinstance(error, QuiltArchiveError):
        return str(error)
    log.exception("an edit failed unexpectedly")
    return tr("something unexpected went wrong ({0}).").format(error)


@dataclass(frozen=True)
class Change:
    """What an edit touched, so views refresh just that."""

    photo_ids: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()
    works: bool = False  # quilts, patches or stories changed
    everything: bool = False  # a setting that changes every consent decision
    places: bool = False  # the events listed in the sidebar


@dataclass
class Outcome:
    """How a command went the first time: its result, or the archive's reason for refusing."""

    result: Any = None
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass
class _Steps:
    do: Callable[[], Any]
    undo: Callable[[], None]
    change: Callable[[Any], Change]
    outcome: Outcome = field(default_factory=Outcome)


class _Command(QUndoCommand):
    def __init__(self, edits: "Edits", text: str, steps: _Steps) -> None:
        super().__init__(text)
        self._edits, self._steps, self._text = edits, steps, text
        self._done_before = False

    def redo(self) -> None:
        try:
            result = self._steps.do()
        except Exception as error:
            self._refused(_message(error), tr("Could not redo “{0}”: {1}"))
            return
        if not self._done_before:
            self._steps.outcome.result = result
        self._done_before = True
        self._edits.changed.emit(self._steps.change(result))

    def undo(self) -> None:
        try:
            self._steps.undo()
        except Exception as error:
            self._refused(_message(error), tr("Could not undo “{0}”: {1}"))
            return
        self._edits.changed.emit(self._steps.change(self._steps.outcome.result))

    def _refused(self, message: str, template: str) -> None:
        # An obsolete command leaves the stack: it can no longer be undone or redone.
        self.setObsolete(True)
        if self._done_before:
            self._edits.failed.emit(template.format(self._text, message))
        else:
            self._steps.outcome.error = message


class Edits(QObject):
    """The archive's undo stack and the edits the app offers, each returning an Outcome."""

    changed = Signal(object)  # Change, after every do, undo and redo
    failed = Signal(str)  # an undo or redo the archive refused, in plain words

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.stack = QUndoStack(self)
        self._renamed: dict[tuple[str, int], int] = {}

    # -- ids across undo and redo ----------------------------------------------------------

    def current(self, kind: str, first_id: int) -> int:
        return self._renamed.get((kind, first_id), first_id)

    def created(self, kind: str, ids: list[int], new_id: int) -> None:
        """A creation's `do` made record `new_id`; `ids` holds every id it had before (first
        one first), each of which may be held by a later command or a view, so each now
        leads to `new_id`."""
        if new_id not in ids:
            ids.append(new_id)
        for old in ids:
            if old == new_id:
                self._renamed.pop((kind, old), None)
            else:
                self._renamed[(kind, old)] = new_id

    def _run(
        self, text: str, do: Callable[[], Any], undo: Callable[[], None], change: Any
    ) -> Outcome:
        steps = _Steps(do, undo, change if callable(change) else (lambda _result: change))
        self.stack.push(_Command(self, text, steps))
        return steps.outcome

    def run(
        self, text: str, do: Callable[[], Any], undo: Callable[[], None], change: Any
    ) -> Outcome:
        """Push an undoable command: `do` and `undo` call the core; `change` is a Change, or
        a function of `do`'s result giving one."""
        return self._run(text, do, undo, change)

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Several edits undone and redone as one."""
        self.stack.beginMacro(text)
        try:
            yield
        finally:
            self.stack.endMacro()

    # -- photos ----------------------------------------------------------------------------

    def describe(self, photo_id: int, caption: str, alt_text: str) -> Outcome:
        before = self.archive.photos.get(photo_id)
        return self._run(
            tr("Describe photo"),
            lambda: photo_states.describe_photo(
                self.archive, photo_id, caption=caption, alt_text=alt_text
            ),
            lambda: photo_states.describe_photo(
                self.archive, photo_id, caption=before.caption, alt_text=before.alt_text
            ),
            Change(photo_ids=frozenset([photo_id])),
        )

    def set_review_state(self, photo_ids: Iterable[int], state: ReviewState) -> Outcome:
        text = {
            ReviewState.REVIEWED: tr("Mark reviewed"),
            ReviewState.NO_PEOPLE: tr("Mark no identifiable people"),
            ReviewState.UNREVIEWED: tr("Mark not reviewed"),
        }[state]
        return self._per_photo(
            text,
            photo_ids,
            lambda photo_id: photo_states.set_review_state(self.archive, photo_id, state),
            lambda before: photo_states.set_review_state(
                self.archive, before.id, before.review_state
            ),
        )

    def set_rights(self, photo_ids: Iterable[int], rights: Rights, licence: str = "") -> Outcome:
        return self._per_photo(
            tr("Set rights"),
            photo_ids,
            lambda photo_id: photo_states.set_rights(self.archive, photo_id, rights, licence),
            lambda before: photo_states.set_rights(
                self.archive, before.id, before.rights, before.licence
            ),
        )

    def set_withheld(self, photo_ids: Iterable[int], withheld: bool) -> Outcome:
        return self._per_photo(
            tr("Withhold photo") if withheld else tr("Release photo"),
            photo_ids,
            lambda photo_id: photo_states.set_withheld(self.archive, photo_id, withheld),
            lambda before: photo_states.set_withheld(self.archive, before.id, before.withheld),
        )

    def _per_photo(
        self,
        text: str,
        photo_ids: Iterable[int],
        do: Callable[[int], Any],
        undo: Callable[[Any], Any],
    ) -> Outcome:
        ids = list(dict.fromkeys(photo_ids))
        if len(ids) == 1:
            return self._one_photo(text, ids[0], do, undo)
        first = Outcome()
        with self.macro(tr("{0} ({1} photos)").format(text, len(ids))):
            for photo_id in ids:
                outcome = self._one_photo(text, photo_id, do, undo)
                if not outcome.ok and first.ok:
                    first.error = outcome.error
        return first

    def _one_photo(
        self, text: str, photo_id: int, do: Callable[[int], Any], undo: Callable[[Any], Any]
    ) -> Outcome:
        before = self.archive.photos.get(photo_id)
        return self._run(
            text,
            lambda: do(photo_id),
            lambda: undo(before),
            Change(photo_ids=frozenset([photo_id])),
        )

    # -- who is in a photo -----------------------------------------------------------------

    def add_appearance(
        self,
        photo_id: int,
        person_id: int | None,
        box: Box | None = None,
        *,
        identifiable: bool = True,
    ) -> Outcome:
        """Record someone (None: an unknown person) in a photo; the result is the Appearance."""
        review_before = self.archive.photos.get(photo_id).review_state
        added: list[Any] = []

        def do() -> Any:
            if not added:
                person = self.current("person", person_id) if person_id is not None else None
                appearance = appearance_service.add_appearance(
                    self.archive, photo_id, person, box=box, identifiable=identifiable
                )
                added.append(appearance)
                return appearance
            # Redo: the same appearance again (its person may have been recorded anew).
            again = added[0]
            if again.person_id is not None:
                again = again._replace(person_id=self.current("person", person_id or 0))
            appearance = appearance_service.restore_appearance(self.archive, again)
            if review_before is ReviewState.NO_PEOPLE and identifiable:
                photo_states.set_review_state(self.archive, photo_id, ReviewState.UNREVIEWED)
            return appearance

        def undo() -> None:
            appearance_service.remove_appearance(self.archive, added[0].id)
            if self.archive.photos.get(photo_id).review_state is not review_before:
                photo_states.set_review_state(self.archive, photo_id, review_before)

        return self._run(
            tr("Add person to photo"),
            do,
            undo,
            lambda _result: self._appearance_change(
                photo_id, added[0].person_id if added else None
            ),
        )

    def remove_appearance(self, appearance_id: int) -> Outcome:
        removed = self.archive.appearances.get(appearance_id)
        return self._run(
            tr("Remove person from photo"),
            lambda: appearance_service.remove_appearance(self.archive, appearance_id),
            lambda: appearance_service.restore_appearance(self.archive, removed),
            self._appearance_change(removed.photo_id, removed.person_id),
        )

    def name_appearance(self, appearance_id: int, person_id: int | None) -> Outcome:
        before = self.archive.appearances.get(appearance_id)
        return self._run(
            tr("Say who is in the photo"),
            lambda: appearance_service.name_appearance(
                self.archive,
                appearance_id,
                self.current("person", person_id) if person_id is not None else None,
            ),
            lambda: appearance_service.name_appearance(
                self.archive, appearance_id, before.person_id
            ),
            lambda _result: self._appearance_change(before.photo_id, before.person_id, person_id),
        )

    def set_identifiable(self, appearance_id: int, identifiable: bool) -> Outcome:
        before = self.archive.appearances.get(appearance_id)
        return self._run(
            tr("Mark identifiable") if identifiable else tr("Mark not identifiable"),
            lambda: appearance_service.set_appearance_identifiable(
                self.archive, appearance_id, identifiable
            ),
            lambda: appearance_service.set_appearance_identifiable(
                self.archive, appearance_id, before.identifiable
            ),
            self._appearance_change(before.photo_id, before.person_id),
        )

    def _appearance_change(self, photo_id: int, *person_ids: int | None) -> Change:
        return Change(
            photo_ids=frozenset([photo_id]),
            person_ids=frozenset(self.current("person", p) for p in person_ids if p is not None),
        )

    # -- people ----------------------------------------------------------------------------

    def add_person(self, name: str, **fields: Any) -> Outcome:
        """Record a person (fields as `consent.people.add_person`); the result is the Person."""
        first: list[int] = []
        guardian_ids = list(fields.pop("guardian_ids", ()))

        def do() -> Any:
            person = people_service.add_person(
                self.archive,
                name,
                guardian_ids=[self.current("person", g) for g in guardian_ids],
                **fields,
            )
            self.created("person", first, person.id)
            return person

        return self._run(
            tr("Add person “{0}”").format(name.strip()),
            do,
            lambda: people_service.delete_mistaken_person(
                self.archive, self.current("person", first[0])
            ),
            lambda _result: Change(
                person_ids=frozenset([self.current("person", first[0])] if first else [])
            ),
        )

    def update_person(self, person_id: int, **changes: Any) -> Outcome:
        current = self.current("person", person_id)
        before = self.archive.people.get(current)
        previous = {key: getattr(before, key) for key in changes}
        return self._run(
            tr("Change details of {0}").format(before.name),
            lambda: people_service.update_person(
                self.archive, self.current("person", person_id), **changes
            ),
            lambda: people_service.update_person(
                self.archive, self.current("person", person_id), **previous
            ),
            lambda _result: Change(person_ids=frozenset([self.current("person", person_id)])),
        )

    def add_guardian(self, person_id: int, guardian_id: int) -> Outcome:
        return self._guardianship(person_id, guardian_id, adding=True)

    def remove_guardian(self, person_id: int, guardian_id: int) -> Outcome:
        return self._guardianship(person_id, guardian_id, adding=False)

    def _guardianship(self, person_id: int, guardian_id: int, *, adding: bool) -> Outcome:
        def ids() -> tuple[int, int]:
            return self.current("person", person_id), self.current("person", guardian_id)

        add = lambda: people_service.add_guardian(self.archive, *ids())  # noqa: E731
        remove = lambda: people_service.remove_guardian(self.archive, *ids())  # noqa: E731
        return self._run(
            tr("Add guardian") if adding else tr("Remove guardian"),
            add if adding else remove,
            remove if adding else add,
            lambda _result: Change(person_ids=frozenset([ids()[0]])),
        )

    # -- consent ---------------------------------------------------------------------------

    def record_consent(
        self,
        person_id: int,
        *,
        given_by_id: int,
        given_on: date,
        uses: Iterable[Use],
        method: ConsentMethod = ConsentMethod.PAPER,
        credit: Credit | None = None,
        story: bool = False,
        expires_on: date | None = None,
        form_ref: str = "",
        scan: Path | None = None,
        supersedes_id: int | None = None,
    ) -> Outcome:
        """Record a consent form; the result is the core's `Recorded` (consent and warnings)."""
        first: list[int] = []
        use_set = frozenset(uses)

        def do() -> Any:
            recorded = consent_service.record_consent(
                self.archive,
                self.current("person", person_id),
                given_by_id=self.current("person", given_by_id),
                given_on=given_on,
                uses=use_set,
                method=method,
                credit=credit,
                story=story,
                expires_on=expires_on,
                form_ref=form_ref,
                scan=scan,
                supersedes_id=(
                    self.current("consent", supersedes_id) if supersedes_id is not None else None
                ),
            )
            self.created("consent", first, recorded.consent.id)
            return recorded

        return self._run(
            tr("Record consent"),
            do,
            lambda: consent_service.delete_mistaken_consent(
                self.archive, self.current("consent", first[0])
            ),
            lambda _result: Change(person_ids=frozenset([self.current("person", person_id)])),
        )

    def withdraw_consent(self, consent_id: int, on: date, note: str = "") -> Outcome:
        def consent() -> int:
            return self.current("consent", consent_id)

        person_id = self.archive.consents.get(consent()).person_id
        return self._run(
            tr("Record withdrawal"),
            lambda: consent_service.withdraw_consent(self.archive, consent(), on, note),
            lambda: consent_service.cancel_mistaken_withdrawal(self.archive, consent()),
            Change(person_ids=frozenset([person_id])),
        )

    # -- the archive's settings ------------------------------------------------------------

    def set_archive_settings(
        self, *, guardian_consent_age: int, organisation: str, policy_url: str
    ) -> Outcome:
        """The age under which a guardian must consent, and who publishes exports."""
        settings = self.archive.settings
        before = (settings.guardian_consent_age(), settings.organisation(), settings.policy_url())

        def apply(age: int, name: str, url: str) -> None:
            with self.archive.atomic():
                if age != settings.guardian_consent_age():
                    archive_settings.set_guardian_consent_age(self.archive, age)
                if (name, url) != (settings.organisation(), settings.policy_url()):
                    archive_settings.set_publisher(self.archive, organisation=name, policy_url=url)

        return self._run(
            tr("Change the archive's settings"),
            lambda: apply(guardian_consent_age, organisation, policy_url),
            lambda: apply(*before),
            Change(everything=True),
        )

    # -- events ----------------------------------------------------------------------------

    def create_event(self, name: str, *, held_on: str | None = None, venue: str = "") -> Outcome:
        """Record an event (a workshop); the result is the Event."""
        first: list[int] = []

        def do() -> Any:
            event = events.create_event(self.archive, name, held_on=held_on, venue=venue)
            self.created("event", first, event.id)
            return event

        return self._run(
            tr("Add event “{0}”").format(name.strip()),
            do,
            lambda: events.delete_mistaken_event(self.archive, self.current("event", first[0])),
            Change(places=True),
        )

    def update_event(self, event_id: int, *, name: str, held_on: str | None, venue: str) -> Outcome:
        before = self.archive.events.get(self.current("event", event_id))

        def change(name: str, held_on: str | None, venue: str) -> Any:
            return events.update_event(
                self.archive,
                self.current("event", event_id),
                name=name,
                held_on=held_on,
                venue=venue,
            )

        return self._run(
            tr("Change event “{0}”").format(before.name),
            lambda: change(name, held_on, venue),
            lambda: change(before.name, before.held_on, before.venue),
            Change(places=True),
        )
