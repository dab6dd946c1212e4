"""One place for how numbers, money and dates read, in Bahasa Indonesia and English.

``3 September 2025``, ``Rp16.800``, ``100.000``. The UI and the CLI both use this module.
"""

from __future__ import annotations

from datetime import date, datetime

from jamsos_desktop.domain.money import format_rupiah

MONTHS_ID = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: The language used when a caller names none. The desktop application sets it once at start-up to the
#: language it speaks (ui/i18n.py), so every page formats alike; the command line keeps Indonesian.
_default_lang = "id"


def set_default_language(lang: str) -> None:
    global _default_lang
    _default_lang = "en" if lang == "en" else "id"


def default_language() -> str:
    return _default_lang


def format_number(value: int, lang: str | None = None) -> str:
    lang = lang or _default_lang
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "id" else text


def format_money(amount: int, lang: str | None = None) -> str:
    lang = lang or _default_lang
    if lang == "id":
        return format_rupiah(amount)
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}"


def format_date(value: date | None, lang: str | None = None) -> str:
    lang = lang or _default_lang
    if value is None:
        return ""
    months = MONTHS_ID if lang == "id" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"


def month_names(lang: str | None = None) -> tuple[str, ...]:
    """The twelve month names, January first, in ``lang`` (default: the application's language)."""
    return MONTHS_ID if (lang or _default_lang) == "id" else MONTHS_EN


def weekday_name(value: date, lang: str | None = None) -> str:
    """``Senin`` / ``Monday``."""
    return (WEEKDAYS_ID if (lang or _default_lang) == "id" else WEEKDAYS_EN)[value.weekday()]


def format_month(year: int, month: int, lang: str | None = None) -> str:
    """``Desember 2026`` / ``December 2026``: a month of contributions, a report's period."""
    return f"{month_names(lang)[month - 1]} {year}"


def format_short_month(year: int, month: int, lang: str | None = None) -> str:
    """``Des 26`` / ``Dec 26``: a month where space is short (calendar columns, chart axes)."""
    return f"{month_names(lang)[month - 1][:3]} {year % 100:02d}"


def format_short_date(value: date | None) -> str:
    """``03-09-2025``: the dd-mm-yyyy that forms and lists use in Indonesia."""
    return "" if value is None else value.strftime("%d-%m-%Y")


def format_datetime(value: datetime | None, lang: str | None = None) -> str:
    lang = lang or _default_lang
    if value is None:
        return ""
    return f"{format_date(value.date(), lang)} {value:%H.%M}"


def mask_nik(nik: str | None) -> str:
    """NIK masked except region and last digits: ``190301••••••2835``."""
    if not nik:
        return ""
    return nik[:6] + "\u2022" * (len(nik) - 10) + nik[-4:] if len(nik) > 10 else nik
