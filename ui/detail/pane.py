"""The right-hand pane: one photo's details, a summary of several, or a hint."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.overview import OUTSIDE_USES
from quiltarchive.model.consent import Use
from ui.background import run_task
from ui.consent_status import ConsentStatus, use_name
from ui.detail.editors import RightsEditor, button
from ui.detail.photo_details import PhotoDetails
from ui.detail.widgets import hint, section
from ui.edits import Edits

MAX_EDITED_TOGETHER = 500  # rights and withholding for more photos at once: not from here


class SelectionSummary(QWidget):
    review_requested = Signal()
    failed = Signal(str)

    def __init__(
        self, archive: Archive, edits: Edits, status: ConsentStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        self._status = status
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.uses = QLabel(self)
        self.uses.setWordWrap(True)
        self.rights = RightsEditor(edits, self)
        self.rights.failed.connect(self.failed)
        self.too_many = hint(
            self.tr("Select at most {0} photos to change their rights together.").format(
                MAX_EDITED_TOGETHER
            ),
            self,
        )
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.heading)
        layout.addWidget(section(self.tr("Ready today"), self))
        layout.addWidget(self.uses)
        layout.addWidget(section(self.tr("Rights for all of them"), self))
        layout.addWidget(self.rights)
        layout.addWidget(self.too_many)
        layout.addWidget(section(self.tr("People"), self))
        layout.addWidget(button(self.tr("Review these photos…"), self.review_requested.emit, self))
        layout.addStretch(1)

    def show_photos(self, photo_ids: list[int]) -> None:
        """Counts per use are worked out in the background (a selection may be 100,000)."""
        self._generation += 1
        generation = self._generation
        self.heading.setText(self.tr("{0} photos selected").format(f"{len(photo_ids):,}"))
        overview = self._status.overview
        if overview is None:
            self.uses.setText(self.tr("Checking consent…"))
        else:
            self.uses.setText(self.tr("Counting…"))

            def count() -> list[tuple[Use, int]]:
                return [
                    (use, sum(1 for i in photo_ids if i in overview.allowed[use]))
                    for use in OUTSIDE_USES
                ]

            def counted(found: list[tuple[Use, int]]) -> None:
                if generation == self._generation:
                    self.uses.setText(
                        "\n".join(
                            self.tr("{0}: {1} of {2}").format(
                                use_name(use).capitalize(), f"{n:,}", f"{len(photo_ids):,}"
                            )
                            for use, n in found
                        )
                    )

            run_task(count, counted, owner=self)
        editable = len(photo_ids) <= MAX_EDITED_TOGETHER
        self.rights.setEnabled(editable)
        self.too_many.setVisible(not editable)
        if editable:
            self.rights.show_photos(self._archive.photos.get_many(photo_ids))


class DetailPane(QScrollArea):
    person_requested = Signal(int)
    review_requested = Signal()
    failed = Signal(str)

    def __init__(
        self, archive: Archive, edits: Edits, status: ConsentStatus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName(self.tr("Photo details"))
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(300)
        self._selection: list[int] = []
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("detailContents")
        self.nothing = hint(
            self.tr(
                "Select a photo to see who is in it, what it may be used for, and its details."
            ),
            self,
        )
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setContentsMargins(24, 24, 24, 24)
        self.single = PhotoDetails(archive, edits, self)
        self.several = SelectionSummary(archive, edits, status, self)
        for page in (self.nothing, self.single, self.several):
            self.stack.addWidget(page)
        self.setWidget(self.stack)
        self.single.person_requested.connect(self.person_requested)
        self.single.review_requested.connect(self.review_requested)
        self.several.review_requested.connect(self.review_requested)
        for part in (self.single, self.several):
            part.failed.connect(self.failed)
        status.changed.connect(self._status_changed)

    def show_selection(self, photo_ids: list[int]) -> None:
        self._selection = photo_ids
        if not photo_ids:
            self.single.description.show_photo(None)
            self.stack.setCurrentWidget(self.nothing)
        elif len(photo_ids) == 1:
            self.single.show_photo(photo_ids[0])
            self.stack.setCurrentWidget(self.single)
        else:
            self.single.description.show_photo(None)
            self.several.show_photos(photo_ids)
            self.stack.setCurrentWidget(self.several)

    def refresh(self) -> None:
        self.show_selection(self._selection)

    def _status_changed(self) -> None:
        if len(self._selection) > 1:
            self.several.show_photos(self._selection)
