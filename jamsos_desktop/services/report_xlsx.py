"""A :class:`~jamsos_desktop.services.reports.ReportDocument` as an Excel workbook, one sheet per table.

Each sheet opens with the report's title and subtitle, then the header row (frozen, with filters) and
the rows: money as whole rupiah with the ``Rp`` number format, counts as numbers, NIK, KPJ and phone
numbers as text (a NIK typed as a number loses its 16th digit), every text neutralised so that no cell
can run as a formula.

The workbook is written here as SpreadsheetML directly (inline strings, a fixed style table) instead of
through openpyxl: openpyxl's write-only mode costs ~40 µs a cell, so a list of 95,000 members (900,000
cells) took 30 s; this writer streams the same sheet in about 2 s. openpyxl and LibreOffice read the result
in the tests. The file is written to a temporary file beside the target and renamed into place.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape  # attribute values (sheet names)

from jamsos_desktop.domain.excel_rules import column_letter, neutralise
from jamsos_desktop.services.ports import NullProgress, Progress
from jamsos_desktop.services.reports import Kind, ReportDocument, RowStyle
from jamsos_desktop.services.spreadsheet import atomic_output

_BAD_SHEET_CHARS = str.maketrans({c: " " for c in "[]:*?/\\"})

# Style indexes into <cellXfs> below: (row style, kind) -> xf id.
_PLAIN, _TEXT, _MONEY, _PERCENT, _NUMBER = 0, 1, 2, 3, 4
_SUB = 5  # + the same five, bold on light blue
_TOTAL = 10  # + the same five, bold on blue
_HEADER, _TITLE, _BOLD = 15, 16, 17
_KIND_OFFSET = {
    Kind.TEXT: _PLAIN,
    Kind.ID: _TEXT,
    Kind.MONEY: _MONEY,
    Kind.PERCENT: _PERCENT,
    Kind.NUMBER: _NUMBER,
}
_ROW_BASE = {RowStyle.NORMAL: 0, RowStyle.SUBTOTAL: _SUB, RowStyle.TOTAL: _TOTAL, RowStyle.SECTION: 0}

_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;Rp&quot;#,##0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>
<fonts count="4"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>
<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="Calibri"/></font><font><b/><sz val="13"/><name val="Calibri"/></font></fonts>
<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFBDD7EE"/></patternFill></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E78"/></patternFill></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="18">{xfs}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _xfs() -> str:
    formats = [0, 49, 164, 165, 3]  # general, text (@), Rp, 0.0%, #,##0
    out = []
    for font, fill in ((0, 0), (1, 2), (1, 3)):
        for fmt in formats:
            apply_fmt = ' applyNumberFormat="1"' if fmt else ""
            apply_font = ' applyFont="1" applyFill="1"' if font else ""
            out.append(
                f'<xf numFmtId="{fmt}" fontId="{font}" fillId="{fill}" borderId="0" xfId="0"{apply_fmt}{apply_font}/>'
            )
    out.append(
        '<xf numFmtId="0" fontId="2" fillId="4" borderId="0" xfId="0" applyFont="1" applyFill="1" '
        'applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
    )
    out.append('<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>')
    out.append('<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>')
    return "".join(out)


def write_xlsx(path: str | Path, doc: ReportDocument, *, progress: Progress | None = None) -> int:
    """Write ``doc`` to ``path``; returns the number of data rows."""
    progress = progress or NullProgress()
    sheets: list[tuple[str, bytes]] = []
    used: set[str] = set()
    for index, table in enumerate(doc.tables):
        name = (table.sheet or table.title).translate(_BAD_SHEET_CHARS)[:31].strip() or f"Tabel {index + 1}"
        base, k = name, 2
        while name.lower() in used:
            name = f"{base[:28]} {k}"
            k += 1
        used.add(name.lower())
        sheets.append((name, _sheet(doc, index, progress)))
    with atomic_output(path) as temp, zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", _content_types(len(sheets)))
        z.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr("xl/workbook.xml", _workbook(doc, [n for n, _ in sheets]))
        z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        z.writestr("xl/styles.xml", _STYLES.replace("{xfs}", _xfs()))
        for i, (_, data) in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", data)
    return doc.rows


#: One pass in C: XML's three special characters escaped, control characters XML forbids dropped.
_XML_TEXT = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{chr(c): None for c in range(32) if chr(c) not in "\t\n\r"}}
)


def _xml(text: str) -> str:
    """Cell text: neutralised against formulas, escaped for XML (most texts need neither)."""
    text = neutralise(text)
    if text.isprintable() and "&" not in text and "<" not in text and ">" not in text:
        return text
    return text.translate(_XML_TEXT)


#: Joins a row's texts for one check; a private-use character, so a value starting a text is seen.
_SEP = "\ue000"
#: What makes a text need more than copying: XML's specials or control characters XML forbids…
_XML_CARE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f]")
#: …or a formula trigger at the start of a value (``excel_rules.neutralise``), the row's texts joined
#: after a leading separator. A false alarm only costs the slow path.
_FORMULA_CARE = re.compile("\ue000[=+\\-@\t\r\n]")


def _plain(texts: str) -> bool:
    return _XML_CARE.search(texts) is None and _FORMULA_CARE.search(texts) is None


def _row_template(
    cells: list[tuple[str, int, bool]], types: tuple[type, ...], gaps: tuple[int, ...]
) -> str | None:
    """``str.format`` template of a row whose values have these types: ``{0}`` the row number, ``{1}``…
    the values (texts already safe), the empty ones (``gaps``) left out. None for a shape the fast path
    does not take (bools, dates, numbers in a text column…)."""
    out = ['<row r="{0}">']
    for k, ((letter, style, as_text), kind) in enumerate(zip(cells, types, strict=False), start=1):
        if k - 1 in gaps:
            continue
        if kind is str:
            out.append(
                f'<c r="{letter}{{0}}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{{{k}}}</t></is></c>'
            )
        elif (kind is int or kind is float) and not as_text:
            out.append(f'<c r="{letter}{{0}}" s="{style}"><v>{{{k}!r}}</v></c>')
        else:
            return None
    out.append("</row>")
    return "".join(out)


def _row(r: int, cells: list[tuple[str, int, bool]], row: tuple[Any, ...]) -> str:
    """One row, cell by cell: empty cells left out, every text neutralised and escaped."""
    out = []
    for (letter, s, as_text), value in zip(cells, row, strict=False):
        if value is None or value == "":
            continue
        if as_text or value.__class__ is str:
            out.append(
                f'<c r="{letter}{r}" t="inlineStr" s="{s}"><is><t xml:space="preserve">'
                f"{_xml(str(value))}</t></is></c>"
            )
        elif isinstance(value, bool):
            out.append(f'<c r="{letter}{r}" t="b" s="{s}"><v>{int(value)}</v></c>')
        elif isinstance(value, int | float):
            out.append(f'<c r="{letter}{r}" s="{s}"><v>{value!r}</v></c>')
        else:
            out.append(_text_cell(f"{letter}{r}", str(value), s))
    return f'<row r="{r}">{"".join(out)}</row>'


def _text_cell(ref: str, text: str, style: int) -> str:
    return f'<c r="{ref}" t="inlineStr" s="{style}"><is><t xml:space="preserve">{_xml(text)}</t></is></c>'


def _header_row(doc: ReportDocument, index: int) -> tuple[list[tuple[str, int]], int]:
    table = doc.tables[index]
    top = [(doc.title, _TITLE), (" \u2014 ".join(doc.subtitle), _PLAIN)]
    if index == 0:
        top += [(text, _PLAIN) for text, _ in doc.intro]
    top.append((table.title, _BOLD))
    return top, len(top) + 2


def _sheet(doc: ReportDocument, index: int, progress: Progress) -> bytes:
    table = doc.tables[index]
    columns = table.columns
    letters = [column_letter(i) for i in range(len(columns))]
    kinds = [col.kind for col in columns]
    top, header_row = _header_row(doc, index)
    parts: list[str] = []
    for r, (text, style) in enumerate(top, start=1):
        parts.append(f'<row r="{r}">{_text_cell(f"A{r}", text, style)}</row>')
    parts.append(
        f'<row r="{header_row}" ht="30" customHeight="1">'
        + "".join(
            _text_cell(f"{letters[i]}{header_row}", col.header, _HEADER) for i, col in enumerate(columns)
        )
        + "</row>"
    )
    r = header_row
    last_data = header_row
    styles = table.styles
    # Per column and row style: the cell's letter and style, and whether it is text whatever its value.
    opening = {
        style: [
            (letters[c], _ROW_BASE[style] + _KIND_OFFSET[kind], kind is Kind.ID)
            for c, kind in enumerate(kinds)
        ]
        for style in RowStyle
    }
    templates: dict[tuple[Any, ...], str | None] = {}
    append = parts.append
    for i, row in enumerate(table.rows):
        style = styles[i] if i < len(styles) else RowStyle.NORMAL
        if style is RowStyle.SECTION:
            continue  # the village is a column of its own: filters work on plain rows
        r += 1
        # Fast path, nearly every row of a long list: no text needing escapes (one check over the row's
        # texts joined) -> one ``str.format`` of a template made once per shape (types, empty cells).
        gaps = tuple(k for k, v in enumerate(row) if v is None or v == "") if None in row or "" in row else ()
        shape = (style, tuple(map(type, row)), gaps)
        template = templates.get(shape, "")
        if template == "":
            template = templates[shape] = _row_template(opening[style], shape[1], gaps)
        if template is not None and _plain(_SEP + _SEP.join([v for v in row if v.__class__ is str])):
            append(template.format(r, *row))
        else:
            append(_row(r, opening[style], row))
        if style is not RowStyle.TOTAL:
            last_data = r
        if i % 10_000 == 0:
            progress.update(2, 3, str(i))
    if index == len(doc.tables) - 1:
        trailer = list(doc.notes)
        if doc.signature is not None:
            s = doc.signature
            trailer += ["", s.place_date, s.title, "", "", s.name or "(....................)",
                        f"NIP. {s.nip}" if s.nip else "NIP."]  # fmt: skip
        if trailer:
            r += 1
        for text in trailer:
            r += 1
            if text:
                parts.append(f'<row r="{r}">{_text_cell(f"A{r}", text, _PLAIN)}</row>')
    widths = "".join(
        f'<col min="{i + 1}" max="{i + 1}" width="{max(6.0, col.width * 1.1):.1f}" customWidth="1"/>'
        for i, col in enumerate(columns)
    )
    last_col = letters[-1]
    selected = ' tabSelected="1"' if index == 0 else ""
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<dimension ref="A1:{last_col}{max(r, header_row)}"/>'
        f'<sheetViews><sheetView workbookViewId="0"{selected}>'
        f'<pane ySplit="{header_row}" topLeftCell="A{header_row + 1}" activePane="bottomLeft" state="frozen"/>'
        f'<selection pane="bottomLeft" activeCell="A{header_row + 1}" sqref="A{header_row + 1}"/>'
        "</sheetView></sheetViews>"
        f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols><sheetData>'
    )
    tail = f'</sheetData><autoFilter ref="A{header_row}:{last_col}{last_data}"/></worksheet>'
    return (head + "".join(parts) + tail).encode("utf-8")


def filter_range(doc: ReportDocument, index: int) -> tuple[int, int]:
    """(header row, last data row) of a table's sheet, for the workbook's filter names."""
    table = doc.tables[index]
    _, header_row = _header_row(doc, index)
    styles = table.styles[: len(table.rows)]
    sections, totals = styles.count(RowStyle.SECTION), styles.count(RowStyle.TOTAL)
    return header_row, header_row + len(table.rows) - sections - totals


def _workbook(doc: ReportDocument, names: list[str]) -> str:
    sheets = "".join(
        f'<sheet name="{escape(n, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, n in enumerate(names, start=1)
    )
    defined = []
    for i, name in enumerate(names):
        header_row, last = filter_range(doc, i)
        last_col = column_letter(len(doc.tables[i].columns) - 1)
        quoted = "'" + name.replace("'", "''") + "'"
        defined.append(
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
            f"{escape(quoted)}!$A${header_row}:${last_col}${max(last, header_row)}</definedName>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheets}</sheets><definedNames>{''.join(defined)}</definedNames></workbook>"
    )


def _workbook_rels(count: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        f'worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    rels += (
        f'<Relationship Id="rId{count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/>'
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    )


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheets}</Types>"
    )


__all__ = ["write_xlsx"]
