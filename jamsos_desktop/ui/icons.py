"""Navigation icons, drawn with QPainter so the application ships no image files and needs no network.

Simple line drawings in one calm colour; each is drawn once per size and cached by Qt's QIcon.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

INK = QColor("#2f5d8a")
SIZE = 48  # drawn large and scaled down by Qt: crisp at 24 px and on high-DPI screens


def _pen(width: float = 3.2) -> QPen:
    pen = QPen(INK, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _workers(p: QPainter) -> None:
    p.drawEllipse(QPointF(18, 15), 7, 7)
    p.drawArc(QRectF(5, 25, 26, 26), 0 * 16, 180 * 16)
    p.drawEllipse(QPointF(33, 18), 5.5, 5.5)
    p.drawArc(QRectF(24, 27, 20, 20), 0 * 16, 150 * 16)


def _programs(p: QPainter) -> None:
    for i, y in enumerate((34, 26, 18)):
        p.drawEllipse(QRectF(8 + i * 2, y, 26, 9))
    p.drawLine(QPointF(38, 8), QPointF(38, 22))
    p.drawLine(QPointF(31, 15), QPointF(45, 15))


def _calendar(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(7, 10, 34, 31), 4, 4)
    p.drawLine(QPointF(7, 19), QPointF(41, 19))
    p.drawLine(QPointF(15, 6), QPointF(15, 13))
    p.drawLine(QPointF(33, 6), QPointF(33, 13))
    p.setBrush(INK)
    for x in (15, 24, 33):
        for y in (26, 34):
            p.drawEllipse(QPointF(x, y), 1.3, 1.3)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _cards(p: QPainter) -> None:
    p.drawRoundedRect(QRectF(5, 12, 38, 25), 4, 4)
    p.drawEllipse(QPointF(15, 23), 4, 4)
    p.drawLine(QPointF(24, 20), QPointF(37, 20))
    p.drawLine(QPointF(24, 27), QPointF(33, 27))
    p.drawLine(QPointF(11, 32), QPointF(19, 32))


def _sync(p: QPainter) -> None:
    p.drawArc(QRectF(9, 9, 30, 30), 30 * 16, 150 * 16)
    p.drawArc(QRectF(9, 9, 30, 30), 210 * 16, 150 * 16)
    head = QPainterPath()
    head.moveTo(36, 8)
    head.lineTo(37.5, 16.5)
    head.lineTo(29, 15)
    p.drawPath(head)
    tail = QPainterPath()
    tail.moveTo(12, 40)
    tail.lineTo(10.5, 31.5)
    tail.lineTo(19, 33)
    p.drawPath(tail)


def _dashboard(p: QPainter) -> None:
    p.drawLine(QPointF(7, 41), QPointF(42, 41))
    p.setBrush(QColor(INK.red(), INK.green(), INK.blue(), 60))
    p.drawRect(QRectF(10, 26, 7, 15))
    p.drawRect(QRectF(21, 14, 7, 27))
    p.drawRect(QRectF(32, 20, 7, 21))
    p.setBrush(Qt.BrushStyle.NoBrush)


_DRAWINGS: dict[str, Callable[[QPainter], None]] = {
    "workers": _workers,
    "programs": _programs,
    "calendar": _calendar,
    "cards": _cards,
    "sync": _sync,
    "dashboard": _dashboard,
}


def icon(name: str) -> QIcon:
    """The icon called ``name`` (one of the navigation pages)."""
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(_pen())
    _DRAWINGS[name](painter)
    painter.end()
    return QIcon(pixmap)
