"""The budget if the quota filled, and the fixed national holidays (pure domain, no database)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.calendar import due_date, fixed_holidays
from jamsos_desktop.domain.payments import quota_forecast
from jamsos_desktop.domain.programme import Funder, FundingWindow, Month, Programme

BANGKA = Programme(
    "Bangka Selatan 2025",
    (Funder("APBD Kabupaten Bangka Selatan", id=1),),
    Month.of(2025, 8),
    6,
    quota=2_000,
    id=1,
)


def test_bangka_quota_filling_in_october_adds_four_funded_months_each() -> None:
    planned = 1_768 * 16_800 * 6
    f = quota_forecast(BANGKA, enrolled_by_funder=[1_768], planned_now=planned, today=date(2025, 10, 2))
    assert f is not None
    assert f.joining == 232
    assert f.join_month == Month.of(2025, 10)
    assert f.months_each == 4  # Oct 2025 - Jan 2026 under the calendar window
    assert f.extra == 232 * 16_800 * 4 == 15_590_400
    assert f.total == 178_214_400 + 15_590_400
    assert [(x.name, x.joining, x.extra) for x in f.by_funder] == [
        ("APBD Kabupaten Bangka Selatan", 232, 15_590_400)
    ]


def test_no_quota_no_forecast_and_a_full_quota_adds_nothing() -> None:
    from dataclasses import replace

    no_quota = replace(BANGKA, quota=None)
    assert quota_forecast(no_quota, enrolled_by_funder=[5], planned_now=1, today=date(2026, 1, 1)) is None
    full = quota_forecast(BANGKA, enrolled_by_funder=[2_100], planned_now=99, today=date(2025, 9, 1))
    assert full is not None and full.joining == 0 and full.total == 99
    # After the calendar window closed, newcomers bring no funded month.
    late = quota_forecast(BANGKA, enrolled_by_funder=[10], planned_now=7, today=date(2026, 5, 1))
    assert late is not None and late.months_each == 0 and late.total == 7


def test_fixed_holidays_move_the_due_date() -> None:
    days = dict(fixed_holidays(2026))
    assert days[date(2026, 8, 17)] == "Hari Kemerdekaan RI"
    assert len(days) == 5
    # 15 Aug 2026 is a Saturday and Monday the 17th is Independence Day: due Tuesday the 18th.
    assert due_date(Month.of(2026, 8), days) == date(2026, 8, 18)
    assert due_date(Month.of(2026, 8)) == date(2026, 8, 17)


funders = st.lists(
    st.builds(
        Funder,
        st.text(min_size=1, max_size=5),
        share_percent=st.one_of(st.none(), st.integers(1, 100)),
        quota=st.one_of(st.none(), st.integers(0, 5_000)),
    ),
    min_size=1,
    max_size=4,
)


@settings(deadline=None)  # split_between_funders trims one worker at a time when shares are skewed
@given(
    funders,
    st.integers(2020, 2030),
    st.integers(1, 12),
    st.integers(1, 36),
    st.integers(1_000_000, 20_700_000),
    st.booleans(),
    st.sampled_from(list(FundingWindow)),
    st.integers(0, 200_000),
    st.lists(st.integers(0, 100_000), min_size=4, max_size=4),
    st.integers(0, 10**12),
    st.dates(date(2019, 1, 1), date(2034, 12, 31)),
)
def test_forecast_arithmetic_is_exact_integer_rupiah(  # type: ignore[no-untyped-def]
    fs, year, month, funded, income, jht, window, quota, counts, planned_now, today
) -> None:
    programme = Programme(
        "P",
        tuple(
            Funder(f.name, share_percent=f.share_percent, quota=f.quota, id=i + 1) for i, f in enumerate(fs)
        ),
        Month.of(year, month),
        funded,
        income=income,
        include_jht=jht,
        quota=quota,
        window=window,
    )
    enrolled = counts[: len(fs)]
    f = quota_forecast(programme, enrolled_by_funder=enrolled, planned_now=planned_now, today=today)
    assert f is not None
    assert f.joining == max(0, quota - sum(enrolled))
    assert 0 <= f.months_each <= funded
    if window is FundingWindow.INDIVIDUAL:
        assert f.months_each == funded  # every newcomer gets the full number of months
    assert f.join_month >= programme.start
    assert f.extra == f.joining * f.months_each * programme.monthly_amount
    assert f.total == planned_now + f.extra
    assert sum(x.joining for x in f.by_funder) == f.joining
    assert sum(x.extra for x in f.by_funder) == f.extra
    assert all(isinstance(v, int) and v >= 0 for v in (f.extra, f.total, *(x.extra for x in f.by_funder)))
    assert all(x.extra == x.joining * f.months_each * programme.monthly_amount for x in f.by_funder)
