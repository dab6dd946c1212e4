"""The contribution calendar (*kalender iuran*): due dates, payer and status of every month.

BPU members pay for the current month by the 15th; when the 15th is a Saturday, Sunday or public
holiday, the next working day. There is no late fine, but after ``threshold`` consecutive unpaid
months the membership becomes inactive and accidents are no longer covered.

Status of a month that is not paid, seen on ``today``:

* ``upcoming`` – a later month than today's;
* ``due`` – today's month (or earlier) and the due date has not passed yet;
* ``late`` – the due date has passed, less than ``threshold`` months ago (can still be paid);
* ``unpaid`` – the due date passed ``threshold`` or more months ago (cover lapsed for that month).

The same :func:`unpaid_status` classifies single months (a worker's strip) and the counts per month
that the database aggregates (the programme grid), so both views agree.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from jamsos_desktop.domain.programme import Enrolment, Month

DUE_DAY = 15


class Payer(str, Enum):
    FUNDER = "funder"
    SELF = "self"

    @property
    def label(self) -> str:
        return "Pemda/penyandang dana" if self is Payer.FUNDER else "Mandiri"


class MonthStatus(str, Enum):
    UPCOMING = "upcoming"
    DUE = "due"
    PAID = "paid"
    LATE = "late"
    UNPAID = "unpaid"

    @property
    def label(self) -> str:
        return {
            MonthStatus.UPCOMING: "Akan datang",
            MonthStatus.DUE: "Jatuh tempo",
            MonthStatus.PAID: "Lunas",
            MonthStatus.LATE: "Terlambat",
            MonthStatus.UNPAID: "Tidak dibayar",
        }[self]


STATUS_ORDER = (
    MonthStatus.PAID,
    MonthStatus.DUE,
    MonthStatus.LATE,
    MonthStatus.UNPAID,
    MonthStatus.UPCOMING,
)


#: National holidays on the same date every year (*hari libur nasional tetap*). The moving religious
#: holidays and the *cuti bersama* are set each year by joint ministerial decree (SKB 3 Menteri) and
#: entered or imported by the office.
FIXED_NATIONAL_HOLIDAYS = (
    (1, 1, "Tahun Baru Masehi"),
    (5, 1, "Hari Buruh Internasional"),
    (6, 1, "Hari Lahir Pancasila"),
    (8, 17, "Hari Kemerdekaan RI"),
    (12, 25, "Hari Raya Natal"),
)
HOLIDAY_YEARS = (2000, 2100)  # the years a holiday list may cover; anything else is a typing slip


def fixed_holidays(year: int) -> list[tuple[date, str]]:
    """The fixed-date national holidays of ``year``."""
    return [(date(year, m, d), name) for m, d, name in FIXED_NATIONAL_HOLIDAYS]


def is_working_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def next_working_day(day: date, holidays: Collection[date] = ()) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def due_date(month: Month, holidays: Collection[date] = ()) -> date:
    """The 15th of ``month``, moved to the next working day after weekends and holidays."""
    return next_working_day(month.day(DUE_DAY), holidays)


def last_due_month(today: date, holidays: Collection[date] = ()) -> Month:
    """The latest month whose due date has passed on ``today``."""
    current = Month.containing(today)
    return current if today > due_date(current, holidays) else current.minus(1)


def unpaid_status(month: Month, today: date, threshold: int, holidays: Collection[date] = ()) -> MonthStatus:
    """The status of an unpaid month on ``today`` (see the module docstring)."""
    current = Month.containing(today)
    if month > current:
        return MonthStatus.UPCOMING
    if month == current and today <= due_date(month, holidays):
        return MonthStatus.DUE
    return MonthStatus.LATE if current.index - month.index < threshold else MonthStatus.UNPAID


def month_status(
    month: Month, paid: bool, today: date, threshold: int, holidays: Collection[date] = ()
) -> MonthStatus:
    return MonthStatus.PAID if paid else unpaid_status(month, today, threshold, holidays)


def unpaid_streak(enrolment: Enrolment, paid_self_months: Collection[Month], as_of: Month) -> int:
    """Consecutive unpaid self-paid months ending at ``as_of`` (the latest month already due)."""
    last = as_of if enrolment.end is None else min(as_of, enrolment.end)
    first = enrolment.first_self_month
    streak = 0
    m = last
    while m >= first and m not in paid_self_months:
        streak += 1
        m = m.minus(1)
    return streak


def is_inactive(streak: int, threshold: int) -> bool:
    """Membership is inactive after ``threshold`` consecutive unpaid months (*nonaktif*)."""
    return streak >= threshold


@dataclass(frozen=True)
class ContributionMonth:
    """One month of one enrolment: who pays, how much, by when, and where it stands."""

    month: Month
    payer: Payer
    amount: int
    due_date: date
    status: MonthStatus


def worker_strip(
    enrolment: Enrolment,
    *,
    amount: int,
    months: Iterable[Month],
    funder_paid: Collection[Month],
    self_paid: Collection[Month],
    today: date,
    threshold: int,
    holidays: Collection[date] = (),
) -> list[ContributionMonth]:
    """The months of one enrolment (those it covers among ``months``), for the per-worker strip."""
    out: list[ContributionMonth] = []
    for m in months:
        if not enrolment.covers(m):
            continue
        funded = enrolment.is_funded(m)
        paid = m in (funder_paid if funded else self_paid)
        out.append(
            ContributionMonth(
                m,
                Payer.FUNDER if funded else Payer.SELF,
                amount,
                due_date(m, holidays),
                month_status(m, paid, today, threshold, holidays),
            )
        )
    return out


@dataclass(frozen=True)
class GridCell:
    """How many enrolments of one payer are in one status in one month."""

    month: Month
    payer: Payer
    status: MonthStatus
    count: int


def classify_counts(
    month: Month,
    payer: Payer,
    enrolled: int,
    paid: int,
    today: date,
    threshold: int,
    holidays: Collection[date] = (),
) -> list[GridCell]:
    """Split ``enrolled`` enrolments of a month into paid and the one unpaid status of that month."""
    cells = []
    if paid:
        cells.append(GridCell(month, payer, MonthStatus.PAID, paid))
    rest = enrolled - paid
    if rest > 0:
        cells.append(GridCell(month, payer, unpaid_status(month, today, threshold, holidays), rest))
    return cells


# -- views computed by the database and handed to the front ends -------------------------------------
@dataclass(frozen=True)
class MonthTotals:
    """Enrolments of one month by payer, and how many of them are paid (from SQL aggregates)."""

    month: Month
    funder_count: int = 0
    funder_paid_count: int = 0
    funder_paid_amount: int = 0
    self_count: int = 0
    self_paid_count: int = 0


@dataclass(frozen=True)
class ActionRow:
    """One line of a clerk's monthly list (funding ends, late, inactive), with contact details."""

    worker_id: int
    name: str
    nik: str
    phone: str
    village_code: str
    village: str
    district: str
    funded_to: Month | None = None
    unpaid_months: int = 0
    last_paid: Month | None = None


class ActionList(str, Enum):
    FUNDING_ENDS = "funding_ends"
    LATE = "late"
    INACTIVE = "inactive"

    @property
    def label(self) -> str:
        return {
            ActionList.FUNDING_ENDS: "Pembiayaan berakhir bulan ini/depan",
            ActionList.LATE: "Terlambat bayar mandiri",
            ActionList.INACTIVE: "Kepesertaan nonaktif",
        }[self]
