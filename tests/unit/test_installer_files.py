"""Cheap checks of the installer sources: per-user, no administrator rights, the data folder kept.

The real bundle is built and its selftest run by installer/ci_check.sh (too slow for the test suite).
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NSI = (ROOT / "installer" / "jamsos.nsi").read_text(encoding="utf-8")
SPEC = (ROOT / "installer" / "jamsos.spec").read_text(encoding="utf-8")


def _code(text: str, comment: str) -> str:
    return "\n".join(line.split(comment, 1)[0] for line in text.splitlines())


def test_nsis_installs_per_user_without_administrator_rights() -> None:
    code = _code(NSI, ";")
    assert re.search(r"^RequestExecutionLevel user\s*$", code, re.M)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\JamSos"' in code
    assert "HKLM" not in code and "$PROGRAMFILES" not in code
    assert "SetShellVarContext all" not in code


def test_nsis_shortcuts_association_upgrade_and_languages() -> None:
    code = _code(NSI, ";")
    assert "$SMPROGRAMS\\JamSos.lnk" in code and "$DESKTOP\\JamSos.lnk" in code
    assert 'HKCU "Software\\Classes\\.jamsync"' in code
    assert '\\shell\\open\\command" "" \'"$INSTDIR\\${EXE}" "%1"\'' in code
    assert "CloseRunningApp" in code and 'ReadRegStr $0 HKCU "${REG_UNINSTALL}" "DisplayVersion"' in code
    assert code.index('MUI_LANGUAGE "Indonesian"') < code.index('MUI_LANGUAGE "English"')  # Indonesian first


def test_the_uninstaller_keeps_the_data_folder() -> None:
    uninstall = _code(NSI, ";").split('Section "Uninstall"', 1)[1]
    assert "$LOCALAPPDATA\\JamSos" not in uninstall.replace("$(KeptData)", "")
    removals = re.findall(r"^\s*(?:RMDir|Delete)\s.*$", uninstall, re.M)
    assert removals and all(
        "$INSTDIR" in line or "$SMPROGRAMS" in line or "$DESKTOP" in line for line in removals
    )


def test_spec_is_one_folder_windowed_with_version_and_lean_qt() -> None:
    code = _code(SPEC, "#")
    assert "COLLECT(" in code and "onefile" not in code
    assert 'name="jamsos", console=CONSOLE or not WINDOWS' in code  # windowed on Windows
    assert 'name="jamsos-cli", console=True' in code
    assert "__version__" in code and "VSVersionInfo" in code and "jamsos.ico" in code
    for heavy in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"):
        assert f'"{heavy}"' in code
    for kept in ("QtPdf", "QtPrintSupport", "QtCharts", "QtSvg"):
        assert f'"{kept}"' not in code.split("QT_EXCLUDES", 1)[1].split("]", 1)[0]
    assert 'collect_submodules("reportlab.graphics.barcode")' in code
    assert "script.py.mako" in code or '"*.mako"' in code
