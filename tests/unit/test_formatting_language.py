"""The desktop application switches the formatting language once; callers that name one are unaffected."""

from __future__ import annotations

from datetime import date

from jamsos_desktop.domain import formatting
from jamsos_desktop.domain.formatting import format_date, format_money, format_number


def test_default_language_follows_the_application_and_explicit_wins() -> None:
    assert format_money(16_800) == "Rp16.800"
    assert format_date(date(2025, 9, 3)) == "3 September 2025"
    try:
        formatting.set_default_language("en")
        assert format_money(16_800) == "Rp16,800"
        assert format_number(1768) == "1,768"
        assert format_date(date(2025, 8, 1)) == "1 August 2025"
        assert format_money(16_800, "id") == "Rp16.800"
    finally:
        formatting.set_default_language("id")
    assert format_date(date(2025, 8, 1)) == "1 Agustus 2025"


def test_month_names_follow_the_language() -> None:
    from jamsos_desktop.domain.formatting import format_month, format_short_month

    assert format_month(2026, 12) == "Desember 2026"
    assert format_short_month(2026, 12) == "Des 26"
    assert format_short_month(2025, 5) == "Mei 25"
    try:
        formatting.set_default_language("en")
        assert format_month(2026, 12) == "December 2026"
        assert format_short_month(2026, 12) == "Dec 26"
        assert format_short_month(2026, 8, "id") == "Agu 26"
    finally:
        formatting.set_default_language("id")


def test_month_and_weekday_names_follow_the_language() -> None:
    from jamsos_desktop.domain.formatting import month_names, weekday_name

    assert month_names()[11] == "Desember" and weekday_name(date(2025, 9, 3)) == "Rabu"
    try:
        formatting.set_default_language("en")
        assert [m[:3] for m in month_names()][4] == "May"
        assert weekday_name(date(2025, 9, 3)) == "Wednesday"
        assert weekday_name(date(2025, 9, 3), "id") == "Rabu"
    finally:
        formatting.set_default_language("id")
