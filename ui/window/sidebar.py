"""The sidebar: all photos, events, people, patches, collections and the smart lists."""

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from quiltarchive.model.collection import Collection
from quiltarchive.model.consent import Use
from quiltarchive.model.event import Event
from ui.consent_status import use_name
from ui.resources import icon
from ui.window.places import (
    ALL_PHOTOS,
    EXPIRING,
    NEEDS_REVIEW,
    PATCHES,
    PEOPLE,
    READY_USES,
    WITHHELD,
    Place,
)

PlaceRole = Qt.ItemDataRole.UserRole + 1
CountRole = Qt.ItemDataRole.UserRole + 2


class CountDelegate(QStyledItemDelegate):
    """A place's name, shortened if need be, with its count right-aligned in grey."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        count = index.data(CountRole)
        if count is None:
            super().paint(painter, option, index)
            return
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        style = styled.widget.style() if styled.widget else QApplication.style()
        number = f"{count:,}"
        metrics = styled.fontMetrics
        number_width = metrics.horizontalAdvance(number) + 10
        text_rect = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemText, styled, styled.widget
        )
        styled.text = metrics.elidedText(
            styled.text, Qt.TextElideMode.ElideRight, text_rect.width() - number_width
        )
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, styled, painter, styled.widget)
        selected = bool(styled.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setPen(
            styled.palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else styled.palette.color(QPalette.ColorRole.PlaceholderText)
        )
        painter.drawText(
            option.rect.adjusted(0, 0, -8, 0),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            number,
        )
        painter.restore()


class Sidebar(QTreeView):
    place_chosen = Signal(object)  # Place

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setAccessibleName(self.tr("Places"))
        self.setAccessibleDescription(
            self.tr("Photo lists, people, patches, collections and lists to work through")
        )
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setItemDelegate(CountDelegate(self))
        self._items: dict[tuple[str, int | None, Use | None], QStandardItem] = {}
        self._pending: Place | None = None
        root = self._model.invisibleRootItem()
        self._all = self._place(root, ALL_PHOTOS, self.tr("All photos"), "photos")
        self._events = self._header(root, self.tr("Events"), "event")
        self._place(root, PEOPLE, self.tr("People"), "people")
        self._place(root, PATCHES, self.tr("Patches"), "patch")
        self._collections = self._header(root, self.tr("Collections"), "collection")
        smart = self._header(root, self.tr("Smart lists"), "needs-review")
        self._place(smart, NEEDS_REVIEW, self.tr("Needs review"), "needs-review")
        self._place(smart, EXPIRING, self.tr("Consent expiring"), "expiring")
        for use in READY_USES:
            title = self.tr("Ready for {0}").format(use_name(use))
            self._place(smart, Place("ready", use=use), title, use.value)
        self._place(smart, WITHHELD, self.tr("Withheld"), "withheld")
        self.expand(smart.index())
        self.expand(self._events.index())
        self.expand(self._collections.index())
        self.selectionModel().currentChanged.connect(self._current_changed)

    def _header(self, parent: QStandardItem, title: str, icon_name: str) -> QStandardItem:
        item = QStandardItem(icon(icon_name), title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        parent.appendRow(item)
        return item

    def _place(
        self, parent: QStandardItem, place: Place, title: str, icon_name: str | None
    ) -> QStandardItem:
        item = QStandardItem(title)
        if icon_name:
            item.setIcon(icon(icon_name))
        item.setData(Place(place.kind, place.id, place.use, title), PlaceRole)
        item.setToolTip(title)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        parent.appendRow(item)
        self._items[(place.kind, place.id, place.use)] = item
        return item

    # -- contents --------------------------------------------------------------------------

    def set_events(self, events: list[Event]) -> None:
        chosen = self.chosen()
        self._replace_children(
            self._events,
            [(Place("event", e.id, title=e.name), e.name, e.photo_count) for e in events],
            self.tr("No events yet"),
        )
        self._keep(chosen)

    def set_collections(self, collections: list[Collection]) -> None:
        chosen = self.chosen()
        self._replace_children(
            self._collections,
            [(Place("collection", c.id, title=c.name), c.name, c.item_count) for c in collections],
            self.tr("No collections yet"),
        )
        self._keep(chosen)

    def _replace_children(
        self,
        header: QStandardItem,
        places: list[tuple[Place, str, int]],
        empty_text: str,
    ) -> None:
        for row in range(header.rowCount()):
            place = header.child(row).data(PlaceRole)
            if place is not None:
                self._items.pop((place.kind, place.id, place.use), None)
        header.removeRows(0, header.rowCount())
        for place, title, count in places:
            self._place(header, place, title, None).setData(count, CountRole)
        if not places:
            empty = QStandardItem(empty_text)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            header.appendRow(empty)

    def set_count(self, place: Place, count: int | None) -> None:
        item = self._items.get((place.kind, place.id, place.use))
        if item is not None:
            item.setData(count, CountRole)
            title = item.text()
            item.setData(
                f"{title}, {count:,}" if count is not None else title,
                Qt.ItemDataRole.AccessibleTextRole,
            )

    # -- choosing --------------------------------------------------------------------------

    def chosen(self) -> Place | None:
        index = self.currentIndex()
        return index.data(PlaceRole) if index.isValid() else None

    def choose(self, place: Place) -> bool:
        item = self._items.get((place.kind, place.id, place.use))
        if item is None:
            return False
        self.setCurrentIndex(item.index())
        return True

    def choose_when_listed(self, place: Place) -> None:
        """Choose a place now, or as soon as it is listed (an event or collection just made
        appears when the places are next read)."""
        self._pending = None if self.choose(place) else place

    def _keep(self, chosen: Place | None) -> None:
        if self._pending is not None and self.choose(self._pending):
            self._pending = None
            return
        if chosen is not None and not self.choose(chosen):
            self.choose(ALL_PHOTOS)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        place = current.data(PlaceRole) if current.isValid() else None
        if place is not None:
            self.place_chosen.emit(place)
