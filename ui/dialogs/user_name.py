"""Whose name goes on the audit trail: asked once, remembered, changeable from the File menu."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class UserNameDialog(QDialog):
    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        self.setAccessibleName(self.tr("Your name"))
        explanation = QLabel(
            self.tr(
                "QuiltArchive records who made each change to people, consents and photos. "
                "Type your name as colleagues will recognise it. It is remembered on this "
                "computer."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.name = QLineEdit(current, self)
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(self.tr("for example Sam Patel, Burnt Oak Library"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("OK"))
        buttons.accepted.connect(self.accept)
        self.name.textChanged.connect(lambda typed: self.ok.setEnabled(bool(typed.strip())))
        self.ok.setEnabled(bool(current.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def chosen(self) -> str:
        return self.name.text().strip()
