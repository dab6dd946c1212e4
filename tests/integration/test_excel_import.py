"""Importing village lists into a real SQLite file: the sample's exact outcomes, updates, bad files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from excel_support import EXPECT, HEADER, SAMPLE, huge_dimension, workbook, zip_bomb
from openpyxl import load_workbook

from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.excel_rules import Column
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.services.excel_import import Outcome, WorkerImporter


@pytest.fixture
def importer(context) -> WorkerImporter:  # type: ignore[no-untyped-def]
    return WorkerImporter(
        context.unit_of_work,
        context.region_table,
        regency=context.regency,
        user=context.user,
        clock=context.clock,
    )


def worker_count(context) -> int:  # type: ignore[no-untyped-def]
    return context.registry.stats().total


def test_the_sample_list_imports_exactly_as_expected(context, importer: WorkerImporter) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads(EXPECT.read_text(encoding="utf-8"))["rows"]
    result = importer.run(SAMPLE)
    rows = {r.row: r for r in result.preview.rows}
    summary = result.summary()
    assert summary["read"] == len(expected)
    assert summary["imported"] == sum(1 for e in expected if e["expect"] == "import")
    assert summary["rejected"] == sum(1 for e in expected if e["expect"] == "reject")
    assert summary["duplicates"] == 1
    stored = {w.nik: w for w in context.registry.list(WorkerQuery())}
    assert len(stored) == summary["imported"]
    for e in expected:
        row = rows[e["row"]]
        if e["expect"] == "reject":
            assert row.outcome is Outcome.REJECT, (e, row.issues)
            assert row.errors, e
            continue
        assert row.outcome is Outcome.IMPORT, (e, row.issues)
        worker = stored[e["nik"]]
        assert worker.sex.value == e["sex"], e
        assert worker.birth_date.isoformat() == e["birth_date"], e
        assert worker.village_code == e["village_code"], e
        assert worker.phone == e["phone"], e
    # The reasons a clerk reads, one per rejected row.
    codes = {e["row"]: e["code"] for e in summary["errors"]}  # type: ignore[union-attr]
    assert codes[20] == "excel.nik_number"
    assert codes[21] == "nik.length"
    assert codes[22] == "nik.date"
    assert codes[23] == "nik.province"
    assert codes[24] == "excel.duplicate_in_file"
    assert codes[25] == "name.required"
    assert codes[31] == "excel.village_unknown"
    # A NIK that disagrees with the typed birth date: imported, typed value kept, with a warning.
    assert any(w["row"] == 26 and w["code"] == "nik.birth_date_mismatch" for w in summary["warnings"])  # type: ignore[union-attr]
    assert stored["1903016505991172"].birth_date == date(2000, 6, 28)
    # Heirs and RT/RW are read too.
    yusuf = context.registry.get(context.registry.find_by_nik("1903011208902835").id)
    assert yusuf.rt == "001" and yusuf.rw == "003"
    assert yusuf.heirs and yusuf.heirs[0].name == "Joko Susilo"


def test_reimporting_the_same_list_changes_nothing(context, importer: WorkerImporter) -> None:  # type: ignore[no-untyped-def]
    importer.run(SAMPLE)
    again = importer.run(SAMPLE).summary()
    assert again["imported"] == 0 and again["updated"] == 0
    assert again["unchanged"] == 23
    assert worker_count(context) == 23


def test_same_nik_with_different_data_is_an_update(context, importer: WorkerImporter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = workbook(
        tmp_path / "a.xlsx",
        [HEADER, [1, "1903011208902835", "Yusuf", "L", "12-08-1990", "Rias", "Toboali", "081234567890"]],
    )
    importer.run(first)
    second = workbook(
        tmp_path / "b.xlsx",
        [
            HEADER,
            [1, "1903011208902835", "Yusuf Hasan", "L", "12-08-1990", "Rias", "Toboali", "081234567899"],
        ],
    )
    result = importer.run(second).summary()
    assert (result["imported"], result["updated"], result["unchanged"]) == (0, 1, 0)
    worker = context.registry.get(context.registry.find_by_nik("1903011208902835").id)
    assert worker.name == "Yusuf Hasan" and worker.phone == "081234567899" and worker.version == 2


def test_dry_run_writes_nothing_and_gives_the_same_counts(context, importer: WorkerImporter) -> None:  # type: ignore[no-untyped-def]
    dry = importer.run(SAMPLE, dry_run=True).summary()
    assert worker_count(context) == 0
    real = importer.run(SAMPLE).summary()
    for key in ("read", "imported", "updated", "unchanged", "rejected", "duplicates"):
        assert dry[key] == real[key]


def test_the_report_copies_rows_with_result_and_message(importer: WorkerImporter, tmp_path: Path) -> None:
    report = tmp_path / "laporan.xlsx"
    importer.run(SAMPLE, report=report)
    sheet = load_workbook(report, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Baris" and rows[0][-2:] == ("Hasil", "Keterangan")
    by_row = {r[0]: r for r in rows[1:]}
    assert by_row[6][-2] == "Diimpor"
    assert by_row[20][-2] == "Ditolak" and "15 digit" in by_row[20][-1]
    assert by_row[20][2] == "1903016007642180" and isinstance(by_row[20][2], str)  # the damaged NIK as text
    assert by_row[24][-2] == "Ditolak" and "baris 11" in by_row[24][-1]
    assert by_row[38][-2] == "Dilewati"  # the signature line
    assert not list(tmp_path.glob(".laporan-*"))  # no temporary file left behind


def test_csv_with_semicolons(context, importer: WorkerImporter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "daftar.csv"
    path.write_text(
        "NIK;Nama;JK;Tgl Lahir;Desa;Kecamatan;No HP\n"
        "1903011208902835;Yusuf;L;12/08/1990;Rias;Toboali;0812345678\n"
        "1.90301E+15;Fatimah;P;20-07-1964;Rias;Toboali;\n",
        encoding="utf-8",
    )
    result = importer.run(path).summary()
    assert (result["imported"], result["rejected"]) == (1, 1)
    assert result["errors"][0]["code"] == "excel.nik_number"  # type: ignore[index]


def test_manual_mapping_of_an_unknown_column(context, importer: WorkerImporter, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "aneh.xlsx",
        [
            ["NIK", "Nama", "Kelamin", "Lahir pada", "Kampung"],
            ["1903011208902835", "Yusuf", "L", "12-08-1990", "Rias"],
        ],
    )
    table = importer.read(path)
    preview = importer.preview(table)
    assert Column.VILLAGE in preview.missing_columns
    assert 3 in preview.unknown_columns and 4 in preview.unknown_columns
    preview = importer.preview(table, mapping={3: Column.BIRTH_DATE, 4: Column.VILLAGE})
    assert not preview.missing_columns
    assert preview.rows[0].outcome is Outcome.IMPORT
    assert preview.rows[0].data.village_code == "19.03.01.2008"  # type: ignore[union-attr]
    with pytest.raises(UsageError) as missing:
        importer.run(path)
    assert missing.value.code == "excel.missing_columns"


def test_missing_birth_date_and_sex_come_from_the_nik(importer: WorkerImporter, tmp_path: Path) -> None:
    path = workbook(tmp_path / "a.xlsx", [["NIK", "Nama", "Desa"], ["1903014405990313", "Rosmala", "Rias"]])
    row = importer.run(path).preview.rows[0]
    assert row.outcome is Outcome.IMPORT
    assert row.data.sex.value == "P" and row.data.birth_date == date(1999, 5, 4)  # type: ignore[union-attr]
    assert {i.code for i in row.warnings} == {"excel.from_nik"}


def _bad_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    pdf = tmp_path / "daftar.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
    xls = tmp_path / "lama.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    encrypted = tmp_path / "sandi.xlsx"
    encrypted.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 64
    )
    corrupt = tmp_path / "rusak.xlsx"
    corrupt.write_bytes(SAMPLE.read_bytes()[:3000])
    empty_sheet = workbook(tmp_path / "kosong.xlsx", [])
    no_header = workbook(tmp_path / "tanpa_judul.xlsx", [["a", "b", "c"], [1, 2, 3]])
    empty_file = tmp_path / "nol.xlsx"
    empty_file.write_bytes(b"")
    return {
        "pdf": (pdf, "excel.pdf"),
        "xls": (xls, "excel.xls"),
        "encrypted": (encrypted, "excel.encrypted"),
        "corrupt": (corrupt, "excel.corrupt"),
        "empty sheet": (empty_sheet, "excel.empty"),
        "empty file": (empty_file, "excel.empty"),
        "no header": (no_header, "excel.no_header"),
        "huge dimension": (huge_dimension(tmp_path / "besar.xlsx"), "excel.too_many_rows"),
        "zip bomb": (zip_bomb(tmp_path / "bom.xlsx"), "excel.zip_bomb"),
        "missing": (tmp_path / "tidak_ada.xlsx", "excel.file_missing"),
    }


def test_bad_files_give_one_clear_error_and_write_nothing(
    context, importer: WorkerImporter, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    for name, (path, code) in _bad_files(tmp_path).items():
        with pytest.raises(UsageError) as caught:
            importer.run(path, report=tmp_path / f"laporan-{path.stem}.xlsx")
        assert caught.value.code == code, name
        assert caught.value.exit_code == 2
        message = caught.value.message("id")
        assert message and "\n" not in message and "Traceback" not in message
        assert not (tmp_path / f"laporan-{path.stem}.xlsx").exists()
    assert worker_count(context) == 0
    with context.database.engine.connect() as raw:  # the database itself, not through the services
        assert raw.exec_driver_sql("select count(*) from worker").scalar() == 0
