"""Dashboard and report speed on 100,000 workers (issue 9).

Targets: the dashboard snapshot ≤ 300 ms, any report ≤ 5 s. Each is scaled by a floor measured in the same
run on the same data — a bare ``COUNT(*)`` over the programme's enrolments — against the same count on the
reference machine: ``limit = target × max(1, floor / REFERENCE_COUNT_FLOOR_S)``. The ratio to the floor
is recorded too, so a slower query shows even on a fast machine.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bench_support import BENCH_NOW, best_of, record

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData
from jamsos_desktop.services.reports import ReportFilters, ReportName

pytestmark = [pytest.mark.benchmark, pytest.mark.slow]

#: ``SELECT count(*) FROM enrolment WHERE programme_id = ?`` over 100,000 rows, reference machine
#: (the same constant as the programme benchmarks).
REFERENCE_COUNT_FLOOR_S = 0.004


@pytest.fixture(scope="module")
def dashboard_db(demo_database, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A copy of the 100,000-worker database: everyone in a 6-month programme from Aug 2025, the funder
    paid every month, the demo's self-payment habits for ten months; today is 20 Nov 2026."""
    source, _ = demo_database
    folder = tmp_path_factory.mktemp("bench-dashboard")
    src = sqlite3.connect(source / "jamsos.sqlite3")
    dst = sqlite3.connect(folder / "jamsos.sqlite3")
    src.backup(dst)
    src.close()
    dst.close()
    ctx = open_context(data_dir=folder)
    ctx.clock = lambda: BENCH_NOW.replace(year=2026, month=11, day=20)
    p = ctx.programmes.create(
        ProgrammeData("Bench", (Funder("APBD", FunderKind.APBD_KABUPATEN),), Month.of(2025, 8), 6)
    )
    enrolled = ctx.programmes.enrol(p.id, everyone=True).enrolled
    fid = ctx.programmes.get(p.id).funders[0].id
    expected = ctx.payments.expected_for_funder(p.id, fid, Month.of(2025, 8), Month.of(2026, 1))
    ctx.payments.record_funder_payment(
        p.id, funder_id=fid, invoice="INV-1", first="2025-08", last="2026-01",
        amount=sum(e.expected for e in expected), paid_on=BENCH_NOW.date().replace(year=2026, month=2),
    )  # fmt: skip
    import random

    from jamsos_desktop.services import programme_demo

    programme_demo._self_payments(
        ctx.unit_of_work, p.id, 16_800, Month.of(2026, 2), Month.of(2026, 11), frozenset(), random.Random(1),
        ctx.clock(),
    )  # fmt: skip
    yield ctx, p.id, enrolled
    ctx.close()


def _floor(ctx, pid: int) -> float:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(Path(ctx.data_dir) / "jamsos.sqlite3")
    try:
        return best_of(
            5, lambda: con.execute("SELECT count(*) FROM enrolment WHERE programme_id = ?", (pid,)).fetchone()
        )
    finally:
        con.close()


def _limit(target: float, floor: float) -> float:
    return target * max(1.0, floor / REFERENCE_COUNT_FLOOR_S)


def _cpu(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call: on a shared machine the CPU time shows
    the work itself, the wall time what a clerk waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def test_dashboard_snapshot(dashboard_db) -> None:  # type: ignore[no-untyped-def]
    ctx, pid, enrolled = dashboard_db
    snap = ctx.dashboard.snapshot(pid)
    assert snap.enrolled == enrolled >= 90_000 and snap.status.total == enrolled
    assert snap.status.inactive > 0 and sum(m.self_paid for m in snap.payments) > 0
    runs = [_cpu(lambda: ctx.dashboard.snapshot(pid)) for _ in range(7)]
    seconds = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    floor = _floor(ctx, pid)
    record("dashboard_workers", enrolled)
    record("dashboard_snapshot_ms", round(seconds * 1000, 1))
    record("dashboard_snapshot_cpu_ms", round(cpu * 1000, 1))
    record("dashboard_count_floor_ms", round(floor * 1000, 2))
    record("dashboard_over_floor", round(seconds / floor, 1))
    limit = _limit(0.300, floor)
    print(
        f"\ndashboard snapshot: {seconds * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (median of 7); "
        f"floor {floor * 1000:.2f} ms (factor {floor / REFERENCE_COUNT_FLOOR_S:.2f}), limit {limit * 1000:.0f} ms"
    )
    # The CPU time is what the snapshot itself costs (a loaded machine makes the wall time wait for a
    # core): it must fit the target as the wall time must fit the scaled limit.
    assert cpu <= limit, (cpu, floor)
    assert seconds <= limit, (seconds, floor)


@pytest.mark.parametrize("fmt", ["pdf", "xlsx"])
@pytest.mark.parametrize("name", [n.value for n in ReportName])
def test_report(dashboard_db, tmp_path: Path, name: str, fmt: str) -> None:  # type: ignore[no-untyped-def]
    ctx, pid, _ = dashboard_db
    target = tmp_path / f"{name}.{fmt}"
    month = Month.of(2026, 2) if name == "self-paying" else None  # everyone turns self-paying then
    outcomes = []
    seconds, cpu = _cpu(
        lambda: outcomes.append(ctx.reports.generate(name, target, ReportFilters(month, pid)))
    )
    assert target.stat().st_size > 2_000
    if name in ("self-paying", "inactive"):  # the two long lists: every member in the workbook
        assert outcomes[0].rows > (90_000 if name == "self-paying" else 40_000) or fmt == "pdf"
    floor = _floor(ctx, pid)
    record(f"report_{name}_{fmt}_s", round(seconds, 2))
    record(f"report_{name}_{fmt}_cpu_s", round(cpu, 2))
    assert seconds <= _limit(5.0, floor), (name, fmt, seconds, floor)
