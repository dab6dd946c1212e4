"""Programme and contribution-calendar rules (pure domain, no database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.calendar import (
    MonthStatus,
    Payer,
    due_date,
    is_inactive,
    is_working_day,
    last_due_month,
    month_status,
    unpaid_status,
    unpaid_streak,
    worker_strip,
)
from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.payments import check_amount, split_amount
from jamsos_desktop.domain.programme import (
    Enrolment,
    Funder,
    FundingWindow,
    Month,
    ProgrammeData,
    month_range,
    monthly_amount,
    overlaps,
    scholarship_eligible,
    split_between_funders,
    validate_programme,
)

BANGKA = ProgrammeData(
    "Bangka Selatan 2025", (Funder("APBD Kabupaten Bangka Selatan"),), Month.of(2025, 8), 6
)


def test_monthly_amount_is_jkk_one_percent_plus_jkm() -> None:
    assert monthly_amount(1_000_000) == 16_800
    assert monthly_amount(2_000_000) == 26_800
    assert monthly_amount(1_000_000, include_jht=True) == 36_800
    assert BANGKA.monthly_amount == 16_800


def test_bangka_selatan_budget() -> None:
    assert BANGKA.planned_budget(1_768) == 178_214_400
    assert 1_768 * 16_800 * 6 == 178_214_400


def test_due_date_moves_off_weekends_and_holidays() -> None:
    assert date(2025, 11, 15).weekday() == 5  # a Saturday
    assert due_date(Month.of(2025, 11)) == date(2025, 11, 17)
    assert due_date(Month.of(2025, 10)) == date(2025, 10, 15)
    # A holiday on the Monday moves it once more.
    assert due_date(Month.of(2025, 11), {date(2025, 11, 17)}) == date(2025, 11, 18)


def test_funded_and_self_paid_months() -> None:
    assert str(BANGKA.start) == "2025-08"
    assert str(BANGKA.last_funded_month) == "2026-01"
    assert str(BANGKA.first_self_month) == "2026-02"
    assert [str(m) for m in month_range(*BANGKA.funded_range(BANGKA.start))] == [
        "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01",
    ]  # fmt: skip


def test_enrolled_in_fourth_funded_month_gets_the_remaining_months() -> None:
    first, last = BANGKA.funded_range(Month.of(2025, 11))
    assert (str(first), str(last)) == ("2025-11", "2026-01")
    assert last.index - first.index + 1 == 3
    individual = ProgrammeData("x", (Funder("A"),), Month.of(2025, 8), 6, window=FundingWindow.INDIVIDUAL)
    first, last = individual.funded_range(Month.of(2025, 11))
    assert (str(first), str(last)) == ("2025-11", "2026-04")


def test_month_parse_and_text() -> None:
    assert Month.parse("2025-08") == Month.of(2025, 8)
    assert str(Month.parse("2026-2")) == "2026-02"
    for bad in ("2025", "08-2025", "2025-13", ""):
        with pytest.raises(ValueError):
            Month.parse(bad)


def test_unpaid_status_over_time() -> None:
    feb = Month.of(2026, 2)
    assert unpaid_status(feb, date(2026, 1, 20), 3) is MonthStatus.UPCOMING
    assert unpaid_status(feb, date(2026, 2, 16), 3) is MonthStatus.DUE  # due Mon 16 Feb 2026 (15th is Sunday)
    assert unpaid_status(feb, date(2026, 2, 17), 3) is MonthStatus.LATE
    assert unpaid_status(feb, date(2026, 4, 30), 3) is MonthStatus.LATE
    assert unpaid_status(feb, date(2026, 5, 1), 3) is MonthStatus.UNPAID
    assert month_status(feb, True, date(2026, 5, 1), 3) is MonthStatus.PAID


def _enrolment(start: Month = BANGKA.start, end: Month | None = None) -> Enrolment:
    ffrom, fto = BANGKA.funded_range(start)
    return Enrolment(1, 1, 1, 1, start, end, ffrom, fto)


def test_inactive_after_three_unpaid_self_paid_months() -> None:
    e = _enrolment()
    assert unpaid_streak(e, set(), Month.of(2026, 3)) == 2
    assert not is_inactive(2, 3)
    assert unpaid_streak(e, set(), Month.of(2026, 4)) == 3
    assert is_inactive(3, 3)
    # Paying April ends the streak.
    assert unpaid_streak(e, {Month.of(2026, 4)}, Month.of(2026, 4)) == 0
    # Funded months never count as unpaid.
    assert unpaid_streak(e, set(), Month.of(2026, 1)) == 0


def test_worker_strip_payers_and_exit() -> None:
    e = _enrolment(end=Month.of(2026, 3))
    strip = worker_strip(
        e,
        amount=16_800,
        months=month_range(Month.of(2025, 8), Month.of(2026, 6)),
        funder_paid={Month.of(2025, 8)},
        self_paid={Month.of(2026, 2)},
        today=date(2026, 3, 20),
        threshold=3,
    )
    assert [str(c.month) for c in strip][-1] == "2026-03"  # months after the exit are gone
    assert strip[0].payer is Payer.FUNDER and strip[0].status is MonthStatus.PAID
    assert strip[1].status is MonthStatus.UNPAID  # funder month unpaid for more than 3 months
    feb = next(c for c in strip if str(c.month) == "2026-02")
    assert feb.payer is Payer.SELF and feb.status is MonthStatus.PAID


def test_amounts_are_positive_integers() -> None:
    assert check_amount(16_800) == 16_800
    assert check_amount("16.800") == 16_800
    assert check_amount("Rp 50.400") == 50_400
    for bad in (-16_800, 0, 16_800.5, "16,8", "abc", True, "-5"):
        with pytest.raises(JamsosError) as err:
            check_amount(bad)
        assert err.value.code == "payment.amount_invalid"


def test_programme_validation() -> None:
    assert validate_programme(BANGKA) == []
    bad = ProgrammeData("", (), Month.of(2025, 8), 0)
    codes = {f.code for f in validate_programme(bad)}
    assert {"programme.name_required", "programme.funder_required", "programme.funded_months"} <= codes
    shares = ProgrammeData(
        "x", (Funder("A", share_percent=60), Funder("B", share_percent=30)), Month.of(2025, 8), 6
    )
    assert [f.code for f in validate_programme(shares)] == ["programme.funder_shares"]


def test_penajam_paser_utara_split_by_quota() -> None:
    funders = [Funder("APBD Kabupaten", quota=15_000), Funder("APBD Provinsi")]
    assert split_between_funders(funders, [0, 0], 20_614) == [15_000, 5_614]


def test_overlap_and_scholarship() -> None:
    assert overlaps(Month.of(2025, 8), None, Month.of(2026, 1), None)
    assert not overlaps(Month.of(2025, 8), Month.of(2025, 12), Month.of(2026, 1), None)
    assert not scholarship_eligible(Month.of(2025, 8), date(2028, 7, 31))
    assert scholarship_eligible(Month.of(2025, 8), date(2028, 8, 1))


# -- properties ---------------------------------------------------------------------------------------
months = st.builds(Month.of, st.integers(2000, 2090), st.integers(1, 12))
holiday_sets = st.frozensets(st.dates(date(2000, 1, 1), date(2091, 1, 31)), max_size=30)


@given(months, holiday_sets)
def test_due_date_is_the_first_working_day_from_the_15th(month: Month, holidays: frozenset[date]) -> None:
    due = due_date(month, holidays)
    assert due >= month.day(15)
    assert is_working_day(due, holidays)
    day = month.day(15)
    while day < due:
        assert not is_working_day(day, holidays)
        day += timedelta(days=1)


@given(st.dates(date(2001, 1, 1), date(2090, 12, 31)))
def test_last_due_month_is_due(today: date) -> None:
    m = last_due_month(today)
    assert due_date(m) < today
    assert due_date(m + 1) >= today


@given(months, st.integers(1, 36), st.integers(0, 48), st.sampled_from(list(FundingWindow)))
def test_funded_range_stays_in_the_window(start: Month, k: int, late: int, window: FundingWindow) -> None:
    p = ProgrammeData("x", (Funder("A"),), start, k, window=window)
    first, last = p.funded_range(start + late)
    assert first == start + late
    if window is FundingWindow.CALENDAR:
        assert last == p.last_funded_month
        assert max(0, last.index - first.index + 1) == max(0, k - late)
    else:
        assert last.index - first.index + 1 == k


@given(st.integers(1_000_000, 20_700_000), st.booleans())
def test_monthly_amount_is_integer_and_positive(income: int, jht: bool) -> None:
    amount = monthly_amount(income, include_jht=jht)
    assert isinstance(amount, int) and amount >= 16_800


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=12), st.integers(0, 10**9))
def test_split_amount_keeps_every_rupiah(weights: list[int], amount: int) -> None:
    parts = split_amount(amount, weights)
    assert sum(parts) == amount and len(parts) == len(weights)


@given(
    st.lists(st.tuples(st.integers(1, 100), st.integers(0, 5000)), min_size=1, max_size=4),
    st.integers(0, 50_000),
)
def test_funder_split_sums_to_count(spec: list[tuple[int, int]], count: int) -> None:
    funders = [Funder(f"F{i}", share_percent=s) for i, (s, _) in enumerate(spec)]
    existing = [n for _, n in spec]
    taken = split_between_funders(funders, existing, count)
    assert sum(taken) == count and all(t >= 0 for t in taken)


@given(st.sets(st.integers(0, 30)), st.integers(0, 30))
def test_streak_counts_trailing_unpaid_months(paid_offsets: set[int], as_of_offset: int) -> None:
    e = _enrolment()
    first_self = e.first_self_month
    paid = {first_self + o for o in paid_offsets}
    as_of = first_self + as_of_offset
    streak = unpaid_streak(e, paid, as_of)
    for i in range(streak):
        assert as_of.minus(i) not in paid
    if as_of.minus(streak) >= first_self:
        assert as_of.minus(streak) in paid
