"""Editing a photo's description and rights from the detail pane (each change undoable)."""

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.model.photo import Photo, Rights
from ui import text
from ui.edits import Edits, Outcome
from ui.style import mark


def _text_box(name: str, placeholder: str, parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * 3 + 14)
    return box


class DescriptionEditor(QWidget):
    """Caption and alt text; saved with the button, Ctrl+Return, or when the photo changes."""

    failed = Signal(str)

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._photo: Photo | None = None
        self.caption = _text_box(
            self.tr("Caption"), self.tr("What is happening, who made it…"), self
        )
        self.alt_text = _text_box(
            self.tr("Alt text"),
            self.tr("Describe the photo for people who cannot see it"),
            self,
        )
        self.save_button = QPushButton(self.tr("Save description"), self)
        self.save_button.setAccessibleName(self.tr("Save description"))
        mark(self.save_button, "primary")
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setAccessibleName(self.tr("Revert description"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        for box in (self.caption, self.alt_text):
            box.textChanged.connect(self._update_buttons)
        QShortcut(
            QKeySequence("Ctrl+Return"),
            self,
            self.save,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        caption_label = QLabel(self.tr("&Caption"), self)
        caption_label.setBuddy(self.caption)
        alt_label = QLabel(self.tr("&Alt text"), self)
        alt_label.setBuddy(self.alt_text)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption_label)
        layout.addWidget(self.caption)
        layout.addWidget(alt_label)
        layout.addWidget(self.alt_text)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_photo(self, photo: Photo | None) -> None:
        """Show another photo's description, first saving any change made to this one; the
        same photo shown again keeps what is being typed."""
        previous = self._photo
        same = photo is not None and previous is not None and photo.id == previous.id
        typed = (self.caption.toPlainText(), self.alt_text.toPlainText()) if self.modified else None
        self._photo = photo
        if same and typed is not None:
            self._update_buttons()
            return
        self._revert()
        if previous is not None and typed is not None:
            # Saved after the switch: the refresh the edit causes then shows the new photo.
            outcome = self._edits.describe(previous.id, *typed)
            if not outcome.ok:
                self.failed.emit(outcome.error)

    @property
    def modified(self) -> bool:
        photo = self._photo
        return photo is not None and (
            self.caption.toPlainText().strip() != photo.caption
            or self.alt_text.toPlainText().strip() != photo.alt_text
        )

    def save(self) -> Outcome | None:
        photo = self._photo
        if photo is None or not self.modified:
            return None
        caption, alt_text = self.caption.toPlainText(), self.alt_text.toPlainText()
        outcome = self._edits.describe(photo.id, caption, alt_text)
        if outcome.ok:
            if self._photo is not None and self._photo.id == photo.id:
                self._photo = outcome.result
            self._update_buttons()
        else:
            self.failed.emit(outcome.error)
        return outcome

    def _revert(self) -> None:
        photo = self._photo
        with QSignalBlocker(self.caption), QSignalBlocker(self.alt_text):
            self.caption.setPlainText(photo.caption if photo else "")
            self.alt_text.setPlainText(photo.alt_text if photo else "")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self.modified)
        self.revert_button.setEnabled(self.modified)


class RightsEditor(QWidget):
    """Who holds the rights, under which licence, and whether the photo is withheld; for one
    photo or many at once."""

    failed = Signal(str)

    def __init__(self, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._photo_ids: list[int] = []
        self.rights = QComboBox(self)
        self.rights.setAccessibleName(self.tr("Rights"))
        for value in Rights:
            self.rights.addItem(text.rights(value), value.value)
        self.licence = QLineEdit(self)
        self.licence.setAccessibleName(self.tr("Licence"))
        self.licence.setPlaceholderText(self.tr("for example CC BY 4.0"))
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setAccessibleName(self.tr("Apply rights"))
        self.withheld = QCheckBox(self.tr("Withhold from every use outside the archive"), self)
        self.withheld.setAccessibleName(self.tr("Withheld"))
        self.apply_button.clicked.connect(self._apply_rights)
        self.licence.returnPressed.connect(self._apply_rights)
        self.rights.currentIndexChanged.connect(self._rights_chosen)
        self.withheld.clicked.connect(self._withheld_clicked)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.rights, 1)
        row.addWidget(self.apply_button)
        form.addRow(self.tr("&Rights"), row)
        form.addRow(self.tr("&Licence"), self.licence)
        form.addRow(self.withheld)

    def show_photos(self, photos: list[Photo]) -> None:
        self._photo_ids = [p.id for p in photos]
        first = photos[0] if photos else None
        same_rights = first is not None and all(
            (p.rights, p.licence) == (first.rights, first.licence) for p in photos
        )
        with QSignalBlocker(self.rights), QSignalBlocker(self.withheld):
            self.rights.setCurrentIndex(
                self.rights.findData(first.rights.value) if same_rights and first else 0
            )
            self.licence.setText(first.licence if same_rights and first else "")
            withheld = [p.withheld for p in photos]
            self.withheld.setTristate(len(set(withheld)) > 1)
            if len(set(withheld)) > 1:
                self.withheld.setCheckState(Qt.CheckState.PartiallyChecked)
            else:
                self.withheld.setChecked(bool(withheld and withheld[0]))
        self._rights_chosen()
        self.apply_button.setText(self.tr("Apply") if len(photos) == 1 else self.tr("Apply to all"))

    def _rights_chosen(self, _index: int = 0) -> None:
        licensed = self.rights.currentData() == Rights.LICENSED.value
        self.licence.setEnabled(licensed)
        if not licensed:
            self.licence.clear()

    def _apply_rights(self) -> None:
        rights = Rights(self.rights.currentData())
        self._report(self._edits.set_rights(self._photo_ids, rights, self.licence.text()))

    def _withheld_clicked(self) -> None:
        self.withheld.setTristate(False)
        self._report(self._edits.set_withheld(self._photo_ids, self.withheld.isChecked()))

    def _report(self, outcome: Outcome) -> None:
        if not outcome.ok:
            self.failed.emit(outcome.error)


def button(label: str, on_click: Callable[[], None], parent: QWidget) -> QPushButton:
    made = QPushButton(label, parent)
    made.setAccessibleName(label.replace("…", "").replace("&", ""))
    made.clicked.connect(on_click)
    return made
