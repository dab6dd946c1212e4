"""The streaming .xlsx writer, read back by openpyxl (and LibreOffice when installed) from real files."""

from __future__ import annotations

import csv
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jamsos_desktop.domain.excel_rules import neutralise
from jamsos_desktop.services.spreadsheet import atomic_output, read_table
from jamsos_desktop.services.xlsx_writer import DATE, NUMBER, TEXT, Style, XlsxWriter, excel_serial

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NIK = "1903011208902835"


def _book(path: Path) -> Path:
    with XlsxWriter(path) as book:
        head = book.style(Style(bold=True, color="FFFFFF", fill="1F4E78", centre=True))
        text = book.style(Style(number_format="@"))
        day = book.style(Style(number_format="DD-MM-YYYY"))
        money = book.style(Style(number_format='"Rp"#,##0'))
        with book.sheet("Data", widths=[6, 20, 28, 12, 14], freeze="C2", rows=4, active=True) as sheet:
            sheet.append(["No", "NIK", "Nama", "Lahir", "Iuran"], head, height=30)
            write = sheet.row_writer([(NUMBER, 0), (TEXT, text), (TEXT, 0), (DATE, day), (NUMBER, money)])
            write([(1, NIK, "Budi & <Sons>", date(1990, 8, 12), 16_800)])
            write(
                [
                    (2, "", '=HYPERLINK("http://x","klik")', None, 0),
                    (3, "0812", "Siti", date(2000, 2, 29), None),
                ]
            )
            sheet.auto_filter()
        with book.sheet("Rekap: [1]", freeze="A2") as recap:
            recap.append(["Kecamatan", "Jumlah", "Persen", "Tanggal", "Aktif"], head)
            recap.append(
                ["Toboali", 3, 0.5, datetime(2026, 3, 1, 12, 0), True],
                [0, 0, book.style(Style(number_format="0.0%"))],
            )
        with book.sheet("Pilihan", hidden=True) as hidden:
            hidden.append(["L", "P"])
    return path


def test_a_workbook_reads_back_with_its_values_formats_and_layout(tmp_path: Path) -> None:
    book = load_workbook(_book(tmp_path / "x.xlsx"))
    assert book.sheetnames == ["Data", "Rekap   1", "Pilihan"]  # characters Excel forbids in names replaced
    assert book.active.title == "Data"
    data = book["Data"]
    assert [c.value for c in data[1]] == ["No", "NIK", "Nama", "Lahir", "Iuran"]
    header = data["A1"]
    assert header.font.b and header.font.color.rgb == "FFFFFFFF" and header.fill.fgColor.rgb == "FF1F4E78"
    assert header.alignment.horizontal == "center" and header.alignment.wrap_text
    assert data.row_dimensions[1].height == 30
    row = [c.value for c in data[2]]
    assert row == [1, NIK, "Budi & <Sons>", datetime(1990, 8, 12), 16_800]
    assert data["B2"].data_type == "s" and data["B2"].number_format == "@"
    assert data["D2"].number_format == "DD-MM-YYYY" and data["E2"].number_format == '"Rp"#,##0'
    # Empty cells stay empty, but a text column keeps its text format for what is typed later.
    assert data["B3"].value is None and data["B3"].number_format == "@"
    assert data["C3"].value == "'" + '=HYPERLINK("http://x","klik")' and data["C3"].data_type == "s"
    assert data["E4"].value is None and data["D4"].value == datetime(2000, 2, 29)
    assert data.freeze_panes == "C2" and data.auto_filter.ref == "A1:E4"
    assert data.column_dimensions["B"].width == 20 and data.column_dimensions["C"].width == 28
    recap = book.worksheets[1]
    assert recap.freeze_panes == "A2"
    assert [c.value for c in recap[2]] == ["Toboali", 3, 0.5, datetime(2026, 3, 1, 12, 0), True]
    assert recap["C2"].number_format == "0.0%"
    assert book["Pilihan"].sheet_state == "hidden"
    with zipfile.ZipFile(tmp_path / "x.xlsx") as archive:
        assert archive.testzip() is None
        workbook_xml = archive.read("xl/workbook.xml").decode()
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "_xlnm._FilterDatabase" in workbook_xml and "$A$1:$E$4" in workbook_xml
    assert "xml:space" not in sheet_xml  # only texts with spaces at either end need it (none here)


def test_the_importer_reads_what_the_writer_writes(tmp_path: Path) -> None:
    """The read-only reader the import uses (dimension, header search) on a streamed sheet."""
    table = read_table(_book(tmp_path / "x.xlsx"))
    assert table.sheet == "Data" and table.header_row == 1
    assert [cells[1] for _, cells in table.rows] == [NIK, None, "0812"]


TRICKY = [
    "=1+1", "+62812", "-", "@SUM(A1)", "\tTab", "\rCR", "\nLF", "a\r\nb", "  spasi  ", "A & B <c> >",
    "nul\x00bel\x07", "\ufffeX\uffff", "lone \ud800 surrogate", "é Ω 日本 🙂", "\xa6=x", "x\xa6", "_x0041_",
    "]]>", '"quote\'', "",
]  # fmt: skip


def _expected(text: str) -> str | None:
    """What a reader gets back: neutralised, without what XML cannot carry, a surrogate as "?"."""
    out = []
    for c in neutralise(text):
        if 0xD800 <= ord(c) <= 0xDFFF:
            out.append("?")
        elif c in "\t\n\r" or (ord(c) >= 32 and c not in "\ufffe\uffff"):
            out.append(c)
    return "".join(out) or None


@pytest.mark.parametrize("fast", [True, False], ids=["row_writer", "append"])
def test_texts_are_neutralised_escaped_and_kept(tmp_path: Path, fast: bool) -> None:
    path = tmp_path / "t.xlsx"
    with XlsxWriter(path) as book, book.sheet("T") as sheet:
        if fast:
            write = sheet.row_writer([(TEXT, 0)] * len(TRICKY))
            write([TRICKY, ["plain"] * len(TRICKY)])
        else:
            sheet.append(TRICKY)
    values = [c.value for c in load_workbook(path)["T"][1]]
    values += [None] * (len(TRICKY) - len(values))
    assert values == [_expected(t) for t in TRICKY]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.text(max_size=12), min_size=1, max_size=6),
    st.lists(st.integers(-(10**15), 10**15) | st.none(), min_size=1, max_size=3),
)
def test_any_text_and_number_round_trips(tmp_path: Path, texts: list[str], numbers: list[int | None]) -> None:
    path = tmp_path / "p.xlsx"
    path.unlink(missing_ok=True)
    values = [*texts, *numbers]
    with XlsxWriter(path) as book, book.sheet("P") as sheet:
        sheet.row_writer([(TEXT, 0)] * len(texts) + [(NUMBER, 0)] * len(numbers))([values])
    got = [c.value for c in load_workbook(path)["P"][1]]
    got += [None] * (len(values) - len(got))
    assert got == [_expected(t) for t in texts] + numbers


def test_non_text_values_in_a_text_column_are_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "n.xlsx"
    with XlsxWriter(path) as book, book.sheet("N") as sheet:
        sheet.row_writer([(TEXT, 0), (TEXT, 0), (DATE, 0)])([(None, 12, date(1900, 3, 1))])
    assert [c.value for c in load_workbook(path)["N"][1]] == [None, "12", 61]
    assert excel_serial(date(1900, 3, 1)) == 61 and excel_serial(datetime(2000, 1, 1, 6)) == 36526.25


def test_a_failure_leaves_no_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "gagal.xlsx"
    with (
        pytest.raises(ZeroDivisionError),
        atomic_output(target) as temp,
        XlsxWriter(temp) as book,
        book.sheet("A") as sheet,
    ):
        sheet.row_writer([(TEXT, 0)])([("x",)] * 2000)
        raise ZeroDivisionError
    assert list(tmp_path.iterdir()) == []


def test_misuse_is_refused(tmp_path: Path) -> None:
    with XlsxWriter(tmp_path / "m.xlsx") as book:
        book.sheet("A")
        with pytest.raises(RuntimeError):
            book.sheet("B")
        with pytest.raises(ValueError):
            book._open.row_writer([("formula", 0)])  # type: ignore[union-attr]
    with pytest.raises(RuntimeError), XlsxWriter(tmp_path / "leeg.xlsx"):
        pass


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_every_sheet(tmp_path: Path) -> None:
    path = _book(tmp_path / "lo.xlsx")
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with (tmp_path / "lo-Data.csv").open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["No", "NIK", "Nama", "Lahir", "Iuran"]
    assert rows[1] == ["1", NIK, "Budi & <Sons>", "12-08-1990", "Rp16,800"]
    assert rows[2][:3] == ["2", "", "'" + '=HYPERLINK("http://x","klik")']
    assert rows[3][3] == "29-02-2000"
    assert (tmp_path / "lo-Pilihan.csv").read_text(encoding="utf-8").strip() == "L,P"
