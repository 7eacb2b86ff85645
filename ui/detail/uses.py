"""May the photo be used today? One row per use, with every reason in plain words."""

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from quiltarchive.consent.overview import Badge
from quiltarchive.model.consent import Use
from quiltarchive.model.decision import Decision
from ui import core_words
from ui.consent_status import use_name
from ui.detail.widgets import badge_label


class UsesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self._layout.setHorizontalSpacing(8)
        self._layout.setVerticalSpacing(6)
        self._layout.setColumnStretch(1, 1)
        self.setAccessibleName(self.tr("Uses this photo may go to today"))

    def clear(self, message: str = "") -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        if message:
            label = QLabel(message, self)
            label.setProperty("role", "hint")
            self._layout.addWidget(label, 0, 0, 1, 2)

    def show_decisions(self, decisions: dict[Use, Decision]) -> None:
        self.clear()
        for row, use in enumerate(Use):
            decision = decisions.get(use)
            if decision is None:
                continue
            name = use_name(use).capitalize()
            if decision.allowed:
                words = self.tr("May be used")
                if decision.credit:
                    words += " · " + self.tr("credit: {0}").format(escape(decision.credit))
                if decision.blur:
                    words += " · " + self.tr("with people blurred")
                html = f"<b>{escape(name)}</b><br>{words}"
                description = self.tr("{0}: may be used").format(name)
                badge = Badge.READY
            else:
                said = core_words.reasons(decision.reasons)
                reasons = "".join(f"<li>{escape(reason)}</li>" for reason in said)
                html = (
                    f"<b>{escape(name)}</b> — {self.tr('not now')}"
                    f"<ul style='margin:0 0 0 -24px'>{reasons}</ul>"
                )
                description = self.tr("{0}: may not be used. {1}").format(name, " ".join(said))
                badge = Badge.BLOCKED
            self._layout.addWidget(badge_label(badge, description, self), row, 0)
            label = QLabel(html, self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(description)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._layout.addWidget(label, row, 1)
