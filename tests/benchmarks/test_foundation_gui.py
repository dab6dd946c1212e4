"""GUI speed targets of the Foundation (issue 2) with 100,000 workers, each against a same-run floor.

- opening the workers page (widgets, the first page of the list on screen) <= 150 ms, scaled by the
  machine factor of the insert floor;
- ``jamsos selftest`` wall time <= 3 x a bare PySide6 window started the same way (both are whole
  processes: interpreter, imports, first paint).

Beside the bare window the selftest benchmark records a second reference, not a target: the same bare
window in a process that also imports SQLAlchemy's ORM and the package's models (what any start that
opens the database through them pays before its first query). The selftest's ratio to it says how much
the application adds beyond those libraries; on the 2-core reference machine that reference alone is
about 4 x the bare window.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bench_support import record

from jamsos_desktop.app import open_context

pytestmark = pytest.mark.benchmark

PAGE_OPEN_TARGET_S = 0.150
SELFTEST_RATIO = 3.0

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("JamSos"))
window.show()
app.processEvents()
"""


#: The bare window, plus the imports every start that opens the database pays: SQLAlchemy's ORM and the
#: package's mapped models (a reference recorded beside the target, see the module docstring).
ORM_WINDOW = "import sqlalchemy.orm\nimport jamsos_desktop.persistence.models\n" + BARE_WINDOW


def test_opening_the_workers_page_within_target(qtbot, demo_database, machine_factor) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.ui.workers.page import WorkersPage

    folder, _ = demo_database
    ctx = open_context(data_dir=folder)
    try:
        warm = WorkersPage(ctx)  # first construction pays imports and the page cache once
        qtbot.addWidget(warm)
        qtbot.waitUntil(lambda: not warm.model.busy, timeout=30_000)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            page = WorkersPage(ctx)
            qtbot.addWidget(page)
            page.show()
            with qtbot.waitSignal(page.model.searchFinished, timeout=30_000):
                pass
            page.table.viewport().repaint()  # the rows painted, not only fetched
            times.append(time.perf_counter() - start)
            assert page.model.rowCount() >= 400
            qtbot.waitUntil(lambda p=page: not p.model.busy, timeout=30_000)  # the count, off the clock
    finally:
        ctx.close()
    median = statistics.median(times)
    allowed = PAGE_OPEN_TARGET_S * max(1.0, machine_factor)
    record("page_open_ms", round(median * 1000, 1))
    record("page_open_allowed_ms", round(allowed * 1000, 1))
    print(f"\nworkers page open: {median * 1000:.1f} ms (allowed {allowed * 1000:.1f} ms)")
    assert median <= allowed


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=300)
    return time.perf_counter() - start


def test_selftest_within_three_bare_windows(demo_database, tmp_path: Path) -> None:
    folder, _ = demo_database
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    # Both run from bytecode, as an installed application does (pip and PyInstaller compile it): with
    # PYTHONDONTWRITEBYTECODE set (some sandboxes and CI images set it), every selftest would compile each
    # module of the package from source while PySide6 loads its own .pyc files. The warm-up runs below
    # write the bytecode, into a cache under tmp_path (never beside the sources).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    bare_argv = [sys.executable, "-c", BARE_WINDOW]
    selftest_argv = [sys.executable, "-m", "jamsos_desktop", "--data-dir", str(folder), "selftest"]
    orm_argv = [sys.executable, "-c", ORM_WINDOW]
    _wall(bare_argv, env)  # warm the file cache (and write the bytecode) for each
    _wall(orm_argv, env)
    _wall(selftest_argv, env)
    bare = statistics.median(_wall(bare_argv, env) for _ in range(3))
    orm = statistics.median(_wall(orm_argv, env) for _ in range(3))
    selftest = statistics.median(_wall(selftest_argv, env) for _ in range(3))
    record("bare_window_s", round(bare, 2))
    record("orm_window_s", round(orm, 2))
    record("orm_window_ratio", round(orm / bare, 2))
    record("selftest_s", round(selftest, 2))
    record("selftest_ratio", round(selftest / bare, 2))
    record("selftest_over_orm_window", round(selftest / orm, 2))
    print(
        f"\nselftest {selftest:.2f} s vs bare window {bare:.2f} s: {selftest / bare:.2f}x"
        f" (bare window + SQLAlchemy ORM + models {orm:.2f} s: {orm / bare:.2f}x; selftest {selftest / orm:.2f}x that)"
    )
    assert selftest <= SELFTEST_RATIO * bare
