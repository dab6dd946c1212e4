"""Programmes (*program bantuan iuran*): who pays which months of a worker's BPU contribution.

A programme has one or more funders (regency APBD, province, palm-oil revenue sharing…), a start month,
a number of funded months and a declared income that fixes the monthly amount
(JKK 1 % + JKM Rp6.800, optionally JHT 2 %). After the funded months the worker pays himself
(*mandiri*). Nothing here is specific to one regency: every figure is data.

Months are :class:`Month` values; storage keeps them as the integer :attr:`Month.index`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from jamsos_desktop.domain.errors import Finding, Severity
from jamsos_desktop.domain.money import (
    JKM_FLAT,
    MAX_DECLARED_INCOME,
    MIN_DECLARED_INCOME,
    jkk_contribution,
)

DEFAULT_LAPSE_THRESHOLD = 3
DEFAULT_HORIZON_MONTHS = 24
#: JKM benefit on death: Rp20 juta lump sum + Rp12 juta periodic + Rp10 juta funeral.
JKM_DEATH_BENEFIT = 42_000_000
#: Months of membership after which up to two children may receive the scholarship.
SCHOLARSHIP_MIN_MONTHS = 36
SCHOLARSHIP_MAX_CHILDREN = 2

_MONTH_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, ordered; ``index`` = year × 12 + month − 1 (what the database stores)."""

    index: int

    @classmethod
    def of(cls, year: int, month: int) -> Month:
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} out of range")
        return cls(year * 12 + month - 1)

    @classmethod
    def parse(cls, text: str) -> Month:
        """``"2025-08"`` → August 2025. Raises ValueError for anything else."""
        match = _MONTH_RE.match(text or "")
        if not match:
            raise ValueError(f"not a month: {text!r}")
        return cls.of(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> Month:
        return cls.of(day.year, day.month)

    @property
    def year(self) -> int:
        return self.index // 12

    @property
    def month(self) -> int:
        return self.index % 12 + 1

    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def day(self, n: int) -> date:
        return date(self.year, self.month, n)

    def __add__(self, months: int) -> Month:
        return Month(self.index + months)

    def minus(self, months: int) -> Month:
        return Month(self.index - months)

    def months_until(self, other: Month) -> int:
        """``other`` − ``self`` in months."""
        return other.index - self.index

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def month_range(first: Month, last: Month) -> list[Month]:
    """Every month from ``first`` to ``last`` inclusive (empty when ``last`` < ``first``)."""
    return [Month(i) for i in range(first.index, last.index + 1)]


class FundingWindow(str, Enum):
    """Which months a funder pays for an enrolment."""

    #: The same calendar months for everyone: a worker who joins late gets only the months left.
    CALENDAR = "calendar"
    #: N months from each worker's own start month.
    INDIVIDUAL = "individual"

    @property
    def label(self) -> str:
        return "Bulan kalender yang sama" if self is FundingWindow.CALENDAR else "N bulan sejak mulai"


class FunderKind(str, Enum):
    APBD_KABUPATEN = "apbd_kabupaten"
    APBD_PROVINSI = "apbd_provinsi"
    DBH_SAWIT = "dbh_sawit"
    CSR = "csr"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            FunderKind.APBD_KABUPATEN: "APBD Kabupaten/Kota",
            FunderKind.APBD_PROVINSI: "APBD Provinsi",
            FunderKind.DBH_SAWIT: "DBH Sawit",
            FunderKind.CSR: "CSR",
            FunderKind.OTHER: "Lainnya",
        }[self]


@dataclass(frozen=True)
class Funder:
    """A funder of a programme; ``share_percent`` or ``quota`` split the workers between funders."""

    name: str
    kind: FunderKind = FunderKind.OTHER
    share_percent: int | None = None
    quota: int | None = None
    id: int | None = None


def monthly_amount(income: int, *, include_jht: bool = False) -> int:
    """The monthly BPU contribution in rupiah: JKK 1 % of income + JKM Rp6.800 (+ JHT 2 %)."""
    amount = jkk_contribution(income) + JKM_FLAT
    if include_jht:
        amount += (income * 2 + 50) // 100
    return amount


@dataclass(frozen=True)
class ProgrammeData:
    """What a clerk enters for a programme."""

    name: str
    funders: tuple[Funder, ...]
    start: Month
    funded_months: int
    income: int = MIN_DECLARED_INCOME
    include_jht: bool = False
    quota: int | None = None
    lapse_threshold: int = DEFAULT_LAPSE_THRESHOLD
    window: FundingWindow = FundingWindow.CALENDAR
    horizon_months: int = DEFAULT_HORIZON_MONTHS
    notes: str = ""

    @property
    def monthly_amount(self) -> int:
        return monthly_amount(self.income, include_jht=self.include_jht)

    @property
    def last_funded_month(self) -> Month:
        return self.start + (self.funded_months - 1)

    @property
    def first_self_month(self) -> Month:
        return self.start + self.funded_months

    @property
    def end(self) -> Month:
        """Last month the calendar shows."""
        return self.start + (max(self.horizon_months, self.funded_months) - 1)

    def funded_range(self, enrolled_from: Month) -> tuple[Month, Month]:
        """Funded months ``(first, last)`` for an enrolment starting at ``enrolled_from``.

        ``last < first`` means no funded month at all (joined after the window closed).
        """
        if self.window is FundingWindow.INDIVIDUAL:
            first = max(enrolled_from, self.start)
            return first, first + (self.funded_months - 1)
        return max(enrolled_from, self.start), self.last_funded_month

    def planned_budget(self, workers: int) -> int:
        """What the funders plan to pay for ``workers`` full enrolments."""
        return workers * self.monthly_amount * self.funded_months


@dataclass(frozen=True)
class Programme(ProgrammeData):
    id: int = 0
    version: int = 1


def validate_programme(data: ProgrammeData) -> list[Finding]:
    """Errors that block saving a programme."""
    out: list[Finding] = []

    def err(fld: str, code: str, **params: object) -> None:
        out.append(Finding(fld, code, Severity.ERROR, dict(params)))

    if not data.name.strip():
        err("name", "programme.name_required")
    if len(data.name) > 120:
        err("name", "programme.name_too_long", max=120)
    if not data.funders:
        err("funders", "programme.funder_required")
    names = [f.name.strip().casefold() for f in data.funders]
    if any(not n for n in names):
        err("funders", "programme.funder_name_required")
    if len(set(names)) != len(names):
        err("funders", "programme.funder_duplicate")
    shares = [f.share_percent for f in data.funders if f.share_percent is not None]
    if shares and (any(s <= 0 or s > 100 for s in shares) or sum(shares) != 100):
        err("funders", "programme.funder_shares", total=sum(shares))
    if any(f.quota is not None and f.quota <= 0 for f in data.funders):
        err("funders", "programme.funder_quota")
    if not 1 <= data.funded_months <= 120:
        err("funded_months", "programme.funded_months", max=120)
    if not MIN_DECLARED_INCOME <= data.income <= MAX_DECLARED_INCOME:
        err("income", "income.range", min=MIN_DECLARED_INCOME, max=MAX_DECLARED_INCOME)
    if data.quota is not None and data.quota <= 0:
        err("quota", "programme.quota")
    if not 1 <= data.lapse_threshold <= 24:
        err("lapse_threshold", "programme.lapse_threshold")
    if not 1 <= data.horizon_months <= 240:
        err("horizon_months", "programme.horizon")
    if not 2000 <= data.start.year <= 2100:
        err("start", "programme.start")
    return out


def split_between_funders(funders: Sequence[Funder], existing: Sequence[int], count: int) -> list[int]:
    """How many of ``count`` new enrolments each funder takes, given ``existing`` per funder.

    Funders with a quota fill up to it in order; shares then split the rest so that the totals stay
    as close as possible to the percentages; without shares or quotas the first funder pays. The
    result has one number per funder and sums to ``count``.
    """
    n = len(funders)
    if n == 0:
        return []
    taken = [0] * n
    left = count
    # 1. Quotas, in order.
    for i, f in enumerate(funders):
        if f.quota is not None and left > 0:
            room = max(0, f.quota - existing[i])
            take = min(room, left)
            taken[i] += take
            left -= take
    if left == 0:
        return taken
    open_ids = [i for i, f in enumerate(funders) if f.quota is None]
    if not open_ids:
        # Every quota is full: the overflow goes to the last funder (a quota warning is shown).
        taken[-1] += left
        return taken
    shares = {i: funders[i].share_percent for i in open_ids if funders[i].share_percent}
    if not shares:
        taken[open_ids[0]] += left
        return taken
    total_after = sum(existing[i] + taken[i] for i in shares) + left
    weight = sum(shares.values())
    targets = {i: total_after * shares[i] / weight for i in shares}  # float only to rank, not money
    give = {i: max(0, int(targets[i]) - existing[i] - taken[i]) for i in shares}
    over = sum(give.values()) - left
    # Trim or top up to exactly ``left`` in a deterministic order.
    order = sorted(shares, key=lambda i: (-(targets[i] - int(targets[i])), i))
    while over > 0:
        for i in sorted(shares, key=lambda i: (-give[i], i)):
            if over and give[i] > 0:
                give[i] -= 1
                over -= 1
    k = 0
    while over < 0:
        give[order[k % len(order)]] += 1
        over += 1
        k += 1
    for i, g in give.items():
        taken[i] += g
    return taken


class ExitReason(str, Enum):
    """Why an enrolment ended (*keluar dari program*)."""

    DECEASED = "deceased"
    MOVED = "moved"
    WITHDRAWN = "withdrawn"
    INACTIVE = "inactive"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            ExitReason.DECEASED: "Meninggal",
            ExitReason.MOVED: "Pindah",
            ExitReason.WITHDRAWN: "Mengundurkan diri",
            ExitReason.INACTIVE: "Tidak aktif",
            ExitReason.OTHER: "Lainnya",
        }[self]


@dataclass(frozen=True)
class EnrolmentExit:
    """A worker who left a programme other than by death (moved away, withdrew, lapsed, other)."""

    worker_id: int
    name: str
    exit_date: date | None
    reason: str
    last_month: Month | None


@dataclass(frozen=True)
class Enrolment:
    """A worker in a programme (*kepesertaan*)."""

    id: int
    programme_id: int
    worker_id: int
    funder_id: int | None
    start: Month
    end: Month | None
    funded_from: Month
    funded_to: Month
    exit_date: date | None = None
    exit_reason: str = ""

    @property
    def has_funded_months(self) -> bool:
        last = self.funded_to if self.end is None else min(self.funded_to, self.end)
        return last >= self.funded_from

    @property
    def funded_month_count(self) -> int:
        last = self.funded_to if self.end is None else min(self.funded_to, self.end)
        return max(0, last.index - self.funded_from.index + 1)

    @property
    def first_self_month(self) -> Month:
        return max(self.start, self.funded_to + 1)

    def covers(self, month: Month) -> bool:
        return self.start <= month and (self.end is None or month <= self.end)

    def is_funded(self, month: Month) -> bool:
        return self.covers(month) and self.funded_from <= month <= self.funded_to


def exit_month(exit_date: date) -> Month:
    """The last month an exit on ``exit_date`` still covers: the month it happens in."""
    return Month.containing(exit_date)


def overlaps(a_start: Month, a_end: Month | None, b_start: Month, b_end: Month | None) -> bool:
    """Whether two enrolment periods share a month (``None`` = open-ended)."""
    return (a_end is None or b_start <= a_end) and (b_end is None or a_start <= b_end)


# -- events -----------------------------------------------------------------------------------------
class EventKind(str, Enum):
    DEATH = "death"
    ACCIDENT = "accident"

    @property
    def label(self) -> str:
        return "Meninggal dunia" if self is EventKind.DEATH else "Kecelakaan kerja"


class ClaimStatus(str, Enum):
    REPORTED = "reported"
    SUBMITTED = "submitted"
    PAID = "paid"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {
            ClaimStatus.REPORTED: "Dilaporkan",
            ClaimStatus.SUBMITTED: "Diajukan ke BPJS",
            ClaimStatus.PAID: "Dibayar",
            ClaimStatus.REJECTED: "Ditolak",
        }[self]


@dataclass(frozen=True)
class WorkerEvent:
    """A death or work accident (*peristiwa*), followed until the claim is settled."""

    worker_id: int
    kind: EventKind
    event_date: date
    programme_id: int | None = None
    claim_status: ClaimStatus = ClaimStatus.REPORTED
    heir_name: str = ""
    heir_relationship: str = ""
    heir_phone: str = ""
    notes: str = ""
    id: int = 0
    worker_name: str = ""
    member_since: Month | None = None

    @property
    def membership_months(self) -> int:
        if self.member_since is None:
            return 0
        return max(0, Month.containing(self.event_date).index - self.member_since.index + 1)

    @property
    def jkm_benefit(self) -> int:
        """Rp42 juta on death (JKM); work accidents are paid by JKK from the declared income."""
        return JKM_DEATH_BENEFIT if self.kind is EventKind.DEATH else 0

    @property
    def scholarship_eligible(self) -> bool:
        return scholarship_eligible(self.member_since, self.event_date)


def scholarship_eligible(member_since: Month | None, on: date) -> bool:
    """Children's scholarship: after 3 years (36 months) of membership."""
    if member_since is None:
        return False
    return Month.containing(on).index - member_since.index >= SCHOLARSHIP_MIN_MONTHS


@dataclass(frozen=True)
class EnrolResult:
    """What an enrolment run did; the skipped lists say why, per worker."""

    enrolled: int
    already: int = 0
    overlapping: tuple[int, ...] = ()
    ineligible: tuple[int, ...] = ()
    quota: int | None = None
    total_after: int = 0
    warnings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def over_quota(self) -> int:
        return 0 if self.quota is None else max(0, self.total_after - self.quota)
