"""The report workbook writer read back with openpyxl: the fast row path (a template per row shape)
and the careful one (cell by cell) must give the same cells, texts escaped and neutralised."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jamsos_desktop.services.report_xlsx import write_xlsx
from jamsos_desktop.services.reports import Column, Kind, ReportDocument, ReportName, RowStyle, Table

COLUMNS = (
    Column("No", Kind.NUMBER),
    Column("Nama", Kind.TEXT),
    Column("NIK", Kind.ID, masked=True),
    Column("Iuran", Kind.MONEY),
    Column("%", Kind.PERCENT),
)


def _doc(rows: list[tuple], styles: list[RowStyle]) -> ReportDocument:
    table = Table("Daftar", COLUMNS, rows, styles, "Daftar")
    return ReportDocument(ReportName.INACTIVE, "DAFTAR", ("Program Uji",), (table,))


def _read(path: Path) -> tuple[list[tuple], list]:
    ws = load_workbook(path)["Daftar"]
    header = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")
    cells = list(ws.iter_rows(min_row=header + 1, max_col=len(COLUMNS)))
    return [tuple(c.value for c in row) for row in cells], cells


def test_texts_numbers_and_gaps_read_back(tmp_path: Path) -> None:
    rows = [
        ("Desa/Kel. Toboali \u2014 3 orang", "", "", "", ""),
        (1, "Siti & Sons <PT>", "1903010101800001", 16_800, 0.5),
        (2, '=HYPERLINK("x")', "+6281234567", 33_600, 0.25),
        (3, "   indented", "", None, 1.0),
        (4, "tab\there, bell\x07gone", 1903010101800004, 0, 0.0),
        (5, "Budi - Tani", "-12", 16_800, 0.125),
        (6, "@home", "1903010101800006", 16_800, 0.75),
        ("JUMLAH", None, None, 83_000, None),
    ]
    styles = [RowStyle.SECTION] + [RowStyle.NORMAL] * 6 + [RowStyle.TOTAL]
    write_xlsx(tmp_path / "d.xlsx", _doc(rows, styles))
    values, cells = _read(tmp_path / "d.xlsx")
    assert values[:7] == [
        (1, "Siti & Sons <PT>", "1903010101800001", 16_800, 0.5),
        (2, '\'=HYPERLINK("x")', "'+6281234567", 33_600, 0.25),
        (3, "   indented", None, None, 1),
        (4, "tab\there, bellgone", "1903010101800004", 0, 0),
        (5, "Budi - Tani", "'-12", 16_800, 0.125),
        (6, "'@home", "1903010101800006", 16_800, 0.75),
        ("JUMLAH", None, None, 83_000, None),
    ]
    assert all(cells[i][2].number_format == "@" for i in (0, 1, 3, 4, 5))  # row 3 has no NIK cell
    assert cells[0][3].number_format == '"Rp"#,##0' and cells[6][0].font.b


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
            st.one_of(st.none(), st.text(alphabet="0123456789+-=@ ", max_size=16)),
            st.one_of(st.none(), st.integers(-(10**12), 10**12)),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_any_text_survives_the_round_trip(tmp_path: Path, data: list[tuple]) -> None:
    rows = [(n, name, nik, money, 0.5) for n, (name, nik, money) in enumerate(data, start=1)]
    write_xlsx(tmp_path / "h.xlsx", _doc(rows, [RowStyle.NORMAL] * len(rows)))
    values, _ = _read(tmp_path / "h.xlsx")

    def expected(text: str | None) -> str | None:
        if text is None or text == "":
            return None
        text = "".join(c for c in text if c in "\t\n\r" or ord(c) >= 32)
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # XML normalises line ends when read
        return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\n") else text  # "" if only controls

    for (n, name, nik, money, _), got in zip(rows, values, strict=False):
        assert got[0] == n and got[3] == money
        assert got[1] == expected(name), (name, got[1])
        assert got[2] == expected(nik), (nik, got[2])
