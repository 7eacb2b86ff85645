"""Archive → Publication Ledger: every export, latest first, with when, who, what set, for
which use, what kind and where it went; the files of the chosen one with what each shows and
the consents relied on. Narrowed to one person, it shows the exports holding them and the
collections holding their photos, patches or stories (what to recall after a withdrawal)."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.consent.impact import CollectionImpact, withdrawal_impact
from quiltarchive.model.consent import Use
from quiltarchive.model.publication import Publication, PublishedFile
from ui import background, text
from ui.consent_status import use_name
from ui.dialogs.form_parts import close_only
from ui.tables import Column, RecordTableModel, table_view


def tr(text: str) -> str:
    return QCoreApplication.translate("PublicationLedger", text)


@dataclass(frozen=True)
class LedgerRead:
    publications: list[Publication]
    collections: tuple[CollectionImpact, ...]  # holding the person's items (when narrowed)
    people: list[tuple[int, str]]
    works: dict[tuple[str, int], str]  # ("patch", id) → its code, ("story", id) → its title


def read_ledger(archive: Archive, person_id: int | None) -> LedgerRead:
    """What the window shows: through the same core calls as `quiltarchive ledger [--person]`."""
    people = archive.people.names()
    if person_id is None:
        publications, collections = archive.ledger.publications(), ()
    else:
        impact = withdrawal_impact(archive, person_id)
        publications, collections = list(impact.publications), impact.collections
    return LedgerRead(publications, collections, people, _work_names(archive, publications))


def _work_names(archive: Archive, publications: list[Publication]) -> dict[tuple[str, int], str]:
    files = [f for p in publications for f in p.files]
    patches = archive.patches.get_many({f.patch_id for f in files if f.patch_id})
    stories = archive.stories.get_many({f.story_id for f in files if f.story_id})
    return {("patch", patch.id): patch.code for patch in patches} | {
        ("story", story.id): f"“{story.title}”" for story in stories
    }


def kind_words(kind: str) -> str:
    return {
        "gallery": tr("offline gallery"),
        "pack": tr("press or web pack"),
        "sidecars": tr("photos with XMP sidecars"),
        "quilt render": tr("quilt image"),
    }.get(kind, kind)


def use_words(use: str) -> str:
    try:
        return use_name(Use(use))
    except ValueError:
        return use


def shows(file: PublishedFile, works: dict[tuple[str, int], str]) -> str:
    """The patch by its code and the story by its title, as when exported; one deleted since
    by its number."""
    parts = []
    for kind, target, named, gone in (
        ("patch", file.patch_id, tr("patch {0}"), tr("patch {0} (deleted since)")),
        ("story", file.story_id, tr("story {0}"), tr("story {0} (deleted since)")),
    ):
        if target:
            name = works.get((kind, target))
            parts.append(named.format(name) if name else gone.format(target))
    if file.photo_id:
        parts.append(tr("photo {0}").format(file.photo_id))
    return ", ".join(parts) or tr("a page of the export")


def consents(file: PublishedFile) -> str:
    return ", ".join(map(str, file.consent_ids)) or tr("none")


def role_words(role: str) -> str:
    return {
        "display": tr("display image"),
        "thumbnail": tr("thumbnail"),
        "image": tr("full-size image"),
        "sidecar": tr("XMP sidecar"),
        "story": tr("story"),
    }.get(role, role)


class LedgerDialog(QDialog):
    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self.setWindowTitle(self.tr("Publication ledger"))
        self.setAccessibleName(self.tr("Publication ledger"))
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Only exports holding this person"))
        self.person.addItem(self.tr("Everyone"), None)
        person_label = QLabel(self.tr("&Person:"), self)
        person_label.setBuddy(self.person)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("Exports shown"))
        self.collections = QLabel(self)
        self.collections.setWordWrap(True)
        self.collections.setTextFormat(Qt.TextFormat.PlainText)
        self.collections.setAccessibleName(self.tr("Collections holding this person"))
        self.collections.hide()

        self.model: RecordTableModel[Publication] = RecordTableModel(
            [
                Column(self.tr("When"), lambda p: text.local_time(p.created_at)),
                Column(self.tr("Who"), lambda p: p.user),
                Column(self.tr("Collection"), lambda p: p.collection_name),
                Column(self.tr("Use"), lambda p: use_words(p.use)),
                Column(self.tr("Kind"), lambda p: kind_words(p.kind)),
                Column(
                    self.tr("Destination"), lambda p: p.destination, tooltip=lambda p: p.destination
                ),
            ],
            self,
        )
        self.table = table_view(self.tr("Exports"), self)
        self.table.setModel(self.model)
        for column, width in enumerate((140, 140, 160, 90, 150)):
            self.table.setColumnWidth(column, width)
        self.files_model: RecordTableModel[PublishedFile] = RecordTableModel(
            [
                Column(self.tr("File"), lambda f: f.file_name),
                Column(self.tr("What"), lambda f: role_words(f.role)),
                Column(self.tr("Shows"), lambda f: shows(f, self._works)),
                Column(self.tr("Consents relied on"), consents),
            ],
            self,
        )
        self.files = table_view(self.tr("Files of the chosen export"), self)
        self.files.setModel(self.files_model)
        for column, width in enumerate((300, 130, 160)):
            self.files.setColumnWidth(column, width)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.files)
        splitter.setSizes([300, 240])
        splitter.setChildrenCollapsible(False)
        buttons = close_only(self)

        filters = QHBoxLayout()
        filters.addWidget(person_label)
        filters.addWidget(self.person, 1)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.collections)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 620)

        self.person.currentIndexChanged.connect(self._person_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._show_files)
        self.loaded = False
        self._works: dict[tuple[str, int], str] = {}
        self._asked = 0
        self._person_id: int | None = None
        self.reload()

    def person_id(self) -> int | None:
        return self._person_id

    def show_person(self, person_id: int | None) -> None:
        """Only the exports holding one person (None: every export)."""
        self._person_id = person_id
        self.person.blockSignals(True)
        self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        self.person.blockSignals(False)
        self.reload()

    def _person_chosen(self, _index: int) -> None:
        self._person_id = self.person.currentData()
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        self._asked += 1
        archive, asked, person_id = self._archive, self._asked, self._person_id
        background.run_task(
            lambda: read_ledger(archive, person_id),
            lambda found: self._loaded(asked, found),
            owner=self,
        )

    def _fill_people(self, people: list[tuple[int, str]]) -> None:
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem(self.tr("Everyone"), None)
        for person_id, name in people:
            self.person.addItem(name, person_id)
        self.person.setCurrentIndex(max(0, self.person.findData(self._person_id)))
        self.person.blockSignals(False)

    def _loaded(self, asked: int, found: LedgerRead) -> None:
        if asked != self._asked:
            return  # the filter changed meanwhile: a later read is on its way
        self._fill_people(found.people)
        self._works = found.works
        publications = found.publications
        self.model.set_rows(publications)
        if self._person_id is None:
            words = (
                self.tr("Nothing has been exported.")
                if not publications
                else self.tr("{0} exports").format(len(publications))
                if len(publications) != 1
                else self.tr("1 export")
            )
        elif not publications:
            words = self.tr("No export held this person.")
        elif len(publications) == 1:
            words = self.tr("1 export held this person")
        else:
            words = self.tr("{0} exports held this person").format(len(publications))
        self.summary.setText(words)
        self._show_collections(found.collections)
        self.files_model.set_rows([])
        if publications:
            self.table.selectRow(0)
        self.loaded = True

    def _show_collections(self, collections: tuple[CollectionImpact, ...]) -> None:
        if self._person_id is None:
            self.collections.hide()
            return
        if collections:
            names = ", ".join(f"“{c.name}”" for c in collections)
            words = self.tr("Collections holding their photos, patches or stories: {0}")
            self.collections.setText(words.format(names))
        else:
            self.collections.setText(
                self.tr("No collection holds their photos, patches or stories.")
            )
        self.collections.show()

    def _show_files(self, *_args: object) -> None:
        row = self.table.currentIndex().row()
        self.files_model.set_rows(list(self.model.record(row).files) if row >= 0 else [])
