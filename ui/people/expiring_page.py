"""Consents ending within 30 days, soonest first: the list a librarian works through to ask
people to renew."""

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from quiltarchive.consent.review_lists import EXPIRING_WITHIN_DAYS, ExpiringConsent
from ui import text
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
                "Consents that end within {0} days. Open a person (Enter) to record a new "
                "consent that replaces the old one before it ends."
            ).format(EXPIRING_WITHIN_DAYS),
            self,
        )
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(heading)
        top.addWidget(self.count)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        status.lists_changed.connect(self.refresh)

    def refresh(self) -> None:
        found = self._status.expiring
        if found is None:
            self.count.setText(self.tr("Checking…"))
            return
        self.model.set_rows(list(found))
        self.count.setText(text.count(len(found), self.tr("1 consent"), self.tr("{0} consents")))

    def _activated(self, index: QModelIndex) -> None:
        self.person_requested.emit(self.model.record(index.row()).consent.person_id)
