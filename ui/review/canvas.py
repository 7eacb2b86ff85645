"""The photo with the boxes drawn around people; drag to draw a new box."""

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from quiltarchive.model.appearance import Box

MIN_FRACTION = 0.01  # smaller drags are clicks
MARGINS = QMarginsF(12, 12, 12, 12)
NAMED = QColor("#3bb3b9")
UNKNOWN = QColor("#f2b33d")
HIDDEN = QColor("#b9c0c7")


@dataclass(frozen=True)
class ShownBox:
    box: Box
    label: str
    known: bool
    identifiable: bool


class BoxCanvas(QWidget):
    box_drawn = Signal(object)  # Box, in fractions of the upright photo
    box_clicked = Signal(int)  # index into the boxes shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Photo"))
        self.setAccessibleDescription(self.tr("Drag on the photo to draw a box around a person"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._pixmap: QPixmap | None = None
        self._boxes: list[ShownBox] = []
        self._selected: int | None = None
        self._start: QPointF | None = None
        self._end: QPointF | None = None
        self.message = ""

    def set_pixmap(self, pixmap: QPixmap | None, message: str = "") -> None:
        self._pixmap = pixmap
        self.message = message
        self.update()

    def set_boxes(self, boxes: list[ShownBox], selected: int | None = None) -> None:
        self._boxes = boxes
        self._selected = selected
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def image_rect(self) -> QRectF:
        if self._pixmap is None or self._pixmap.isNull():
            return QRectF()
        size = self._pixmap.deviceIndependentSize().scaled(
            self.size().toSizeF().shrunkBy(MARGINS), Qt.AspectRatioMode.KeepAspectRatio
        )
        rect = QRectF(QPointF(0, 0), size)
        rect.moveCenter(QRectF(self.rect()).center())
        return rect

    def to_screen(self, box: Box) -> QRectF:
        image = self.image_rect()
        return QRectF(
            image.x() + box.x * image.width(),
            image.y() + box.y * image.height(),
            box.w * image.width(),
            box.h * image.height(),
        )

    def _to_fraction(self, point: QPointF) -> QPointF:
        image = self.image_rect()
        x = min(max((point.x() - image.x()) / image.width(), 0.0), 1.0)
        y = min(max((point.y() - image.y()) / image.height(), 0.0), 1.0)
        return QPointF(x, y)

    # -- drawing a box ---------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.image_rect().isEmpty():
            self._start = self._end = self._to_fraction(event.position())
            self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        # Tracked by our own pressed state: synthetic events may not carry the buttons.
        if self._start is not None:
            self._end = self._to_fraction(event.position())
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        start, end = self._start, self._to_fraction(event.position())
        self._start = self._end = None
        self.update()
        x, y = min(start.x(), end.x()), min(start.y(), end.y())
        w, h = abs(end.x() - start.x()), abs(end.y() - start.y())
        if w >= MIN_FRACTION and h >= MIN_FRACTION:
            self.box_drawn.emit(Box(x, y, min(w, 1 - x), min(h, 1 - y)))
            return
        for index, shown in reversed(list(enumerate(self._boxes))):
            if self.to_screen(shown.box).contains(event.position()):
                self.box_clicked.emit(index)
                return

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#262a2e"))
        image = self.image_rect()
        if image.isEmpty():
            painter.setPen(QColor("#d9dde1"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(image, self._pixmap, QRectF(self._pixmap.rect()))
        for index, shown in enumerate(self._boxes):
            self._draw_box(painter, shown, index == self._selected)
        if self._start is not None and self._end is not None:
            x, y = min(self._start.x(), self._end.x()), min(self._start.y(), self._end.y())
            w, h = abs(self._end.x() - self._start.x()), abs(self._end.y() - self._start.y())
            painter.setPen(QPen(QColor("white"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.to_screen(Box(x, y, w, h)))

    def _draw_box(self, painter: QPainter, shown: ShownBox, selected: bool) -> None:
        colour = NAMED if shown.known else UNKNOWN
        if not shown.identifiable:
            colour = HIDDEN
        rect = self.to_screen(shown.box)
        pen = QPen(colour, 4 if selected else 2)
        if not shown.identifiable:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        metrics = painter.fontMetrics()
        label = metrics.elidedText(shown.label, Qt.TextElideMode.ElideRight, 220)
        width = metrics.horizontalAdvance(label) + 12
        height = metrics.height() + 6
        top = rect.top() - height if rect.top() - height >= 0 else rect.bottom()
        tag = QRectF(rect.left(), top, width, height)
        painter.fillRect(tag, colour)
        painter.setPen(QColor("#10181c"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
