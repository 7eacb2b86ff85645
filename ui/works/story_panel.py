"""The Stories tab: residents' stories with their teller, language, translation, what they
refer to, and whether the teller's story permission lets them be published for the use."""

from PySide6.QtWidgets import QWidget

from ui import text
from ui.consent_status import use_name
from ui.tables import Column, RecordTableModel
from ui.works.record_list import RecordList
from ui.works.records import StoryRow, Works


def _published(row: StoryRow) -> str:
    if row.decision.allowed:
        return text.tr("yes")
    return text.tr("no — {0}").format(row.decision.reasons[0] if row.decision.reasons else "")


class StoryPanel(RecordList):
    """`edit_requested(story)`, `new_requested()`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        columns: list[Column[StoryRow]] = [
            Column(self.tr("Title"), lambda r: r.story.title, lambda r: r.story.title.casefold()),
            Column(self.tr("Teller"), lambda r: r.teller or self.tr("not recorded")),
            Column(self.tr("Language"), lambda r: r.story.language),
            Column(self.tr("Translation"), lambda r: r.story.translation_language or "—"),
            Column(
                self.tr("Refers to"),
                lambda r: (
                    text.count(len(r.story.photo_ids), self.tr("1 photo"), self.tr("{0} photos"))
                    + ", "
                    + text.count(len(r.story.patch_ids), self.tr("1 patch"), self.tr("{0} patches"))
                ),
            ),
            Column(
                self.tr("May be published"),
                _published,
                tooltip=lambda r: "\n".join(r.decision.reasons) or _published(r),
            ),
        ]
        self._build(
            RecordTableModel(columns, self),
            name=self.tr("Stories"),
            find_name=self.tr("Find a story"),
            find_hint=self.tr("Find a story by title or teller…"),
            new_label=self.tr("New story…"),
            new_name=self.tr("New story"),
            widths=(240, 180, 90, 100, 150),
        )

    def show_works(self, works: Works) -> None:
        self.model.set_rows(works.stories)
        self.count.setText(
            text.count(len(works.stories), self.tr("1 story"), self.tr("{0} stories"))
            + " · "
            + self.tr("published only with the teller's story permission; shown for {0}").format(
                use_name(works.use)
            )
        )

    def record_of(self, row: StoryRow) -> object:
        return row.story
