"""The search field (results as you type) and the filter bar beneath it."""

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from quiltarchive.consent.overview import OUTSIDE_USES, Badge
from quiltarchive.model.consent import Use
from quiltarchive.model.event import Event
from quiltarchive.model.photo_query import PhotoQuery
from ui.consent_status import use_name
from ui.resources import icon

TYPING_PAUSE_MS = 180


class SearchField(QLineEdit):
    """Emits `search_changed(text)` once typing pauses."""

    search_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchField")
        self.setAccessibleName(self.tr("Search photos"))
        self.setPlaceholderText(self.tr("Search captions, alt text, people, events…"))
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(280)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.text().strip()))
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._now)

    def _now(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.text().strip())


class FilterBar(QFrame):
    """Event, capture dates, person, consent state and use-ready filters."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(8)

        self.event = QComboBox(self)
        self.event.setAccessibleName(self.tr("Filter by event"))
        self.event.setMinimumContentsLength(14)
        self.event.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.person = QComboBox(self)
        self.person.setAccessibleName(self.tr("Filter by person"))
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.setMinimumContentsLength(12)
        self.person.lineEdit().setPlaceholderText(self.tr("Any person"))
        self.person.lineEdit().setAccessibleName(self.tr("Person's name"))
        self.dated = QCheckBox(self.tr("Taken between"), self)
        self.dated.setAccessibleName(self.tr("Filter by date taken"))
        self.taken_from = QDateEdit(self)
        self.taken_from.setAccessibleName(self.tr("Taken on or after"))
        self.taken_to = QDateEdit(self)
        self.taken_to.setAccessibleName(self.tr("Taken on or before"))
        for edit in (self.taken_from, self.taken_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.taken_from.setDate(QDate.currentDate().addYears(-1))
        self.consent = QComboBox(self)
        self.consent.setAccessibleName(self.tr("Filter by consent badge"))
        self.ready = QComboBox(self)
        self.ready.setAccessibleName(self.tr("Filter by use the photo is ready for"))
        self.ready.addItem(self.tr("Ready for any use"), None)
        for use in OUTSIDE_USES:
            self.ready.addItem(self.tr("Ready for {0}").format(use_name(use)), use.value)
        self.clear = QPushButton(self.tr("Clear filters"), self)
        self.clear.setAccessibleName(self.tr("Clear filters"))
        self.clear.clicked.connect(self.reset)

        event_label = QLabel(self.tr("&Event"), self)
        event_label.setBuddy(self.event)
        person_label = QLabel(self.tr("&Person"), self)
        person_label.setBuddy(self.person)
        and_label = QLabel(self.tr("and"), self)
        for widget in (
            event_label,
            self.event,
            person_label,
            self.person,
            self.dated,
            self.taken_from,
            and_label,
            self.taken_to,
            self.consent,
            self.ready,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.clear)

        self.set_events([])
        self.set_check_use(Use.WEB)
        for combo in (self.event, self.consent, self.ready):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.person.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.person.lineEdit().editingFinished.connect(self._person_typed)
        self.dated.toggled.connect(self._dates_toggled)
        self.taken_from.dateChanged.connect(lambda _date: self.changed.emit())
        self.taken_to.dateChanged.connect(lambda _date: self.changed.emit())

    # -- choices ---------------------------------------------------------------------------

    def set_events(self, events: list[Event]) -> None:
        chosen = self.event.currentData()
        with QSignalBlocker(self.event):
            self.event.clear()
            self.event.addItem(self.tr("Any event"), None)
            for event in events:
                self.event.addItem(event.name, event.id)
            found = self.event.findData(chosen)
            self.event.setCurrentIndex(max(0, found))

    def set_people(self, people: list[tuple[int, str]]) -> None:
        chosen = self.person.currentData()
        with QSignalBlocker(self.person):
            self.person.clear()
            self.person.addItem("", None)
            for person_id, name in people:
                self.person.addItem(name, person_id)
            self.person.setCurrentIndex(max(0, self.person.findData(chosen)))

    def set_check_use(self, use: Use) -> None:
        chosen = self.consent.currentData()
        with QSignalBlocker(self.consent):
            self.consent.clear()
            self.consent.addItem(self.tr("Any consent badge"), None)
            self.consent.addItem(self.tr("Ready for {0}").format(use_name(use)), Badge.READY.value)
            self.consent.addItem(self.tr("Ready for some uses only"), Badge.SOME_USES.value)
            self.consent.addItem(self.tr("Blocked"), Badge.BLOCKED.value)
            self.consent.addItem(self.tr("Not reviewed"), Badge.UNREVIEWED.value)
            self.consent.setCurrentIndex(max(0, self.consent.findData(chosen)))

    def _person_typed(self) -> None:
        text = self.person.currentText().strip()
        if not text:
            self.person.setCurrentIndex(0)
            return
        found = self.person.findText(text)
        if found >= 0 and found != self.person.currentIndex():
            self.person.setCurrentIndex(found)

    def _dates_toggled(self, on: bool) -> None:
        self.taken_from.setEnabled(on)
        self.taken_to.setEnabled(on)
        self.changed.emit()

    def reset(self) -> None:
        for combo in (self.event, self.consent, self.ready, self.person):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        with QSignalBlocker(self.dated):
            self.dated.setChecked(False)
        self.taken_from.setEnabled(False)
        self.taken_to.setEnabled(False)
        self.changed.emit()

    # -- reading ---------------------------------------------------------------------------

    def query(self, text: str = "") -> PhotoQuery:
        taken_from = taken_to = None
        if self.dated.isChecked():
            taken_from = _day(self.taken_from.date())
            taken_to = _day(self.taken_to.date())
        return PhotoQuery(
            text=text,
            event_id=self.event.currentData(),
            person_id=self.person.currentData(),
            taken_from=taken_from,
            taken_to=taken_to,
        )

    def badge(self) -> Badge | None:
        value = self.consent.currentData()
        return Badge(value) if value else None

    def ready_use(self) -> Use | None:
        value = self.ready.currentData()
        return Use(value) if value else None

    @property
    def active(self) -> bool:
        return self.query().narrows or self.badge() is not None or self.ready_use() is not None


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
