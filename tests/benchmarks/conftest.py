"""Shared fixtures of the benchmarks: floors measured in the same run, one 100,000-worker database.

Every target is checked against a *floor* measured on the same machine in the same run, never against a
bare wall-clock number, because CI machines (and a laptop busy with something else) vary by several
times. ``machine factor = floor measured now / floor measured on the reference machine``; a target of
T seconds becomes ``T * max(1, factor)``: a slower machine gets proportionally more time, a faster one
is still held to T.

The benchmarks take a minute or two, so a plain ``pytest`` skips them; they run when this folder (or
one of its files) is named on the command line, with ``-m benchmark``, or with ``JAMSOS_BENCHMARKS=1``.

The figures are printed at the end of the run and written to ``results.json`` in the session's
temporary directory (or to ``$JAMSOS_BENCH_RESULTS``), so the README can quote them.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest
from bench_support import (
    BENCH_NOW,
    BENCH_SEED,
    BENCH_WORKERS,
    REFERENCE_INSERT_FLOOR_S,
    best_of,
    record,
    results,
)

from jamsos_desktop.app import open_context
from jamsos_desktop.services.demo import generate_demo


def _asked_for(config: pytest.Config) -> bool:
    if os.environ.get("JAMSOS_BENCHMARKS") == "1" or "benchmark" in (config.option.markexpr or ""):
        return True
    here = Path(__file__).resolve().parent
    for arg in config.args:
        path = Path(arg.split("::", 1)[0]).resolve()
        if path == here or here in path.parents:
            return True
    return False


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _asked_for(config):
        return
    skip = pytest.mark.skip(reason="benchmark: run tests/benchmarks explicitly, -m benchmark or JAMSOS_BENCHMARKS=1")
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def insert_floor(tmp_path_factory) -> float:
    """Seconds for a bare executemany of 100,000 minimal rows into a plain SQLite table (best of 3)."""
    folder = tmp_path_factory.mktemp("floor")
    rows = [(i, f"nama {i}", f"{1903010101800000 + i}") for i in range(BENCH_WORKERS)]
    runs = []
    for attempt in range(3):
        con = sqlite3.connect(folder / f"floor{attempt}.sqlite3", isolation_level=None)
        try:
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = FULL")
            con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, nik TEXT)")

            def insert(con: sqlite3.Connection = con) -> None:
                con.execute("BEGIN")
                con.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
                con.execute("COMMIT")

            runs.append(best_of(1, insert))
        finally:
            con.close()
    floor = min(runs)
    record("insert_floor_s", round(floor, 4))
    record("machine_factor", round(floor / REFERENCE_INSERT_FLOOR_S, 2))
    return floor


@pytest.fixture(scope="session")
def machine_factor(insert_floor: float) -> float:
    return insert_floor / REFERENCE_INSERT_FLOOR_S


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> tuple[Path, float]:
    """A data directory holding 100,000 demo workers, built once per session; (folder, seconds)."""
    folder = tmp_path_factory.mktemp("bench-100k")
    ctx = open_context(data_dir=folder)
    try:
        start = time.perf_counter()
        generate_demo(
            ctx.unit_of_work,
            ctx.region_table(),
            ctx.regency(),
            workers=BENCH_WORKERS,
            seed=BENCH_SEED,
            now=BENCH_NOW,
            user="bench",
            helper_process=True,  # as the ``demo`` command generates them
        )
        seconds = time.perf_counter() - start
    finally:
        ctx.close()
    record("demo_workers", BENCH_WORKERS)
    record("demo_s", round(seconds, 2))
    return folder, seconds


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # type: ignore[no-untyped-def]
    if not results:
        return
    target = os.environ.get("JAMSOS_BENCH_RESULTS")
    if target:
        path = Path(target)
    else:
        base = getattr(config, "_tmp_path_factory", None)
        path = (base.getbasetemp() if base is not None else Path.cwd()) / "results.json"
    payload = {"measured_at": datetime.now().isoformat(timespec="seconds"), **results}
    try:
        path.write_text(json.dumps(payload, indent=2), encoding="utf-8")
        where = str(path)
    except OSError as exc:
        where = f"(not written: {exc})"
    terminalreporter.section("JamSos benchmarks")
    for key, value in results.items():
        terminalreporter.write_line(f"{key:32} {value}")
    terminalreporter.write_line(f"results: {where}")
