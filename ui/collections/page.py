"""A collection's page: its items in order, and before any export which of them will be left
out and why (the consent decision's own reasons) and which lack alt text.

Items are reordered by dragging or with Ctrl+Up / Ctrl+Down, removed with Delete, and each can
have a caption and alt text for this collection only. The check is read in the background
after every change; changes go through the same core functions as the command line.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from quiltarchive.archive import Archive
from quiltarchive.curation.collections import (
    add_items,
    delete_collection,
    describe_item,
    remove_items,
    reorder_items,
    update_collection,
)
from quiltarchive.curation.labels import item_labels
from quiltarchive.errors import QuiltArchiveError
from quiltarchive.export.plan import ExportPlan, preflight
from quiltarchive.model.collection import Collection, CollectionItem
from ui.background import run_task
from ui.collections.dialogs import NameDialog, chosen_use, set_use, use_combo
from ui.consent_status import use_name

ItemRole = Qt.ItemDataRole.UserRole + 1
LEFT_OUT_COLOUR = QColor("#a4262c")
NO_ALT_COLOUR = QColor("#8a5300")


@dataclass(frozen=True)
class CollectionView:
    """What the page shows, read in the background."""

    collection: Collection
    items: list[CollectionItem]
    labels: dict[int, str]
    plan: ExportPlan | None  # None until the set has a target use


def read_view(archive: Archive, collection_id: int) -> CollectionView:
    collection = archive.collections.get(collection_id)
    items = archive.collections.items(collection_id)
    plan = preflight(archive, collection_id) if collection.use is not None and items else None
    return CollectionView(collection, items, item_labels(archive, items), plan)


class ItemList(QListWidget):
    """The items in order; dragging one reorders the set (`reordered`)."""

    reordered = Signal()
    move_requested = Signal(int)  # -1 up, 1 down (Ctrl+Up, Ctrl+Down)
    remove_requested = Signal()  # Delete

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        elif event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
            self.remove_requested.emit()
        else:
            super().keyPressEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSpacing(3)
        self.model().rowsMoved.connect(lambda *_args: self.reordered.emit())

    def item_ids(self) -> list[int]:
        return [self.item(row).data(ItemRole) for row in range(self.count())]


class CollectionPage(QWidget):
    changed = Signal()  # the set's name, items or existence changed: the sidebar is read again
    deleted = Signal()
    export_requested = Signal(int)  # the collection's id
    failed = Signal(str)
    loaded = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Collection"))
        self._archive = archive
        self.collection_id: int | None = None
        self.view: CollectionView | None = None
        self._generation = 0
        self._filling = False

        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.use = use_combo(self, self.tr("Target use"), self.tr("Not chosen yet"))
        self.use.activated.connect(self._use_chosen)
        use_label = QLabel(self.tr("&Target use:"), self)
        use_label.setBuddy(self.use)
        self.rename_button = self._button(self.tr("Rename…"), self.tr("Rename the collection"))
        self.rename_button.clicked.connect(self.rename)
        self.delete_button = self._button(self.tr("Delete…"), self.tr("Delete the collection"))
        self.delete_button.clicked.connect(self.delete)
        self.export_button = self._button(self.tr("Export…"), self.tr("Export the collection"))
        self.export_button.clicked.connect(
            lambda: (
                self.collection_id is not None and self.export_requested.emit(self.collection_id)
            )
        )
        self.heading.setMinimumWidth(100)
        self.heading.setWordWrap(True)
        use_row = QHBoxLayout()
        use_row.setSpacing(12)
        use_row.addWidget(use_label)
        use_row.addWidget(self.use)
        use_row.addStretch(1)
        commands = QHBoxLayout()
        commands.setSpacing(8)
        commands.addWidget(self.export_button)
        commands.addWidget(self.rename_button)
        commands.addWidget(self.delete_button)
        commands.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setAccessibleName(self.tr("What an export would hold"))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.list = ItemList(self)
        self.list.setAccessibleName(self.tr("Items in this collection"))
        self.list.setAccessibleDescription(
            self.tr("Drag to reorder, or Ctrl+Up and Ctrl+Down; Delete removes the item")
        )
        self.list.reordered.connect(self._reordered)
        self.list.currentRowChanged.connect(self._show_item)
        self.up_button = self._button(self.tr("Move Up"), self.tr("Move the item up"))
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = self._button(self.tr("Move Down"), self.tr("Move the item down"))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button = self._button(self.tr("Remove"), self.tr("Remove the item"))
        self.remove_button.clicked.connect(self.remove_current)
        self.list.move_requested.connect(self.move_current)
        self.list.remove_requested.connect(self.remove_current)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        moves.addWidget(self.remove_button)
        self.add_ref = QLineEdit(self)
        self.add_ref.setAccessibleName(self.tr("Add a patch, story or photo"))
        self.add_ref.setPlaceholderText(self.tr("Add: P-0042, story:5 or a photo id"))
        self.add_ref.setToolTip(
            self.tr(
                "A patch by its code (P-0042), a story as story:5, a photo by its id; several "
                "separated by spaces. Press Enter to add them at the end."
            )
        )
        self.add_ref.returnPressed.connect(self.add_typed)
        self.add_button = self._button(self.tr("Add"), self.tr("Add the items typed"))
        self.add_button.clicked.connect(self.add_typed)
        adding = QHBoxLayout()
        adding.addWidget(self.add_ref, 1)
        adding.addWidget(self.add_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(moves)
        left_layout.addLayout(adding)

        self.item_heading = QLabel(self.tr("Item"), self)
        self.item_heading.setProperty("role", "section")
        self.item_heading.setWordWrap(True)
        self.decision = QTextBrowser(self)
        self.decision.setAccessibleName(self.tr("Whether the item will go, and why"))
        self.decision.setOpenLinks(False)
        self.caption = QLineEdit(self)
        self.caption.setAccessibleName(self.tr("Caption in this collection"))
        self.caption.setPlaceholderText(self.tr("Its own caption"))
        self.alt_text = QLineEdit(self)
        self.alt_text.setAccessibleName(self.tr("Alt text in this collection"))
        self.alt_text.setPlaceholderText(self.tr("Its own alt text"))
        self.save_texts = self._button(self.tr("Save Texts"), self.tr("Save caption and alt text"))
        self.save_texts.clicked.connect(self.save_item_texts)
        self.alt_text.returnPressed.connect(self.save_item_texts)
        self.caption.returnPressed.connect(self.save_item_texts)
        form = QFormLayout()
        form.addRow(self.tr("&Caption:"), self.caption)
        form.addRow(self.tr("&Alt text:"), self.alt_text)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_heading)
        right_layout.addWidget(self.decision, 1)
        right_layout.addLayout(form)
        right_layout.addWidget(self.save_texts, 0, Qt.AlignmentFlag.AlignRight)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        left.setMinimumWidth(160)
        right.setMinimumWidth(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.heading)
        layout.addLayout(commands)
        layout.addLayout(use_row)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        self._enable_item(False)

    def _button(self, title: str, accessible: str) -> QPushButton:
        button = QPushButton(title, self)
        button.setAccessibleName(accessible)
        return button

    # -- reading ---------------------------------------------------------------------------

    def show_collection(self, collection_id: int) -> None:
        self.collection_id = collection_id
        self.reload()

    def reload(self) -> None:
        if self.collection_id is None:
            return
        self._generation += 1
        generation, archive, collection_id = self._generation, self._archive, self.collection_id
        self.summary.setText(self.tr("Checking what an export would hold…"))
        run_task(
            lambda: read_view(archive, collection_id),
            lambda view: generation == self._generation and self._fill(view),
            lambda error: generation == self._generation and self.failed.emit(str(error)),
            owner=self,
        )

    def _fill(self, view: CollectionView) -> None:
        current = self.list.currentItem()
        keep = current.data(ItemRole) if current is not None else None
        self.view = view
        collection = view.collection
        self.heading.setText(collection.name)
        set_use(self.use, collection.use)
        self._filling = True
        self.list.clear()
        plan = view.plan
        going = {p.item.id: p for p in plan.included} if plan else {}
        leaving = {x.item.id: x for x in plan.left_out} if plan else {}
        for item in view.items:
            label = f"{item.position}. {view.labels.get(item.id, item.ref)}"
            entry = QListWidgetItem(label)
            entry.setData(ItemRole, item.id)
            if item.id in leaving:
                reasons = " ".join(leaving[item.id].reasons)
                entry.setText(label + "\n" + self.tr("Left out: {0}").format(reasons))
                entry.setForeground(QBrush(LEFT_OUT_COLOUR))
                entry.setToolTip(reasons)
            elif item.id in going and going[item.id].alt_missing:
                entry.setText(label + "\n" + self.tr("Goes, but has no alt text"))
                entry.setForeground(QBrush(NO_ALT_COLOUR))
            elif item.id in going:
                entry.setText(label + "\n" + self.tr("Goes as {0}").format(going[item.id].stem))
            entry.setData(Qt.ItemDataRole.AccessibleTextRole, entry.text().replace("\n", ". "))
            self.list.addItem(entry)
            if item.id == keep:
                self.list.setCurrentItem(entry)
        self._filling = False
        self.summary.setText(self._summary_text(view))
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self._show_item(self.list.currentRow())
        self.loaded.emit()

    def _summary_text(self, view: CollectionView) -> str:
        plan = view.plan
        if not view.items:
            return self.tr(
                "This collection is empty. Select photos in a photo list and choose "
                "Collection → Add Selected Photos (or right-click them)."
            )
        if plan is None:
            return self.tr(
                "Choose a target use to see which items an export would leave out, and why."
            )
        total = len(plan.included) + len(plan.left_out)
        text = self.tr("For {0} today: {1} of {2} items will go, {3} will be left out.").format(
            use_name(plan.use), len(plan.included), total, len(plan.left_out)
        )
        if plan.lacking_alt_text:
            text += " " + self.tr("%n item(s) lack alt text.", "", len(plan.lacking_alt_text))
        for problem in plan.problems:
            text += " " + problem
        return text

    # -- one item --------------------------------------------------------------------------

    def _item(self, row: int) -> CollectionItem | None:
        if self.view is None or row < 0 or row >= self.list.count():
            return None
        item_id = self.list.item(row).data(ItemRole)
        return next((i for i in self.view.items if i.id == item_id), None)

    def _enable_item(self, enabled: bool) -> None:
        for widget in (
            self.caption,
            self.alt_text,
            self.save_texts,
            self.up_button,
            self.down_button,
            self.remove_button,
        ):
            widget.setEnabled(enabled)

    def _show_item(self, row: int) -> None:
        item = self._item(row)
        self._enable_item(item is not None)
        if item is None or self.view is None:
            self.item_heading.setText(self.tr("Item"))
            self.decision.clear()
            self.caption.clear()
            self.alt_text.clear()
            return
        self.item_heading.setText(self.view.labels.get(item.id, item.ref))
        self.caption.setText(item.caption or "")
        self.alt_text.setText(item.alt_text or "")
        self.decision.setHtml(self._decision_html(item))

    def _decision_html(self, item: CollectionItem) -> str:
        plan = self.view.plan if self.view else None
        if plan is None:
            return "<p>" + escape(self.tr("Choose a target use to check this item.")) + "</p>"
        for left in plan.left_out:
            if left.item.id == item.id:
                reasons = "".join(f"<li>{escape(r)}</li>" for r in left.reasons)
                heading = self.tr("Left out of an export for {0}, because:").format(
                    use_name(plan.use)
                )
                return f"<p><b>{escape(heading)}</b></p><ul>{reasons}</ul>"
        planned = next(p for p in plan.included if p.item.id == item.id)
        parts = [
            "<p><b>"
            + escape(self.tr("Goes in an export for {0}.").format(use_name(plan.use)))
            + "</b></p>"
        ]
        if planned.credit:
            parts.append("<p>" + escape(self.tr("Credit: {0}").format(planned.credit)) + "</p>")
        if planned.blur:
            parts.append(
                "<p>" + escape(self.tr("%n region(s) blurred.", "", len(planned.blur))) + "</p>"
            )
        if planned.alt_missing:
            parts.append(
                "<p>"
                + escape(
                    self.tr(
                        "It has no alt text: write one below, or the caption or title stands in."
                    )
                )
                + "</p>"
            )
        if planned.source.words_left_out:
            parts.append("<p>" + escape(planned.source.words_left_out) + "</p>")
        return "".join(parts)

    # -- changes ---------------------------------------------------------------------------

    def _apply(self, change: Callable[[], object], *, reload: bool = True) -> bool:
        """Run a change through the core; report a refusal plainly."""
        try:
            change()
        except QuiltArchiveError as error:
            self.failed.emit(str(error))
            self.reload()
            return False
        self.changed.emit()
        if reload:
            self.reload()
        return True

    def _use_chosen(self, _index: int) -> None:
        if self.collection_id is None:
            return
        use = chosen_use(self.use)
        collection_id = self.collection_id
        self._apply(
            lambda: update_collection(self._archive, collection_id, use=use, clear_use=use is None)
        )

    def _reordered(self) -> None:
        if self._filling or self.collection_id is None or self.view is None:
            return
        by_id = {i.id: i for i in self.view.items}
        refs = [by_id[item_id].ref for item_id in self.list.item_ids()]
        collection_id = self.collection_id
        self._apply(lambda: reorder_items(self._archive, collection_id, refs))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        entry = self.list.takeItem(row)
        self._filling = True
        self.list.insertItem(target, entry)
        self._filling = False
        self.list.setCurrentRow(target)
        self._reordered()

    def add_typed(self) -> None:
        """Add the patches, stories or photos typed, as `collection add` does."""
        refs = self.add_ref.text().split()
        if not refs or self.collection_id is None:
            return
        collection_id = self.collection_id
        if self._apply(lambda: add_items(self._archive, collection_id, refs)):
            self.add_ref.clear()

    def remove_current(self) -> None:
        item = self._item(self.list.currentRow())
        if item is None or self.collection_id is None:
            return
        collection_id = self.collection_id
        self._apply(lambda: remove_items(self._archive, collection_id, [item.ref]))

    def save_item_texts(self) -> None:
        item = self._item(self.list.currentRow())
        if item is None or self.collection_id is None:
            return
        collection_id = self.collection_id
        self._apply(
            lambda: describe_item(
                self._archive,
                collection_id,
                item.ref,
                caption=self.caption.text(),
                alt_text=self.alt_text.text(),
            )
        )

    def rename(self) -> NameDialog | None:
        if self.view is None:
            return None
        dialog = NameDialog(self.tr("Rename Collection"), self.view.collection.name, self)
        collection_id = self.view.collection.id

        def done() -> None:
            self._apply(
                lambda: update_collection(self._archive, collection_id, name=dialog.name.text())
            )

        dialog.accepted.connect(done)
        dialog.open()
        self.name_dialog = dialog
        return dialog

    def delete(self) -> QMessageBox | None:
        if self.view is None:
            return None
        collection = self.view.collection
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Collection"),
            self.tr(
                "Delete the collection “{0}”? Its photos, patches and stories stay in the "
                "archive, and past exports stay in the ledger."
            ).format(collection.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes and self._apply(
                lambda: delete_collection(self._archive, collection.id), reload=False
            ):
                self.collection_id = None
                self.view = None
                self.deleted.emit()

        box.finished.connect(answered)
        box.open()
        self.delete_box = box
        return box
