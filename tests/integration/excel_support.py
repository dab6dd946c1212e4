"""Helpers for the Excel tests: building workbooks the way clerks (and attackers) make them."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SAMPLE = SAMPLES / "contoh_daftar_pekerja.xlsx"
EXPECT = SAMPLES / "contoh_daftar_pekerja.expect.json"
if not SAMPLE.exists():  # the samples live next to the repository in the workspace
    SAMPLE = Path("/work/shared/samples/contoh_daftar_pekerja.xlsx")
    EXPECT = Path("/work/shared/samples/contoh_daftar_pekerja.expect.json")

HEADER = ["No", "NIK", "Nama Lengkap", "L/P", "Tanggal Lahir", "Desa/Kelurahan", "Kecamatan", "No. HP"]


def workbook(path: Path, rows: Sequence[Sequence[object]], *, title_rows: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.append([f"JUDUL {i + 1}"])
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def huge_dimension(path: Path) -> Path:
    """A tiny workbook whose sheet claims A1:Z2000000 (a "million rows" bomb)."""
    workbook(
        path, [HEADER, [1, "1903011208902835", "Yusuf", "L", "12-08-1990", "Rias", "Toboali", "0812345678"]]
    )
    patched = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index('<dimension ref="') + len('<dimension ref="')
                end = text.index('"', start)
                data = (text[:start] + "A1:Z2000000" + text[end:]).encode()
            dst.writestr(item, data)
    patched.replace(path)
    return path


def zip_bomb(path: Path) -> Path:
    """An .xlsx-shaped zip whose sheet expands ~1000-fold to 600 MB (never written out in full)."""
    workbook(path, [HEADER])
    with (
        zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/bomb.xml", "w", force_zip64=True) as member,
    ):
        chunk = b"\0" * (1024 * 1024)
        for _ in range(600):
            member.write(chunk)
    return path
