"""The review viewer: one photo large, the people recorded in it, and the keys to go through a
workshop's photos quickly (Page Down / Page Up, Ctrl+Return for "review done")."""

from contextlib import suppress
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.imaging.decode import UnreadableImage
from quiltarchive.model.appearance import Appearance, Box
from quiltarchive.model.photo import Photo, ReviewState
from quiltarchive.renditions_cache import preview_file
from ui import settings, text
from ui.background import run_task
from ui.dialogs.form_parts import ERROR_COLOUR
from ui.edits import Change, Edits, Outcome
from ui.grid.thumbnails import read_preview
from ui.review.canvas import BoxCanvas, ShownBox
from ui.review.person_picker import PersonPicker, PickedPerson
from ui.style import mark

PREVIEW_LONGEST = 1600


class ReviewViewer(QDialog):
    photo_shown = Signal(int)

    def __init__(
        self,
        archive: Archive,
        edits: Edits,
        photo_ids: list[int],
        start: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is in these photos?"))
        self.setAccessibleName(self.tr("Review viewer"))
        self.setModal(False)
        self._archive, self._edits = archive, edits
        self.photo_ids = list(photo_ids)
        self.position = max(0, min(start, len(self.photo_ids) - 1))
        self.photo: Photo | None = None
        self.appearances: list[Appearance] = []
        self._names: dict[int, str] = {}
        self._generation = 0
        self.picker: PersonPicker | None = None

        self.canvas = BoxCanvas(self)
        self.canvas.box_drawn.connect(self._box_drawn)
        self.canvas.box_clicked.connect(lambda index: self.people.setCurrentRow(index))
        self.where = QLabel(self)
        self.where.setProperty("role", "heading")
        self.where.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.people = QListWidget(self)
        self.people.setAccessibleName(self.tr("People in this photo"))
        self.people.currentRowChanged.connect(self._person_selected)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setAccessibleName(self.tr("Problem"))
        drawing = QLabel(
            self.tr("Drag on the photo to draw a box around each person who can be recognised."),
            self,
        )
        drawing.setWordWrap(True)
        drawing.setProperty("role", "hint")
        keys = QLabel(self._keys_html(), self)
        keys.setProperty("role", "hint")
        keys.setTextFormat(Qt.TextFormat.RichText)
        self.add_button = self._button(self.tr("&Add person without a box…"), self.add_person)
        self.change_button = self._button(self.tr("&Change who this is…"), self.change_person)
        self.identifiable_button = self._button(
            self.tr("Mark &not identifiable"), self.toggle_identifiable
        )
        self.remove_button = self._button(self.tr("&Remove from photo"), self.remove_person)
        self.no_people_button = self._button(self.tr("Nobody &identifiable"), self.mark_no_people)
        self.done_button = self._button(self.tr("Review &done ✓"), self.mark_done)
        mark(self.done_button, "primary")
        self.previous_button = self._button(self.tr("◀ &Previous"), self.previous)
        self.next_button = self._button(self.tr("Ne&xt ▶"), self.next)
        self.previous_button.setAccessibleName(self.tr("Previous photo"))
        self.next_button.setAccessibleName(self.tr("Next photo"))

        self._shortcut(["PgDown", "Right"], self.next, self.tr("Next photo"))
        self._shortcut(["PgUp", "Left"], self.previous, self.tr("Previous photo"))
        self._shortcut(["Ctrl+Return", "Ctrl+Enter"], self.mark_done, self.tr("Review done"))
        self._shortcut(["N"], self.mark_no_people, self.tr("Nobody identifiable"))
        self._shortcut(["A"], self.add_person, self.tr("Add person without a box"))
        self._shortcut(["C"], self.change_person, self.tr("Change who this is"))
        self._shortcut(["U"], self.toggle_identifiable, self.tr("Not identifiable"))
        self._shortcut(["Del", "Backspace"], self.remove_person, self.tr("Remove from photo"))
        undo = edits.stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = edits.stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])

        panel = QVBoxLayout()
        panel.addWidget(self.where)
        panel.addWidget(self.state)
        panel.addWidget(self.people, 1)
        for widget in (self.add_button, self.change_button, self.identifiable_button):
            panel.addWidget(widget)
        panel.addWidget(self.remove_button)
        panel.addWidget(self.error)
        panel.addSpacing(12)
        panel.addWidget(self.no_people_button)
        panel.addWidget(self.done_button)
        steps = QHBoxLayout()
        steps.addWidget(self.previous_button)
        steps.addWidget(self.next_button)
        panel.addLayout(steps)
        panel.addWidget(drawing)
        panel.addWidget(keys)
        side = QWidget(self)
        side.setLayout(panel)
        side.setFixedWidth(320)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(side)

        geometry = settings.VIEWER_GEOMETRY.read()
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 760)
        edits.changed.connect(self._edited)
        self.show_position(self.position)

    def _keys_html(self) -> str:
        rows = [
            (self.tr("→ or Page Down"), self.tr("next photo")),
            (self.tr("← or Page Up"), self.tr("previous photo")),
            (self.tr("Ctrl+Return"), self.tr("review done, then next")),
            ("N", self.tr("nobody identifiable")),
            ("A", self.tr("add a person without a box")),
            ("C", self.tr("change who it is")),
            ("U", self.tr("(not) identifiable")),
            (self.tr("Delete"), self.tr("remove from the photo")),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:10px'><b>{escape(key)}</b></td>"
            f"<td>{escape(what)}</td></tr>"
            for key, what in rows
        )
        return f"<table cellspacing='0' cellpadding='1'>{cells}</table>"

    def _button(self, label: str, slot: object) -> QPushButton:
        button = QPushButton(label, self)
        button.setAccessibleName(label.replace("&", "").replace("…", "").replace(" ✓", ""))
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys: list[str], slot: object, name: str) -> None:
        action = QAction(name, self)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.addAction(action)

    # -- moving through the photos -----------------------------------------------------------

    def show_position(self, position: int) -> None:
        if not self.photo_ids:
            self.where.setText(self.tr("No photos to review."))
            return
        self.position = max(0, min(position, len(self.photo_ids) - 1))
        self._generation += 1
        self.error.clear()
        self._reload()
        self._load_preview()
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.photo_ids) - 1)
        if self.photo is not None:
            self.photo_shown.emit(self.photo.id)

    def next(self) -> None:
        if self.position < len(self.photo_ids) - 1:
            self.show_position(self.position + 1)

    def previous(self) -> None:
        if self.position > 0:
            self.show_position(self.position - 1)

    def _reload(self) -> None:
        photo_id = self.photo_ids[self.position]
        try:
            self.photo = self._archive.photos.get(photo_id)
        except QuiltArchiveError as error:
            self.photo = None
            self.where.setText(str(error))
            return
        photo = self.photo
        self.where.setText(
            self.tr("Photo {0} of {1}\n{2}").format(
                self.position + 1, len(self.photo_ids), photo.caption or photo.file_name
            )
        )
        self.state.setText(text.review_state(photo.review_state))
        self.appearances = self._archive.appearances.in_photo(photo.id)
        self._names = {
            p.id: p.name
            for p in self._archive.people.get_many(
                a.person_id for a in self.appearances if a.person_id is not None
            )
        }
        current = self.people.currentRow()
        self.people.clear()
        for appearance in self.appearances:
            label = self._label(appearance)
            if appearance.box is None:
                label += " " + self.tr("(no box)")
            if not appearance.identifiable:
                label += " " + self.tr("(not identifiable)")
            QListWidgetItem(label, self.people)
        if self.appearances:
            self.people.setCurrentRow(min(max(current, 0), len(self.appearances) - 1))
        self._person_selected(self.people.currentRow())

    def _label(self, appearance: Appearance) -> str:
        if appearance.person_id is None:
            return self.tr("Unknown person")
        return self._names.get(appearance.person_id, "?")

    def _show_boxes(self) -> None:
        shown = [
            ShownBox(a.box, self._label(a), a.person_id is not None, a.identifiable)
            for a in self.appearances
            if a.box is not None
        ]
        with_boxes = [a for a in self.appearances if a.box is not None]
        selected = self.selected_appearance()
        index = with_boxes.index(selected) if selected in with_boxes else None
        self.canvas.set_boxes(shown, index)

    def _load_preview(self) -> None:
        photo = self.photo
        if photo is None:
            return
        generation = self._generation
        layout = self._archive.layout
        self.canvas.set_pixmap(None, self.tr("Loading…"))

        def done(image: QImage) -> None:
            if generation != self._generation:
                return
            if image.isNull():
                self.canvas.set_pixmap(None, self.tr("No preview: the original cannot be read"))
            else:
                self.canvas.set_pixmap(QPixmap.fromImage(image))
            self._prepare_next_preview()

        run_task(
            lambda: read_preview(layout, photo, PREVIEW_LONGEST),
            done,
            pool_name="thumbnails",
            owner=self,
        )

    def _prepare_next_preview(self) -> None:
        """Make the next photo's preview while this one is looked at, so moving on is instant."""
        if self.position >= len(self.photo_ids) - 1:
            return
        archive, next_id = self._archive, self.photo_ids[self.position + 1]

        def prepare() -> None:
            # a problem is shown with its reason when the librarian gets to that photo
            with suppress(QuiltArchiveError, UnreadableImage, OSError):
                preview_file(archive.layout, archive.photos.get(next_id))

        run_task(prepare, pool_name="thumbnails", owner=self)

    # -- the people in it --------------------------------------------------------------------

    def selected_appearance(self) -> Appearance | None:
        row = self.people.currentRow()
        return self.appearances[row] if 0 <= row < len(self.appearances) else None

    def _person_selected(self, _row: int) -> None:
        selected = self.selected_appearance()
        for button in (self.change_button, self.identifiable_button, self.remove_button):
            button.setEnabled(selected is not None)
        if selected is not None and not selected.identifiable:
            self.identifiable_button.setText(self.tr("Mark &identifiable"))
        else:
            self.identifiable_button.setText(self.tr("Mark &not identifiable"))
        self._show_boxes()

    def _people(self) -> list[tuple[int, str]]:
        return self._archive.people.names()

    def _pick(self, title: str, prompt: str, on_picked: object, *, ask_identifiable: bool) -> None:
        self.picker = PersonPicker(
            self._people(),
            title=title,
            prompt=prompt,
            ask_identifiable=ask_identifiable,
            parent=self,
        )
        self.picker.picked.connect(on_picked)
        self.picker.open()

    def _box_drawn(self, box: Box) -> None:
        self._pick(
            self.tr("Who is this?"),
            self.tr("Who is in the box you drew?"),
            lambda choice: self._record(choice, box),
            ask_identifiable=True,
        )

    def add_person(self) -> None:
        self._pick(
            self.tr("Who is in this photo?"),
            self.tr("Someone in the photo, recorded without a box around them:"),
            lambda choice: self._record(choice, None),
            ask_identifiable=True,
        )

    def _record(self, choice: PickedPerson, box: Box | None) -> None:
        photo = self.photo
        if photo is None:
            return
        if choice.new:
            with self._edits.macro(self.tr("Add {0} to photo").format(choice.name)):
                added = self._new_person(choice)
                if added is None:
                    return
                self._report(
                    self._edits.add_appearance(
                        photo.id, added, box, identifiable=choice.identifiable
                    )
                )
            return
        self._report(
            self._edits.add_appearance(
                photo.id, choice.person_id, box, identifiable=choice.identifiable
            )
        )

    def _new_person(self, choice: PickedPerson) -> int | None:
        outcome = self._edits.add_person(
            choice.name, age_band=choice.age_band, do_not_identify=choice.do_not_identify
        )
        self._report(outcome)
        return outcome.result.id if outcome.ok else None

    def change_person(self) -> None:
        selected = self.selected_appearance()
        if selected is None:
            return

        def chosen(choice: PickedPerson) -> None:
            if choice.new:
                with self._edits.macro(self.tr("Say who is in the photo")):
                    added = self._new_person(choice)
                    if added is not None:
                        self._report(self._edits.name_appearance(selected.id, added))
            else:
                self._report(self._edits.name_appearance(selected.id, choice.person_id))

        self._pick(
            self.tr("Who is this?"),
            self.tr("Who is this person?"),
            chosen,
            ask_identifiable=False,
        )

    def toggle_identifiable(self) -> None:
        selected = self.selected_appearance()
        if selected is not None:
            self._report(self._edits.set_identifiable(selected.id, not selected.identifiable))

    def remove_person(self) -> None:
        selected = self.selected_appearance()
        if selected is not None:
            self._report(self._edits.remove_appearance(selected.id))

    def mark_no_people(self) -> None:
        if self.photo is not None:
            self._report(self._edits.set_review_state([self.photo.id], ReviewState.NO_PEOPLE))

    def mark_done(self) -> None:
        if self.photo is None:
            return
        outcome = self._edits.set_review_state([self.photo.id], ReviewState.REVIEWED)
        self._report(outcome)
        if outcome.ok:
            self.next()

    def _report(self, outcome: Outcome) -> None:
        self.error.setText(outcome.error)

    def _edited(self, change: Change) -> None:
        if self.photo is not None and (self.photo.id in change.photo_ids or change.person_ids):
            self._reload()

    def done(self, result: int) -> None:
        settings.VIEWER_GEOMETRY.write(self.saveGeometry())
        super().done(result)
