"""Recording a patch, or changing what is recorded about it: its code, title, maker, when and
where it was made, what it is made of, the maker's story and its photos. The archive's reason
for refusing (a code already used, say) is shown here, and nothing is written."""

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from quiltarchive import clock
from quiltarchive.model.patch import Patch, PhotoRole
from quiltarchive.model.person import AgeBand
from quiltarchive.works.patches import next_patch_code
from ui.dialogs.form_parts import problem_label, save_cancel
from ui.works.photo_choice import PhotoField
from ui.works.work_edits import WorkEdits

FIELDS = ("code", "title", "maker_id", "maker_age_band", "event_id", "received_on")
TEXTS = ("materials", "size", "story")


def person_box(people: list[tuple[int, str]], name: str, parent: QWidget) -> QComboBox:
    """A list of everyone on record that can be typed into to find a name."""
    box = QComboBox(parent)
    box.setAccessibleName(name)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.lineEdit().setAccessibleName(name)
    box.lineEdit().setPlaceholderText(box.tr("Type a name…"))
    for person_id, person_name in people:
        box.addItem(person_name, person_id)
    box.setCurrentIndex(-1)
    return box


def chosen_person(box: QComboBox) -> int | None:
    """The person picked, if the text typed is exactly one of the names."""
    index = box.findText(box.currentText().strip())
    return box.itemData(index) if index >= 0 else None


class PatchDialog(QDialog):
    saved = Signal(object)  # the Patch as recorded

    def __init__(
        self,
        works: WorkEdits,
        people: list[tuple[int, str]],
        patch: Patch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._works, self._patch = works, patch
        archive = works.archive
        title = (
            self.tr("New patch")
            if patch is None
            else self.tr("Patch {0}: {1}").format(patch.code, patch.title)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.code = QLineEdit(patch.code if patch else next_patch_code(archive), self)
        self.code.setAccessibleName(self.tr("Code"))
        self.code.setPlaceholderText(self.tr("As on the label sewn to the back, e.g. P-0042"))
        self.title = QLineEdit(patch.title if patch else "", self)
        self.title.setAccessibleName(self.tr("Title"))
        self.maker = person_box(people, self.tr("Maker (a person or a group)"), self)
        self.age_band = QComboBox(self)
        self.age_band.setAccessibleName(self.tr("Maker's age band when they made it"))
        self.age_band.addItem(self.tr("As recorded for the maker"), None)
        self.age_band.addItem(self.tr("Child (under 13)"), AgeBand.CHILD.value)
        self.age_band.addItem(self.tr("Teenager (13–17)"), AgeBand.TEEN.value)
        self.age_band.addItem(self.tr("Adult"), AgeBand.ADULT.value)
        self.event = QComboBox(self)
        self.event.setAccessibleName(self.tr("Workshop or event"))
        self.event.addItem(self.tr("None"), None)
        for event in archive.events.list():
            self.event.addItem(event.name, event.id)
        self.received_known = QCheckBox(self.tr("on"), self)
        self.received_known.setAccessibleName(self.tr("Date received is known"))
        self.received = QDateEdit(self)
        self.received.setAccessibleName(self.tr("Date received"))
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("d MMMM yyyy")
        today = clock.today()
        self.received.setDate(QDate(today.year, today.month, today.day))
        self.received_known.toggled.connect(self.received.setEnabled)
        self.materials = QLineEdit(patch.materials if patch else "", self)
        self.materials.setAccessibleName(self.tr("Materials"))
        self.size = QLineEdit(patch.size if patch else "", self)
        self.size.setAccessibleName(self.tr("Size"))
        self.size.setPlaceholderText(self.tr("e.g. 30 × 30 cm"))
        self.story = QPlainTextEdit(patch.story if patch else "", self)
        self.story.setAccessibleName(self.tr("The patch's story in the maker's words"))
        self.story.setTabChangesFocus(True)
        self.story.setFixedHeight(90)
        self.front = PhotoField(archive, self.tr("front photo"), several=False, parent=self)
        self.back = PhotoField(archive, self.tr("back photo"), several=False, parent=self)
        self.details = PhotoField(archive, self.tr("detail photos"), several=True, parent=self)
        self.error = problem_label(self)
        buttons, self.save_button = save_cancel(self)

        received = QHBoxLayout()
        received.addWidget(self.received_known)
        received.addWidget(self.received, 1)
        form = QFormLayout()
        form.addRow(self.tr("&Code"), self.code)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Maker"), self.maker)
        form.addRow(self.tr("&Age band"), self.age_band)
        form.addRow(self.tr("&Event"), self.event)
        form.addRow(self.tr("Received"), received)
        form.addRow(self.tr("Mate&rials"), self.materials)
        form.addRow(self.tr("Si&ze"), self.size)
        form.addRow(self.tr("&Story"), self.story)
        form.addRow(self.tr("&Front photo"), self.front)
        form.addRow(self.tr("&Back photo"), self.back)
        form.addRow(self.tr("&Detail photos"), self.details)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._fill(patch)
        self.resize(620, self.sizeHint().height())

    def _fill(self, patch: Patch | None) -> None:
        self.received.setEnabled(False)
        if patch is None:
            return
        index = self.maker.findData(patch.maker_id)
        self.maker.setCurrentIndex(index)
        if patch.maker_age_band is not None:
            self.age_band.setCurrentIndex(self.age_band.findData(patch.maker_age_band.value))
        self.event.setCurrentIndex(max(0, self.event.findData(patch.event_id)))
        if patch.received_on is not None:
            self.received_known.setChecked(True)
            day = patch.received_on
            self.received.setDate(QDate(day.year, day.month, day.day))
        self.front.set_ids([p.photo_id for p in patch.photos if p.role is PhotoRole.FRONT])
        self.back.set_ids([p.photo_id for p in patch.photos if p.role is PhotoRole.BACK])
        self.details.set_ids([p.photo_id for p in patch.photos if p.role is PhotoRole.DETAIL])

    def photos(self) -> list[tuple[int, PhotoRole]]:
        return (
            [(i, PhotoRole.FRONT) for i in self.front.ids]
            + [(i, PhotoRole.BACK) for i in self.back.ids]
            + [(i, PhotoRole.DETAIL) for i in self.details.ids]
        )

    def fields(self) -> dict:
        band = self.age_band.currentData()
        received: date | None = None
        if self.received_known.isChecked():
            received = self.received.date().toPython()
        return {
            "code": self.code.text().strip(),
            "title": self.title.text().strip(),
            "maker_id": chosen_person(self.maker),
            "maker_age_band": AgeBand(band) if band else None,
            "event_id": self.event.currentData(),
            "received_on": received,
            "materials": self.materials.text().strip(),
            "size": self.size.text().strip(),
            "story": self.story.toPlainText().strip(),
        }

    def accept(self) -> None:
        fields = self.fields()
        if fields["maker_id"] is None:
            self.error.setText(
                self.tr("Choose the maker from the list: a person or a group on record.")
                if self.maker.currentText().strip()
                else self.tr("Who made the patch? Choose a person or a group.")
            )
            self.maker.setFocus()
            return
        photos = self.photos()
        if self._patch is None:
            code = fields.pop("code")
            outcome = self._works.add_patch(code, photos, **fields)
        else:
            before = self._patch
            changes = {k: v for k, v in fields.items() if getattr(before, k) != v}
            if changes.get("code", "").upper() == before.code:
                changes.pop("code")
            same_photos = set(photos) == {(p.photo_id, p.role) for p in before.photos}
            if not changes and same_photos:
                super().accept()
                return
            outcome = self._works.update_patch(
                before.id, None if same_photos else photos, **changes
            )
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.saved.emit(outcome.result)
