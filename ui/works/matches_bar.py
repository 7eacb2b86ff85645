"""Above the photos a search finds: the patches and stories it finds too (by patch code, title,
maker, the words of a story or its translation), each a link that opens it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from quiltarchive.archive import Archive
from quiltarchive.works.search import WorkMatches, search_works
from ui.background import run_task

SHOWN = 8  # links shown of each kind; the rest are counted


def _escape(words: str) -> str:
    return words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WorkMatchesBar(QFrame):
    patch_requested = Signal(int)
    story_requested = Signal(int)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workMatches")
        self._archive = archive
        self._generation = 0
        self.matches: WorkMatches | None = None
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Patches and stories found"))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.linkActivated.connect(self._link)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.label)
        self.setVisible(False)

    def search(self, words: str) -> None:
        self._generation += 1
        generation = self._generation
        if not words.strip():
            self.matches = None
            self.setVisible(False)
            return
        archive = self._archive

        def found(matches: WorkMatches) -> None:
            if generation == self._generation:
                self.show_matches(matches)

        run_task(lambda: search_works(archive, words, limit=50), found, owner=self)

    def show_matches(self, matches: WorkMatches) -> None:
        self.matches = matches
        parts = []
        if matches.patches:
            links = [
                f'<a href="patch:{p.id}">{_escape(p.code)}</a> {_escape(p.title)}'
                for p in matches.patches[:SHOWN]
            ]
            parts.append(self.tr("Patches: {0}").format(self._listed(links, len(matches.patches))))
        if matches.stories:
            links = [
                f'<a href="story:{s.id}">{_escape(s.title)}</a>' for s in matches.stories[:SHOWN]
            ]
            parts.append(self.tr("Stories: {0}").format(self._listed(links, len(matches.stories))))
        self.label.setText(" &nbsp;·&nbsp; ".join(parts))
        self.setVisible(bool(parts))

    def _listed(self, links: list[str], total: int) -> str:
        more = total - len(links)
        return ", ".join(links) + (self.tr(" and {0} more").format(more) if more > 0 else "")

    def _link(self, target: str) -> None:
        kind, _, number = target.partition(":")
        if kind == "patch":
            self.patch_requested.emit(int(number))
        elif kind == "story":
            self.story_requested.emit(int(number))
