"""Payments of contributions: funder batches against BPJS invoices and workers' own receipts.

History is never edited: a correction is a *reversal* (a new record that cancels an earlier one),
after which the right payment is recorded anew.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.programme import Month, Programme, split_between_funders


def check_amount(value: Any) -> int:
    """An amount of rupiah from user input: a positive integer, never a float.

    Accepts ints and digit strings with Indonesian thousands dots (``"16.800"``); refuses negatives,
    zero, fractions and anything else with ``payment.amount_invalid``.
    """
    if isinstance(value, bool):
        raise JamsosError("payment.amount_invalid", value=value)
    if isinstance(value, int):
        amount = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise JamsosError("payment.amount_invalid", value=value)
        amount = int(value)
    else:
        text = str(value).strip().replace("Rp", "").replace("rp", "").replace(" ", "")
        text = (
            text.replace(".", "")
            if text.count(".") and all(len(p) == 3 for p in text.split(".")[1:])
            else text
        )
        if not text.isdigit():
            raise JamsosError("payment.amount_invalid", value=value)
        amount = int(text)
    if amount <= 0:
        raise JamsosError("payment.amount_invalid", value=value)
    return amount


def split_amount(amount: int, weights: list[int]) -> list[int]:
    """Split ``amount`` over lines in proportion to ``weights`` (integers; the last takes the rest)."""
    total = sum(weights)
    if total <= 0:
        return [0] * (len(weights) - 1) + [amount] if weights else []
    parts = [amount * w // total for w in weights]
    parts[-1] += amount - sum(parts)
    return parts


@dataclass(frozen=True)
class SelfPayment:
    """A worker's own payment (*iuran mandiri*) covering ``first``..``last``."""

    id: int
    enrolment_id: int
    worker_id: int
    receipt: str | None
    first: Month
    last: Month
    amount: int
    paid_on: date
    source: str = "manual"
    reversal_of: int | None = None
    reversed_by: int | None = None
    reason: str = ""
    worker_name: str = ""
    nik: str = ""

    @property
    def months(self) -> int:
        return self.last.index - self.first.index + 1

    @property
    def is_reversal(self) -> bool:
        return self.reversal_of is not None

    @property
    def effective(self) -> bool:
        return self.reversal_of is None and self.reversed_by is None


@dataclass(frozen=True)
class FunderPaymentLine:
    month: Month
    workers: int
    expected: int
    amount: int


@dataclass(frozen=True)
class FunderPayment:
    """A funder's payment of a BPJS invoice (*tagihan*) for one or more months."""

    id: int
    programme_id: int
    funder_id: int
    funder_name: str
    invoice_number: str
    first: Month
    last: Month
    amount: int
    expected: int
    paid_on: date
    reversal_of: int | None = None
    reversed_by: int | None = None
    reason: str = ""
    lines: tuple[FunderPaymentLine, ...] = ()

    @property
    def difference(self) -> int:
        return self.amount - self.expected

    @property
    def effective(self) -> bool:
        return self.reversal_of is None and self.reversed_by is None


@dataclass(frozen=True)
class Reconciliation:
    """Expected versus paid per funder month; ``differences`` are the months that do not match."""

    funder_id: int
    funder_name: str
    month: Month
    workers: int
    expected: int
    paid: int

    @property
    def difference(self) -> int:
        return self.paid - self.expected


@dataclass(frozen=True)
class ImportRowResult:
    row: int
    status: str  # "recorded", "duplicate", "rejected"
    code: str = ""
    message: str = ""
    column: str = ""


@dataclass(frozen=True)
class ImportResult:
    read: int
    recorded: int
    duplicates: int
    rejected: int
    rows: tuple[ImportRowResult, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class BudgetLine:
    """Planned, paid and outstanding funder money for one funder or one kecamatan."""

    key: str
    name: str
    enrolled: int
    planned: int
    paid: int

    @property
    def outstanding(self) -> int:
        return self.planned - self.paid


@dataclass(frozen=True)
class BudgetMonth:
    month: Month
    payer: str
    due_date: date
    workers: int
    expected: int
    paid: int


@dataclass(frozen=True)
class Budget:
    programme_id: int
    enrolled: int
    planned: int
    paid: int
    by_funder: tuple[BudgetLine, ...]
    by_district: tuple[BudgetLine, ...]
    months: tuple[BudgetMonth, ...]
    quota: int | None
    forecast_planned: int | None
    self_paid: int = 0
    forecast: QuotaForecast | None = None

    @property
    def outstanding(self) -> int:
        return self.planned - self.paid


@dataclass(frozen=True)
class FunderForecast:
    """What one funder would add to its plan if the quota filled."""

    funder_id: int
    name: str
    joining: int
    extra: int


@dataclass(frozen=True)
class QuotaForecast:
    """The budget if the programme's quota filled (*perkiraan bila kuota terpenuhi*).

    The workers still missing would join in ``join_month`` (this month, or the programme's start if it
    has not begun) and be funded for ``months_each`` months under the programme's funding window: the
    remaining calendar months by default, the full number of months with a per-worker window.
    """

    quota: int
    enrolled: int
    joining: int
    join_month: Month
    months_each: int
    monthly_amount: int
    planned_now: int
    by_funder: tuple[FunderForecast, ...] = ()

    @property
    def extra(self) -> int:
        return self.joining * self.months_each * self.monthly_amount

    @property
    def total(self) -> int:
        return self.planned_now + self.extra


def quota_forecast(
    programme: Programme, *, enrolled_by_funder: list[int], planned_now: int, today: date
) -> QuotaForecast | None:
    """The planned budget if the quota filled; ``None`` for a programme without a quota.

    ``enrolled_by_funder`` has one count per funder of ``programme.funders`` (in order); the workers
    still to join are split between the funders as enrolment would split them. Integer rupiah only.
    """
    if programme.quota is None:
        return None
    enrolled = sum(enrolled_by_funder)
    joining = max(0, programme.quota - enrolled)
    join_month = max(programme.start, Month.containing(today))
    first, last = programme.funded_range(join_month)
    months_each = max(0, last.index - first.index + 1)
    amount = programme.monthly_amount
    split = split_between_funders(list(programme.funders), list(enrolled_by_funder), joining)
    by_funder = tuple(
        FunderForecast(f.id or 0, f.name, n, n * months_each * amount)
        for f, n in zip(programme.funders, split, strict=True)
    )
    return QuotaForecast(
        quota=programme.quota,
        enrolled=enrolled,
        joining=joining,
        join_month=join_month,
        months_each=months_each,
        monthly_amount=amount,
        planned_now=planned_now,
        by_funder=by_funder,
    )
