"""Render the application icon (``resources/icons/jamsos.svg``) to ``jamsos.png`` and ``jamsos.ico``.

Run ``python -m jamsos_desktop.devtools.build_icons`` after editing the SVG and commit the results. The PNG
is drawn by Qt's SVG renderer at 256 px; the ICO (Windows executable, installer, shortcuts) holds 16, 24,
32, 48, 64, 128 and 256 px images written by Pillow (a reportlab dependency). Same inputs, same bytes.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - keeps Qt alive
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(png_by_size: dict[int, bytes]) -> bytes:
    from PIL import Image

    images = [Image.open(io.BytesIO(png_by_size[size])).convert("RGBA") for size in ICO_SIZES]
    out = io.BytesIO()
    images[-1].save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return out.getvalue()


def main() -> int:
    svg = ICONS / "jamsos.svg"
    pngs = {size: render_png(svg, size) for size in ICO_SIZES}
    (ICONS / "jamsos.png").write_bytes(pngs[256])
    (ICONS / "jamsos.ico").write_bytes(build_ico(pngs))
    print(f"wrote {ICONS / 'jamsos.png'} and {ICONS / 'jamsos.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
