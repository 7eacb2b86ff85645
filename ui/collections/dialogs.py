"""Small dialogs for collections: a name (new or renamed), and which collection to add to."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.curation.collections import EXPORT_USES
from quiltarchive.model.collection import Collection
from quiltarchive.model.consent import Use
from ui.consent_status import use_name

NEW_COLLECTION = -1


def use_combo(parent: QWidget, accessible_name: str, none_text: str) -> QComboBox:
    """A choice of the uses a set can be exported for, with a first "none" entry."""
    combo = QComboBox(parent)
    combo.setAccessibleName(accessible_name)
    combo.addItem(none_text, None)
    for use in EXPORT_USES:
        combo.addItem(use_name(use), use.value)
    return combo


def chosen_use(combo: QComboBox) -> Use | None:
    value = combo.currentData()
    return Use(value) if value else None


def set_use(combo: QComboBox, use: Use | None) -> None:
    combo.setCurrentIndex(max(0, combo.findData(use.value if use else None)))


class NameDialog(QDialog):
    """A collection's name (and, for a new one, its target use)."""

    def __init__(
        self,
        title: str,
        name: str = "",
        parent: QWidget | None = None,
        *,
        with_use: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.name = QLineEdit(name, self)
        self.name.setAccessibleName(self.tr("Collection name"))
        self.name.setMaxLength(120)
        self.use = use_combo(self, self.tr("Target use"), self.tr("Not chosen yet"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        if with_use:
            form.addRow(self.tr("&Use:"), self.use)
        else:
            self.use.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setAccessibleName(self.tr("Save the name"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        self.ok.setEnabled(bool(name.strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())


class ChooseCollectionDialog(QDialog):
    """Which collection the selected photos go into; a new one can be named here too."""

    def __init__(self, collections: list[Collection], count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add to Collection"))
        self.setAccessibleName(self.tr("Add to collection"))
        intro = QLabel(self.tr("Add %n selected photo(s) to the end of:", "", count), self)
        intro.setWordWrap(True)
        self.collection = QComboBox(self)
        self.collection.setAccessibleName(self.tr("Collection"))
        for found in collections:
            self.collection.addItem(found.name, found.id)
        self.collection.addItem(self.tr("A new collection…"), NEW_COLLECTION)
        self.new_name = QLineEdit(self)
        self.new_name.setAccessibleName(self.tr("New collection name"))
        self.new_name.setPlaceholderText(self.tr("Name of the new collection"))
        self.collection.currentIndexChanged.connect(self._chosen)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add"))
        self.ok.setAccessibleName(self.tr("Add the photos"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.new_name.textChanged.connect(lambda _t: self._chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.collection)
        layout.addWidget(self.new_name)
        layout.addWidget(self.buttons)
        self._chosen()

    def chosen_id(self) -> int:
        return int(self.collection.currentData())

    def _chosen(self, *_args: object) -> None:
        new = self.chosen_id() == NEW_COLLECTION
        self.new_name.setVisible(new)
        self.ok.setEnabled(not new or bool(self.new_name.text().strip()))
