"""Patches, quilts and stories: the patches with their makers and consent, the quilt map, and
residents' stories. Everything shown is read in the background and read again after an edit."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from quiltarchive.archive import Archive
from quiltarchive.model.consent import Use
from quiltarchive.model.patch import Patch
from quiltarchive.model.story import Story
from ui.background import run_task
from ui.consent_status import use_name
from ui.edits import Change, Edits
from ui.grid.thumbnails import ThumbnailLoader
from ui.works.patch_dialog import PatchDialog
from ui.works.patch_list import THUMB, PatchList
from ui.works.quilt_panel import QuiltPanel
from ui.works.records import Works, read_works
from ui.works.story_dialog import StoryDialog
from ui.works.story_panel import StoryPanel
from ui.works.work_edits import WorkEdits

USES = (Use.WEB, Use.PRINT, Use.EXHIBITION, Use.SOCIAL, Use.PRESS, Use.ARCHIVE)


class PatchesPage(QWidget):
    loaded = Signal()  # the lists show the archive as it now is

    def __init__(self, archive: Archive, edits: Edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Patches"))
        self._archive = archive
        self.works = WorkEdits(edits)
        self.data: Works | None = None
        self.dialog: PatchDialog | StoryDialog | None = None
        self._generation = 0
        self._when_loaded: list[Callable[[], object]] = []
        self.loader = ThumbnailLoader(self)
        self.loader.set_size(THUMB)
        heading = QLabel(self.tr("Patches, quilts and stories"), self)
        heading.setProperty("role", "heading")
        self.use = QComboBox(self)
        self.use.setAccessibleName(self.tr("Consent shown for"))
        for use in USES:
            self.use.addItem(use_name(use), use.value)
        use_label = QLabel(self.tr("Consent &for:"), self)
        use_label.setBuddy(self.use)
        self.patches = PatchList(self.loader, self)
        self.quilts = QuiltPanel(archive, self.works, self)
        self.stories = StoryPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Patches, quilts and stories"))
        self.tabs.addTab(self.patches, self.tr("&Patches"))
        self.tabs.addTab(self.quilts, self.tr("&Quilt map"))
        self.tabs.addTab(self.stories, self.tr("S&tories"))
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(use_label)
        top.addWidget(self.use)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.tabs)
        # The tabs' toolbars may be cut short in a narrow window, never make it wider.
        self.setMinimumSize(320, 240)

        self.use.currentIndexChanged.connect(lambda _i: self.reload())
        self.patches.new_requested.connect(lambda: self.open_patch(None))
        self.patches.edit_requested.connect(self.open_patch)
        self.quilts.patch_requested.connect(self.open_patch_id)
        self.stories.new_requested.connect(lambda: self.open_story(None))
        self.stories.edit_requested.connect(self.open_story)
        edits.changed.connect(self._edited)

    def chosen_use(self) -> Use:
        return Use(self.use.currentData())

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        archive, use = self._archive, self.chosen_use()

        def done(works: Works) -> None:
            if generation == self._generation:
                self.data = works
                self.patches.show_works(works)
                self.quilts.show_works(works)
                self.stories.show_works(works)
                waiting, self._when_loaded = self._when_loaded, []
                for step in waiting:
                    step()
                self.loaded.emit()

        run_task(lambda: read_works(archive, use), done, owner=self)

    def _edited(self, change: Change) -> None:
        # A photo's rights or review change a patch's consent too: read again if shown.
        if change.works or change.person_ids or self.isVisible():
            self.reload()

    def open_patch(self, patch: Patch | None) -> PatchDialog | None:
        if self.data is None:
            return None
        self.dialog = PatchDialog(self.works, self.data.people, patch, self)
        self.dialog.open()
        return self.dialog

    def open_patch_id(self, patch_id: int) -> PatchDialog | None:
        return self.open_patch(self._archive.patches.get(patch_id))

    def open_story(self, story: Story | None) -> StoryDialog | None:
        if self.data is None:
            return None
        self.dialog = StoryDialog(self.works, self.data, story, self)
        self.dialog.open()
        return self.dialog

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def open_later(self, kind: str, record_id: int) -> None:
        """Open a patch or a story (as a search found it) once the lists are read."""
        archive = self._archive
        if kind == "patch":
            self.show_tab(self.patches)
            step = lambda: self.open_patch(archive.patches.get(record_id))  # noqa: E731
        else:
            self.show_tab(self.stories)
            step = lambda: self.open_story(archive.stories.get(record_id))  # noqa: E731
        self._when_loaded.append(step)
        self.reload()
