"""The dashboard's member status and payments chart, and the inactive list, against the calendar on a
programme with real self-payment histories: single and multi-month receipts, gaps, reversals (some of
them cancelling everything a worker paid in the last months), workers who left and workers who joined
late. The dashboard counts these classes with shortcuts (distinct payers of the last months, the
reversals corrected apart); the calendar walks every enrolment's unpaid streak. They must agree."""

from __future__ import annotations

import random
from datetime import date, datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.calendar import ActionList
from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData
from jamsos_desktop.domain.worker import WorkerQuery
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.demo import generate_demo
from jamsos_desktop.services.reports import ReportFilters

AMOUNT = 16_800
RECORDED = datetime(2026, 8, 25, 9, 0)


@pytest.fixture
def history(context):  # type: ignore[no-untyped-def]
    """240 workers funded Aug 2025 - Jan 2026, then paying for themselves (or not) until Aug 2026;
    20 more joined in April 2026; 6 left. Returns (context, programme, net payments per month)."""
    context.clock = lambda: RECORDED
    generate_demo(
        context.unit_of_work, context.region_table(), context.regency(), workers=300, seed=11,
        now=RECORDED, user="t",
    )  # fmt: skip
    active = (WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)
    ids = sorted(context.registry.search_ids(WorkerQuery(statuses=active)))
    assert len(ids) >= 260
    p = context.programmes.create(
        ProgrammeData("Mandiri", (Funder("APBD", FunderKind.APBD_KABUPATEN),), Month.of(2025, 8), 6)
    )
    assert context.programmes.enrol(p.id, worker_ids=ids[:240]).enrolled == 240
    late_joiners = ids[240:260]
    assert context.programmes.enrol(p.id, worker_ids=late_joiners, start=Month.of(2026, 4)).enrolled == 20

    rng = random.Random(3)
    paid: dict[int, int] = {}  # month index -> net number of payments
    receipts = 0

    def pay(worker: int, first: Month, last: Month) -> int:
        nonlocal receipts
        receipts += 1
        months = last.index - first.index + 1
        recorded = context.payments.record_self_payment(
            p.id, receipt=f"K-{receipts:05d}", first=first, last=last, amount=months * AMOUNT,
            worker_id=worker, paid_on=date(2026, 8, 1),
        )  # fmt: skip
        for m in range(first.index, last.index + 1):
            paid[m] = paid.get(m, 0) + 1
        return recorded.payment.id

    def reverse(payment_id: int, first: Month, last: Month) -> None:
        context.payments.reverse_self_payment(payment_id, "salah catat")
        for m in range(first.index, last.index + 1):
            paid[m] -= 1

    for n, worker in enumerate(ids[:260]):
        month = Month.of(2026, 4) if worker in late_joiners else Month.of(2026, 2)
        end = Month.of(2026, 8)
        habit = n % 5  # 0: never pays, 1: pays everything, 2: stops early, 3: gaps, 4: pays ahead
        stop = end if habit in (1, 4) else month + rng.randrange(0, 6)
        while habit and month <= min(stop, end):
            size = 3 if habit == 4 else rng.choice((1, 1, 1, 2))
            last = min(month + (size - 1), end)
            payment = pay(worker, month, last)
            if rng.random() < 0.1:  # a cancelled receipt, sometimes paid again
                reverse(payment, month, last)
                if rng.random() < 0.5:
                    pay(worker, month, last)
            month = last + (2 if habit == 3 and rng.random() < 0.4 else 1)
    for worker in ids[5:240:40]:  # six leave in May 2026 (their later receipts are kept)
        context.programmes.exit_worker(worker, exit_date=date(2026, 5, 12), reason="pindah")
    return context, p, paid


def test_status_and_inactive_list_agree_with_the_calendar(history, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx, p, _ = history
    for day in (
        date(2026, 3, 20),
        date(2026, 5, 20),
        date(2026, 6, 20),
        date(2026, 8, 20),
        date(2026, 10, 1),
    ):
        ctx.clock = lambda day=day: datetime.combine(day, datetime.min.time()).replace(hour=9)
        snap = ctx.dashboard.snapshot(p.id)
        late = ctx.calendar.action_count(ActionList.LATE, p.id)
        inactive = ctx.calendar.action_count(ActionList.INACTIVE, p.id)
        assert (snap.status.late, snap.status.inactive) == (late, inactive), day
        assert 0 < snap.status.total <= 260 and late > 0 and (inactive > 0 or day.month < 5)
        if day < date(2026, 9, 1):
            assert snap.status.active > 0
        target = tmp_path / f"nonaktif-{day}.xlsx"
        assert ctx.reports.generate("inactive", target, ReportFilters(programme_id=p.id)).rows == inactive
        assert _inactive_list(ctx, p, snap.status.as_of.index) == _calendar_streaks(
            ctx, p, snap.status.as_of.index
        )


def _inactive_list(ctx, p, as_of: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(NIK, unpaid months, last paid month) of the report's inactive list."""
    with ctx.unit_of_work() as uow:
        return sorted(
            (r[1], r[6], r[7]) for r in uow.reports.inactive_members(p.id, as_of, p.lapse_threshold)
        )


def _calendar_streaks(ctx, p, as_of: int) -> list[tuple]:  # type: ignore[no-untyped-def]
    """The same from the calendar's streak of every enrolment."""
    from sqlalchemy import func, select

    from jamsos_desktop.persistence.models import WorkerRow
    from jamsos_desktop.persistence.programme_repository import CalendarRepository

    with ctx.unit_of_work() as uow:
        session = uow.reports.session
        s = CalendarRepository(session)._streaks(p.id, as_of)
        stmt = (
            select(func.coalesce(WorkerRow.nik, ""), s.c.streak, s.c.lp)
            .join(WorkerRow, WorkerRow.id == s.c.worker_id)
            .where(s.c.streak >= p.lapse_threshold)
        )
        return sorted(tuple(r) for r in session.execute(stmt))


def test_payments_chart_counts_every_receipt_net_of_reversals(history) -> None:  # type: ignore[no-untyped-def]
    ctx, p, paid = history
    ctx.clock = lambda: datetime(2026, 9, 10, 9, 0)
    snap = ctx.dashboard.snapshot(p.id)
    shown = {m.month.index: m.self_paid for m in snap.payments}
    assert shown == {m: paid.get(m, 0) * AMOUNT for m in shown}
    assert shown[Month.of(2026, 3).index] > 0 and shown[Month.of(2025, 9).index] == 0
