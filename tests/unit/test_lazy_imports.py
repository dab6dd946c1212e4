"""What the window and selftest import: the PDF library, the crypto library and the other commands'
modules wait until a feature needs them (a fresh interpreter for each check)."""

from __future__ import annotations

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_card_and_sync_services_import_neither_reportlab_nor_cryptography() -> None:
    loaded = _modules_after("import jamsos_desktop.services.cards, jamsos_desktop.services.sync")
    assert not {m for m in loaded if m.split(".")[0] in ("reportlab", "cryptography")}


def test_the_main_window_imports_only_the_start_page() -> None:
    loaded = _modules_after("import jamsos_desktop.ui.main_window")
    assert "jamsos_desktop.ui.workers.page" in loaded
    for page in ("programs", "calendar", "cards", "sync", "dashboard"):
        assert f"jamsos_desktop.ui.{page}.page" not in loaded, page
