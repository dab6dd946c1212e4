"""The ``jamsos`` command line as scripts drive it: real processes, exit codes, one JSON object."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from jamsos_desktop.cli.main import run


def jamsos(*args: str, data_dir: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "jamsos_desktop"]
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    full_env = dict(os.environ, **(env or {}))
    return subprocess.run([*argv, *args], capture_output=True, text=True, env=full_env, stdin=subprocess.DEVNULL, timeout=120, check=False)


def one_json(out: str) -> dict:  # type: ignore[type-arg]
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    return json.loads(lines[0])


def test_init_is_idempotent_and_reports_the_regency(tmp_path: Path) -> None:
    first = jamsos("init", "--json", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    data = one_json(first.stdout)
    assert data["regency"] == "19.03" and data["schema_version"]
    second = jamsos("--json", "init", data_dir=tmp_path)  # --json before the command works too
    assert second.returncode == 0
    assert one_json(second.stdout)["schema_version"] == data["schema_version"]


def test_init_with_another_regency(tmp_path: Path) -> None:
    result = jamsos("init", "--regency", "1901", "--json", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert one_json(result.stdout)["regency"] == "19.01"
    bad = jamsos("init", "--regency", "99.99", "--json", data_dir=tmp_path)
    assert bad.returncode == 2
    assert one_json(bad.stdout)["error"]["code"] == "region.unknown_regency"


def test_errors_are_one_sentence_without_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"%PDF-1.4 not a database")
    result = jamsos("--db", str(junk), "stats")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "bukan basis data SQLite" in result.stderr
    english = jamsos("--db", str(junk), "--lang", "en", "stats")
    assert "is not an SQLite database" in english.stderr
    assert junk.read_bytes() == b"%PDF-1.4 not a database"


def test_json_errors_follow_the_contract(tmp_path: Path) -> None:
    result = jamsos("--db", "mysql://user@host/db", "stats", "--json")
    assert result.returncode == 2
    error = one_json(result.stdout)["error"]
    assert error["code"] == "db.scheme" and error["message"]
    usage = jamsos("workers", "list", "--no-such-option", "--json", data_dir=tmp_path)
    assert usage.returncode == 2
    assert one_json(usage.stdout)["error"]["code"] == "usage.argument"


def test_locked_database_exit_2(tmp_path: Path) -> None:
    assert jamsos("init", data_dir=tmp_path).returncode == 0
    holder = sqlite3.connect(tmp_path / "jamsos.sqlite3", isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = jamsos("stats", "--json", data_dir=tmp_path, env={"JAMSOS_BUSY_TIMEOUT_MS": "200"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 2
    assert one_json(result.stdout)["error"]["code"] == "db.locked"


def test_workers_list_shape(context, capsys) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from jamsos_desktop.domain.worker import WorkerData
    from jamsos_desktop.domain.worker_types import Sex

    context.registry.register(
        WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code="19.03.01.2008", nik="1903011208902835", phone="081234567890", occupation="Nelayan")
    )
    data_dir = str(context.data_dir)
    assert run(["--data-dir", data_dir, "workers", "list", "--json"]) == 0
    listing = one_json(capsys.readouterr().out)
    assert listing["workers"] == [
        {
            "id": 1,
            "nik": "1903011208902835",
            "name": "Munip",
            "sex": "L",
            "birth_date": "1990-08-12",
            "village_code": "19.03.01.2008",
            "village": "Rias",
            "district": "Toboali",
            "occupation": "Nelayan",
            "phone": "081234567890",
            "kpj": None,
            "status": "draft",
        }
    ]
    assert run(["--data-dir", data_dir, "workers", "list", "--search", "zzz", "--json"]) == 0
    assert one_json(capsys.readouterr().out)["workers"] == []
    assert run(["--data-dir", data_dir, "workers", "list", "--village", "19.03.02.2001", "--json"]) == 0
    assert one_json(capsys.readouterr().out)["workers"] == []
    assert run(["--data-dir", data_dir, "workers", "list", "--village", "19.03.99.9999", "--json"]) == 2
    assert one_json(capsys.readouterr().out)["error"]["code"] == "village.unknown"
    assert run(["--data-dir", data_dir, "workers", "list"]) == 0
    human = capsys.readouterr().out
    assert "Munip" in human and "1 pekerja" in human


def test_stats_keys(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    data = one_json(capsys.readouterr().out)
    for key in ("workers", "programs", "enrollments", "payments", "cards_printed", "stations", "open_conflicts"):
        assert isinstance(data[key], int), key


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["workers", "--help"]])
def test_help_and_version_exit_0(argv: list[str], capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(argv) == 0
    assert "jamsos" in capsys.readouterr().out


def test_demo_is_complete_deterministic_and_resumable(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["--data-dir", str(tmp_path), "demo", "--workers", "300", "--seed", "11", "--json"]
    assert run(args) == 0
    first = one_json(capsys.readouterr().out)
    assert first == {"workers": 300, "programs": 1, "created": True}
    assert run(args) == 0  # the same demo again: nothing changes
    assert one_json(capsys.readouterr().out) == {"workers": 300, "programs": 1, "created": False}
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=tmp_path)
    try:  # the demo office is set up: the desktop opens on the registry, not on the first-run wizard
        assert ctx.settings.get("setup_done") == "1"
        assert ctx.settings.get("office_name").startswith("Dinas Sosial")
    finally:
        ctx.close()
    assert run(["--data-dir", str(tmp_path), "stats", "--json"]) == 0
    stats = one_json(capsys.readouterr().out)
    assert stats["workers"] == 300 and stats["programs"] == 1
    assert stats["enrollments"] > 250 and stats["payments"] > 0
    other = ["--data-dir", str(tmp_path), "demo", "--workers", "50", "--json"]
    assert run(other) == 2  # a different demo never goes into a filled database
    assert one_json(capsys.readouterr().out)["error"]["code"] == "usage.demo_not_empty"
    assert run(["--data-dir", str(tmp_path), "demo", "--workers", "0", "--json"]) == 2
    capsys.readouterr()


def test_selftest_needs_no_screen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "jamsos_desktop", "--data-dir", str(tmp_path), "selftest", "--json"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    outcome = one_json(result.stdout)
    assert outcome["pages"] == ["workersPage", "programsPage", "calendarPage", "cardsPage", "syncPage", "dashboardPage"]
    assert outcome["startup_ms"] > 0



@pytest.mark.sqlite_only  # a data directory's own file
def test_a_relative_data_dir_works_for_commands_that_back_up_first(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    # A clerk typing `jamsos --data-dir rias workers import daftar.xlsx` in his folder: the backup made
    # before the import opened its copy by a file URI, which a relative path cannot be (a traceback).
    monkeypatch.chdir(tmp_path)

    def jamsos_json(*args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        capsys.readouterr()
        code = run(["--data-dir", "rias", "--json", *args])
        return code, json.loads(capsys.readouterr().out.strip().splitlines()[-1])

    assert jamsos_json("init")[0] == 0
    assert jamsos_json("workers", "template", "daftar.xlsx")[0] == 0
    code, imported = jamsos_json("workers", "import", "daftar.xlsx")
    assert code == 0 and imported["imported"] == 0 and "error" not in imported, imported
    code, made = jamsos_json("backup")
    assert code == 0 and Path(made["path"]).is_absolute() and Path(made["path"]).exists(), made
    assert len(list((tmp_path / "rias" / "backups").glob("*before-import*"))) == 1
