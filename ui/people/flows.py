"""Opening the people and consent dialogs with just what they need, from wherever asked."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from quiltarchive.archive import Archive
from quiltarchive.model.consent import Consent
from quiltarchive.model.person import Person
from ui.edits import Edits
from ui.people.consent_dialog import ConsentDialog
from ui.people.forget_dialog import ForgetDialog
from ui.people.person_dialog import PersonDialog
from ui.people.subject_access_dialog import SubjectAccessDialog
from ui.people.withdraw_dialog import WithdrawDialog
from ui.review.person_picker import PersonPicker, PickedPerson


class PeopleFlows(QObject):
    person_saved = Signal(object)  # Person
    consent_recorded = Signal(object)  # Recorded
    message = Signal(str)
    person_forgotten = Signal(object)  # ErasureReport

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget) -> None:
        super().__init__(parent)
        self._archive, self._edits, self._parent = archive, edits, parent
        self.dialog: QWidget | None = None  # the dialog open now (tests drive it)

    def new_person(self) -> PersonDialog:
        dialog = PersonDialog(self._edits, None, self._parent)
        dialog.saved.connect(self.person_saved)
        return self._open(dialog)

    def edit_person(self, person: Person) -> PersonDialog:
        dialog = PersonDialog(self._edits, person, self._parent)
        dialog.saved.connect(self.person_saved)
        return self._open(dialog)

    def record_consent(self, person: Person, supersedes: Consent | None = None) -> ConsentDialog:
        person = self._archive.people.get(person.id)  # guardians may have changed
        dialog = ConsentDialog(
            self._archive, self._edits, person, supersedes=supersedes, parent=self._parent
        )
        dialog.recorded.connect(self.consent_recorded)
        return self._open(dialog)

    def withdraw(self, consent: Consent) -> WithdrawDialog:
        return self._open(WithdrawDialog(self._archive, self._edits, consent, self._parent))

    def export_person(self, person: Person) -> SubjectAccessDialog:
        return self._open(SubjectAccessDialog(self._archive, person, self._parent))

    def forget(self, person: Person) -> ForgetDialog:
        dialog = ForgetDialog(self._archive, person.id, self._parent)
        dialog.forgotten.connect(self.person_forgotten)
        return self._open(dialog)

    def add_guardian(self, person: Person) -> PersonPicker:
        others = [(i, name) for i, name in self._archive.people.names() if i != person.id]
        picker = PersonPicker(
            others,
            title=self.tr("Guardian of {0}").format(person.name),
            prompt=self.tr("Who is a parent or guardian of {0}?").format(person.name),
            allow_unknown=False,
            ask_identifiable=False,
            parent=self._parent,
        )
        picker.age.setCurrentIndex(picker.age.findData("adult"))
        picker.picked.connect(lambda choice: self._guardian_picked(person, choice))
        return self._open(picker)

    def _guardian_picked(self, person: Person, choice: PickedPerson) -> None:
        if not choice.new and choice.person_id is not None:
            outcome = self._edits.add_guardian(person.id, choice.person_id)
            self.message.emit(outcome.error)
            return
        with self._edits.macro(self.tr("Add guardian {0}").format(choice.name)):
            added = self._edits.add_person(
                choice.name, age_band=choice.age_band, do_not_identify=choice.do_not_identify
            )
            if not added.ok:
                self.message.emit(added.error)
                return
            outcome = self._edits.add_guardian(person.id, added.result.id)
            self.message.emit(outcome.error)

    def _open(self, dialog):  # noqa: ANN001, ANN202 (returns the dialog it was given)
        self.dialog = dialog
        dialog.open()
        return dialog
