"""``jamsos workers import | export | template | kpj-import`` through ``cli.main.run``: JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from excel_support import SAMPLE, workbook
from openpyxl import load_workbook

from jamsos_desktop.cli.main import run


def call(capsys, data_dir: Path, *args: str) -> tuple[int, dict]:  # type: ignore[no-untyped-def, type-arg]
    code = run(["--data-dir", str(data_dir), "--json", *args])
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    return code, json.loads(lines[0])


def test_import_reports_every_count_and_exits_1_on_rejections(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, data = call(capsys, tmp_path, "workers", "import", str(SAMPLE), "--dry-run")
    assert code == 1
    for key in ("read", "imported", "updated", "unchanged", "rejected", "duplicates", "errors"):
        assert key in data
    assert (data["read"], data["imported"], data["rejected"], data["duplicates"]) == (30, 23, 7, 1)
    assert set(data["errors"][0]) >= {"row", "column", "code", "message"}
    code, stats = call(capsys, tmp_path, "stats")
    assert stats["workers"] == 0  # dry run
    report = tmp_path / "laporan.xlsx"
    code, data = call(capsys, tmp_path, "workers", "import", str(SAMPLE), "--report", str(report))
    assert code == 1 and data["imported"] == 23 and data["report"] == str(report)
    assert load_workbook(report).sheetnames[0] == "Laporan Impor"
    code, data = call(capsys, tmp_path, "workers", "import", str(SAMPLE))
    assert data["unchanged"] == 23 and data["imported"] == 0


def test_a_clean_list_exits_0(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "ok.xlsx",
        [
            ["NIK", "Nama", "L/P", "Tgl Lahir", "Desa", "Kec"],
            ["1903011208902835", "Yusuf", "L", "12-08-1990", "Rias", "Toboali"],
        ],
    )
    code, data = call(capsys, tmp_path, "workers", "import", str(path))
    assert code == 0 and data["imported"] == 1 and data["errors"] == []


def test_unknown_column_mapped_on_the_command_line(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(
        tmp_path / "aneh.xlsx",
        [
            ["NIK", "Nama", "L/P", "Tgl Lahir", "Kampung"],
            ["1903011208902835", "Yusuf", "L", "12-08-1990", "Rias"],
        ],
    )
    code, data = call(capsys, tmp_path, "workers", "import", str(path))
    assert code == 2 and data["error"]["code"] == "excel.missing_columns"
    code, data = call(capsys, tmp_path, "workers", "import", str(path), "--map", "Kampung=village")
    assert code == 0 and data["imported"] == 1


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (b"%PDF-1.7\n", "daftar.xlsx", "excel.pdf"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "daftar.xls", "excel.xls"),
        (b"PK\x03\x04broken", "rusak.xlsx", "excel.corrupt"),
    ],
)
def test_bad_files_exit_2_with_one_sentence(
    capsys, tmp_path: Path, content: bytes, name: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_bytes(content)
    exit_code, data = call(capsys, tmp_path, "workers", "import", str(path))
    assert exit_code == 2 and data["error"]["code"] == code and data["error"]["message"]
    assert call(capsys, tmp_path, "stats")[1]["workers"] == 0


def test_export_template_and_kpj_import(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    call(capsys, tmp_path, "workers", "import", str(SAMPLE))
    out = tmp_path / "semua.xlsx"
    code, data = call(capsys, tmp_path, "workers", "export", str(out))
    assert code == 0 and data["rows"] == 23 and out.exists()
    code, data = call(capsys, tmp_path, "workers", "export", str(tmp_path / "bpjs.xlsx"), "--format", "bpjs")
    assert code == 0 and data["rows"] == 23
    code, data = call(capsys, tmp_path, "workers", "export", str(tmp_path / "p.xlsx"), "--program", "1")
    assert code == 2 and data["error"]["code"] == "programme.not_found"
    assert not (tmp_path / "p.xlsx").exists()
    code, created = call(
        capsys, tmp_path, "program", "create", "--name", "Uji", "--funder", "APBD", "--start", "2025-08",
        "--funded-months", "6",
    )  # fmt: skip
    assert code == 0
    rias = "19.03.01.2008"
    code, enrolled = call(capsys, tmp_path, "program", "enroll", str(created["id"]), "--village", rias)
    assert code == 0 and 0 < enrolled["enrolled"] < 23
    code, data = call(capsys, tmp_path, "workers", "export", str(tmp_path / "p.xlsx"), "--program", str(created["id"]))
    assert code == 0 and data["rows"] == enrolled["enrolled"]
    template = tmp_path / "templat.xlsx"
    code, data = call(capsys, tmp_path, "workers", "template", str(template))
    assert code == 0 and data["path"] == str(template) and template.exists()
    kpj = workbook(
        tmp_path / "kpj.xlsx",
        [
            ["NIK", "KPJ"],
            ["1903011208902835", "25012345678"],
            ["1903011208902836", "25012345679"],
            ["1903014405990313", "123"],
        ],
    )
    code, data = call(capsys, tmp_path, "workers", "kpj-import", str(kpj))
    assert code == 1
    assert (data["matched"], data["unmatched"]) == (1, 1)
    assert [e["code"] for e in data["errors"]] == ["kpj.format"]
    code, listed = call(capsys, tmp_path, "workers", "list", "--search", "1903011208902835")
    assert listed["workers"][0]["kpj"] == "25012345678" and listed["workers"][0]["status"] == "registered"
