"""Everything about one photo: preview, who is in it, what it may be used for, description,
rights and the file's details."""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from quiltarchive.archive import Archive
from quiltarchive.consent.assessment import assess
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.consent import Use
from quiltarchive.model.photo import Photo
from ui import text
from ui.background import run_task
from ui.detail.editors import DescriptionEditor, RightsEditor, button
from ui.detail.uses import UsesPanel
from ui.detail.widgets import section
from ui.edits import Edits
from ui.grid.thumbnails import read_preview

PREVIEW_HEIGHT = 240


class PhotoDetails(QWidget):
    person_requested = Signal(int)
    review_requested = Signal()
    failed = Signal(str)
    decisions_shown = Signal()

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._edits = edits
        self.photo: Photo | None = None
        self._generation = 0

        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(120)
        self.preview.setAccessibleName(self.tr("Preview"))
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle = QLabel(self)
        self.subtitle.setProperty("role", "hint")
        self.subtitle.setWordWrap(True)

        self.uses = UsesPanel(self)
        self.people = QLabel(self)
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setAccessibleName(self.tr("People in this photo"))
        self.people.linkActivated.connect(self._link)
        self.review_state = QLabel(self)
        self.review_state.setWordWrap(True)
        self.review_button = button(
            self.tr("Record who is in it…"), self.review_requested.emit, self
        )
        self.description = DescriptionEditor(edits, self)
        self.description.failed.connect(self.failed)
        self.rights = RightsEditor(edits, self)
        self.rights.failed.connect(self.failed)
        self.facts = QFormLayout()
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)

        people_row = QHBoxLayout()
        people_row.addWidget(self.review_state, 1)
        people_row.addWidget(self.review_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.preview)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(section(self.tr("May it be used today?"), self))
        layout.addWidget(self.uses)
        layout.addWidget(section(self.tr("People"), self))
        layout.addWidget(self.people)
        layout.addLayout(people_row)
        layout.addWidget(section(self.tr("Description"), self))
        layout.addWidget(self.description)
        layout.addWidget(section(self.tr("Rights"), self))
        layout.addWidget(self.rights)
        layout.addWidget(section(self.tr("Details"), self))
        layout.addLayout(self.facts)
        layout.addStretch(1)

    # -- showing ---------------------------------------------------------------------------

    def show_photo(self, photo_id: int) -> None:
        try:
            photo = self._archive.photos.get(photo_id)
        except QuiltArchiveError:
            return
        moved = self.photo is None or self.photo.id != photo.id
        self.photo = photo
        self._generation += 1
        self.title.setText(photo.caption or photo.file_name)
        self.subtitle.setText(
            " · ".join(part for part in (text.taken(photo.taken_at), photo.camera) if part)
        )
        self._show_people(photo)
        self.description.show_photo(photo)
        self.rights.show_photos([photo])
        self._show_facts(photo)
        if moved:
            self.uses.clear(self.tr("Checking…"))
            self._load_preview(photo)
        self._load_decisions(photo.id)

    def _show_people(self, photo: Photo) -> None:
        appearances = self._archive.appearances.in_photo(photo.id)
        names = {
            p.id: p.name
            for p in self._archive.people.get_many(
                a.person_id for a in appearances if a.person_id is not None
            )
        }
        lines = []
        for appearance in appearances:
            if appearance.person_id is None:
                line = escape(self.tr("An unknown person"))
            else:
                name = names.get(appearance.person_id, "?")
                line = f"<a href='person:{appearance.person_id}'>{escape(name)}</a>"
            if not appearance.identifiable:
                line += " " + escape(self.tr("(not identifiable)"))
            lines.append(line)
        self.people.setText("<br>".join(lines) if lines else escape(self.tr("Nobody recorded.")))
        self.review_state.setText(text.review_state(photo.review_state))

    def _show_facts(self, photo: Photo) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        event = ""
        if photo.event_id is not None:
            try:
                event = self._archive.events.get(photo.event_id).name
            except QuiltArchiveError:
                event = ""
        rows = [
            (self.tr("Event"), event or self.tr("none")),
            (self.tr("File"), photo.file_name),
            (self.tr("Size"), f"{photo.width} × {photo.height} · {text.size(photo.size_bytes)}"),
            (self.tr("Format"), photo.format),
            (self.tr("Taken"), text.taken(photo.taken_at)),
            (self.tr("Imported"), text.taken(photo.imported_at)),
            (
                self.tr("Location"),
                self.tr("recorded (kept apart, never exported)")
                if photo.has_location
                else self.tr("none recorded"),
            ),
            (self.tr("Photo number"), str(photo.id)),
        ]
        for label, value in rows:
            shown = QLabel(value, self)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(label)
            self.facts.addRow(label, shown)

    def _load_preview(self, photo: Photo) -> None:
        generation = self._generation
        layout = self._archive.layout
        longest = round(PREVIEW_HEIGHT * 1.6 * self.devicePixelRatioF())
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("Loading preview…"))

        def done(image: QImage) -> None:
            if generation != self._generation:
                return
            if image.isNull():
                self.preview.setText(self.tr("No preview: the original cannot be read"))
                return
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())
            width = max(120, self.width() - 24)
            self.preview.setPixmap(
                pixmap.scaled(
                    round(width * self.devicePixelRatioF()),
                    round(PREVIEW_HEIGHT * self.devicePixelRatioF()),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )

        run_task(
            lambda: read_preview(layout, photo, longest), done, pool_name="thumbnails", owner=self
        )

    def _load_decisions(self, photo_id: int) -> None:
        generation = self._generation
        archive = self._archive

        def decide() -> dict:
            return {use: assess(archive, photo_id, use) for use in Use}

        def done(decisions: dict) -> None:
            if generation == self._generation:
                self.uses.show_decisions(decisions)
                self.decisions_shown.emit()

        run_task(decide, done, owner=self)

    def _link(self, target: str) -> None:
        kind, _, value = target.partition(":")
        if kind == "person" and value.isdigit():
            self.person_requested.emit(int(value))
