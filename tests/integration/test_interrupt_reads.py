"""Closing the window stops the page loads still running: ``Database.interrupt_reads`` interrupts the
statements of connections that read, never a write transaction (a real SQLite file, real threads)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from jamsos_desktop.app import open_context

# sqlite3's interrupt(); on a server the statements end with the closing process's connections.
pytestmark = pytest.mark.sqlite_only

LONG_READ = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < {n}) SELECT count(*) FROM c"


def _run(ctx, *, write: bool, n: int) -> tuple[threading.Thread, dict[str, object], threading.Event]:  # type: ignore[no-untyped-def]
    outcome: dict[str, object] = {}
    started = threading.Event()

    def work() -> None:
        try:
            with ctx.unit_of_work(write=write) as uow:
                connection = uow.session.connection()
                started.set()
                outcome["value"] = connection.exec_driver_sql(LONG_READ.format(n=n)).scalar()
        except Exception as exc:  # noqa: BLE001 - the test looks at it
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    assert started.wait(10)
    return thread, outcome, started


def test_a_running_read_is_interrupted(tmp_path: Path) -> None:
    ctx = open_context(data_dir=tmp_path)
    try:
        begun = time.perf_counter()
        thread, outcome, _ = _run(ctx, write=False, n=500_000_000)  # minutes if left alone
        deadline = time.perf_counter() + 20
        while thread.is_alive() and time.perf_counter() < deadline:
            ctx.database.interrupt_reads()  # repeated: the statement may not have started yet
            thread.join(0.02)
        assert not thread.is_alive()
        assert "interrupt" in str(outcome.get("error", "")).lower(), outcome
        assert time.perf_counter() - begun < 20
        # the connection went back to the pool in good order: the next read works
        with ctx.unit_of_work() as uow:
            assert uow.session.connection().exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        ctx.close()


def test_a_write_transaction_is_left_to_finish(tmp_path: Path) -> None:
    ctx = open_context(data_dir=tmp_path)
    try:
        thread, outcome, _ = _run(ctx, write=True, n=300_000)
        asked = 0
        while thread.is_alive():
            asked += ctx.database.interrupt_reads()
            thread.join(0.001)
        assert outcome == {"value": 300_000}
        assert asked == 0
    finally:
        ctx.close()


def test_a_stopped_read_fails_at_its_next_statement_and_the_pool_recovers(tmp_path: Path) -> None:
    """A page load of several queries ends at once, even when it was between two statements."""
    ctx = open_context(data_dir=tmp_path)
    try:
        with ctx.unit_of_work() as uow:
            connection = uow.session.connection()
            assert connection.exec_driver_sql("SELECT 1").scalar() == 1
            assert ctx.database.interrupt_reads() == 1  # idle between two statements
            with pytest.raises(Exception, match="interrupted"):
                connection.exec_driver_sql("SELECT 2").scalar()
        with ctx.unit_of_work() as uow:  # a new unit of work reads normally
            assert uow.session.connection().exec_driver_sql("SELECT 3").scalar() == 3
    finally:
        ctx.close()


def test_an_idle_write_transaction_is_not_affected(tmp_path: Path) -> None:
    ctx = open_context(data_dir=tmp_path)
    try:
        with ctx.unit_of_work(write=True) as uow:
            connection = uow.session.connection()
            assert ctx.database.interrupt_reads() == 0
            assert connection.exec_driver_sql("SELECT 2").scalar() == 2
    finally:
        ctx.close()
