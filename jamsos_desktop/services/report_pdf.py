"""A :class:`~jamsos_desktop.services.reports.ReportDocument` as an A4 PDF with the office letterhead.

The first page carries the kop surat drawn by :mod:`card_pdf` (the same as the Berita Acara), later pages
a short running head; every page ends with "Halaman n dari N". Tables are drawn straight on the canvas
with fixed row heights (a list of 50,000 members is a few seconds, where platypus would split one huge
table quadratically); headers repeat on every page. Summaries end with the signature block of the
Kepala Dinas. The file is written beside its target and renamed into place.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from jamsos_desktop.domain.formatting import format_datetime, format_number, mask_nik
from jamsos_desktop.domain.money import format_rupiah
from jamsos_desktop.services import card_pdf
from jamsos_desktop.services.card_pdf import FONT, FONT_BOLD, register_fonts, width
from jamsos_desktop.services.ports import NullProgress, Progress
from jamsos_desktop.services.reports import Kind, ReportDocument, RowStyle, Signature, Table

INK = HexColor("#1B1F1D")
GREY = HexColor("#5B6660")
RULE = HexColor("#9AA5A0")
HEAD_FILL = HexColor("#DCE8E1")
ZEBRA = HexColor("#F5F8F6")
SUB_FILL = HexColor("#EEF3EF")
TOTAL_FILL = HexColor("#D5E3DA")
SECTION_FILL = HexColor("#FFFFFF")

MARGIN = 18 * mm
BOTTOM = 16 * mm
ROW_H = 4.7 * mm
HEAD_H = 7.6 * mm
BODY_PT = 8.2
SIGNATURE_W = 96 * mm
SIGNING_SPACE = 15 * mm  # room for the signature and the office stamp
HEAD_PT = 7.6


class _NumberedCanvas(Canvas):
    """Remembers each page so that "Halaman n dari N" can be written once N is known."""

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        page_w, _ = self._pagesize
        self.setFont(FONT, 7.5)
        self.setFillColor(GREY)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN, BOTTOM - 3 * mm, page_w - MARGIN, BOTTOM - 3 * mm)
        self.drawString(MARGIN, BOTTOM - 7 * mm, self._footer)
        self.drawRightString(page_w - MARGIN, BOTTOM - 7 * mm, f"Halaman {self._pageNumber} dari {total}")


def write_pdf(
    path: Any, doc: ReportDocument, office: card_pdf.Office, *, progress: Progress | None = None
) -> int:
    """Write ``doc`` to ``path`` (atomically); returns the number of pages."""
    logo = card_pdf._load_logo(office, allow_missing=True)  # a broken logo never blocks a report
    progress = progress or NullProgress()

    def produce(handle: Any) -> int:
        register_fonts()
        size = landscape(A4) if doc.landscape else A4
        stamp = format_datetime(doc.generated_at) if doc.generated_at else ""
        footer = f"Dicetak {stamp} dengan JamSos Desktop"
        c = _NumberedCanvas(handle, pagesize=size, pageCompression=1, invariant=0, footer=footer)
        c.setTitle(doc.title)
        c.setAuthor(office.office_name)
        c.setCreator("JamSos Desktop")
        _Layout(c, doc, office, logo, size, progress).draw()
        pages = len(c._saved)
        c.save()
        return pages

    return card_pdf.write_atomically(path, produce)


class _Layout:
    def __init__(
        self, c: Canvas, doc: ReportDocument, office: card_pdf.Office, logo: Any, size: tuple[float, float],
        progress: Progress,
    ) -> None:  # fmt: skip
        self.c = c
        self.doc = doc
        self.office = office
        self.logo = logo
        self.page_w, self.page_h = size
        self.left = MARGIN
        self.right = self.page_w - MARGIN
        self.text_w = self.right - self.left
        self.progress = progress
        self.y = 0.0

    # -- pages ----------------------------------------------------------------------------------------
    def draw(self) -> None:
        self.y = card_pdf._letterhead(self.c, self.office, self.logo, self.page_w, self.page_h) - 7 * mm
        self._title()
        for text, bold in self.doc.intro:
            self._paragraph(text, bold)
        self.y -= 2 * mm
        total_rows = sum(len(t.rows) for t in self.doc.tables) or 1
        done = 0
        for n, table in enumerate(self.doc.tables):
            if n == len(self.doc.tables) - 1 and self.doc.signature is not None and n > 0:
                self._keep_with_signature(table)
            self._table(table, done, total_rows)
            done += len(table.rows)
            self.y -= 5 * mm
        if self.doc.signature is None:
            for note in self.doc.notes:
                self._paragraph(note, False, size=7.8, colour=GREY)
        else:
            self._notes_and_signature(self.doc.notes, self.doc.signature)
        self.c.showPage()

    def _new_page(self) -> None:
        self.c.showPage()
        self.y = self.page_h - 14 * mm
        self.c.setFont(FONT, 7.5)
        self.c.setFillColor(GREY)
        half = self.text_w / 2 - 3 * mm
        self.c.drawString(
            self.left, self.y, _clip_to(f"{self.office.office_name} {self.office.regency_name}", half)
        )
        self.c.drawRightString(self.right, self.y, _clip_to(self.doc.title, half))
        self.y -= 6 * mm

    def _need(self, height: float) -> None:
        if self.y - height < BOTTOM:
            self._new_page()

    # -- text -----------------------------------------------------------------------------------------
    def _title(self) -> None:
        c = self.c
        c.setFillColor(INK)
        # One line when it fits at 10.5 pt or more; wrapped at 12 pt otherwise.
        size = card_pdf.fit_text(self.doc.title, FONT_BOLD, 12, 10.5, self.text_w)
        fits = width(self.doc.title, FONT_BOLD, size) <= self.text_w
        lines = [self.doc.title] if fits else card_pdf._wrap(self.doc.title, FONT_BOLD, 12, self.text_w)
        for line in lines:
            c.setFont(FONT_BOLD, size if fits else 12)
            c.drawCentredString(self.page_w / 2, self.y, line)
            self.y -= 5.6 * mm
        c.setFont(FONT, 9.5)
        for line in self.doc.subtitle:
            c.drawCentredString(self.page_w / 2, self.y, line)
            self.y -= 4.6 * mm
        self.y -= 3 * mm

    def _paragraph(self, text: str, bold: bool, *, size: float = 9.5, colour: Any = INK) -> None:
        font = FONT_BOLD if bold else FONT
        lines = card_pdf._wrap(text, font, size, self.text_w)
        self._need(len(lines) * size * 0.5 * mm)
        self.c.setFont(font, size)
        self.c.setFillColor(colour)
        for line in lines:
            self._need(size * 0.5 * mm)
            self.c.setFont(font, size)
            self.c.setFillColor(colour)
            self.c.drawString(self.left, self.y, line)
            self.y -= size * 0.5 * mm
        self.y -= 1.2 * mm

    # -- tables ---------------------------------------------------------------------------------------
    def _widths(self, table: Table) -> list[float]:
        total = sum(col.width for col in table.columns)
        return [self.text_w * col.width / total for col in table.columns]

    def _header(self, table: Table, widths: list[float]) -> None:
        c = self.c
        top = self.y
        c.setFillColor(HEAD_FILL)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.rect(self.left, top - HEAD_H, self.text_w, HEAD_H, stroke=1, fill=1)
        c.setFillColor(INK)
        x = self.left
        for col, w in zip(table.columns, widths, strict=True):
            lines = card_pdf._wrap(col.header, FONT_BOLD, HEAD_PT, w - 2 * mm)[:2]
            base = top - HEAD_H / 2 + (len(lines) - 1) * 1.5 * mm - 1.1 * mm
            for k, line in enumerate(lines):
                size = card_pdf.fit_text(line, FONT_BOLD, HEAD_PT, 5.5, w - 1.6 * mm)
                c.setFont(FONT_BOLD, size)
                c.drawCentredString(x + w / 2, base - k * 3.1 * mm, line)
            x += w
        self.y = top - HEAD_H

    def _table(self, table: Table, done_before: int, total_rows: int) -> None:
        c = self.c
        widths = self._widths(table)
        self._need(8 * mm + HEAD_H + 3 * ROW_H)
        c.setFont(FONT_BOLD, 10)
        c.setFillColor(INK)
        c.drawString(self.left, self.y, table.title)
        self.y -= 2.5 * mm
        self._header(table, widths)
        rows = table.rows
        kinds = [col.kind for col in table.columns]
        masked = [col.masked for col in table.columns]
        lefts = []
        x = self.left
        for w in widths:
            lefts.append(x)
            x += w
        zebra = False
        for i, row in enumerate(rows):
            if self.y - ROW_H < BOTTOM:
                self._new_page()
                self._header(table, widths)
            style = table.style(i)
            top = self.y
            bottom = top - ROW_H
            fill = {
                RowStyle.SUBTOTAL: SUB_FILL,
                RowStyle.TOTAL: TOTAL_FILL,
                RowStyle.SECTION: SECTION_FILL,
            }.get(style)
            if fill is None:
                zebra = not zebra
                fill = ZEBRA if zebra else None
            else:
                zebra = False
            if fill is not None:
                c.setFillColor(fill)
                c.rect(self.left, bottom, self.text_w, ROW_H, stroke=0, fill=1)
            c.setFillColor(INK)
            text_y = bottom + 1.45 * mm
            if style is RowStyle.SECTION:
                c.setFont(FONT_BOLD, BODY_PT)
                c.drawString(self.left + 1.2 * mm, text_y, str(row[0]))
            else:
                font = FONT_BOLD if style in (RowStyle.SUBTOTAL, RowStyle.TOTAL) else FONT
                for value, kind, hide, x0, w in zip(row, kinds, masked, lefts, widths, strict=False):
                    text = (mask_nik(value) or "belum ada NIK") if hide else _cell_text(value, kind)
                    if not text:
                        continue
                    size = BODY_PT
                    room = w - 2.4 * mm
                    tw = width(text, font, size)
                    if tw > room:
                        # Identifiers (a phone to call, a NIK) shrink further rather than lose digits.
                        size = max(4.8 if kind is Kind.ID else 5.6, size * room / tw * 0.98)
                        if width(text, font, size) > room:
                            text = _clip(text, font, size, room)
                    c.setFont(font, size)
                    if kind in (Kind.NUMBER, Kind.MONEY, Kind.PERCENT):
                        c.drawRightString(x0 + w - 1.2 * mm, text_y, text)
                    else:
                        c.drawString(x0 + 1.2 * mm, text_y, text)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.3 if style is RowStyle.NORMAL else 0.6)
            c.line(self.left, bottom, self.right, bottom)
            self.y = bottom
            if i % 2000 == 0:
                self.progress.update(1, 3, f"{done_before + i}/{total_rows}")

    # -- signature ------------------------------------------------------------------------------------
    def _signature_height(self) -> float:
        sig = self.doc.signature
        if sig is None:
            return 0.0
        notes_w = self.text_w - SIGNATURE_W - 8 * mm
        lines = sum(len(card_pdf._wrap(n, FONT, 7.6, notes_w)) for n in self.doc.notes)
        title = len(card_pdf._wrap(sig.title, FONT, 9.5, SIGNATURE_W))
        return max((title + 3) * 4.6 * mm + SIGNING_SPACE, lines * 3.4 * mm) + 3 * mm

    def _keep_with_signature(self, table: Table) -> None:
        """A signature never stands alone on a page: when the last table and the signature do not
        both fit here, the last table starts a new page and the signature follows it."""
        table_h = 8 * mm + HEAD_H + len(table.rows) * ROW_H + 6 * mm
        needed = table_h + self._signature_height()
        usable = self.page_h - 20 * mm - BOTTOM
        if self.y - needed < BOTTOM and needed <= usable:
            self._new_page()

    def _notes_and_signature(self, notes: tuple[str, ...], sig: Signature) -> None:
        """Notes on the left, the Kepala Dinas's signature on the right, kept together on one page."""
        block_w = SIGNATURE_W
        notes_w = self.text_w - block_w - 8 * mm
        note_lines = [line for note in notes for line in card_pdf._wrap(note, FONT, 7.6, notes_w) + [""]]
        title_lines = card_pdf._wrap(sig.title, FONT, 9.5, block_w)
        sig_h = (len(title_lines) + 3) * 4.6 * mm + SIGNING_SPACE
        self.y -= 2 * mm
        self._need(max(sig_h, len(note_lines) * 3.4 * mm))
        top = self.y
        c = self.c
        c.setFillColor(GREY)
        c.setFont(FONT, 7.6)
        y = top
        for line in note_lines:
            if line:
                c.drawString(self.left, y, line)
            y -= 3.4 * mm if line else 1.4 * mm
        cx = self.right - block_w / 2
        y = top
        c.setFillColor(INK)
        c.setFont(FONT, 9.5)
        c.drawCentredString(cx, y, sig.place_date)
        y -= 4.6 * mm
        for line in title_lines:
            c.drawCentredString(cx, y, line)
            y -= 4.6 * mm
        y -= SIGNING_SPACE
        c.setFont(FONT_BOLD, 10)
        name = sig.name or "(" + "." * 44 + ")"
        c.drawCentredString(cx, y, name)
        if sig.name:
            nw = width(name, FONT_BOLD, 10)
            c.setLineWidth(0.5)
            c.setStrokeColor(INK)
            c.line(cx - nw / 2, y - 1 * mm, cx + nw / 2, y - 1 * mm)
        y -= 4.6 * mm
        c.setFont(FONT, 9.5)
        c.drawCentredString(cx, y, f"NIP. {sig.nip}" if sig.nip else "NIP. " + "." * 30)
        self.y = min(y, top - len(note_lines) * 3.4 * mm) - 4.6 * mm


def _cell_text(value: Any, kind: Kind) -> str:
    if value is None or value == "":
        return ""
    if kind is Kind.MONEY and isinstance(value, int):
        return format_rupiah(value)
    if kind is Kind.NUMBER and isinstance(value, int):
        return format_number(value)
    if kind is Kind.PERCENT and isinstance(value, int | float):
        tenths = round(value * 1000)
        return f"{tenths // 10},{tenths % 10} %"
    return str(value)


def _clip_to(text: str, room: float, font: str = FONT, size: float = 7.5) -> str:
    return text if width(text, font, size) <= room else _clip(text, font, size, room)


def _clip(text: str, font: str, size: float, room: float) -> str:
    while text and width(text + "\u2026", font, size) > room:
        text = text[:-1]
    return text + "\u2026"


__all__ = ["write_pdf"]
