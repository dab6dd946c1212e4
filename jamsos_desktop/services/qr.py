"""QR code matrices from a kept encoder, and one PDF path per code.

The encoder is the C++ ``zxing-cpp`` (its writer is Zint's, about 1 ms per 140-character code here);
``segno`` (pure Python, about 25 ms per code) is the fallback when the wheel is missing. A code is drawn
as a single path of horizontal runs, not one rectangle per module, so a page of ten cards stays small
and renders fast.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

ERROR_LEVEL = "M"  # 15 % recovery: survives a scratched card without making the code much larger


@dataclass(frozen=True)
class QrMatrix:
    """Square module matrix without quiet zone; ``rows[y][x]`` true for a dark module, row 0 on top."""

    size: int
    rows: tuple[bytes, ...]

    def runs(self) -> list[tuple[int, int, int]]:
        """Dark runs ``(row, first column, length)``: what the path draws."""
        return [
            (y, m.start(), m.end() - m.start())
            for y, row in enumerate(self.rows)
            for m in _DARK_RUN.finditer(row)
        ]


_DARK_RUN = re.compile(b"\x01+")


@functools.cache
def _zxing():  # type: ignore[no-untyped-def]
    try:
        import zxingcpp
    except ImportError:
        return None
    return zxingcpp if hasattr(zxingcpp, "create_barcode") else None


def encoder_name() -> str:
    return "zxing-cpp" if _zxing() is not None else "segno"


def encode(text: str) -> QrMatrix:
    """The QR code (byte mode, level M) of ``text`` as a module matrix."""
    zx = _zxing()
    if zx is not None:
        code = zx.create_barcode(text, zx.BarcodeFormat.QRCode, ec_level=ERROR_LEVEL)
        image = code.to_image(scale=1, add_quiet_zones=False)
        size = image.shape[0]
        data = bytes(memoryview(image))
        # zxing's image: 0 = black (dark module), 255 = white.
        dark = data.translate(_INVERT)
        return QrMatrix(size, tuple(dark[i * size : (i + 1) * size] for i in range(size)))
    return encode_with_segno(text)


_INVERT = bytes(1 if b < 128 else 0 for b in range(256))


def encode_with_segno(text: str) -> QrMatrix:
    import segno

    qr = segno.make_qr(text, error=ERROR_LEVEL.lower(), boost_error=False)
    rows = tuple(bytes(1 if m else 0 for m in row) for row in qr.matrix)
    return QrMatrix(len(rows), rows)


def pdf_path_operators(matrix: QrMatrix, x: float, y: float, size: float) -> str:
    """PDF content operators filling the code at ``(x, y)`` (lower left, points), ``size`` wide.

    The coordinates are whole modules under one ``cm`` transform, one ``re`` per dark run and a single
    ``f``: the whole code is one filled path (and formatting integers is cheap).
    """
    module = size / matrix.size
    n = matrix.size
    parts = [f"q {module:.4f} 0 0 {module:.4f} {x:.3f} {y:.3f} cm"]
    for row_index, row in enumerate(matrix.rows):
        bottom = n - 1 - row_index
        for m in _DARK_RUN.finditer(row):
            start = m.start()
            parts.append(f"{start} {bottom} {m.end() - start} 1 re")
    parts.append("f Q")
    return "\n".join(parts)
