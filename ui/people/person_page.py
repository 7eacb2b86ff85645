"""One person: what their photos may be used for today, their consents over time, their
guardians and wards, and the photos they are in."""

from html import escape

from PySide6.QtCore import QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from quiltarchive import clock
from quiltarchive.archive import Archive
from quiltarchive.consent.overview import Badge
from quiltarchive.consent.person_status import ConsentState, consent_states, use_standings
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.model.person import Person
from quiltarchive.model.photo_query import PhotoQuery
from ui import core_words, text
from ui.consent_status import ConsentStatus, use_name
from ui.detail.widgets import badge_label, hint, section
from ui.edits import Change, Edits
from ui.grid.model import PhotoGridModel
from ui.grid.thumbnails import ThumbnailLoader
from ui.grid.view import PhotoGridView
from ui.style import mark
from ui.tables import Column, RecordTableModel, table_view


class PersonPage(QScrollArea):
    back_requested = Signal()
    person_requested = Signal(int)
    review_requested = Signal(list, int)  # photo ids, the one to start from
    edit_requested = Signal(object)  # Person
    consent_requested = Signal(object, object)  # Person, the Consent it replaces (or None)
    withdraw_requested = Signal(object)  # Consent
    guardian_requested = Signal(object)  # Person
    export_requested = Signal(object)  # Person: subject access
    forget_requested = Signal(object)  # Person: erasure
    ledger_requested = Signal(int)  # person id: the exports holding them

    def __init__(
        self,
        archive: Archive,
        edits: Edits,
        status: ConsentStatus,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Person"))
        self._archive, self._edits = archive, edits
        self.person: Person | None = None
        body = QWidget(self)
        body.setObjectName("personBody")
        self.setWidget(body)

        self.back = QPushButton(self.tr("◀ All people"), body)
        self.back.setAccessibleName(self.tr("Back to all people"))
        self.back.clicked.connect(self.back_requested)
        self.name = QLabel(body)
        self.name.setProperty("role", "heading")
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.about = hint("", body)
        self.message = QLabel(body)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a5a00;")
        self.message.setAccessibleName(self.tr("Message"))
        self.edit_button = self._button(self.tr("Edit details…"), self._edit, body)
        self.consent_button = self._button(self.tr("Record consent…"), self._record, body)
        mark(self.consent_button, "primary")
        self.guardian_button = self._button(self.tr("Add guardian…"), self._add_guardian, body)
        self.export_button = self._button(
            self.tr("Export everything held about this person…"), self._export, body
        )
        self.ledger_button = self._button(
            self.tr("Where their photos have gone…"), self._ledger, body
        )
        self.forget_button = self._button(self.tr("Forget this person…"), self._forget, body)
        mark(self.forget_button, "danger")

        self.uses = QGridLayout()
        self.uses.setHorizontalSpacing(8)
        self.uses.setColumnStretch(1, 1)
        self.consents = RecordTableModel[ConsentState](
            [
                Column(self.tr("Given on"), lambda s: s.consent.given_on.isoformat()),
                Column(self.tr("Given by"), lambda s: s.given_by_name),
                Column(
                    self.tr("Uses"),
                    lambda s: ", ".join(use_name(u) for u in sorted(s.consent.uses)),
                ),
                Column(self.tr("Story"), lambda s: self.tr("yes") if s.consent.story else ""),
                Column(
                    self.tr("Ends"),
                    lambda s: s.consent.expires_on.isoformat() if s.consent.expires_on else "",
                ),
                Column(self.tr("Now"), self._state_text, tooltip=self._state_text),
                Column(self.tr("Form"), self._form_text),
            ],
            self,
        )
        self.consent_table = table_view(self.tr("Consent history"), body)
        self.consent_table.setModel(self.consents)

        for column, width in enumerate((90, 170, 220, 50, 90, 190)):
            self.consent_table.setColumnWidth(column, width)
        self.consent_table.selectionModel().currentRowChanged.connect(self._consent_chosen)
        self.withdraw_button = self._button(self.tr("Withdraw…"), self._withdraw, body)
        self.replace_button = self._button(self.tr("Record a replacement…"), self._replace, body)
        self.scan_button = self._button(self.tr("Open scan"), self._open_scan, body)
        self.family = QLabel(body)
        self.family.setWordWrap(True)
        self.family.setTextFormat(Qt.TextFormat.RichText)
        self.family.setAccessibleName(self.tr("Guardians"))
        self.family.linkActivated.connect(self._link)
        self.guardian_buttons = QHBoxLayout()

        self.photos_model = PhotoGridModel(archive, status, loader, self)
        self.photos = PhotoGridView(self.photos_model, loader, body)
        self.photos.setObjectName("personPhotos")
        self.photos.setAccessibleName(self.tr("Photos this person is in"))
        self.photos.set_tile_size(120)
        self.photos.setMinimumHeight(230)
        self.photos.activated.connect(self._photo_activated)
        self.photo_count = hint("", body)

        top = QHBoxLayout()
        top.addWidget(self.back)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.guardian_button)
        top.addWidget(self.consent_button)
        consent_buttons = QHBoxLayout()
        consent_buttons.addStretch(1)
        consent_buttons.addWidget(self.scan_button)
        consent_buttons.addWidget(self.replace_button)
        consent_buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 10, 16, 16)
        layout.addLayout(top)
        layout.addWidget(self.name)
        layout.addWidget(self.about)
        layout.addWidget(self.message)
        layout.addWidget(section(self.tr("May their photos be used today?"), body))
        layout.addLayout(self.uses)
        layout.addWidget(section(self.tr("Consent history"), body))
        layout.addWidget(self.consent_table)
        layout.addLayout(consent_buttons)
        layout.addWidget(section(self.tr("Guardians"), body))
        layout.addWidget(self.family)
        layout.addLayout(self.guardian_buttons)
        layout.addWidget(section(self.tr("Their rights"), body))
        rights = QHBoxLayout()
        rights.addWidget(self.export_button)
        rights.addWidget(self.ledger_button)
        rights.addWidget(self.forget_button)
        rights.addStretch(1)
        layout.addLayout(rights)
        layout.addWidget(section(self.tr("Photos"), body))
        layout.addWidget(self.photo_count)
        layout.addWidget(self.photos, 1)
        edits.changed.connect(self._edited)

    def _button(self, label: str, slot: object, parent: QWidget) -> QPushButton:
        button = QPushButton(label, parent)
        button.setAccessibleName(label.replace("…", ""))
        button.clicked.connect(slot)
        return button

    # -- showing ---------------------------------------------------------------------------

    def show_person(self, person_id: int) -> bool:
        try:
            person = self._archive.people.get(self._edits.current("person", person_id))
        except QuiltArchiveError:
            self.person = None
            return False
        changed_person = self.person is None or self.person.id != person.id
        self.person = person
        if changed_person:
            self.message.clear()
            self.message.setVisible(False)
        self.name.setText(person.name)
        about = [text.age(person.birth_year, person.age_band, clock.today())]
        about.append(self.tr("credited as: {0}").format(text.credit(person.credit).lower()))
        if person.do_not_identify:
            about.append(self.tr("DO NOT IDENTIFY"))
        if person.notes:
            about.append(person.notes)
        self.about.setText(" · ".join(about))
        self._show_uses(person)
        self.consents.set_rows(consent_states(self._archive, person.id))
        rows = max(2, min(8, self.consents.rowCount()))
        table = self.consent_table
        table.setFixedHeight(
            table.horizontalHeader().height()
            + rows * table.verticalHeader().defaultSectionSize()
            + 4
        )
        self._consent_chosen()
        self._show_family(person)
        ids = self._archive.photos.ordered_ids(PhotoQuery(person_id=person.id))
        self.photos_model.set_ids(ids)
        self.photo_count.setText(text.photos(len(ids)))
        return True

    def _show_uses(self, person: Person) -> None:
        while self.uses.count():
            item = self.uses.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for row, standing in enumerate(use_standings(self._archive, person.id)):
            name = use_name(standing.use).capitalize()
            words = self.tr("yes") if standing.ok else core_words.reason(standing.reason)
            description = f"{name}: {words}"
            badge = Badge.READY if standing.ok else Badge.BLOCKED
            self.uses.addWidget(badge_label(badge, description, self.widget()), row, 0)
            label = QLabel(f"<b>{escape(name)}</b> — {escape(words)}", self.widget())
            label.setWordWrap(True)
            label.setAccessibleName(description)
            self.uses.addWidget(label, row, 1)

    def _show_family(self, person: Person) -> None:
        guardians = self._archive.people.get_many(person.guardian_ids)
        wards = self._archive.people.get_many(self._archive.people.wards_of(person.id))
        lines = []
        if guardians:
            links = ", ".join(f"<a href='person:{g.id}'>{escape(g.name)}</a>" for g in guardians)
            lines.append(escape(self.tr("Guardians: ")) + links)
        else:
            lines.append(escape(self.tr("No guardian recorded.")))
        if wards:
            links = ", ".join(f"<a href='person:{w.id}'>{escape(w.name)}</a>" for w in wards)
            lines.append(escape(self.tr("Guardian of: ")) + links)
        self.family.setText("<br>".join(lines))
        while self.guardian_buttons.count():
            item = self.guardian_buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for guardian in guardians:
            button = self._button(
                self.tr("Remove {0} as guardian").format(guardian.name),
                lambda _checked=False, g=guardian.id: self._remove_guardian(g),
                self.widget(),
            )
            self.guardian_buttons.addWidget(button)
        self.guardian_buttons.addStretch(1)

    def _state_text(self, state: ConsentState) -> str:
        consent = state.consent
        if state.status == "withdrawn" and consent.withdrawal is not None:
            return self.tr("withdrawn on {0}").format(consent.withdrawal.withdrawn_on.isoformat())
        if state.status == "expired" and consent.expires_on is not None:
            return self.tr("ended on {0}").format(consent.expires_on.isoformat())
        if state.status == "superseded":
            return self.tr("replaced by a later consent")
        if state.status == "not-yet":
            return self.tr("not yet in force")
        if not state.counts:
            return self.tr("in force, but not valid: see above")
        return self.tr("in force")

    def _form_text(self, state: ConsentState) -> str:
        consent = state.consent
        parts = [consent.form_ref] if consent.form_ref else []
        if consent.scan_sha256:
            parts.append(self.tr("scan"))
        return " · ".join(parts)

    # -- acting ----------------------------------------------------------------------------

    def selected_consent(self) -> ConsentState | None:
        index = self.consent_table.currentIndex()
        return self.consents.record(index.row()) if index.isValid() else None

    def _consent_chosen(self, *_args: object) -> None:
        state = self.selected_consent()
        self.withdraw_button.setEnabled(state is not None and state.consent.withdrawal is None)
        self.replace_button.setEnabled(state is not None)
        self.scan_button.setEnabled(state is not None and bool(state.consent.scan_sha256))

    def _edit(self) -> None:
        if self.person is not None:
            self.edit_requested.emit(self.person)

    def _record(self) -> None:
        if self.person is not None:
            self.consent_requested.emit(self.person, None)

    def _replace(self) -> None:
        state = self.selected_consent()
        if self.person is not None and state is not None:
            self.consent_requested.emit(self.person, state.consent)

    def _withdraw(self) -> None:
        state = self.selected_consent()
        if state is not None:
            self.withdraw_requested.emit(state.consent)

    def _add_guardian(self) -> None:
        if self.person is not None:
            self.guardian_requested.emit(self.person)

    def _export(self) -> None:
        if self.person is not None:
            self.export_requested.emit(self.person)

    def _ledger(self) -> None:
        if self.person is not None:
            self.ledger_requested.emit(self.person.id)

    def _forget(self) -> None:
        if self.person is not None:
            self.forget_requested.emit(self.person)

    def _remove_guardian(self, guardian_id: int) -> None:
        if self.person is not None:
            outcome = self._edits.remove_guardian(self.person.id, guardian_id)
            self.show_warnings([outcome.error] if outcome.error else [])

    def _open_scan(self) -> None:
        state = self.selected_consent()
        if state is None or not state.consent.scan_sha256:
            return
        path = self._archive.layout.consent_form_path(
            state.consent.scan_sha256, state.consent.scan_extension or ""
        )
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_warnings(self, warnings: tuple[str, ...] | list[str]) -> None:
        self.message.setText("\n".join(warnings))
        self.message.setVisible(bool(warnings))

    def _photo_activated(self, index: QModelIndex) -> None:
        self.review_requested.emit(list(self.photos_model.ids), index.row())

    def _link(self, target: str) -> None:
        kind, _, value = target.partition(":")
        if kind == "person" and value.isdigit():
            self.person_requested.emit(int(value))

    def _edited(self, _change: Change) -> None:
        if self.person is not None and self.isVisible() and not self.show_person(self.person.id):
            self.back_requested.emit()
