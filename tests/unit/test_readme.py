"""The README's Quick start is what CI runs: the two must not drift apart."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 -m venv .venv && .*pytest.*)$", readme, flags=re.M)
    assert commands, "README has no Linux test command"
    assert commands[0] in ci.splitlines()


def test_quick_start_has_two_commands_per_platform() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    linux = re.findall(r"^python3 -m venv .*$", quick, flags=re.M)
    windows = re.findall(r"^py -m venv .*$", quick, flags=re.M)
    assert len(linux) == 2 and len(windows) == 2
    assert "demo" in linux[0] and "pytest" in linux[1]
    assert "demo" in windows[0] and "pytest" in windows[1]
