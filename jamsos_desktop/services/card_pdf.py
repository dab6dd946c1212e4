"""Card and handover documents as PDF (reportlab), with the shipped DejaVu fonts embedded.

Layouts (:class:`~jamsos_desktop.domain.cards.CardLayout`):

* ``sheet``: A4 portrait, ten ID-1 cards (2 × 5) with cut marks; each page of fronts is followed by its
  page of backs, mirrored left-right so that long-edge duplex printing puts every back behind its front.
* ``single``: one card side per page at CR80 size (85.60 × 53.98 mm), front then back, for PVC printers.
* ``ceremony``: the same card drawn about 3.1 times larger on A4 landscape, front then back, for the
  representatives at a handover.

What every card shares (frame, header band, office texts, logo, labels) is drawn once per document as a
PDF form XObject and placed by reference; only the person's texts and the QR path are drawn per card.
Files are written to a temporary file beside the target, then renamed: a failure leaves no half file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from jamsos_desktop.domain.cards import (
    CALL_CENTRE,
    CARD_CORNER_MM,
    CARD_HEIGHT_MM,
    CARD_WIDTH_MM,
    CardContent,
    CardError,
    CardLayout,
    HandoverEvent,
    HandoverRecipient,
    date_in_words,
    funded_period_text,
    parse_officials,
    self_pay_text,
)
from jamsos_desktop.domain.formatting import format_date, mask_nik
from jamsos_desktop.resources_path import resource_path
from jamsos_desktop.services import qr
from jamsos_desktop.services.ports import NullProgress, Progress

CARD_W = CARD_WIDTH_MM * mm
CARD_H = CARD_HEIGHT_MM * mm
RADIUS = CARD_CORNER_MM * mm

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_NAME = "DejaVuSansCondensed-Bold"

GREEN = HexColor("#0F5132")
GREEN_LIGHT = HexColor("#E8F3EC")
GOLD = HexColor("#C9A227")
INK = HexColor("#1B1F1D")
GREY = HexColor("#5B6660")
HAIRLINE = HexColor("#B8C2BC")

SHEET_COLUMNS = 2
SHEET_ROWS = 5
SHEET_GAP_X = 6 * mm
SHEET_GAP_Y = 3 * mm
CUT_MARK = 4 * mm
CEREMONY_MARGIN = 15 * mm

QR_SIZE = 23 * mm
NAME_MAX_PT = 10.5
NAME_MIN_ONE_LINE_PT = 6.5
NAME_MIN_PT = 3.0


@dataclass(frozen=True)
class Office:
    """Who issues the cards: names for the header and letterhead, the logo file (or none)."""

    office_name: str
    regency_name: str
    province_name: str = ""
    address: str = ""
    logo_path: Path | None = None


def register_fonts() -> None:
    """Register the shipped TrueType fonts once (they are subset and embedded in every PDF)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_NAME, "DejaVuSansCondensed-Bold.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(resource_path(f"fonts/{file}"))))


def width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def fit_text(text: str, font: str, max_size: float, min_size: float, max_width: float) -> float:
    """The largest size in [min_size, max_size] (0.25 pt steps) at which ``text`` fits; ``min_size``
    when nothing does (callers then wrap or go smaller)."""
    w = width(text, font, max_size)
    if w <= max_width:
        return max_size
    # Width is proportional to size: compute, then round down to a quarter point.
    size = int(max_size * max_width / w * 4) / 4
    return max(min_size, size)


def fit_name(name: str, max_width: float, *, max_size: float = NAME_MAX_PT) -> tuple[list[str], float]:
    """Lines and font size for a name so that it never overflows ``max_width``.

    One line as large as possible down to 6.5 pt; otherwise two lines split at the space nearest the
    middle; a name without spaces (or still too wide) shrinks further, never below 3 pt, and as a last
    resort is cut with an ellipsis (a 100-character name at 3 pt still fits, so this never happens for
    names the registry accepts).
    """
    name = " ".join(name.split())
    size = fit_text(name, FONT_NAME, max_size, NAME_MIN_ONE_LINE_PT, max_width)
    if width(name, FONT_NAME, size) <= max_width:
        return [name], size
    words = name.split(" ")
    if len(words) > 1:
        best: tuple[str, str] | None = None
        for i in range(1, len(words)):
            a, b = " ".join(words[:i]), " ".join(words[i:])
            if best is None or max(len(a), len(b)) < max(len(best[0]), len(best[1])):
                best = (a, b)
        assert best is not None
        widest = max(best, key=lambda s: width(s, FONT_NAME, 1))
        size = fit_text(widest, FONT_NAME, max_size * 0.8, NAME_MIN_PT, max_width)
        if width(widest, FONT_NAME, size) <= max_width:
            return list(best), size
    size = fit_text(name, FONT_NAME, NAME_MIN_ONE_LINE_PT, NAME_MIN_PT, max_width)
    while width(name, FONT_NAME, size) > max_width and len(name) > 1:
        name = name[:-2].rstrip() + "\u2026"
    return [name], size


# -- drawing one card ---------------------------------------------------------------------------------
class CardArtist:
    """Draws card sides on a canvas; the shared parts become form XObjects on first use."""

    def __init__(self, canvas: Canvas, office: Office, logo: Any | None) -> None:
        self.c = canvas
        self.office = office
        self.logo = logo
        self._forms: set[str] = set()

    def _card_clip(self) -> None:
        path = self.c.beginPath()
        path.roundRect(0, 0, CARD_W, CARD_H, RADIUS)
        self.c.clipPath(path, stroke=0, fill=0)

    def _outline(self) -> None:
        self.c.setStrokeColor(HAIRLINE)
        self.c.setLineWidth(0.35)
        self.c.roundRect(0, 0, CARD_W, CARD_H, RADIUS, stroke=1, fill=0)

    def _front_form(self) -> str:
        name = "cardFront"
        if name in self._forms:
            return name
        c = self.c
        c.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        c.saveState()
        self._card_clip()
        c.setFillColor(white)
        c.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
        band = 13.5 * mm
        c.setFillColor(GREEN)
        c.rect(0, CARD_H - band, CARD_W, band, stroke=0, fill=1)
        c.setFillColor(GOLD)
        c.rect(0, CARD_H - band - 0.8 * mm, CARD_W, 0.8 * mm, stroke=0, fill=1)
        # Bottom strip: what the card is about.
        c.setFillColor(GREEN_LIGHT)
        c.rect(0, 0, CARD_W, 5.2 * mm, stroke=0, fill=1)
        c.restoreState()
        text_x = 3.2 * mm
        if self.logo is not None:
            size = 10 * mm
            c.drawImage(
                self.logo, 2.4 * mm, CARD_H - band + (band - size) / 2, size, size,
                preserveAspectRatio=True, anchor="c", mask="auto",
            )  # fmt: skip
            text_x = 14 * mm
        avail = CARD_W - text_x - 3 * mm
        c.setFillColor(white)
        lines = [
            (FONT_BOLD, 6.4, f"PEMERINTAH {self.office.regency_name.upper()}"),
            (FONT, 5.6, self.office.office_name),
            (FONT_BOLD, 6.0, "KARTU BUKTI KEPESERTAAN BPJS KETENAGAKERJAAN"),
        ]
        y = CARD_H - 4.1 * mm
        for font, size, text in lines:
            s = fit_text(text, font, size, 3.5, avail)
            c.setFont(font, s)
            c.drawString(text_x, y, text)
            y -= 3.5 * mm
        c.setFillColor(GREEN)
        c.setFont(FONT_BOLD, 5.6)
        c.drawString(3.2 * mm, 1.75 * mm, "JKK + JKM")
        c.setFont(FONT, 5.0)
        c.setFillColor(GREY)
        c.drawString(3.2 * mm + width("JKK + JKM", FONT_BOLD, 5.6) + 1.5 * mm, 1.8 * mm,
                     "Jaminan Kecelakaan Kerja \u00b7 Jaminan Kematian")  # fmt: skip
        # Labels of the person's fields.
        c.setFillColor(GREY)
        c.setFont(FONT, 5.0)
        for label, y_mm in (("Nama", 36.0), ("NIK", 25.6), ("No. KPJ", 19.4), ("Desa / Kecamatan", 13.2)):
            c.drawString(3.2 * mm, y_mm * mm, label)
        self._outline()
        c.endForm()
        self._forms.add(name)
        return name

    def _back_form(self) -> str:
        name = "cardBack"
        if name in self._forms:
            return name
        c = self.c
        c.beginForm(name, lowerx=0, lowery=0, upperx=CARD_W, uppery=CARD_H)
        c.saveState()
        self._card_clip()
        c.setFillColor(white)
        c.rect(0, 0, CARD_W, CARD_H, stroke=0, fill=1)
        c.setFillColor(GREEN)
        c.rect(0, CARD_H - 2.2 * mm, CARD_W, 2.2 * mm, stroke=0, fill=1)
        c.setFillColor(GREEN)
        c.rect(0, 0, CARD_W, 8.2 * mm, stroke=0, fill=1)
        c.restoreState()
        c.setFillColor(white)
        c.setFont(FONT, 5.0)
        c.drawString(3.2 * mm, 5.0 * mm, "Call center BPJS Ketenagakerjaan")
        c.setFont(FONT_BOLD, 11)
        c.drawString(3.2 * mm, 1.4 * mm, CALL_CENTRE)
        c.setFont(FONT, 4.4)
        note = "Bukti kepesertaan dari " + self.office.office_name + "; bukan kartu BPJS."
        c.drawString(12 * mm, 1.8 * mm, note[:110])
        c.setFillColor(GREY)
        c.setFont(FONT, 4.6)
        c.drawString(3.2 * mm, CARD_H - 6.4 * mm, "Program bantuan iuran")
        c.drawString(3.2 * mm, 27.6 * mm, "Masa iuran dibayar pemerintah")
        # What to do when something happens: the right-hand column beside the payment box.
        c.setFillColor(INK)
        c.setFont(FONT_BOLD, 4.8)
        col_x = CARD_W - QR_SIZE - 2.6 * mm
        c.drawString(col_x, 25.6 * mm, "Terjadi kecelakaan kerja")
        c.drawString(col_x, 23.6 * mm, "atau meninggal dunia?")
        c.setFont(FONT, 4.6)
        for i, line in enumerate(
            (
                "Segera lapor ke kantor desa,",
                "Dinas Sosial, atau kantor",
                "BPJS Ketenagakerjaan",
                "dengan membawa kartu ini.",
            )
        ):
            c.drawString(col_x, (20.8 - i * 1.9) * mm, line)
        self._outline()
        c.endForm()
        self._forms.add(name)
        return name

    # -- per card ----------------------------------------------------------------------------------------
    def front(self, card: CardContent, x: float, y: float, scale: float = 1.0) -> None:
        c = self.c
        s = card.subject
        c.saveState()
        c.translate(x, y)
        if scale != 1.0:
            c.scale(scale, scale)
        c.doForm(self._front_form())
        left = 3.2 * mm
        avail = CARD_W - QR_SIZE - left - 4.2 * mm
        lines, size = fit_name(s.name, avail)
        c.setFillColor(INK)
        c.setFont(FONT_NAME, size)
        if len(lines) == 1:
            c.drawString(left, 31.6 * mm, lines[0])
        else:
            c.drawString(left, 32.6 * mm, lines[0])
            c.drawString(left, 32.6 * mm - size * 1.1, lines[1])
        c.setFont(FONT_BOLD, 7.6)
        c.drawString(left, 22.4 * mm, mask_nik(s.nik) if s.nik else "Belum ada NIK")
        kpj = s.kpj or "KPJ menyusul"
        c.setFont(FONT_BOLD if s.kpj else FONT, 7.6 if s.kpj else 7.0)
        c.drawString(left, 16.2 * mm, kpj)
        place = s.village_name + (f", Kec. {s.district_name}" if s.district_name else "")
        size = fit_text(place, FONT, 6.6, 3.5, avail)
        c.setFont(FONT, size)
        c.drawString(left, 10.0 * mm, place)
        # The QR on the front, with the serial under it.
        qx = CARD_W - QR_SIZE - 2.6 * mm
        qy = 8.4 * mm
        matrix = qr.encode(card.qr_text)
        c.setFillColor(black)
        c.addLiteral(qr.pdf_path_operators(matrix, qx, qy, QR_SIZE))  # one filled path
        c.setFont(FONT, 5.0)
        c.setFillColor(GREY)
        c.drawCentredString(qx + QR_SIZE / 2, 6.2 * mm, f"No. {card.serial}")
        c.restoreState()

    def back(self, card: CardContent, x: float, y: float, scale: float = 1.0) -> None:
        c = self.c
        s = card.subject
        c.saveState()
        c.translate(x, y)
        if scale != 1.0:
            c.scale(scale, scale)
        c.doForm(self._back_form())
        left = 3.2 * mm
        avail = CARD_W - 2 * left
        programme = s.programme_name or "Bantuan iuran JKK + JKM"
        c.setFillColor(INK)
        size = fit_text(programme, FONT_BOLD, 7.2, 4.0, avail)
        c.setFont(FONT_BOLD, size)
        c.drawString(left, CARD_H - 9.6 * mm, programme)
        funders = ", ".join(s.funders) if s.funders else "Pemerintah daerah"
        text = f"Dibiayai: {funders}"
        c.setFont(FONT, fit_text(text, FONT, 6.0, 3.5, avail))
        c.drawString(left, CARD_H - 12.8 * mm, text)
        # Benefits, briefly (DOMAIN.md).
        c.setFont(FONT, 5.2)
        c.setFillColor(GREY)
        c.drawString(left, CARD_H - 16.6 * mm, "JKK: perawatan kecelakaan kerja sesuai kebutuhan medis.")
        c.drawString(left, CARD_H - 19.2 * mm, "JKM: santunan kematian Rp42 juta bagi ahli waris.")
        period = funded_period_text(s) or "menurut program yang diikuti"
        c.setFillColor(INK)
        c.setFont(FONT_BOLD, fit_text(period, FONT_BOLD, 7.2, 4.0, avail))
        c.drawString(left, 24.4 * mm, period)
        pay = self_pay_text(s)
        c.setFillColor(GOLD)
        c.roundRect(
            left - 0.8 * mm, 13.0 * mm, CARD_W - QR_SIZE - 7.6 * mm, 8.8 * mm, 1.2 * mm, stroke=0, fill=1
        )
        c.setFillColor(INK)
        words = pay.split(" ")
        cut = words.index("paling") if "paling" in words else len(words)
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        box = CARD_W - QR_SIZE - 9.2 * mm
        c.setFont(FONT_BOLD, fit_text(first, FONT_BOLD, 6.4, 3.5, box))
        c.drawString(left, 18.2 * mm, first)
        c.setFont(FONT, fit_text(second, FONT, 5.8, 3.5, box))
        c.drawString(left, 14.9 * mm, second)
        c.setFont(FONT, 5.0)
        c.setFillColor(white)
        c.drawRightString(CARD_W - 3.2 * mm, 5.0 * mm, f"No. kartu {card.serial}")
        c.restoreState()


# -- documents ----------------------------------------------------------------------------------------------
def _load_logo(office: Office, allow_missing: bool) -> Any | None:
    if office.logo_path is None:
        return None
    from reportlab.lib.utils import ImageReader

    try:
        return ImageReader(str(office.logo_path))
    except (OSError, ValueError) as exc:
        if allow_missing:
            return None
        raise CardError("card.logo_missing", path=str(office.logo_path), detail=_short(exc)) from None
    except Exception as exc:  # noqa: BLE001 - PIL raises its own types for damaged images
        if allow_missing:
            return None
        raise CardError("card.logo_missing", path=str(office.logo_path), detail=_short(exc)) from None


def _short(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def logo_problem(office: Office) -> str | None:
    """Why the configured logo cannot be used (None when it can, or when none is configured)."""
    try:
        _load_logo(office, allow_missing=False)
    except CardError as exc:
        return exc.message()
    return None


def sheet_positions(page_width: float = A4[0], page_height: float = A4[1]) -> list[tuple[float, float]]:
    """Lower-left corners of the ten cards on an A4 sheet, row by row from the top, left to right."""
    grid_w = SHEET_COLUMNS * CARD_W + (SHEET_COLUMNS - 1) * SHEET_GAP_X
    grid_h = SHEET_ROWS * CARD_H + (SHEET_ROWS - 1) * SHEET_GAP_Y
    x0 = (page_width - grid_w) / 2
    y_top = (page_height + grid_h) / 2
    out = []
    for row in range(SHEET_ROWS):
        for col in range(SHEET_COLUMNS):
            x = x0 + col * (CARD_W + SHEET_GAP_X)
            y = y_top - (row + 1) * CARD_H - row * SHEET_GAP_Y
            out.append((x, y))
    return out


def _cut_marks(c: Canvas, positions: Sequence[tuple[float, float]], page_w: float, page_h: float) -> None:
    xs = sorted({round(x, 3) for x, _ in positions} | {round(x + CARD_W, 3) for x, _ in positions})
    ys = sorted({round(y, 3) for _, y in positions} | {round(y + CARD_H, 3) for _, y in positions})
    left, right = min(xs), max(xs)
    bottom, top = min(ys), max(ys)
    c.saveState()
    c.setStrokeColor(INK)
    c.setLineWidth(0.3)
    gap = 1.2 * mm
    for x in xs:
        c.line(x, top + gap, x, min(page_h, top + gap + CUT_MARK))
        c.line(x, bottom - gap, x, max(0, bottom - gap - CUT_MARK))
    for y in ys:
        c.line(left - gap, y, max(0, left - gap - CUT_MARK), y)
        c.line(right + gap, y, min(page_w, right + gap + CUT_MARK), y)
    c.restoreState()


def _sheet_footer(c: Canvas, text: str, page_w: float) -> None:
    """Which sheet and side, written up the wide left margin (clear of the cut marks)."""
    c.saveState()
    c.setFont(FONT, 6.5)
    c.setFillColor(GREY)
    c.translate(9 * mm, A4[1] / 2)
    c.rotate(90)
    c.drawCentredString(0, 0, text)
    c.restoreState()


def draw_cards(
    c: Canvas,
    cards: Sequence[CardContent],
    layout: CardLayout,
    office: Office,
    *,
    logo: Any | None = None,
    progress: Progress | None = None,
    caption: str = "",
) -> int:
    """Draw ``cards`` on ``c`` in ``layout``; returns the number of pages."""
    progress = progress or NullProgress()
    artist = CardArtist(c, office, logo)
    pages = 0
    total = len(cards)
    if layout is CardLayout.SHEET:
        page_w, page_h = A4
        positions = sheet_positions(page_w, page_h)
        per = len(positions)
        sheets = (total + per - 1) // per
        for sheet in range(sheets):
            if progress.cancelled:
                raise CardError("card.cancelled")
            chunk = cards[sheet * per : (sheet + 1) * per]
            c.setPageSize(A4)
            _cut_marks(c, positions, page_w, page_h)
            for card, (x, y) in zip(chunk, positions, strict=False):
                artist.front(card, x, y)
            _sheet_footer(
                c,
                f"Lembar {sheet + 1} dari {sheets} \u2014 DEPAN. Cetak bolak-balik (balik pada sisi panjang), "
                f"lalu potong pada tanda potong.",
                page_w,
            )
            c.showPage()
            c.setPageSize(A4)
            _cut_marks(c, [(page_w - x - CARD_W, y) for x, y in positions], page_w, page_h)
            for card, (x, y) in zip(chunk, positions, strict=False):
                # Mirrored: the back of the card in the left column sits in the right column.
                artist.back(card, page_w - x - CARD_W, y)
            _sheet_footer(c, f"Lembar {sheet + 1} dari {sheets} \u2014 BELAKANG", page_w)
            c.showPage()
            pages += 2
            progress.update(min(total, (sheet + 1) * per), total)
        return pages
    if layout is CardLayout.SINGLE:
        for i, card in enumerate(cards):
            if progress.cancelled:
                raise CardError("card.cancelled")
            c.setPageSize((CARD_W, CARD_H))
            artist.front(card, 0, 0)
            c.showPage()
            c.setPageSize((CARD_W, CARD_H))
            artist.back(card, 0, 0)
            c.showPage()
            pages += 2
            if i % 20 == 19 or i == total - 1:
                progress.update(i + 1, total)
        return pages
    # Ceremony: an oversized card on A4 landscape.
    page_w, page_h = landscape(A4)
    scale = min((page_w - 2 * CEREMONY_MARGIN) / CARD_W, (page_h - 2 * CEREMONY_MARGIN) / CARD_H)
    x = (page_w - CARD_W * scale) / 2
    y = (page_h - CARD_H * scale) / 2 + (2 * mm if caption else 0)
    for i, card in enumerate(cards):
        if progress.cancelled:
            raise CardError("card.cancelled")
        for side in (artist.front, artist.back):
            c.setPageSize((page_w, page_h))
            side(card, x, y, scale)
            if caption:
                c.setFont(FONT, fit_text(caption, FONT, 10, 6, page_w - 2 * CEREMONY_MARGIN))
                c.setFillColor(GREY)
                c.drawCentredString(page_w / 2, y - 7 * mm, caption)
            c.showPage()
            pages += 1
        progress.update(i + 1, total)
    return pages


def new_canvas(target: Any, title: str, author: str) -> Canvas:
    register_fonts()
    c = Canvas(target, pagesize=A4, pageCompression=1, invariant=0)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("JamSos Desktop")
    return c


def write_atomically(path: Path, produce: Callable[[Any], int]) -> int:
    """Call ``produce(file)`` on a temporary file beside ``path``, then rename it into place.

    Whatever goes wrong (a full disk, a cancel, an error while drawing), no half file is left behind.
    """
    pending = PendingFile.produce(path, produce)
    pending.commit()
    return pending.result


@dataclass
class PendingFile:
    """A finished temporary file beside its target, renamed into place by :meth:`commit`."""

    path: Path
    tmp: Path
    result: int

    @classmethod
    def produce(cls, path: Path, produce: Callable[[Any], int]) -> PendingFile:
        path = Path(path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise CardError("card.folder_missing", path=str(folder))
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".part", dir=folder)
        except OSError as exc:
            raise _write_error(exc, path) from None
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as handle:
                result = produce(handle)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise _write_error(exc, path) from None
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return cls(path, tmp, result)

    def commit(self) -> None:
        try:
            os.replace(self.tmp, self.path)
        except OSError as exc:
            self.discard()
            raise _write_error(exc, self.path) from None

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.tmp.unlink()


def _write_error(exc: OSError, path: Path) -> CardError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return CardError("card.disk_full", path=str(path))
    return CardError("card.write_failed", path=str(path), detail=exc.strerror or str(exc))


def write_cards(
    path: Path,
    cards: Sequence[CardContent],
    layout: CardLayout,
    office: Office,
    *,
    allow_missing_logo: bool = False,
    progress: Progress | None = None,
    caption: str = "",
) -> int:
    """Write the cards to ``path`` (atomically); returns the page count."""
    pending = prepare_cards(
        path, cards, layout, office, allow_missing_logo=allow_missing_logo, progress=progress, caption=caption
    )
    pending.commit()
    return pending.result


def prepare_cards(
    path: Path,
    cards: Sequence[CardContent],
    layout: CardLayout,
    office: Office,
    *,
    allow_missing_logo: bool = False,
    progress: Progress | None = None,
    caption: str = "",
) -> PendingFile:
    """Draw the cards into a temporary file beside ``path``; :meth:`PendingFile.commit` publishes it."""
    logo = _load_logo(office, allow_missing_logo)

    def produce(handle: Any) -> int:
        c = new_canvas(handle, "Kartu bukti kepesertaan", office.office_name)
        pages = draw_cards(c, cards, layout, office, logo=logo, progress=progress, caption=caption)
        c.save()
        return pages

    return PendingFile.produce(path, produce)


# -- Berita Acara Serah Terima -------------------------------------------------------------------------
def write_minutes(
    path: Path,
    event: HandoverEvent,
    recipients: Sequence[HandoverRecipient],
    office: Office,
    *,
    serials: dict[int, str] | None = None,
    programme_name: str = "",
    allow_missing_logo: bool = False,
) -> int:
    """The *Berita Acara Serah Terima* of a handover as an A4 PDF; returns the page count."""
    logo = _load_logo(office, allow_missing_logo)

    def produce(handle: Any) -> int:
        c = new_canvas(handle, f"Berita Acara Serah Terima \u2014 {event.name}", office.office_name)
        pages = _draw_minutes(c, event, recipients, office, logo, serials or {}, programme_name)
        c.save()
        return pages

    return write_atomically(path, produce)


def _wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if width(trial, font, size) <= max_width or not current:
            current = trial
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def _letterhead(c: Canvas, office: Office, logo: Any | None, page_w: float, page_h: float) -> float:
    """Kop surat; returns the y below its rule."""
    top = page_h - 15 * mm
    if logo is not None:
        c.drawImage(
            logo, 20 * mm, top - 24 * mm, 22 * mm, 24 * mm, preserveAspectRatio=True, anchor="c", mask="auto"
        )
    cx = page_w / 2 + (8 * mm if logo is not None else 0)
    c.setFillColor(INK)
    c.setFont(FONT_BOLD, 13)
    c.drawCentredString(cx, top - 5 * mm, f"PEMERINTAH {office.regency_name.upper()}")
    c.setFont(FONT_BOLD, 14)
    name = office.office_name.upper()
    c.setFont(FONT_BOLD, fit_text(name, FONT_BOLD, 14, 8, page_w - 70 * mm))
    c.drawCentredString(cx, top - 11.5 * mm, name)
    c.setFont(FONT, 9.5)
    line = office.address or (office.province_name and f"Provinsi {office.province_name}") or ""
    if line:
        c.drawCentredString(cx, top - 17 * mm, line)
    y = top - 26 * mm
    c.setStrokeColor(INK)
    c.setLineWidth(2.2)
    c.line(20 * mm, y, page_w - 20 * mm, y)
    c.setLineWidth(0.6)
    c.line(20 * mm, y - 1.2 * mm, page_w - 20 * mm, y - 1.2 * mm)
    return y - 1.2 * mm


def _draw_minutes(
    c: Canvas,
    event: HandoverEvent,
    recipients: Sequence[HandoverRecipient],
    office: Office,
    logo: Any | None,
    serials: dict[int, str],
    programme_name: str,
) -> int:
    page_w, page_h = A4
    left, right = 20 * mm, page_w - 20 * mm
    text_w = right - left
    pages = 1
    y = _letterhead(c, office, logo, page_w, page_h) - 10 * mm
    c.setFont(FONT_BOLD, 12)
    c.drawCentredString(page_w / 2, y, "BERITA ACARA SERAH TERIMA")
    y -= 5.5 * mm
    c.setFont(FONT_BOLD, 10.5)
    c.drawCentredString(page_w / 2, y, "KARTU BUKTI KEPESERTAAN BPJS KETENAGAKERJAAN")
    y -= 5 * mm
    c.setFont(FONT, 10)
    c.drawCentredString(page_w / 2, y, "Nomor: ........................................")
    y -= 10 * mm
    officials = parse_officials(event.officials)
    giver = officials[0] if officials else None
    giver_text = (
        f"{giver.role}{' (' + giver.name + ')' if giver.name else ''}" if giver else "pejabat yang berwenang"
    )
    programme = programme_name or "bantuan iuran Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)"
    opening = (
        f"Pada hari ini, {date_in_words(event.event_date)} ({format_date(event.event_date)}), bertempat di "
        f"{event.place}, dalam acara {event.name}, telah diserahkan secara simbolis kartu bukti "
        f"kepesertaan program {programme} bagi pekerja rentan oleh {giver_text} kepada perwakilan "
        f"peserta sebagai berikut:"
    )
    c.setFont(FONT, 10.5)
    for line in _wrap(opening, FONT, 10.5, text_w):
        c.drawString(left, y, line)
        y -= 5.4 * mm
    y -= 3 * mm
    # Table: No | Nama | NIK | Desa | No. kartu | Tanda tangan (alternating left/right like Indonesian forms).
    cols = [("No", 9 * mm), ("Nama", 44 * mm), ("NIK", 33 * mm), ("Desa", 29 * mm), ("No. Kartu", 21 * mm)]
    sign_w = text_w - sum(w for _, w in cols)
    cols.append(("Tanda Tangan", sign_w))
    row_h = 11 * mm
    header_h = 7 * mm

    def header(y_top: float) -> float:
        c.setFillColor(GREEN_LIGHT)
        c.rect(left, y_top - header_h, text_w, header_h, stroke=0, fill=1)
        c.setFillColor(INK)
        c.setFont(FONT_BOLD, 9)
        x = left
        for title, w in cols:
            c.drawCentredString(x + w / 2, y_top - header_h + 2.4 * mm, title)
            x += w
        _grid(y_top, y_top - header_h)
        return y_top - header_h

    def _grid(y_top: float, y_bottom: float) -> None:
        c.setStrokeColor(INK)
        c.setLineWidth(0.5)
        c.rect(left, y_bottom, text_w, y_top - y_bottom, stroke=1, fill=0)
        x = left
        for _, w in cols[:-1]:
            x += w
            c.line(x, y_top, x, y_bottom)

    y = header(y)
    for i, r in enumerate(recipients, start=1):
        if y - row_h < 70 * mm:
            c.showPage()
            pages += 1
            y = header(page_h - 25 * mm)
        c.setFont(FONT, 9)
        c.setFillColor(INK)
        x = left
        values = [
            str(i),
            r.name,
            mask_nik(r.nik) if r.nik else "Belum ada NIK",
            r.village_name,
            serials.get(r.worker_id, "\u2014"),
        ]
        for (_, w), value in zip(cols[:-1], values, strict=False):
            size = fit_text(value, FONT, 9, 5.5, w - 2.4 * mm)
            c.setFont(FONT, size)
            if w == cols[0][1]:
                c.drawCentredString(x + w / 2, y - row_h / 2 - 1.2 * mm, value)
            else:
                c.drawString(x + 1.2 * mm, y - row_h / 2 - 1.2 * mm, value)
            x += w
        # Numbered signature line, alternating sides as on Indonesian attendance forms.
        c.setFont(FONT, 8)
        sx = x + (2 * mm if i % 2 else sign_w * 0.42)
        c.drawString(sx, y - row_h + 2.5 * mm, f"{i}. " + "." * 14)
        _grid(y, y - row_h)
        y -= row_h
    y -= 7 * mm
    closing = (
        "Demikian Berita Acara Serah Terima ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya."
    )
    c.setFont(FONT, 10.5)
    for line in _wrap(closing, FONT, 10.5, text_w):
        c.drawString(left, y, line)
        y -= 5.4 * mm
    if y < 62 * mm:
        c.showPage()
        pages += 1
        y = page_h - 30 * mm
    y -= 6 * mm
    # Signature blocks: the giver on the right, the recipients' representative on the left.
    first = recipients[0].name if recipients else "...................."
    blocks = [
        ("Yang Menerima,", "Perwakilan Penerima", first),
        (
            "Yang Menyerahkan,",
            giver.role if giver else "....................",
            giver.name if giver and giver.name else "",
        ),
    ]
    col_w = text_w / 2
    for k, (title, role, name) in enumerate(blocks):
        cx = left + col_w * k + col_w / 2
        c.setFont(FONT, 10)
        c.drawCentredString(cx, y, title)
        role_size = fit_text(role, FONT, 10, 6.5, col_w - 6 * mm)
        c.setFont(FONT, role_size)
        c.drawCentredString(cx, y - 5 * mm, role)
        c.setFont(FONT_BOLD, 10)
        shown = name or "(" + "." * 40 + ")"
        c.drawCentredString(cx, y - 30 * mm, shown)
        if name:
            c.setLineWidth(0.5)
            nw = width(shown, FONT_BOLD, 10)
            c.line(cx - nw / 2, y - 31 * mm, cx + nw / 2, y - 31 * mm)
    y -= 40 * mm
    others = officials[1:]
    if others:
        if y < 40 * mm:
            c.showPage()
            pages += 1
            y = page_h - 30 * mm
        c.setFont(FONT_BOLD, 10)
        c.drawString(left, y, "Disaksikan oleh:")
        y -= 5.5 * mm
        c.setFont(FONT, 10)
        for n, o in enumerate(others, start=1):
            if y < 20 * mm:
                c.showPage()
                pages += 1
                y = page_h - 25 * mm
                c.setFont(FONT, 10)
            label = f"{n}. {o.role}" + (f" \u2014 {o.name}" if o.name else "")
            c.setFont(FONT, fit_text(label, FONT, 10, 6, text_w - 48 * mm))
            c.drawString(left, y, label)
            c.setFont(FONT, 10)
            c.drawString(right - 42 * mm, y, "." * 30)
            y -= 7 * mm
    c.showPage()
    return pages


def color_hex(color: Color) -> str:  # pragma: no cover - kept for the UI's preview legend
    return color.hexval()
