"""Small building blocks shared by the detail pane and the person page."""

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from quiltarchive.consent.overview import Badge
from ui.grid.delegate import draw_badge


def section(title: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(title, parent)
    label.setProperty("role", "section")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "hint")
    label.setWordWrap(True)
    return label


def badge_pixmap(badge: Badge, diameter: int = 18, ratio: float = 1.0) -> QPixmap:
    side = diameter + 4
    pixmap = QPixmap(QSize(round(side * ratio), round(side * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_badge(painter, QPointF(side / 2, side / 2), badge, diameter)
    painter.end()
    return pixmap


def badge_label(badge: Badge, description: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(parent)
    label.setPixmap(badge_pixmap(badge, ratio=label.devicePixelRatioF()))
    label.setAccessibleName(description)
    label.setToolTip(description)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label
