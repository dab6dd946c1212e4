"""A real spreadsheet program opens our exports: LibreOffice (headless) converts them to CSV and every
16-digit NIK comes back whole. Skipped where LibreOffice is not installed (CI installs the Debian
package ``libreoffice-calc-nogui``)."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from excel_support import SAMPLE

from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.services.excel_export import WorkerExporter
from jamsos_desktop.services.excel_import import WorkerImporter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
@pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
)
@pytest.mark.parametrize("profile", ["full", "bpjs"])
def test_exported_niks_survive_libreoffice(context, tmp_path: Path, profile: str) -> None:  # type: ignore[no-untyped-def]
    WorkerImporter(
        context.unit_of_work,
        context.region_table,
        regency=context.regency,
        user=context.user,
        clock=context.clock,
    ).run(SAMPLE)
    expected = {w.nik for w in context.registry.list(WorkerQuery())}
    out = tmp_path / f"{profile}.xlsx"
    WorkerExporter(context.unit_of_work, context.region_table, regency=context.regency).export(
        out, profile=profile
    )
    profile_dir = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{profile_dir}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    converted = tmp_path / f"{profile}.csv"
    assert result.returncode == 0 and converted.exists(), result.stdout + result.stderr
    with converted.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    nik_column = rows[0].index("NIK")
    niks = {row[nik_column] for row in rows[1:] if len(row) > nik_column}
    assert niks == expected
    assert all(len(n) == 16 and n.isdigit() for n in niks)
    assert not any("E+" in cell for row in rows for cell in row)
