"""Row reasons an import hands back to the window are in the application's language (the CLI's is
Indonesian): the GUI sets formatting's default language once, and the services render in it."""

from __future__ import annotations

import csv
from pathlib import Path

from jamsos_desktop.domain import formatting


def _holiday_list(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["Tanggal", "Keterangan"])
        w.writerow(["19-03-2026", "Hari Suci Nyepi"])
        w.writerow(["31-02-2026", "Tanggal salah"])
    return path


def test_holiday_import_reasons_follow_the_application_language(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _holiday_list(tmp_path / "libur.csv")
    indonesian = context.programmes.import_holidays(path, dry_run=True).rejected
    try:
        formatting.set_default_language("en")
        english = context.programmes.import_holidays(path, dry_run=True).rejected
    finally:
        formatting.set_default_language("id")
    assert [row for row, _ in indonesian] == [row for row, _ in english] == [3]
    assert "Tanggal" in indonesian[0][1] or "tanggal" in indonesian[0][1]
    assert "date" in english[0][1].lower() and "tanggal" not in english[0][1].lower()
