"""Money is integer rupiah, never float. BPU contribution rules of PP 44/2015 and Permenaker 5/2021."""

from __future__ import annotations

MIN_DECLARED_INCOME = 1_000_000
MAX_DECLARED_INCOME = 20_700_000
JKM_FLAT = 6_800


def jkk_contribution(income: int) -> int:
    """JKK is 1 % of the declared monthly income (integer rupiah, rounded half up)."""
    return (income + 50) // 100


def format_rupiah(amount: int) -> str:
    """``16800`` -> ``"Rp16.800"`` (Indonesian thousands separator, no decimals)."""
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{abs(amount):,}".replace(",", ".")
