"""pyproject.toml lists every package (resources/ is mapped into the package, so find cannot be used)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "jamsos_desktop").rglob("__init__.py")
    }
    found.add("jamsos_desktop.resources")
    assert listed == found


def test_pyside6_is_pinned_below_6_12() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pyside = [d for d in config["project"]["dependencies"] if d.startswith("PySide6")]
    assert pyside == ["PySide6>=6.11.3,<6.12"]
