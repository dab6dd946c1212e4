"""``jamsos holidays …`` and the forecast of ``program budget`` through ``run([...])``: JSON and exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from jamsos_desktop.cli.main import run

NOW = datetime(2026, 3, 20, 9, 0)


@pytest.fixture
def cli(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    from jamsos_desktop import app

    original = app.open_context

    def opener(**kwargs):  # type: ignore[no-untyped-def]
        ctx = original(**kwargs)
        ctx.clock = lambda: NOW
        return ctx

    def call(*argv: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        capsys.readouterr()
        code = run(["--data-dir", str(tmp_path), "--json", *argv], opener=opener)
        lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        return code, json.loads(lines[0])

    return call


def test_holidays_commands(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("holidays", "fixed", "2026") == (0, {"year": 2026, "added": 5})
    code, out = cli("holidays", "add", "2026-03-19", "Hari  Suci Nyepi")
    assert (code, out) == (0, {"date": "2026-03-19", "name": "Hari Suci Nyepi"})
    code, out = cli("holidays", "list", "--year", "2026")
    assert code == 0 and len(out["holidays"]) == 6
    assert out["holidays"][1] == {"date": "2026-03-19", "name": "Hari Suci Nyepi"}
    assert cli("holidays", "remove", "2026-03-19") == (0, {"date": "2026-03-19", "removed": True})
    assert cli("holidays", "remove", "2026-03-19")[0] == 1
    code, out = cli("holidays", "add", "2026-03-32", "Salah")
    assert code != 0 and "error" in json.dumps(out).lower()
    code, out = cli("holidays", "add", "2026-05-14", "  ")
    assert code != 0 and "holiday.name_required" in json.dumps(out)
    path = tmp_path / "libur.csv"
    path.write_text("tanggal,keterangan\n2027-03-10,Idulfitri 1448 H\nxx,Salah\n", encoding="utf-8")
    code, out = cli("holidays", "import", str(path))
    assert code == 1 and (out["added"], out["years"]) == (1, [2027])
    assert out["rejected"][0]["row"] == 3
    assert cli("holidays", "list", "--year", "2027")[1]["holidays"] == [
        {"date": "2027-03-10", "name": "Idulfitri 1448 H"}
    ]


def test_program_budget_shows_the_forecast(cli) -> None:  # type: ignore[no-untyped-def]
    code, created = cli(
        "program", "create", "--name", "Perluasan", "--funder", "APBD", "--start", "2026-03",
        "--funded-months", "6", "--quota", "10",
    )  # fmt: skip
    assert code == 0
    code, budget = cli("program", "budget", str(created["id"]))
    assert code == 0
    assert budget["forecast"]["joining"] == 10 and budget["forecast"]["months_each"] == 6
    assert budget["forecast"]["extra"] == budget["forecast_planned"] == 10 * 6 * 16_800
    assert budget["forecast"]["join_month"] == "2026-03"
