"""Consents ending soon (within 30 days unless asked for more), soonest first: the list a
librarian works through to ask people to renew."""

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from quiltarchive.consent.review_lists import (
    EXPIRING_WITHIN_DAYS,
    ExpiringConsent,
    expiring_consents,
)
from ui import background, text
from ui.consent_status import ConsentStatus, use_name
from ui.detail.widgets import hint
from ui.tables import Column, RecordTableModel, table_view


class ExpiringPage(QWidget):
    person_requested = Signal(int)

    def __init__(self, status: ConsentStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = status
        self.model = RecordTableModel[ExpiringConsent](
            [
                Column(self.tr("Person"), lambda e: e.person_name),
                Column(
                    self.tr("Uses"),
                    lambda e: ", ".join(use_name(u) for u in sorted(e.consent.uses)),
                ),
                Column(
                    self.tr("Ends on"),
                    lambda e: e.consent.expires_on.isoformat() if e.consent.expires_on else "",
                ),
                Column(self.tr("Days left"), lambda e: str(e.days_left)),
                Column(self.tr("Photos"), lambda e: f"{len(e.photo_ids):,}"),
            ],
            self,
        )
        self.table = table_view(self.tr("Consents expiring"), self)
        self.table.setModel(self.model)
        for column, width in enumerate((220, 260, 110, 90)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        heading = QLabel(self.tr("Consent expiring"), self)
        heading.setProperty("role", "heading")
        self.count = hint("", self)
        explanation = hint(
            self.tr(
                "Open a person (Enter) to record a new consent that replaces the old one "
                "before it ends."
            ),
            self,
        )
        self.days = QSpinBox(self)
        self.days.setAccessibleName(self.tr("Consents ending within this many days"))
        self.days.setRange(0, 3650)
        self.days.setValue(EXPIRING_WITHIN_DAYS)
        self.days.setSuffix(self.tr(" days"))
        within = QLabel(self.tr("Ending &within"), self)
        within.setBuddy(self.days)
        self._asked = 0
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(heading)
        top.addWidget(self.count)
        top.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(within)
        choose.addWidget(self.days)
        choose.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addLayout(choose)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        status.lists_changed.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)

    def refresh(self) -> None:
        self._asked += 1
        days = self.days.value()
        if days != EXPIRING_WITHIN_DAYS:
            archive, asked = self._status.archive, self._asked
            self.count.setText(self.tr("Checking…"))
            background.run_task(
                lambda: expiring_consents(archive, days),
                lambda found: self._show(asked, found),
                owner=self,
            )
            return
        found = self._status.expiring
        if found is None:
            self.count.setText(self.tr("Checking…"))
            return
        self._show(self._asked, found)

    def _show(self, asked: int, found: list[ExpiringConsent]) -> None:
        if asked != self._asked:
            return  # the number of days changed meanwhile
        self.model.set_rows(list(found))
        self.count.setText(text.count(len(found), self.tr("1 consent"), self.tr("{0} consents")))

    def _activated(self, index: QModelIndex) -> None:
        self.person_requested.emit(self.model.record(index.row()).consent.person_id)
