"""The dashboard (*dasbor*): one snapshot of a programme for supervisors and the regent's office.

:meth:`DashboardService.snapshot` runs a handful of SQL aggregates in one read-only unit of work
(≤ 300 ms with 100,000 workers, see ``tests/benchmarks/test_dashboard_speed.py``) and returns plain
dataclasses: per kecamatan the registered and enrolled workers, printed cards and funding that ends
this month or next; funder and self payments per month; active, late and inactive members.

Two of those figures are kept ready by database triggers (``persistence/dashboard_totals.py``): the
worker's village on each enrolment and the self-payments counted per (first, last) month. What is left
is the member status (~110 ms of CPU at 100,000 enrolments: the enrolments' phases and the distinct
payers of the last months) and the per-village ranges (~60 ms).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, datetime

from jamsos_desktop.domain.calendar import last_due_month
from jamsos_desktop.domain.programme import Month, Programme, month_range
from jamsos_desktop.services.ports import Clock, UnitOfWorkFactory

#: Months the payments chart shows at most (the latest ones).
PAYMENT_MONTHS = 18


@dataclass(frozen=True)
class DistrictFigures:
    """One kecamatan: workers registered there (any status), enrolled in the programme this month, how
    many of those have a printed card, and whose funding ends this month or next."""

    code: str
    name: str
    registered: int = 0
    enrolled: int = 0
    carded: int = 0
    ending_this_month: int = 0
    ending_next_month: int = 0


@dataclass(frozen=True)
class MonthPayments:
    """Money paid for one contribution month (rupiah): by funders and by the workers themselves."""

    month: Month
    funder_paid: int
    self_paid: int


@dataclass(frozen=True)
class MemberStatus:
    """Enrolments at the latest due month ``as_of``: paid up or still funded, late, inactive."""

    as_of: Month
    active: int = 0
    late: int = 0
    inactive: int = 0

    @property
    def total(self) -> int:
        return self.active + self.late + self.inactive


@dataclass(frozen=True)
class DashboardSnapshot:
    today: date
    current: Month
    programme: Programme | None
    programmes: tuple[tuple[int, str], ...]
    districts: tuple[DistrictFigures, ...]
    payments: tuple[MonthPayments, ...]
    status: MemberStatus
    elapsed_ms: float = 0.0

    @property
    def next_month(self) -> Month:
        return self.current + 1

    @property
    def registered(self) -> int:
        return sum(d.registered for d in self.districts)

    @property
    def enrolled(self) -> int:
        return sum(d.enrolled for d in self.districts)

    @property
    def carded(self) -> int:
        return sum(d.carded for d in self.districts)

    @property
    def ending_this_month(self) -> int:
        return sum(d.ending_this_month for d in self.districts)

    @property
    def ending_next_month(self) -> int:
        return sum(d.ending_next_month for d in self.districts)

    @property
    def quota(self) -> int | None:
        return self.programme.quota if self.programme is not None else None


class DashboardService:
    def __init__(self, uow: UnitOfWorkFactory, *, clock: Clock = datetime.now) -> None:
        self._uow = uow
        self._clock = clock

    def snapshot(self, programme_id: int | None = None) -> DashboardSnapshot:
        """The dashboard of ``programme_id`` (default: the programme that started last).

        Two short read transactions: the programme and the calendar's holidays, then the aggregates.
        (Running the aggregates on two connections at once gained nothing measurable.)
        """
        started = time.perf_counter()
        today = self._clock().date()
        current = Month.containing(today)
        with self._uow() as uow:
            programmes = uow.programmes.list()
            programme = next((p for p in programmes if p.id == programme_id), None)
            if programme is None and programmes:
                programme = programmes[0]
            regency = uow.settings.get("regency") or "19.03"
            names = uow.reports.region_names(regency)
            holidays = frozenset(d for d, _ in uow.holidays.all())
        as_of = last_due_month(today, holidays)
        with self._uow() as uow:
            registered = uow.reports.registered_by_village()
            enrolment: list[tuple[str, int, int, int, int]] = []
            funder_paid: dict[int, int] = {}
            groups: list[tuple[int, int, int]] = []
            status = MemberStatus(current)
            if programme is not None:
                enrolment = uow.reports.enrolment_by_village(programme.id, current.index)
                funder_paid = uow.reports.funder_paid_by_month(programme.id)
                groups = uow.reports.self_payment_groups(
                    programme.id, _chart_months(programme, current)[0].index
                )
                active, late, inactive = uow.reports.status_counts(
                    programme.id, as_of.index, programme.lapse_threshold
                )
                status = MemberStatus(as_of, active, late, inactive)
        districts = _districts(regency, names, registered, enrolment)
        payments: tuple[MonthPayments, ...] = ()
        if programme is not None:
            payments = _payments(programme, current, funder_paid, groups)
        return DashboardSnapshot(
            today=today,
            current=current,
            programme=programme,
            programmes=tuple((p.id, p.name) for p in programmes),
            districts=districts,
            payments=payments,
            status=status,
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )


def _districts(
    regency: str,
    names: dict[str, str],
    registered: dict[str, int],
    enrolment: list[tuple[str, int, int, int, int]],
) -> tuple[DistrictFigures, ...]:
    """Villages summed to their kecamatan (a few dozen rows); every kecamatan of the regency listed."""
    sums: dict[str, list[int]] = {code: [0, 0, 0, 0, 0] for code in names if code.count(".") == 2}
    for village, n in registered.items():
        sums.setdefault(village[:8], [0, 0, 0, 0, 0])[0] += n
    for village, n, ending_this, ending_next, carded in enrolment:
        row = sums.setdefault(village[:8], [0, 0, 0, 0, 0])
        row[1] += n
        row[2] += carded
        row[3] += ending_this
        row[4] += ending_next
    out = []
    for code in sorted(sums):
        r, n, c, a, b = sums[code]
        inside = code.startswith(regency + ".")
        if not inside and not any(sums[code]):
            continue
        out.append(DistrictFigures(code, names.get(code, code), r, n, c, a, b))
    return tuple(out)


def _chart_months(programme: Programme, current: Month) -> tuple[Month, Month]:
    """First and last contribution month of the payments chart."""
    last = max(programme.start, current)
    return max(programme.start, last.minus(PAYMENT_MONTHS - 1)), last


def _payments(
    programme: Programme, current: Month, funder_paid: dict[int, int], groups: list[tuple[int, int, int]]
) -> tuple[MonthPayments, ...]:
    """Per contribution month from the programme's start to this month (the latest months only)."""
    first, last = _chart_months(programme, current)
    self_counts: dict[int, int] = {}
    for a, b, n in groups:  # (first, last, net payments): a few dozen groups
        for m in range(max(a, first.index), min(b, last.index) + 1):
            self_counts[m] = self_counts.get(m, 0) + n
    amount = programme.monthly_amount
    return tuple(
        MonthPayments(m, max(0, funder_paid.get(m.index, 0)), max(0, self_counts.get(m.index, 0)) * amount)
        for m in month_range(first, last)
    )


__all__ = ["DashboardService", "DashboardSnapshot", "DistrictFigures", "MemberStatus", "MonthPayments"]
