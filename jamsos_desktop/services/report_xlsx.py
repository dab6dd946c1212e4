"""A :class:`~jamsos_desktop.services.reports.ReportDocument` as an Excel workbook, one sheet per table.

Each sheet opens with the report's title and subtitle, then the header row (frozen, with filters) and
the rows: money as whole rupiah with the ``Rp`` number format, counts as numbers, NIK, KPJ and phone
numbers as text (a NIK typed as a number loses its 16th digit), every text neutralised so that no cell
can run as a formula. Written in openpyxl's write-only mode to a temporary file renamed into place.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jamsos_desktop.domain.excel_rules import column_letter, neutralise
from jamsos_desktop.services.excel_export import RUPIAH_FORMAT
from jamsos_desktop.services.ports import NullProgress, Progress
from jamsos_desktop.services.reports import Kind, ReportDocument, RowStyle
from jamsos_desktop.services.spreadsheet import atomic_output

HEAD_COLOUR = "1F4E78"
SUB_COLOUR = "DDEBF7"
TOTAL_COLOUR = "BDD7EE"
PERCENT_FORMAT = "0.0%"
_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})


def write_xlsx(path: str | Path, doc: ReportDocument, *, progress: Progress | None = None) -> int:
    """Write ``doc`` to ``path``; returns the number of data rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    progress = progress or NullProgress()
    wb = Workbook(write_only=True)
    white = Font(bold=True, color="FFFFFF")
    bold = Font(bold=True)
    title_font = Font(bold=True, size=13)
    head_fill = PatternFill("solid", start_color=HEAD_COLOUR, end_color=HEAD_COLOUR)
    sub_fill = PatternFill("solid", start_color=SUB_COLOUR, end_color=SUB_COLOUR)
    total_fill = PatternFill("solid", start_color=TOTAL_COLOUR, end_color=TOTAL_COLOUR)
    wrap = Alignment(horizontal="center", vertical="center", wrap_text=True)
    used: set[str] = set()

    for t_index, table in enumerate(doc.tables):
        name = (table.sheet or table.title).translate(_BAD_SHEET_CHARS)[:31].strip() or f"Tabel {t_index + 1}"
        base, k = name, 2
        while name.lower() in used:
            name = f"{base[:28]} {k}"
            k += 1
        used.add(name.lower())
        ws = wb.create_sheet(name)
        for i, col in enumerate(table.columns):
            ws.column_dimensions[column_letter(i)].width = max(6.0, col.width * 1.1)

        # One style array per kind: assigning formats cell by cell is what makes openpyxl slow.
        def template(number_format: str, font: Any = None, fill: Any = None, ws: Any = ws) -> Any:
            cell = WriteOnlyCell(ws, value=None)
            cell.number_format = number_format
            if font is not None:
                cell.font = font
            if fill is not None:
                cell.fill = fill
            return cell._style

        formats = {
            Kind.MONEY: RUPIAH_FORMAT,
            Kind.PERCENT: PERCENT_FORMAT,
            Kind.ID: "@",
            Kind.NUMBER: "#,##0",
        }
        styles = {
            (style, kind): template(
                formats.get(kind, "General"),
                bold if style in (RowStyle.SUBTOTAL, RowStyle.TOTAL) else None,
                {RowStyle.SUBTOTAL: sub_fill, RowStyle.TOTAL: total_fill}.get(style),
            )
            for style in RowStyle
            for kind in Kind
        }

        def cell(value: Any, style: Any, ws: Any = ws) -> Any:
            c = WriteOnlyCell(ws, value=value)
            c._style = style
            return c

        top = [doc.title, " \u2014 ".join(doc.subtitle)]
        if t_index == 0:
            top += [text for text, _ in doc.intro]
        top.append(table.title)
        header_row = len(top) + 2
        ws.freeze_panes = f"A{header_row + 1}"  # write-only sheets take it before the first row
        for i, text in enumerate(top):
            c = WriteOnlyCell(ws, value=neutralise(text))
            if i == 0:
                c.font = title_font
            elif i == len(top) - 1:
                c.font = bold
            ws.append([c])
        ws.append([])
        header = []
        for col in table.columns:
            c = WriteOnlyCell(ws, value=neutralise(col.header))
            c.font, c.fill, c.alignment = white, head_fill, wrap
            header.append(c)
        ws.append(header)
        kinds = [col.kind for col in table.columns]
        last_data = header_row
        written = 0
        for i, row in enumerate(table.rows):
            style = table.style(i)
            if style is RowStyle.SECTION:
                continue  # the village is a column of its own: filters work on plain rows
            out = []
            for value, kind in zip(row, kinds, strict=False):
                out.append(cell(_value(value, kind), styles[(style, kind)]))
            ws.append(out)
            written += 1
            if style is not RowStyle.TOTAL:
                last_data = header_row + written
            if written % 5000 == 0:
                progress.update(2, 3, f"{written}")
        ws.auto_filter.ref = (
            f"A{header_row}:{column_letter(len(table.columns) - 1)}{max(last_data, header_row)}"
        )
        if t_index == len(doc.tables) - 1:
            trailer = list(doc.notes)
            if doc.signature is not None:
                s = doc.signature
                trailer += ["", s.place_date, s.title, "", "", s.name or "(....................)",
                            f"NIP. {s.nip}" if s.nip else "NIP."]  # fmt: skip
            if trailer:
                ws.append([])
            for text in trailer:
                ws.append([neutralise(text) if text else None])

    with atomic_output(path) as temp:
        wb.save(temp)
    return doc.rows


def _value(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if kind is Kind.ID:
        return neutralise(str(value)) if value != "" else None
    if kind in (Kind.MONEY, Kind.NUMBER) and isinstance(value, int):
        return value
    if kind is Kind.PERCENT and isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return neutralise(value) if value else None
    return value


__all__ = ["write_xlsx"]
