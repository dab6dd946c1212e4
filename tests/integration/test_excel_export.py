"""Exports, the template and KPJ numbers back, read again with openpyxl from a real SQLite file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from excel_support import SAMPLE, workbook
from openpyxl import load_workbook

from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.worker import Heir, WorkerData
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus
from jamsos_desktop.services.excel_export import ExportProfile, WorkerExporter, builtin_profile
from jamsos_desktop.services.excel_import import WorkerImporter
from jamsos_desktop.services.kpj_import import KpjImporter

FORMULA_NAME = '=HYPERLINK("http://x","klik")'


@pytest.fixture
def exporter(context) -> WorkerExporter:  # type: ignore[no-untyped-def]
    return WorkerExporter(
        context.unit_of_work, context.region_table, regency=context.regency, clock=context.clock
    )


@pytest.fixture
def filled(context):  # type: ignore[no-untyped-def]
    WorkerImporter(
        context.unit_of_work,
        context.region_table,
        regency=context.regency,
        user=context.user,
        clock=context.clock,
    ).run(SAMPLE)
    context.registry.register(
        WorkerData(
            name=FORMULA_NAME,
            sex=Sex.MALE,
            birth_date=date(1980, 1, 22),
            village_code="19.03.02.2001",
            nik="1903022201800001",
            kk="1903022201800002",
            occupation="+Nelayan",
            address="@alamat",
            heirs=(Heir("-Siti", HeirRelationship.SPOUSE, None, ""),),
            notes="\tcatatan",
        )
    )
    return context


def test_full_export_writes_identifiers_as_text_and_neutralises_formulas(
    filled, exporter: WorkerExporter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "semua.xlsx"
    result = exporter.export(out, profile="full")
    assert result.rows == 24
    book = load_workbook(out)
    assert book.sheetnames == ["Pekerja", "Rekap Wilayah", "Rekap Pekerjaan", "Rekap Status"]
    sheet = book["Pekerja"]
    headers = [c.value for c in sheet[1]]
    nik_col = headers.index("NIK") + 1
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=nik_col)
        assert isinstance(cell.value, str) and len(cell.value) == 16 and cell.data_type == "s"
        assert cell.number_format == "@"
    for column in ("No KK", "No. HP"):
        index = headers.index(column) + 1
        values = [sheet.cell(row=r, column=index).value for r in range(2, sheet.max_row + 1)]
        assert all(v is None or isinstance(v, str) for v in values)
    # No cell anywhere can run as a formula.
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value:
                    assert cell.value[0] not in "=+-@\t\r\n", (ws.title, cell.coordinate, cell.value)
    names = [
        sheet.cell(row=r, column=headers.index("Nama Lengkap") + 1).value for r in range(2, sheet.max_row + 1)
    ]
    assert "'" + FORMULA_NAME in names
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref
    recap = book["Rekap Wilayah"]
    assert recap.freeze_panes == "A2"
    total_row = [c.value for c in recap[recap.max_row]]
    assert total_row[0] == "JUMLAH SELURUHNYA" and total_row[5] == 24
    assert recap.cell(row=recap.max_row, column=9).number_format == '"Rp"#,##0'
    status = {r[1]: r[2] for r in book["Rekap Status"].iter_rows(min_row=2, values_only=True)}
    assert status["draft"] == 24


def test_bpjs_export_follows_the_profile(filled, exporter: WorkerExporter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bpjs.xlsx"
    profile = builtin_profile("bpjs")
    result = exporter.export(out, profile=profile)
    assert result.rows == 24
    sheet = load_workbook(out)[profile.sheet]
    assert [c.value for c in sheet[1]] == [c.header for c in profile.columns]
    first = [c.value for c in sheet[2]]
    assert first[1].isdigit() and len(first[1]) == 16
    assert first[2] == first[2].upper()  # names in capitals as BPJS lists have them


def test_an_edited_profile_and_a_bad_one(filled, exporter: WorkerExporter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = ExportProfile.from_dict(
        {"sheet": "X", "columns": [{"header": "NIK", "field": "nik"}, {"header": "Prog", "value": "JKM"}]}
    )
    out = tmp_path / "x.xlsx"
    exporter.export(out, profile=profile)
    assert [c.value for c in load_workbook(out)["X"][2]][1] == "JKM"
    with pytest.raises(UsageError):
        ExportProfile.from_dict({"columns": [{"header": "A", "field": "gaji"}]})


def test_template_has_dropdowns_text_columns_and_instructions(
    exporter: WorkerExporter, tmp_path: Path
) -> None:
    out = tmp_path / "templat.xlsx"
    exporter.template(out)
    book = load_workbook(out)
    assert book.sheetnames == ["Petunjuk", "Daftar Pekerja", "Pilihan"]
    assert book["Pilihan"].sheet_state == "hidden"
    sheet = book["Daftar Pekerja"]
    headers = [c.value for c in sheet[1]]
    assert headers[1] == "NIK"
    assert (
        sheet["B2"].number_format == "@"
        and sheet["C2"].number_format == "@"
        and sheet["N2"].number_format == "@"
    )
    lists = {
        str(v.sqref).split(":")[0]: v.formula1
        for v in sheet.data_validations.dataValidation
        if v.type == "list"
    }
    assert lists == {
        "E2": "=daftar_lp",
        "K2": "=daftar_kecamatan",
        "L2": "=daftar_desa",
        "M2": "=daftar_pekerjaan",
        "P2": "=daftar_hubungan",
    }
    villages = [
        r[0] for r in book["Pilihan"].iter_rows(min_row=2, min_col=2, max_col=2, values_only=True) if r[0]
    ]
    assert len(villages) == 53 and "Rias" in villages
    assert "PETUNJUK" in book["Petunjuk"]["A1"].value
    # The template's own header is recognised by the importer.
    from jamsos_desktop.domain.excel_rules import Column, match_header

    found = match_header(headers)
    assert found is not None and {Column.NIK, Column.NAME, Column.VILLAGE, Column.DISTRICT} <= set(
        found.columns.values()
    )


def test_kpj_numbers_back_from_bpjs(filled, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = filled
    path = workbook(
        tmp_path / "kpj.xlsx",
        [
            ["DAFTAR KPJ PESERTA BPU"],
            [],
            ["No", "NIK", "Nama", "No KPJ"],
            [1, "1903011208902835", "YUSUF", "25012345678"],
            [2, "1903014405990313", "ROSMALA", 25012345679],  # 11 digits as a number: fine
            [3, "1903019999999999", "?", "25012345680"],  # NIK not in the database (and impossible)
            [4, "1903010608971613", "AHMADI", "2501234"],  # too short
            [5, "1903012709690512", "IRMAN", "25012345678"],  # KPJ already given above
            [6, "1903016111992856", "DEWI", 2501234568],  # a number that lost its leading digit
            [7, "1903015605622428", "MAIMUNAH", "25012345690"],
            [None, "Jumlah", None, None],
        ],
    )
    path_missing = workbook(
        tmp_path / "kpj2.xlsx",
        [["NIK", "No KPJ"], ["1903011302830046", "25012345611"], ["1903011302830047", "25012345612"]],
    )
    importer = KpjImporter(context.unit_of_work, context.region_table, user=context.user, clock=context.clock)
    result = importer.run(path)
    assert result.matched == 3 and result.updated == 3
    codes = sorted(e.code for e in result.errors)
    assert codes == sorted(["nik.date", "kpj.format", "excel.kpj_duplicate_in_file", "kpj.number_damaged"])
    yusuf = context.registry.get(context.registry.find_by_nik("1903011208902835").id)
    assert yusuf.kpj == "25012345678" and yusuf.status is WorkerStatus.REGISTERED
    again = importer.run(path)
    assert again.matched == 3 and again.updated == 0 and again.unchanged == 3
    second = importer.run(path_missing)
    assert second.matched == 1 and [u.params["nik"] for u in second.unmatched] == ["1903011302830047"]
    with pytest.raises(UsageError) as caught:
        importer.run(workbook(tmp_path / "kosong.xlsx", [["NIK", "Nama", "Desa"], ["1", "2", "3"]]))
    assert caught.value.code == "kpj.no_header"
