"""The quilt map: one painted widget showing a quilt's grid, each placed patch's thumbnail in
its cell with its code, and the empty cells. Patches are dragged onto cells (from the map or
from a list, as PATCH_MIME carrying the patch id); a click opens a patch."""

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from quiltarchive.model.quilt import QuiltCell, QuiltGrid
from ui.grid.thumbnails import ThumbnailLoader

PATCH_MIME = "application/x-quiltarchive-patch"
GAP = 6  # the seams between cells
MARGIN = 28  # room for the row and column numbers
CALICO = QColor("#efe7d8")
EMPTY_FILL = QColor("#fbf8f2")
EMPTY_LINE = QColor("#a89e8c")
PLACEHOLDER = QColor("#cdc7bd")
TARGET = QColor("#2f6fd0")


def patch_mime(patch_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(PATCH_MIME, QByteArray(str(patch_id).encode()))
    data.setText(str(patch_id))
    return data


def patch_of(data: QMimeData) -> int | None:
    if not data.hasFormat(PATCH_MIME):
        return None
    try:
        return int(bytes(data.data(PATCH_MIME).data()).decode())
    except ValueError:
        return None


class QuiltMapView(QWidget):
    patch_clicked = Signal(int)  # patch id
    drop_requested = Signal(int, int, int)  # patch id, row, column
    drop_refused = Signal(str)  # why, in plain words
    place_requested = Signal(int, int)  # Enter on an empty cell: put the chosen patch here

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Quilt map"))
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.grid: QuiltGrid | None = None
        self.filtered = False  # True: patches not allowed for the use are placeholders
        self.cell_size = 120
        self.current: tuple[int, int] = (1, 1)
        self._target: tuple[int, int] | None = None
        self._pressed: tuple[QPoint, int] | None = None
        self.carried: int | None = None  # a patch picked up with Space, to put down elsewhere
        self._loader = loader
        loader.loaded.connect(lambda _key: self.update())

    # -- contents --------------------------------------------------------------------------

    def show_grid(self, grid: QuiltGrid | None, *, filtered: bool) -> None:
        self.grid, self.filtered = grid, filtered
        if grid is not None:
            row, column = self.current
            self.current = (min(row, grid.quilt.rows), min(column, grid.quilt.columns))
            placed = len(grid.placed())
            self.setAccessibleDescription(
                self.tr("{0}: {1} rows by {2} columns, {3} patches placed, {4} empty").format(
                    grid.quilt.name,
                    grid.quilt.rows,
                    grid.quilt.columns,
                    placed,
                    grid.quilt.cells - placed,
                )
            )
        self._fit()
        self.update()

    def set_cell_size(self, size: int) -> None:
        if size != self.cell_size:
            self.cell_size = size
            self._loader.set_size(size)
            self._fit()
            self.update()

    def _fit(self) -> None:
        self.setFixedSize(self.sizeHint())

    def sizeHint(self) -> QSize:
        if self.grid is None:
            return QSize(200, 120)
        step = self.cell_size + GAP
        quilt = self.grid.quilt
        return QSize(MARGIN + quilt.columns * step + GAP, MARGIN + quilt.rows * step + GAP)

    # -- geometry --------------------------------------------------------------------------

    def cell_rect(self, row: int, column: int) -> QRect:
        step = self.cell_size + GAP
        return QRect(
            MARGIN + GAP + (column - 1) * step,
            MARGIN + GAP + (row - 1) * step,
            self.cell_size,
            self.cell_size,
        )

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        """The (row, column) under a point, None outside the grid's cells."""
        if self.grid is None:
            return None
        step = self.cell_size + GAP
        x, y = point.x() - MARGIN - GAP, point.y() - MARGIN - GAP
        if x < 0 or y < 0 or x % step >= self.cell_size or y % step >= self.cell_size:
            return None
        row, column = y // step + 1, x // step + 1
        if row > self.grid.quilt.rows or column > self.grid.quilt.columns:
            return None
        return row, column

    def cell(self, row: int, column: int) -> QuiltCell | None:
        return self.grid.cell(row, column) if self.grid is not None else None

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.grid is None:
            return
        quilt = self.grid.quilt
        painter.fillRect(
            QRect(MARGIN, MARGIN, self.width() - MARGIN, self.height() - MARGIN), CALICO
        )
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
        painter.setFont(small)
        painter.setPen(self.palette().placeholderText().color())
        for column in range(1, quilt.columns + 1):
            rect = self.cell_rect(1, column)
            painter.drawText(
                QRect(rect.left(), 0, rect.width(), MARGIN),
                Qt.AlignmentFlag.AlignCenter,
                str(column),
            )
        for row in range(1, quilt.rows + 1):
            rect = self.cell_rect(row, 1)
            painter.drawText(
                QRect(0, rect.top(), MARGIN, rect.height()), Qt.AlignmentFlag.AlignCenter, str(row)
            )
        for cells in self.grid.cells:
            for cell in cells:
                self._paint_cell(painter, cell, self.cell_rect(cell.row, cell.column))
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.current).adjusted(-3, -3, 3, 3))
        carried = next(
            (c for r in self.grid.cells for c in r if self.carried and c.patch_id == self.carried),
            None,
        )
        if carried is not None:
            painter.setPen(QPen(TARGET, 3, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(carried.row, carried.column).adjusted(-2, -2, 2, 2))
        if self._target is not None:
            painter.setPen(QPen(TARGET, 4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(
                QRectF(self.cell_rect(*self._target)).adjusted(-2, -2, 2, 2), 4, 4
            )

    def _paint_cell(self, painter: QPainter, cell: QuiltCell, rect: QRect) -> None:
        if cell.empty:
            painter.setPen(QPen(EMPTY_LINE, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(EMPTY_FILL)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 6, 6)
            painter.setPen(EMPTY_LINE)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("empty"))
            return
        shown = not self.filtered or cell.allowed
        pixmap = self._thumbnail(cell) if shown else None
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect), 4, 4)
        painter.save()
        painter.setClipPath(path)
        if pixmap is not None:
            scaled = pixmap.scaled(
                rect.size(),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            source = QRect(
                (scaled.width() - rect.width()) // 2,
                (scaled.height() - rect.height()) // 2,
                rect.width(),
                rect.height(),
            )
            painter.drawPixmap(rect, scaled, source)
        else:
            painter.fillRect(rect, PLACEHOLDER if not shown else QColor("#ddd6ca"))
        self._paint_label(painter, cell, rect, shown)
        painter.restore()

    def _paint_label(self, painter: QPainter, cell: QuiltCell, rect: QRect, shown: bool) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(11, min(16, self.cell_size // 8)))
        painter.setFont(font)
        band = font.pixelSize() + 10
        if not shown:
            painter.setPen(QColor("#5d574d"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, cell.code)
            return
        strip = QRect(rect.left(), rect.bottom() - band + 1, rect.width(), band)
        painter.fillRect(strip, QColor(20, 20, 20, 170))
        painter.setPen(QColor("white"))
        painter.drawText(strip, Qt.AlignmentFlag.AlignCenter, cell.code)

    def _thumbnail(self, cell: QuiltCell) -> QPixmap | None:
        if cell.thumbnail is None:
            return None
        key = f"map:{cell.photo_id}"
        pixmap = self._loader.pixmap(key)
        if pixmap is None:
            self._loader.request(key, cell.thumbnail)
        return pixmap

    # -- clicking and dragging -------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        found = self.cell_at(event.position().toPoint())
        self._pressed = None
        if found is not None:
            self.current = found
            cell = self.cell(*found)
            if cell is not None and cell.patch_id is not None:
                self._pressed = (event.position().toPoint(), cell.patch_id)
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None:
            return
        start, patch_id = self._pressed
        if (
            event.position().toPoint() - start
        ).manhattanLength() < QApplication.startDragDistance():
            return
        self._pressed = None
        drag = QDrag(self)
        drag.setMimeData(patch_mime(patch_id))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pressed is not None:
            patch_id = self._pressed[1]
            self._pressed = None
            self.patch_clicked.emit(patch_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.grid is None:
            super().keyPressEvent(event)
            return
        row, column = self.current
        moves = {
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
        }
        key = Qt.Key(event.key())
        if key in moves:
            d_row, d_column = moves[key]
            self.current = (
                min(max(1, row + d_row), self.grid.quilt.rows),
                min(max(1, column + d_column), self.grid.quilt.columns),
            )
            self.update()
        elif key == Qt.Key.Key_Space:
            self._carry(row, column)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            cell = self.cell(row, column)
            if cell is not None and cell.patch_id is not None:
                self.patch_clicked.emit(cell.patch_id)
            elif cell is not None:
                self.place_requested.emit(row, column)
        elif key == Qt.Key.Key_Escape and self.carried is not None:
            self.carried = None
            self.update()
        else:
            super().keyPressEvent(event)

    def _carry(self, row: int, column: int) -> None:
        """Space picks up the patch in the current cell; Space again puts it down here."""
        if self.carried is not None:
            patch_id, self.carried = self.carried, None
            self.update()
            self.drop_requested.emit(patch_id, row, column)
            return
        cell = self.cell(row, column)
        if cell is not None and cell.patch_id is not None:
            self.carried = cell.patch_id
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if patch_of(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if patch_of(event.mimeData()) is None:
            return
        self._target = self.cell_at(event.position().toPoint())
        event.acceptProposedAction()
        self.update()

    def dragLeaveEvent(self, _event: object) -> None:
        self._target = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        patch_id = patch_of(event.mimeData())
        self._target = None
        self.update()
        if patch_id is None:
            return
        found = self.cell_at(event.position().toPoint())
        if found is None:
            self.drop_refused.emit(
                self.tr("That is outside the quilt's grid: drop the patch on one of its cells.")
            )
            event.ignore()
            return
        event.acceptProposedAction()
        self.drop_requested.emit(patch_id, *found)
