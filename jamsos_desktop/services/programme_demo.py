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
    """The self-payments of every enrolment by habit, inserted at once.

    Months are handled as their indexes, with each month's receipt prefix and possible payment days
    computed once: 100,000 enrolments make about 70,000 payments. The draws from ``rng`` are the same,
    in the same order, as drawing month by month with :class:`Month` objects.
    """
    if last_due < first_self:
        return
    today = now.date()
    current = Month.containing(today).index
    first, last = first_self.index, last_due.index
    # Per paying month: the receipt prefix, and the payment day for each of the 13 draws of
    # ``randint(0, 12)`` (0 to 12 days before the due date, never after today).
    prefix: dict[int, str] = {}
    paid_on: dict[int, tuple[date, ...]] = {}
    for index in range(first, max(current, last) + 1):
        month = Month(index)
        due = _due(month, holidays)
        prefix[index] = f"KW/{month.year}{month.month:02d}/"
        paid_on[index] = tuple(min(due - timedelta(days=d), today) for d in range(13))
    span = last - first + 1
    cumulative = []
    acc = 0.0
    for share, kind in HABITS:
        acc += share
        cumulative.append((acc, kind))
    draw = rng.random
    # randint(a, b) is a + _randbelow(b - a + 1) and choice(seq) is seq[_randbelow(len(seq))] in
    # random.Random: the same numbers without two Python calls per draw (70,000 draws).
    below = getattr(rng, "_randbelow", None) or (lambda n: rng.randrange(n))
    ahead_steps = (3, 3, 6, 6, 12)
    rows: list[tuple[int, int, str, int, int, int, date]] = []
    add = rows.append
    with uow_factory(write=True) as uow:
        for enrolment_id, worker_id in uow.enrolments.worker_enrolments(programme_id):
            r = draw()
            kind = next(k for c, k in cumulative if r < c)
            if kind == "never":
                continue
            who = f"{worker_id:06d}"
            if kind == "monthly":
                # Pays every month, now and then forgetting one.
                for m in range(first, current + 1):
                    if (m < current or draw() < 0.5) and draw() < 0.93:
                        add((enrolment_id, worker_id, prefix[m] + who, m, m, amount, paid_on[m][below(13)]))
            elif kind == "ahead":
                m = first
                while m <= current:
                    n = ahead_steps[below(5)]
                    day = paid_on[m][below(13)]
                    add((enrolment_id, worker_id, prefix[m] + who, m, m + n - 1, amount * n, day))
                    m += n
            else:  # stopped after a few months
                stop = 1 + below(max(1, span))
                for m in range(first, min(first + stop, last + 1)):
                    add((enrolment_id, worker_id, prefix[m] + who, m, m, amount, paid_on[m][below(13)]))
        uow.payments.bulk_self_rows(programme_id, rows, user=USER, now=now)
        uow.commit()


_DUE_CACHE: dict[tuple[int, frozenset[date]], date] = {}


def _due(month: Month, holidays) -> date:  # type: ignore[no-untyped-def]
    key = (month.index, holidays)
    due = _DUE_CACHE.get(key)
    if due is None:
        due = _DUE_CACHE[key] = due_date(month, holidays)
    return due


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
