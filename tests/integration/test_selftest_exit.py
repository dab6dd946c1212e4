"""``jamsos selftest`` ends its process without the interpreter's teardown: the exit code, the output
and the log must still be all there (a real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _selftest(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "jamsos_desktop", *args, "selftest", "--json"],
        capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300, check=False,
    )  # fmt: skip


def test_a_passing_selftest_exits_0_with_its_output_and_log(tmp_path: Path) -> None:
    result = _selftest("--data-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["pages"][0] == "workersPage"
    log = (tmp_path / "logs" / "jamsos.log").read_text(encoding="utf-8")
    assert log  # written and flushed before the process ended


def test_a_failing_selftest_keeps_its_exit_code(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-database.sqlite3"
    bogus.write_bytes(b"this is not SQLite" * 100)
    result = _selftest("--data-dir", str(tmp_path), "--db", str(bogus))
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert json.loads(result.stdout)["error"]["code"].startswith("db.")
