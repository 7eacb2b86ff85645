"""Recording a resident's story, or changing it: the teller's words in the language they told
it in, an optional translation, and the photos and patches it refers to."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.model.decision import Decision
from quiltarchive.model.story import Story
from ui import text
from ui.consent_status import use_name
from ui.dialogs.form_parts import problem_label, save_cancel
from ui.works.patch_dialog import chosen_person, person_box
from ui.works.photo_choice import PhotoField
from ui.works.records import Works
from ui.works.work_edits import WorkEdits


class StoryDialog(QDialog):
    saved = Signal(object)  # the Story

    def __init__(
        self,
        works: WorkEdits,
        data: Works,
        story: Story | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._works, self._story = works, story
        title = (
            self.tr("New story") if story is None else self.tr("Story “{0}”").format(story.title)
        )
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.title = QLineEdit(story.title if story else "", self)
        self.title.setAccessibleName(self.tr("Title"))
        self.teller = person_box(data.people, self.tr("Teller"), self)
        self.words = QPlainTextEdit(story.text if story else "", self)
        self.words.setAccessibleName(self.tr("The story, in the teller's words"))
        self.words.setTabChangesFocus(True)
        self.language = QLineEdit(story.language if story else "en", self)
        self.language.setAccessibleName(self.tr("Language it was told in"))
        self.language.setPlaceholderText(self.tr("A language code: en, ar, uk, fa, pt-BR…"))
        self.translation = QPlainTextEdit(story.translation if story else "", self)
        self.translation.setAccessibleName(self.tr("Translation"))
        self.translation.setTabChangesFocus(True)
        self.translation.setFixedHeight(80)
        self.translation_language = QLineEdit(story.translation_language if story else "", self)
        self.translation_language.setAccessibleName(self.tr("Language of the translation"))
        self.translation_language.setPlaceholderText(self.tr("en"))
        self.photos = PhotoField(
            works.archive, self.tr("photos it refers to"), several=True, parent=self
        )
        self.patches = QListWidget(self)
        self.patches.setAccessibleName(self.tr("Patches it refers to"))
        self.patches.setFixedHeight(90)
        linked = set(story.patch_ids) if story else set()
        for row in data.patches:
            item = QListWidgetItem(f"{row.patch.code} — {row.patch.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.patch.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = row.patch.id in linked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.patches.addItem(item)
        self.permission = QLabel(self)
        self.permission.setWordWrap(True)
        self.permission.setAccessibleName(self.tr("Whether it may be published"))
        self.error = problem_label(self)
        buttons, self.save_button = save_cancel(self)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("T&eller"), self.teller)
        form.addRow(self.tr("&Story"), self.words)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow(self.tr("T&ranslation"), self.translation)
        form.addRow(self.tr("Translation l&anguage"), self.translation_language)
        form.addRow(self.tr("&Photos"), self.photos)
        form.addRow(self.tr("Pa&tches"), self.patches)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.permission)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if story is not None:
            self.teller.setCurrentIndex(self.teller.findData(story.teller_id))
            self.photos.set_ids(list(story.photo_ids))
            row = next((r for r in data.stories if r.story.id == story.id), None)
            if row is not None:
                self.permission.setText(permission_text(row.decision))
        self.resize(640, 640)

    def patch_ids(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.patches.item(n) for n in range(self.patches.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def fields(self) -> dict:
        return {
            "title": self.title.text().strip(),
            "teller_id": chosen_person(self.teller),
            "text": self.words.toPlainText().strip(),
            "language": self.language.text().strip() or "en",
            "translation": self.translation.toPlainText().strip(),
            "translation_language": self.translation_language.text().strip(),
        }

    def accept(self) -> None:
        fields = self.fields()
        if fields["teller_id"] is None:
            self.error.setText(self.tr("Who told the story? Choose a person on record."))
            self.teller.setFocus()
            return
        if self._story is None:
            title = fields.pop("title")
            outcome = self._works.add_story(
                title, photo_ids=self.photos.ids, patches=self.patch_ids(), **fields
            )
        else:
            before = self._story
            changes = {k: v for k, v in fields.items() if getattr(before, k) != v}
            outcome = self._works.update_story(
                before.id, self.photos.ids, self.patch_ids(), **changes
            )
        if not outcome.ok:
            self.error.setText(outcome.error)
            return
        super().accept()
        self.saved.emit(outcome.result)


def permission_text(decision: Decision) -> str:
    """Whether a story may be published for the decision's use, and why not."""
    if decision.allowed:
        return text.tr("May be published for {0}: the teller gave story permission.").format(
            use_name(decision.use)
        )
    return text.tr("May not be published for {0}: {1}").format(
        use_name(decision.use), " ".join(decision.reasons)
    )
