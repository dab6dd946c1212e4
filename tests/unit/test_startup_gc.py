"""The garbage collector is paused while a process starts and runs again for the work that follows:
a command's own work, the other pages of a selftest, the clerk's session (fresh interpreters)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from jamsos_desktop import startup


def _probe(code: str, data_dir: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DATA=str(data_dir))
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return [line for line in result.stdout.splitlines() if line.startswith("SEEN")]


def test_a_caller_that_did_not_pause_is_left_alone() -> None:
    frozen = gc.get_freeze_count()
    startup.started()
    assert gc.isenabled() and gc.get_freeze_count() == frozen and not startup.paused()


def test_a_command_runs_its_work_with_the_collector(tmp_path: Path) -> None:
    code = """
import gc, os, sys
import jamsos_desktop.cli.commands_core as core
original = core.cmd_stats
def spy(args, session):
    print("SEEN", gc.isenabled(), gc.get_freeze_count() > 0, flush=True)
    return original(args, session)
core.cmd_stats = spy
from jamsos_desktop import startup
start = startup.pause
def pause():
    start()
    print("SEEN", gc.isenabled(), startup.paused(), flush=True)
startup.pause = pause
sys.argv = ["jamsos", "--data-dir", os.environ["DATA"], "stats"]
from jamsos_desktop.__main__ import main
sys.exit(main())
"""
    assert _probe(code, tmp_path) == ["SEEN False True", "SEEN True True"]


def test_selftest_builds_the_other_pages_with_the_collector(tmp_path: Path) -> None:
    # The main window is built and painted while paused; the pages a clerk opens later, as in a session.
    code = """
import gc, os, sys
from jamsos_desktop.ui import main_window
build, show = main_window.MainWindow.__init__, main_window.MainWindow.show_page
def init(self, *args, **kwargs):
    print("SEEN window", gc.isenabled(), flush=True)
    build(self, *args, **kwargs)
def show_page(self, name):
    if name == "dashboardPage":
        print("SEEN page", gc.isenabled(), flush=True)
    return show(self, name)
main_window.MainWindow.__init__, main_window.MainWindow.show_page = init, show_page
sys.argv = ["jamsos", "--data-dir", os.environ["DATA"], "selftest"]
from jamsos_desktop.__main__ import main
main()
"""
    assert _probe(code, tmp_path) == ["SEEN window False", "SEEN page True"]
