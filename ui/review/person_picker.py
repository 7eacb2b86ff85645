"""Choosing who someone is: type a few letters, pick from the list; or add a new person, or
say it is an unknown person."""

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.model.person import AgeBand

SHOWN = 60
NEW, UNKNOWN = -1, -2


@dataclass(frozen=True)
class Named:
    id: int
    name: str


@dataclass(frozen=True)
class PickedPerson:
    person_id: int | None  # None: a new person (see name) or an unknown person
    name: str = ""
    new: bool = False
    age_band: AgeBand | None = None
    do_not_identify: bool = False
    identifiable: bool = True

    @property
    def unknown(self) -> bool:
        return self.person_id is None and not self.new


class PersonPicker(QDialog):
    picked = Signal(object)  # PickedPerson

    def __init__(
        self,
        people: list[tuple[int, str]],
        *,
        title: str,
        prompt: str,
        allow_unknown: bool = True,
        allow_new: bool = True,
        ask_identifiable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._people = [Named(person_id, name) for person_id, name in people]
        self._allow_unknown, self._allow_new = allow_unknown, allow_new
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Type a name…"))
        self.matches = QListWidget(self)
        self.matches.setAccessibleName(self.tr("Matching people"))
        self.matches.setMinimumHeight(200)
        self.age = QComboBox(self)
        self.age.setAccessibleName(self.tr("Age of the new person"))
        self.age.addItem(self.tr("Age not known (treated as a child)"), None)
        self.age.addItem(self.tr("Child (under 13)"), AgeBand.CHILD.value)
        self.age.addItem(self.tr("Teenager (13–17)"), AgeBand.TEEN.value)
        self.age.addItem(self.tr("Adult"), AgeBand.ADULT.value)
        self.do_not_identify = QCheckBox(
            self.tr("Must never be identified (do not identify)"), self
        )
        self.do_not_identify.setAccessibleName(self.tr("Do not identify"))
        self.new_fields = QWidget(self)
        new_form = QFormLayout(self.new_fields)
        new_form.setContentsMargins(0, 0, 0, 0)
        new_form.addRow(self.tr("Age"), self.age)
        new_form.addRow(self.do_not_identify)
        self.identifiable = QCheckBox(self.tr("Can be recognised in this photo"), self)
        self.identifiable.setAccessibleName(self.tr("Identifiable"))
        self.identifiable.setChecked(True)
        self.identifiable.setVisible(ask_identifiable)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("Choose"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        prompt_label = QLabel(prompt, self)
        prompt_label.setWordWrap(True)
        prompt_label.setBuddy(self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt_label)
        layout.addWidget(self.name)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.new_fields)
        layout.addWidget(self.identifiable)
        layout.addWidget(buttons)
        self.resize(420, 460)

        self.name.textChanged.connect(self._filter)
        self.name.installEventFilter(self)
        self.matches.currentRowChanged.connect(self._current_changed)
        self.matches.itemActivated.connect(lambda _item: self.accept())
        self._filter("")

    # -- the list ----------------------------------------------------------------------------

    def _filter(self, typed: str) -> None:
        needle = typed.strip().casefold()
        starts = [p for p in self._people if p.name.casefold().startswith(needle)]
        first = {p.id for p in starts}
        contains = [p for p in self._people if needle in p.name.casefold() and p.id not in first]
        self.matches.clear()
        for person in (starts + contains)[:SHOWN]:
            item = QListWidgetItem(person.name, self.matches)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
        exact = any(p.name.casefold() == needle for p in self._people)
        if self._allow_new and needle and not exact:
            item = QListWidgetItem(self.tr("Add “{0}” as a new person").format(typed.strip()))
            item.setData(Qt.ItemDataRole.UserRole, NEW)
            self.matches.addItem(item)
        if self._allow_unknown:
            item = QListWidgetItem(self.tr("An unknown person (recognisable, name not known)"))
            item.setData(Qt.ItemDataRole.UserRole, UNKNOWN)
            self.matches.addItem(item)
        self.matches.setCurrentRow(0 if self.matches.count() else -1)

    def _current_changed(self, _row: int) -> None:
        chosen = self._chosen_id()
        self.new_fields.setVisible(chosen == NEW)
        self.ok.setEnabled(chosen is not None)

    def _chosen_id(self) -> int | None:
        item = self.matches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down move through the list while typing."""
        if watched is self.name and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.matches.count():
                row = (self.matches.currentRow() + step) % self.matches.count()
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    # -- the answer --------------------------------------------------------------------------

    def choice(self) -> PickedPerson | None:
        chosen = self._chosen_id()
        identifiable = self.identifiable.isChecked()
        if chosen is None:
            return None
        if chosen == UNKNOWN:
            return PickedPerson(None, identifiable=identifiable)
        if chosen == NEW:
            band = self.age.currentData()
            return PickedPerson(
                None,
                name=self.name.text().strip(),
                new=True,
                age_band=AgeBand(band) if band else None,
                do_not_identify=self.do_not_identify.isChecked(),
                identifiable=identifiable,
            )
        name = next((p.name for p in self._people if p.id == chosen), "")
        return PickedPerson(chosen, name=name, identifiable=identifiable)

    def accept(self) -> None:
        choice = self.choice()
        if choice is None:
            return
        super().accept()
        self.picked.emit(choice)
