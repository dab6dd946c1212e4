"""Dependencies point one way (STYLE.md): ui/cli -> services -> domain <- persistence.

The contracts live in pyproject.toml ([tool.importlinter]); this test runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_domain_imports_no_qt_and_no_sqlalchemy_even_lazily() -> None:
    for path in (ROOT / "jamsos_desktop" / "domain").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("PySide6", "sqlalchemy", "openpyxl", "reportlab"):
            assert f"import {banned}" not in text and f"from {banned}" not in text, (path, banned)
