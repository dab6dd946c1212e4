"""The demo programme: Bangka Selatan's BPU programme of 2025 on top of the demo workers.

``seed_demo_programme`` creates the programme (start 2025-08, six funded months, Rp16.800, funded by
APBD Kabupaten Bangka Selatan), enrols every active worker, pays the funder's past months as BPJS
invoice batches, and gives the workers a realistic, deterministic mix of self-payment habits after the
funded months (some pay every month, some several months ahead, some stop after a while, many never
start), plus a death and a work accident to follow. Everything derives from ``seed`` and ``now``.

Speed: enrolment and payments are bulk inserts; 100,000 workers take a few seconds.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from jamsos_desktop.domain.calendar import due_date, last_due_month
from jamsos_desktop.domain.programme import (
    ClaimStatus,
    EventKind,
    Funder,
    FunderKind,
    Month,
    ProgrammeData,
    WorkerEvent,
)
from jamsos_desktop.services.payments import PaymentService
from jamsos_desktop.services.ports import UnitOfWorkFactory
from jamsos_desktop.services.programmes import ProgrammeService

DEMO_PROGRAMME = "Perlindungan Pekerja Rentan Bangka Selatan 2025"
DEMO_FUNDER = "APBD Kabupaten Bangka Selatan"
DEMO_START = Month.of(2025, 8)
DEMO_FUNDED_MONTHS = 6
USER = "demo"

#: Fixed-date national holidays (moving religious holidays are entered by the office each year).
FIXED_HOLIDAYS = (
    (1, 1, "Tahun Baru Masehi"),
    (5, 1, "Hari Buruh Internasional"),
    (6, 1, "Hari Lahir Pancasila"),
    (8, 17, "Hari Kemerdekaan RI"),
    (12, 25, "Hari Raya Natal"),
)

#: Self-payment habits after the funded months: (share, kind).
HABITS = ((0.28, "monthly"), (0.12, "ahead"), (0.22, "stopped"), (0.38, "never"))


def seed_demo_programme(uow_factory: UnitOfWorkFactory, *, now: datetime, seed: int) -> int:
    """Create the demo programme with enrolments, payments and events; returns the programme id."""
    today = now.date()
    programmes = ProgrammeService(uow_factory, user=lambda: USER, clock=lambda: now)
    payments = PaymentService(uow_factory, user=lambda: USER, clock=lambda: now)
    rng = random.Random(f"programme-{seed}")

    with uow_factory(write=True) as uow:
        for year in range(DEMO_START.year, DEMO_START.year + 3):
            for month, day, name in FIXED_HOLIDAYS:
                uow.holidays.set(date(year, month, day), name)
        uow.commit()
        holidays = frozenset(d for d, _ in uow.holidays.all())

    programme = programmes.create(
        ProgrammeData(
            name=DEMO_PROGRAMME,
            funders=(Funder(DEMO_FUNDER, FunderKind.APBD_KABUPATEN),),
            start=DEMO_START,
            funded_months=DEMO_FUNDED_MONTHS,
            income=1_000_000,
            quota=None,
            notes="Diluncurkan 3 September 2025 di Ruang Rapat Gunung Namak, Kantor Bupati.",
        )
    )
    programmes.enrol(programme.id, everyone=True)
    funder_id = programme.funders[0].id
    assert funder_id is not None

    # Funder: BPJS invoices of three months each, paid a few days before the first month's due date.
    last_due = last_due_month(today, holidays)
    paid_until = min(last_due, programme.last_funded_month)
    batch_first = programme.start
    number = 1
    while batch_first <= paid_until:
        batch_last = min(batch_first + 2, paid_until)
        expected = payments.expected_for_funder(programme.id, funder_id, batch_first, batch_last)
        amount = sum(line.expected for line in expected)
        if amount > 0:
            paid_on = min(due_date(batch_first, holidays) - timedelta(days=3), today)
            payments.record_funder_payment(
                programme.id,
                funder_id=funder_id,
                invoice=f"INV/BPU/1903/{batch_first.year}/{number:03d}",
                first=batch_first,
                last=batch_last,
                amount=amount,
                paid_on=paid_on,
            )
        number += 1
        batch_first = batch_last + 1

    _self_payments(
        uow_factory,
        programme.id,
        programme.monthly_amount,
        programme.first_self_month,
        last_due,
        holidays,
        rng,
        now,
    )
    _events(programmes, uow_factory, programme.id, today, rng)
    return programme.id


def _self_payments(  # type: ignore[no-untyped-def]
    uow_factory: UnitOfWorkFactory,
    programme_id: int,
    amount: int,
    first_self: Month,
    last_due: Month,
    holidays,
    rng: random.Random,
    now: datetime,
) -> None:
    if last_due < first_self:
        return
    today = now.date()
    current = Month.containing(today)
    with uow_factory(write=True) as uow:
        enrolments = uow.enrolments.worker_enrolments(programme_id)
        rows: list[tuple[int, int, str, int, int, int, date]] = []
        cumulative = []
        acc = 0.0
        for share, kind in HABITS:
            acc += share
            cumulative.append((acc, kind))
        span = last_due.index - first_self.index + 1
        for enrolment_id, worker_id in enrolments:
            r = rng.random()
            kind = next(k for c, k in cumulative if r < c)
            if kind == "never":
                continue
            if kind == "monthly":
                # Pays every month, now and then forgetting one.
                m = first_self
                while m <= current:
                    if (m < current or rng.random() < 0.5) and rng.random() < 0.93:
                        rows.append(_row(enrolment_id, worker_id, m, m, amount, m, holidays, rng, today))
                    m = m + 1
            elif kind == "ahead":
                m = first_self
                while m <= current:
                    n = rng.choice((3, 3, 6, 6, 12))
                    rows.append(
                        _row(enrolment_id, worker_id, m, m + (n - 1), amount, m, holidays, rng, today)
                    )
                    m = m + n
            else:  # stopped after a few months
                stop = rng.randint(1, max(1, span))
                m = first_self
                for _ in range(stop):
                    if m > last_due:
                        break
                    rows.append(_row(enrolment_id, worker_id, m, m, amount, m, holidays, rng, today))
                    m = m + 1
        uow.payments.bulk_self_rows(programme_id, rows, user=USER, now=now)
        uow.commit()


_DUE_CACHE: dict[tuple[int, frozenset[date]], date] = {}


def _row(enrolment_id, worker_id, first: Month, last: Month, amount, pay_month: Month, holidays, rng, today):  # type: ignore[no-untyped-def]
    key = (pay_month.index, holidays)
    due = _DUE_CACHE.get(key)
    if due is None:
        due = _DUE_CACHE[key] = due_date(pay_month, holidays)
    paid_on = min(due - timedelta(days=rng.randint(0, 12)), today)
    receipt = f"KW/{pay_month.year}{pay_month.month:02d}/{worker_id:06d}"
    return (
        enrolment_id,
        worker_id,
        receipt,
        first.index,
        last.index,
        amount * (last.index - first.index + 1),
        paid_on,
    )


def _events(
    programmes: ProgrammeService,
    uow_factory: UnitOfWorkFactory,
    programme_id: int,
    today: date,
    rng: random.Random,
) -> None:
    with uow_factory() as uow:
        ids = uow.enrolments.worker_ids(programme_id)
    if len(ids) < 10:
        return
    death_day = date(2026, 3, 9)
    accident_day = date(2025, 11, 21)
    picks = rng.sample(ids[5:], 2)  # never the five launch representatives
    if accident_day <= today:
        programmes.record_event(
            WorkerEvent(
                worker_id=picks[1],
                kind=EventKind.ACCIDENT,
                event_date=accident_day,
                programme_id=programme_id,
                claim_status=ClaimStatus.PAID,
                notes="Jari tangan terluka saat memperbaiki jaring; perawatan di RSUD Toboali.",
            )
        )
    if death_day <= today:
        with uow_factory() as uow:
            worker = uow.workers.get(picks[0])
        heir = worker.heirs[0] if worker is not None and worker.heirs else None
        programmes.record_event(
            WorkerEvent(
                worker_id=picks[0],
                kind=EventKind.DEATH,
                event_date=death_day,
                programme_id=programme_id,
                claim_status=ClaimStatus.SUBMITTED,
                heir_name=heir.name if heir else "",
                heir_relationship=heir.relationship.value if heir else "",
                heir_phone=heir.phone if heir else "",
                notes="Klaim JKM diajukan ke BPJS Ketenagakerjaan Cabang Pangkalpinang.",
            )
        )
