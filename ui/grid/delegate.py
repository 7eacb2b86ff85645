"""Painting one tile: the thumbnail, its consent badge, its title and date.

Colour is never the only signal: each badge also carries a shape (a tick, a bar, a cross, a
question mark), and its meaning is in the tile's tooltip and accessible text.
"""

from PySide6.QtCore import QModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from quiltarchive.consent.overview import Badge
from ui.grid.model import PhotoGridModel, short_day

MARGIN = 6
TEXT_GAP = 4
BADGE = 20

BADGE_COLOURS = {
    Badge.READY: QColor("#2e7d32"),
    Badge.SOME_USES: QColor("#c98a00"),
    Badge.BLOCKED: QColor("#c62828"),
    Badge.UNREVIEWED: QColor("#7b838c"),
}
PLACEHOLDER = QColor("#e6e0d6")
SELECTED_FILL = QColor(47, 111, 115, 45)
SELECTED_EDGE = QColor("#2f6f73")


def draw_badge(painter: QPainter, centre: QPointF, badge: Badge, diameter: float = BADGE) -> None:
    """A coloured disc with a white ring and a white mark that says the same as the colour."""
    radius = diameter / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 2))
    painter.setBrush(BADGE_COLOURS[badge])
    painter.drawEllipse(centre, radius, radius)
    pen = QPen(QColor("white"), max(2.0, diameter / 9))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    r = radius * 0.45
    x, y = centre.x(), centre.y()
    if badge is Badge.READY:
        path = QPainterPath(QPointF(x - r, y))
        path.lineTo(x - r * 0.25, y + r * 0.75)
        path.lineTo(x + r, y - r * 0.7)
        painter.drawPath(path)
    elif badge is Badge.SOME_USES:
        painter.drawLine(QPointF(x - r, y), QPointF(x + r, y))
    elif badge is Badge.BLOCKED:
        painter.drawLine(QPointF(x - r * 0.8, y - r * 0.8), QPointF(x + r * 0.8, y + r * 0.8))
        painter.drawLine(QPointF(x - r * 0.8, y + r * 0.8), QPointF(x + r * 0.8, y - r * 0.8))
    else:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(int(diameter * 0.7))
        painter.setFont(font)
        box = QRectF(x - radius, y - radius, diameter, diameter)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "?")
    painter.restore()


class PhotoDelegate(QStyledItemDelegate):
    def __init__(self, model: PhotoGridModel, tile: int = 168, parent: object = None) -> None:
        super().__init__(parent)
        self._model = model
        self.tile = tile

    def set_model(self, model: PhotoGridModel) -> None:
        self._model = model

    def cell_size(self, line_height: int) -> QSize:
        return QSize(self.tile + 2 * MARGIN, self.tile + 2 * MARGIN + TEXT_GAP + 2 * line_height)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return self.cell_size(option.fontMetrics.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = index.row()
        model = self._model
        cell = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(SELECTED_EDGE, 2))
            painter.setBrush(SELECTED_FILL)
            painter.drawRoundedRect(QRectF(cell).adjusted(2, 2, -2, -2), 6, 6)
        image_box = QRect(cell.x() + MARGIN, cell.y() + MARGIN, self.tile, self.tile)
        pixmap = model.thumbnail(row)
        if pixmap is not None and not pixmap.isNull():
            size = pixmap.size().scaled(image_box.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(image_box.center())
            target.moveBottom(image_box.bottom())  # landscape photos sit on their title
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
            badge_anchor = target
        else:
            placeholder = image_box.adjusted(0, self.tile // 4, 0, 0)
            painter.fillRect(placeholder, PLACEHOLDER)
            badge_anchor = placeholder
            if model.thumbnail_missing(row):
                painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(image_box, Qt.AlignmentFlag.AlignCenter, self.tr("No preview"))
        badge = model.badge(row)
        if badge is not None:
            centre = QPointF(
                badge_anchor.right() - BADGE / 2 - 3, badge_anchor.top() + BADGE / 2 + 3
            )
            draw_badge(painter, centre, badge)
        photo = model.photo(row)
        if photo is not None:
            metrics = option.fontMetrics
            line = metrics.height()
            text_top = cell.y() + MARGIN + self.tile + TEXT_GAP
            text_rect = QRect(cell.x() + MARGIN, text_top, self.tile, line)
            title = metrics.elidedText(
                photo.caption or photo.file_name, Qt.TextElideMode.ElideRight, self.tile
            )
            painter.setPen(option.palette.color(QPalette.ColorRole.Text))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter, title)
            detail = short_day(photo.taken_at)
            if photo.withheld:
                detail = self.tr("{0} · withheld").format(detail) if detail else self.tr("withheld")
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(text_rect.translated(0, line), Qt.AlignmentFlag.AlignHCenter, detail)
        if option.state & QStyle.StateFlag.State_HasFocus:
            pen = QPen(SELECTED_EDGE, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 6, 6)
        painter.restore()
