"""The importer's lighter reading of a workbook gives exactly what openpyxl's read-only mode gives: the
shared-strings table (what Excel and LibreOffice store every text cell in), plain or rich, with phonetic
runs; and every row and value of a sheet (numbers, dates, times, booleans, errors, inline and shared
strings, gaps, rows and cells without numbers, rows past the used range)."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.reader.strings import read_string_table

from jamsos_desktop.services.spreadsheet import _load_read_only, _read_shared_strings, _sheet_values

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "contoh_daftar_pekerja.xlsx"
if not SAMPLE.exists():  # the samples live next to the repository in the workspace
    SAMPLE = Path("/work/shared/samples/contoh_daftar_pekerja.xlsx")

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _table(items: list[str]) -> io.BytesIO:
    body = "".join(f"<si>{item}</si>" for item in items)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="{len(items)}">{body}</sst>'
    return io.BytesIO(xml.encode("utf-8"))


def _both(items: list[str]) -> tuple[list[str], list[str]]:
    return _read_shared_strings(_table(items)), read_string_table(_table(items))


def test_plain_rich_phonetic_empty_and_escaped_strings_read_as_openpyxl_reads_them() -> None:
    items = [
        "<t>Toboali</t>",
        '<t xml:space="preserve">  Desa Rias  </t>',
        "<t/>",
        "<t></t>",
        "<r><t>Tanjung </t></r><r><rPr><b/></rPr><t>Labu</t></r>",
        "<t>Air </t><r><t>Gegas</t></r>",
        "<t>東京</t><rPh sb='0' eb='2'><t>トウキョウ</t></rPh><phoneticPr fontId='1'/>",
        "<r><t/></r><r><t>x</t></r>",
        "<t>a_x005F_x000D_b</t>",
        "<t>1903011208902835</t>",
        "<t>&amp;&lt;&gt;</t>",
    ]
    ours, theirs = _both(items)
    assert ours == theirs
    assert ours[0] == "Toboali" and ours[4] == "Tanjung Labu" and ours[6] == "東京"


_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), _text),
            st.lists(st.one_of(st.none(), _text), max_size=3),
            st.one_of(st.none(), _text),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_table_reads_the_same_as_openpyxl(
    entries: list[tuple[str | None, list[str | None], str | None]],
) -> None:
    items = []
    for plain, runs, phonetic in entries:
        parts = "" if plain is None else f'<t xml:space="preserve">{escape(plain)}</t>'
        for run in runs:
            parts += "<r><t/></r>" if run is None else f'<r><t xml:space="preserve">{escape(run)}</t></r>'
        if phonetic is not None:
            parts += f"<rPh sb='0' eb='1'><t>{escape(phonetic)}</t></rPh>"
        items.append(parts)
    ours, theirs = _both(items)
    assert ours == theirs


def _openpyxl_rows(path: Path, width: int) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True, data_only=True, keep_links=False)
    try:
        return [
            tuple(r)
            for sheet in book.worksheets
            for r in sheet.iter_rows(min_row=1, max_col=width, values_only=True)
        ]
    finally:
        book.close()


def _our_rows(path: Path, width: int) -> list[tuple[object, ...]]:
    book = _load_read_only(path)
    try:
        return [tuple(r) for sheet in book.worksheets for r in _sheet_values(sheet, width)]
    finally:
        book.close()


def _same_rows(path: Path, width: int = 12) -> None:
    ours, theirs = _our_rows(path, width), _openpyxl_rows(path, width)
    assert ours == theirs
    assert [[type(v) for v in r] for r in ours] == [[type(v) for v in r] for r in theirs]


def _typed_workbook(path: Path, *, epoch_1904: bool = False, write_only: bool = False) -> Path:
    book = Workbook(write_only=write_only)
    sheet = book.create_sheet("Daftar") if write_only else book.active
    if epoch_1904:
        book.epoch = datetime(1904, 1, 1)  # CALENDAR_MAC_1904
    rows: list[list[object]] = [
        ["DAFTAR", None, None, "  spasi  "],
        [],
        ["No", "NIK", "Nama", "Tanggal", "Jam", "Lama", "Aktif", "Nilai", "Besar", "Rumus", "Teks"],
        [1, "1903011208902835", "Yusuf", datetime(1990, 8, 12), time(7, 30), timedelta(hours=30), True, 1.5,
         1903011208902835, "=1+1", "x_x005F_y"],
        [2, 1903011208902835.0, "Siti", date(1985, 2, 28), None, None, False, -0.25, 10**15, None, "#N/A"],
        [None, None, None, None, None, None, None, None, None, None, None],
        [3, "'1903014405990313", "Énna  Nur", datetime(2000, 1, 1, 13, 45), None, None, None, 0, 0.1 + 0.2],
    ]  # fmt: skip
    for row in rows:
        sheet.append(row)
    if not write_only:
        sheet["L9"] = "jauh"
        sheet["B12"] = CellRichText([TextBlock(InlineFont(b=True), "Tanjung "), "Labu"])
        sheet["C4"].number_format = "@"
        sheet["H5"].number_format = "DD-MM-YYYY"  # a date format on a number
    book.save(path)
    return path


def test_sheets_of_many_kinds_read_as_openpyxl_reads_them(tmp_path: Path) -> None:
    _same_rows(_typed_workbook(tmp_path / "typed.xlsx"))
    _same_rows(_typed_workbook(tmp_path / "mac.xlsx", epoch_1904=True))
    _same_rows(_typed_workbook(tmp_path / "stream.xlsx", write_only=True), width=5)
    if SAMPLE.exists():
        _same_rows(SAMPLE, width=30)


def _patched(source: Path, target: Path, sheet_xml: str, strings: list[str]) -> Path:
    """``source`` with its first sheet's XML replaced and a shared-strings table added."""
    table = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            elif item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif item.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                )
            dst.writestr(item, data)
        dst.writestr("xl/sharedStrings.xml", f'<sst xmlns="{NS}" count="{len(strings)}">{table}</sst>')
    return target


def test_hand_written_sheet_xml_reads_as_openpyxl_reads_it(tmp_path: Path) -> None:
    """What other programs write: no row or cell numbers, skipped rows, typed cells (``str``, ``d``, ``e``,
    ``b``, empty ``<v/>``), a row attribute as a float, rows listed after the declared used range."""
    base = _typed_workbook(tmp_path / "base.xlsx")
    body = (
        '<row r="1" spans="1:4" ht="15" customHeight="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
        '<row><c t="s"><v>2</v></c><c><v>42</v></c><c t="str"><v>teks rumus</v></c><c t="b"><v>1</v></c></row>'
        '<row r="5.0"><c r="B5" t="d"><v>2024-02-29T10:00:00</v></c><c r="D5" t="e"><v>#DIV/0!</v></c>'
        '<c r="E5"><v/></c><c r="F5" t="n"><v>1E+3</v></c><c r="G5"><f>A1</f><v>7</v></c></row>'
        '<row r="7"><c r="AA7" t="s"><v>1</v></c><c r="B7" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c></row>'
        '<row r="9"><c r="A9" t="s"><v>0</v></c></row>'
    )
    for dimension in ('<dimension ref="A1:F8"/>', '<dimension ref="A1:D3"/>', ""):
        sheet = f'<worksheet xmlns="{NS}">{dimension}<sheetData>{body}</sheetData></worksheet>'
        path = _patched(base, tmp_path / f"hand{len(dimension)}.xlsx", sheet, ["Rias", "Toboali", "Tj. Labu"])
        _same_rows(path, width=8)
        _same_rows(path, width=30)


def test_an_openpyxl_with_other_insides_falls_back_to_its_own_iteration(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services import spreadsheet

    path = _typed_workbook(tmp_path / "typed.xlsx")
    expected = spreadsheet.read_table(path).rows

    def missing() -> None:
        raise ImportError("cannot import name 'WorkSheetParser'")

    monkeypatch.setattr(spreadsheet, "_lean_parser", missing)
    assert spreadsheet.read_table(path).rows == expected
