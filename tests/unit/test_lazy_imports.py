"""What the window and selftest import: the PDF library, the crypto library and the other commands'
modules wait until a feature needs them (a fresh interpreter for each check)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


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


#: Libraries no start-up needs: schema upgrades (the schema is at head), spreadsheets, PDF, QR codes,
#: signatures, passwords, the PostgreSQL driver (a SQLite database).
HEAVY = ("alembic", "openpyxl", "reportlab", "segno", "zxingcpp", "cryptography", "argon2", "psycopg", "PIL", "lxml")


def _in_process(code: str, data_dir: Path) -> set[str]:
    """Modules loaded by ``code`` in a fresh interpreter (Qt off screen, the database at ``data_dir``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JAMSOS_NO_FIRST_RUN="1", DATA=str(data_dir))
    env.pop("JAMSOS_BUNDLE_CHECK", None)  # that check imports every lazy library on purpose
    probe = f"import os, sys\n{code}\nprint('MODULES', ' '.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(x for x in result.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


@pytest.fixture(scope="module")
def current_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose database is already at the newest schema (made by ``jamsos init``)."""
    folder = tmp_path_factory.mktemp("startup")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "jamsos_desktop", "--data-dir", str(folder), "init"], env=env, check=True,
                   capture_output=True, stdin=subprocess.DEVNULL, timeout=300)  # fmt: skip
    return folder


def test_a_plain_selftest_imports_no_heavy_library(current_database: Path) -> None:
    # Every page is built and shown, yet none of these is needed until a clerk uses its feature; a
    # regression here costs every start of the application (issue 2: selftest <= 3 x a bare window).
    code = (
        "from jamsos_desktop.cli.main import run\n"
        "assert run(['--data-dir', os.environ['DATA'], 'selftest', '--json']) == 0\n"
    )
    loaded = _in_process(code, current_database)
    assert "jamsos_desktop.ui.dashboard.page" in loaded and "jamsos_desktop.ui.sync.page" in loaded  # all shown
    assert not sorted(m for m in loaded if m.split(".")[0] in HEAVY)


def test_the_clerks_first_window_loads_only_what_the_workers_list_needs(current_database: Path) -> None:
    # The database opens and the workers list fills without the other pages' services and repositories
    # (each unit of work makes its repositories on first use).
    code = (
        "from jamsos_desktop.app import open_context\n"
        "from jamsos_desktop.ui.app import application, _main_window, _wait_for_lists\n"
        "ctx = open_context(data_dir=os.environ['DATA'])\n"
        "app = application()\n"
        "window = _main_window(ctx, remember_state=False)\n"
        "window.show()\n"
        "_wait_for_lists(app, window)\n"
        "assert not window.workersPage.model.busy\n"
    )
    loaded = _in_process(code, current_database)
    assert "jamsos_desktop.persistence.repositories" in loaded
    others = {
        f"jamsos_desktop.{name}"
        for name in (
            "persistence.card_repositories", "persistence.programme_repository", "persistence.report_repository",
            "persistence.sync_repository", "services.programmes", "services.calendar", "services.payments",
            "services.cards", "services.sync", "services.dashboard", "services.reports", "domain.programme",
            "domain.calendar", "domain.payments", "domain.cards", "domain.sync", "domain.sync_records",
        )
    }  # fmt: skip
    assert not sorted(others & loaded)
    assert not sorted(m for m in loaded if m.split(".")[0] in HEAVY)
