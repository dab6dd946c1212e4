"""Speed of Excel import and export against floors measured in the same run (issue 5).

- A clean 10,000-row list imports in at most 1.5x the floor: openpyxl read-only iteration of the same
  file plus one ``sqlite3`` ``executemany`` of the same rows. Both as openpyxl writes the list (inline
  strings) and as a spreadsheet program saves it (shared strings: LibreOffice where installed).
- Exporting the 100,000 workers of the shared benchmark database takes at most 10 s; a machine slower
  than the reference gets 10 s scaled by its same-run floor (a raw ``sqlite3`` read of the same rows,
  joined and sorted the same way, plus zlib over the sheet's own XML) against that floor measured on the
  reference machine. The ratio to the floor is printed and recorded too.
"""

from __future__ import annotations

import random
import re
import shutil
import sqlite3
import subprocess
import time
import zipfile
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from bench_support import BENCH_WORKERS, record
from openpyxl import Workbook, load_workbook

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.nik import make_nik
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker_types import OCCUPATIONS, Sex
from jamsos_desktop.services.excel_export import WorkerExporter, builtin_profile
from jamsos_desktop.services.excel_import import WorkerImporter
from jamsos_desktop.services.spreadsheet import read_table

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]
#: The export floor (read + compress, full profile, 100,000 demo workers) on the reference machine, the
#: 2-core AMD EPYC VM of bench_support, when other work left it alone: ~1.5 s read + ~0.5 s zlib.
REFERENCE_EXPORT_FLOOR_S = 2.0
HEADER = ["No", "NIK", "Nama Lengkap", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Alamat", "Desa/Kelurahan",
          "Kecamatan", "Pekerjaan", "No. HP", "Nama Ahli Waris", "Hubungan"]  # fmt: skip


def _people(count: int, seed: int = 5) -> list[list[object]]:
    rnd = random.Random(seed)
    regions = default_table()
    places = [(d, v) for d in regions.districts("19.03") for v in regions.villages(d.code)]
    rows: list[list[object]] = []
    used: set[str] = set()
    for i in range(count):
        district, village = places[i % len(places)]
        sex = Sex.MALE if i % 2 else Sex.FEMALE
        born = date(1960, 1, 1) + timedelta(days=rnd.randrange(16000))
        serial = i // len(places) + 1
        nik = make_nik(district.code, born, sex, serial)
        while nik in used:
            serial = serial % 9999 + 1
            nik = make_nik(district.code, born, sex, serial)
        used.add(nik)
        rows.append([
            i + 1, nik, f"Pekerja {i}", sex.value, "Toboali", datetime(born.year, born.month, born.day),
            f"RT {i % 9 + 1:03d} RW 00{i % 4 + 1}", village.name, district.name, OCCUPATIONS[i % len(OCCUPATIONS)],
            f"0812{i:08d}", "Ahli Waris", "Anak",
        ])  # fmt: skip
    return rows


def _write_list(path: Path, rows: list[list[object]], *, excel_like: bool = False) -> Path:
    """The list as openpyxl's write-only mode saves it (inline strings, no ``<dimension>``) or, with
    ``excel_like``, as openpyxl's normal mode saves it (inline strings too, with the used range)."""
    book = Workbook(write_only=not excel_like)
    sheet = book.active if excel_like else book.create_sheet("Daftar")
    sheet.title = "Daftar"
    sheet.append(["DAFTAR PEKERJA RENTAN"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
_INLINE = re.compile(
    r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is>(<t[^>]*>.*?</t>|<t/>)</is></c>'
)
_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def _save_as_excel(rows: list[list[object]], folder: Path) -> tuple[Path, str]:
    """The list as a spreadsheet program saves it: every text in a shared-strings table (cells hold its
    index), the used range in ``<dimension>``. Saved by LibreOffice (headless) where it is installed, as
    CI does; elsewhere openpyxl's file with its inline strings moved into a shared-strings table exactly
    as Excel stores them. Returns the file and which of the two it is."""
    folder.mkdir(parents=True, exist_ok=True)
    source = _write_list(folder / "daftar-excel.xlsx", rows, excel_like=True)
    if SOFFICE is not None:
        out = folder / "libreoffice"
        done = subprocess.run(
            [SOFFICE, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless", "--convert-to",
             "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
        saved = out / source.name
        assert done.returncode == 0 and saved.exists(), done.stdout + done.stderr
        return saved, "saved by LibreOffice"
    saved = folder / "daftar-shared.xlsx"
    strings: dict[str, int] = {}
    count = 0

    def shared(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        index = strings.setdefault(match.group(3), len(strings))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{index}</v></c>'

    with zipfile.ZipFile(source) as src, zipfile.ZipFile(saved, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = _INLINE.sub(shared, data.decode("utf-8")).encode("utf-8")
            elif item.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            elif item.filename == "xl/_rels/workbook.xml.rels":
                relation = (
                    f'<Relationship Id="rIdSharedStrings" Type="{_SST_REL}" Target="sharedStrings.xml"/>'
                )
                data = data.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
            dst.writestr(item, data)
        items = "".join(f"<si>{text}</si>" for text in strings)
        dst.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main" count="{count}" uniqueCount="{len(strings)}">{items}</sst>',
        )
    return saved, "shared strings written as Excel writes them"


def _floor_import(path: Path, database: Path) -> float:
    start = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    rows = [r for r in book.worksheets[0].iter_rows(min_row=4, values_only=True)]
    book.close()
    with sqlite3.connect(database) as raw:
        raw.execute("create table w (" + ", ".join(f"c{i}" for i in range(len(HEADER))) + ")")
        raw.executemany(f"insert into w values ({', '.join('?' * len(HEADER))})", rows)
    return time.perf_counter() - start


def _import_against_floor(path: Path, tmp_path: Path, name: str) -> tuple[float, float, list[float]]:
    """(best import, best floor, all import runs): two imports, each into a fresh database, against
    three floors, interleaved, so that a burst of load from elsewhere does not decide the ratio."""
    floors: list[float] = []
    runs: list[float] = []
    for attempt in range(2):
        floors.append(_floor_import(path, tmp_path / f"{name}-floor{attempt}.sqlite3"))
        ctx = open_context(data_dir=tmp_path / f"{name}-data{attempt}")
        try:
            ctx.clock = lambda: datetime(2026, 11, 24, 9, 0)
            ctx.user = lambda: "petugas.uji"
            importer = WorkerImporter(
                ctx.unit_of_work, ctx.region_table, regency=ctx.regency, user=ctx.user, clock=ctx.clock
            )
            ctx.region_table()  # loaded once per process in the application too
            start = time.perf_counter()
            result = importer.run(path)
            runs.append(time.perf_counter() - start)
        finally:
            ctx.close()
        summary = result.summary()
        assert summary["imported"] == 10_000, summary["errors"][:3]  # type: ignore[index]
    floors.append(_floor_import(path, tmp_path / f"{name}-floor-after.sqlite3"))
    return min(runs), min(floors), runs


def _reading(path: Path) -> tuple[float, float]:
    """(the importer's reading of the file, openpyxl's read-only iteration of it): the importer decodes
    shared strings and cells itself on openpyxl's (defusedxml) parser, faster than openpyxl's own
    objects; printed beside the ratio so that it is plain how much of the margin comes from reading."""
    start = time.perf_counter()
    read_table(path)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    book = load_workbook(path, read_only=True, data_only=True)
    for _ in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()
    return ours, time.perf_counter() - start


def test_import_of_10000_rows_within_1_5x_the_floor(tmp_path: Path) -> None:
    """The target, on the list as openpyxl writes it and on the same rows as a spreadsheet program saves
    them. openpyxl reads a shared-strings sheet about twice as fast as inline strings, so there the floor
    is about half and the import's own work (the checks of every value, the write with its indexes and
    audit trail) weighs twice as much: the harder of the two."""
    rows = _people(10_000)
    path = _write_list(tmp_path / "daftar.xlsx", rows)
    elapsed, floor, runs = _import_against_floor(path, tmp_path, "openpyxl")
    like, how = _save_as_excel(rows, tmp_path / "excel")
    with zipfile.ZipFile(like) as archive:
        assert "xl/sharedStrings.xml" in archive.namelist()
    like_elapsed, like_floor, like_runs = _import_against_floor(like, tmp_path, "excel")
    read, stock = _reading(path)
    like_read, like_stock = _reading(like)
    print(
        f"\nimport 10,000 rows: {elapsed:.2f} s (runs {', '.join(f'{r:.2f}' for r in runs)}); "
        f"floor {floor:.2f} s; ratio {elapsed / floor:.2f}; reading alone {read:.2f} s (openpyxl {stock:.2f} s)"
        f"\nimport 10,000 rows {how}: {like_elapsed:.2f} s (runs {', '.join(f'{r:.2f}' for r in like_runs)}); "
        f"floor {like_floor:.2f} s; ratio {like_elapsed / like_floor:.2f}; "
        f"reading alone {like_read:.2f} s (openpyxl {like_stock:.2f} s)"
    )
    record("import_10k_read_s", round(read, 2))
    record("import_10k_openpyxl_read_s", round(stock, 2))
    record("import_10k_excel_like_read_s", round(like_read, 2))
    record("import_10k_excel_like_openpyxl_read_s", round(like_stock, 2))
    record("import_10k_s", round(elapsed, 2))
    record("import_10k_floor_s", round(floor, 2))
    record("import_10k_ratio", round(elapsed / floor, 2))
    record("import_10k_excel_like_s", round(like_elapsed, 2))
    record("import_10k_excel_like_floor_s", round(like_floor, 2))
    record("import_10k_excel_like_ratio", round(like_elapsed / like_floor, 2))
    record("import_10k_excel_like_file", how)
    assert elapsed <= 1.5 * floor, (elapsed, floor)
    assert like_elapsed <= 1.5 * like_floor, (like_elapsed, like_floor, how)


def _floor_export(database: Path, sheet: bytes, statuses: tuple[str, ...]) -> tuple[float, float]:
    """(read, compress): a raw ``sqlite3`` read of the exported rows (the same columns, join, filter and
    order), and zlib at the writer's level over the sheet's own XML. No export can beat either."""
    where = f"WHERE w.status IN ({', '.join('?' * len(statuses))}) " if statuses else ""
    sql = (
        "SELECT w.id, w.nik, w.kk, w.name, w.sex, w.birth_place, w.birth_date, w.address, w.rt, w.rw, "
        "w.village_code, w.occupation, w.phone, w.income, w.kpj, w.status, h.name, h.relationship, h.nik, "
        "h.phone FROM worker w LEFT JOIN heir h ON h.worker_id = w.id AND h.position = 0 "
        f"LEFT JOIN region v ON v.code = w.village_code {where}ORDER BY v.name, w.name_key, w.id"
    )
    start = time.perf_counter()
    with sqlite3.connect(database) as raw:
        rows = raw.execute(sql, statuses).fetchall()
    read = time.perf_counter() - start
    assert rows
    start = time.perf_counter()
    packer = zlib.compressobj(1, zlib.DEFLATED, -15)
    for offset in range(0, len(sheet), 1 << 20):
        packer.compress(sheet[offset : offset + (1 << 20)])
    packer.flush()
    return read, time.perf_counter() - start


@pytest.mark.parametrize("profile_name", ["full", "bpjs"])
def test_export_of_100000_workers(demo_database, tmp_path: Path, profile_name: str) -> None:  # type: ignore[no-untyped-def]
    """Within 10 s on this machine; on a slower one, 10 s scaled by how much slower its floor is than
    ``REFERENCE_EXPORT_FLOOR_S`` (the same floor measured on the reference machine)."""
    folder, _ = demo_database
    ctx = open_context(data_dir=folder)
    try:
        ctx.region_table()  # loaded once per process in the application too
        exporter = WorkerExporter(ctx.unit_of_work, ctx.region_table, regency=ctx.regency)
        profile = builtin_profile(profile_name)
        out = tmp_path / f"{profile_name}.xlsx"
        start = time.perf_counter()
        result = exporter.export(out, profile=profile)
        elapsed = time.perf_counter() - start
        database = Path(ctx.database.target.display)
    finally:
        ctx.close()
    with zipfile.ZipFile(out) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    statuses = tuple(s.value for s in profile.statuses)
    floors = [_floor_export(database, sheet, statuses) for _ in range(2)]
    read, pack = min(f[0] for f in floors), min(f[1] for f in floors)
    floor = read + pack
    assert result.rows == BENCH_WORKERS or (profile.statuses and result.rows > 0)
    budget = 10.0 * max(1.0, floor / REFERENCE_EXPORT_FLOOR_S)
    print(
        f"\nexport {result.rows:,} workers ({profile_name}): {elapsed:.2f} s; floor {floor:.2f} s "
        f"(read {read:.2f} + compress {pack:.2f}); ratio {elapsed / floor:.2f}; budget {budget:.2f} s; "
        f"{len(sheet) / 1e6:.0f} MB of sheet XML, file {out.stat().st_size / 1e6:.1f} MB"
    )
    record(f"export_{profile_name}_s", round(elapsed, 2))
    record(f"export_{profile_name}_floor_s", round(floor, 2))
    record(f"export_{profile_name}_ratio", round(elapsed / floor, 2))
    assert elapsed <= budget, (elapsed, floor, budget)
