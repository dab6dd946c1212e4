"""The Windows workflow agrees with the build script and the installer it drives.

The workflow itself runs only on a hosted Windows machine; these checks catch the mismatches that would
make it fail there: an option build_bundle.py no longer has, an artefact name the script does not
produce, an install folder, shortcut, association or uninstaller the NSIS script does not create.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
NSI = (ROOT / "installer" / "jamsos.nsi").read_text(encoding="utf-8")
sys.path.insert(0, str(ROOT / "installer"))
import build_bundle  # noqa: E402


def _build_bundle_calls() -> list[list[str]]:
    return [
        shlex.split(line.split("installer/build_bundle.py", 1)[1])
        for line in WORKFLOW.splitlines()
        if "installer/build_bundle.py" in line
    ]


def test_the_workflow_uses_options_the_build_script_has() -> None:
    calls = _build_bundle_calls()
    assert calls, "the workflow no longer builds with installer/build_bundle.py"
    source = Path(build_bundle.__file__).read_text(encoding="utf-8")
    options = set(re.findall(r'add_argument\(\s*"(--[a-z-]+)"', source))
    for args in calls:
        assert set(args) <= options, f"unknown option in the workflow: {set(args) - options}"
    assert ["--selftest"] in calls and any("--nsis" in args for args in calls)


def test_the_artefact_and_installed_paths_match_the_script_and_the_installer() -> None:
    # build_bundle.compile_installer writes dist/JamSos-<version>-setup.exe.
    assert "JamSos-{version()}-setup.exe" in Path(build_bundle.__file__).read_text(encoding="utf-8")
    assert "path: dist/JamSos-*-setup.exe" in WORKFLOW
    assert "dist\\JamSos-*-setup.exe" in WORKFLOW
    # The windowed and console executables the spec makes are the ones the workflow runs.
    assert "dist\\jamsos\\jamsos.exe" in WORKFLOW and "jamsos-cli.exe" in WORKFLOW
    assert '!define EXE "jamsos.exe"' in NSI and '!define CLI_EXE "jamsos-cli.exe"' in NSI
    # Install folder, data folder, association, Start-menu shortcut and uninstaller.
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\JamSos"' in NSI
    assert '$dir = "$env:LOCALAPPDATA\\Programs\\JamSos"' in WORKFLOW
    assert '$data = "$env:LOCALAPPDATA\\JamSos"' in WORKFLOW and "jamsos.sqlite3" in WORKFLOW
    from jamsos_desktop.paths import DB_FILENAME

    assert DB_FILENAME == "jamsos.sqlite3"
    assert '!define PROGID "JamSos.SyncPackage"' in NSI and "'JamSos.SyncPackage'" in WORKFLOW
    assert "$SMPROGRAMS\\JamSos.lnk" in NSI and "Start Menu\\Programs\\JamSos.lnk" in WORKFLOW
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in NSI and "$dir\\uninstall.exe" in WORKFLOW


def test_the_workflow_runs_python_3_11_like_the_project() -> None:
    assert 'python-version: "3.11"' in WORKFLOW
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'requires-python = ">=3\.11', pyproject)
