"""NIK (*Nomor Induk Kependudukan*), the 16-digit national ID number.

Structure (DOMAIN.md): province (2) + regency/city (2) + district (2) of *first registration*
(Kemendagri codes, not BPS ones), birth date DDMMYY with 40 added to the day for women, and a 4-digit
serial from 0001. There is no check digit.

*Errors* make a NIK unusable: wrong length, non-digits, an impossible date, an unknown province or
regency, an obvious placeholder. *Warnings* are facts the clerk may override, because NIKs are never
changed when they are wrong and people move: a birth date or sex that disagrees with what was typed, a
region outside the office's regency, a district no longer in the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from jamsos_desktop.domain.errors import Finding, Severity
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.worker_types import Sex

NIK_LENGTH = 16
_SEPARATORS = re.compile(r"[\s.\-_/]+")


def clean_nik(text: str) -> str:
    """Remove what people type around a NIK: spaces, dots, dashes, a leading apostrophe (Excel's text mark)."""
    if text.isdigit() and text.isascii():
        return text  # the common case: nothing to remove
    text = text.strip().lstrip("'\u2018\u2019`")
    return _SEPARATORS.sub("", text)


@dataclass(frozen=True)
class NikInfo:
    """What a structurally valid NIK encodes."""

    nik: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: Sex
    serial: str


def decode_birth(ddmmyy: str, today: date) -> tuple[date, Sex] | None:
    """Birth date and sex from the six date digits, or None if no such date exists.

    The century is the latest one that does not put the birth in the future (NIKs are issued to
    children too, so ``05`` is 2005 in 2026, and ``30`` is 1930).
    """
    day, month, year2 = int(ddmmyy[0:2]), int(ddmmyy[2:4]), int(ddmmyy[4:6])
    sex = Sex.MALE
    if day > 40:
        day -= 40
        sex = Sex.FEMALE
    for century in (2000, 1900):
        year = century + year2
        try:
            born = date(year, month, day)
        except ValueError:
            return None
        if born <= today:
            return born, sex
    return None


def encode_birth(born: date, sex: Sex) -> str:
    day = born.day + (40 if sex is Sex.FEMALE else 0)
    return f"{day:02d}{born.month:02d}{born.year % 100:02d}"


def make_nik(district_code: str, born: date, sex: Sex, serial: int) -> str:
    """Build a NIK (used by the demo data generator and tests). ``district_code`` is dotted or not."""
    digits = district_code.replace(".", "")
    if len(digits) != 6 or not digits.isdigit() or not 1 <= serial <= 9999:
        raise ValueError(f"bad district {district_code!r} or serial {serial}")
    return f"{digits}{encode_birth(born, sex)}{serial:04d}"


@dataclass(frozen=True)
class NikCheck:
    """The outcome of checking one NIK: what it encodes (if readable) and every finding."""

    nik: str
    info: NikInfo | None
    findings: tuple[Finding, ...]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]

    @property
    def is_valid(self) -> bool:
        return not self.errors


def check_nik(
    raw: str,
    regions: RegionTable,
    *,
    today: date,
    regency_code: str | None = None,
    birth_date: date | None = None,
    sex: Sex | None = None,
    field: str = "nik",
) -> NikCheck:
    """Check a NIK against DOMAIN.md's rules.

    ``regency_code`` (dotted, e.g. ``"19.03"``) is the office's regency; ``birth_date`` and ``sex`` are
    what the clerk typed. Mismatches with them are warnings, never errors.
    """
    nik = clean_nik(raw)

    def out(code: str, severity: Severity = Severity.ERROR, **params: object) -> NikCheck:
        return NikCheck(nik, None, (Finding(field, code, severity, dict(params)),))

    if not nik:
        return out("nik.required")
    if not nik.isdigit() or not nik.isascii():
        return out("nik.digits")
    if len(nik) != NIK_LENGTH:
        return out("nik.length", length=len(nik))
    if len(set(nik)) == 1:
        return out("nik.placeholder", nik=nik)

    province = nik[0:2]
    regency = f"{nik[0:2]}.{nik[2:4]}"
    district = f"{regency}.{nik[4:6]}"
    errors: list[Finding] = []
    if province not in regions:
        errors.append(Finding(field, "nik.province", Severity.ERROR, {"code": province}))
    elif regency not in regions:
        errors.append(Finding(field, "nik.regency", Severity.ERROR, {"code": regency}))
    decoded = decode_birth(nik[6:12], today)
    if decoded is None:
        errors.append(Finding(field, "nik.date", Severity.ERROR, {"part": nik[6:12]}))
    if errors or decoded is None:
        return NikCheck(nik, None, tuple(errors))

    born, nik_sex = decoded
    info = NikInfo(nik, province, regency, district, born, nik_sex, nik[12:16])
    warnings: list[Finding] = []
    if district not in regions:
        warnings.append(Finding(field, "nik.district_unknown", Severity.WARNING, {"code": district}))
    if info.serial == "0000":
        warnings.append(Finding(field, "nik.serial_zero", Severity.WARNING, {}))
    if regency_code and regency != regency_code:
        warnings.append(
            Finding(
                field,
                "nik.outside_regency",
                Severity.WARNING,
                {
                    "region": regions.describe(district if district in regions else regency),
                    "regency": regions.name(regency_code) or regency_code,
                },
            )
        )
    if birth_date is not None and birth_date != born:
        warnings.append(
            Finding(
                field,
                "nik.birth_date_mismatch",
                Severity.WARNING,
                {"nik_date": f"{born:%d-%m-%Y}", "entered": f"{birth_date:%d-%m-%Y}"},
            )
        )
    if sex is not None and sex is not nik_sex:
        warnings.append(
            Finding(
                field,
                "nik.sex_mismatch",
                Severity.WARNING,
                {"nik_sex": nik_sex.label, "entered": sex.label},
            )
        )
    return NikCheck(nik, info, tuple(warnings))
