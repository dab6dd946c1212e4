"""NIK rules exactly as DOMAIN.md states them: what is an error, what is only a warning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.nik import check_nik, clean_nik, decode_birth, make_nik
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker_types import Sex

REGIONS = default_table()
TODAY = date(2026, 11, 24)
DISTRICTS = [d.code for d in REGIONS.districts("19.03")] + ["31.71.01", "11.01.01", "19.01.01"]


def codes(check) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for f in check.findings]


births = st.dates(min_value=TODAY - timedelta(days=99 * 365), max_value=TODAY)


@given(district=st.sampled_from(DISTRICTS), born=births, sex=st.sampled_from(list(Sex)), serial=st.integers(1, 9999))
def test_a_made_nik_decodes_to_what_it_encodes(district: str, born: date, sex: Sex, serial: int) -> None:
    nik = make_nik(district, born, sex, serial)
    check = check_nik(nik, REGIONS, today=TODAY, birth_date=born, sex=sex)
    assert check.is_valid, codes(check)
    assert check.info is not None
    assert check.info.birth_date == born
    assert check.info.sex is sex
    assert check.info.district_code == district
    assert not {"nik.birth_date_mismatch", "nik.sex_mismatch"} & set(codes(check))


@given(born=births, sex=st.sampled_from(list(Sex)), other=births)
def test_a_different_typed_birth_date_is_a_warning_never_an_error(born: date, sex: Sex, other: date) -> None:
    nik = make_nik("19.03.01", born, sex, 1)
    check = check_nik(nik, REGIONS, today=TODAY, regency_code="19.03", birth_date=other, sex=sex)
    assert check.is_valid
    assert ("nik.birth_date_mismatch" in codes(check)) == (other != born)


def test_women_have_forty_added_to_the_day() -> None:
    check = check_nik("1903014405990313", REGIONS, today=TODAY, regency_code="19.03")
    assert check.info is not None
    assert check.info.sex is Sex.FEMALE
    assert check.info.birth_date == date(1999, 5, 4)


def test_sex_mismatch_is_a_warning() -> None:
    check = check_nik("1903014405990313", REGIONS, today=TODAY, sex=Sex.MALE)
    assert check.is_valid
    assert codes(check) == ["nik.sex_mismatch"]


@pytest.mark.parametrize(
    ("nik", "code"),
    [
        ("190301120890283", "nik.length"),
        ("19030112089028351", "nik.length"),
        ("1903011208902a35", "nik.digits"),
        ("1903013208902835", "nik.date"),  # day 32
        ("1903017208902835", "nik.date"),  # day 72 - 40 = 32
        ("1903014002900001", "nik.date"),  # 40 is neither a man's nor a woman's day
        ("1903013002900001", "nik.date"),  # 30 February
        ("1903011213902835", "nik.date"),  # month 13
        ("9903011208902835", "nik.province"),
        ("1999011208902835", "nik.regency"),
        ("1111111111111111", "nik.placeholder"),
        ("0000000000000000", "nik.placeholder"),
        ("", "nik.required"),
    ],
)
def test_errors(nik: str, code: str) -> None:
    check = check_nik(nik, REGIONS, today=TODAY)
    assert not check.is_valid
    assert code in codes(check)


def test_outside_the_regency_is_a_warning() -> None:
    nik = make_nik("31.71.01", date(1980, 1, 2), Sex.MALE, 12)
    check = check_nik(nik, REGIONS, today=TODAY, regency_code="19.03")
    assert check.is_valid
    assert codes(check) == ["nik.outside_regency"]
    assert "Bangka Selatan" in check.findings[0].message("id")


def test_kemendagri_codes_not_bps() -> None:
    # In BPS codes 1903 is Bangka Barat; in Kemendagri codes (used by NIKs) it is Bangka Selatan.
    nik = make_nik("19.03.01", date(1990, 8, 12), Sex.MALE, 2835)
    assert check_nik(nik, REGIONS, today=TODAY, regency_code="19.03").findings == ()


def test_unknown_district_is_only_a_warning() -> None:
    check = check_nik("1903991208902835", REGIONS, today=TODAY, regency_code="19.03")
    assert check.is_valid
    assert codes(check) == ["nik.district_unknown"]


@given(st.integers(0, 99))
def test_the_century_never_puts_a_birth_in_the_future(year2: int) -> None:
    decoded = decode_birth(f"0101{year2:02d}", TODAY)
    assert decoded is not None
    born, _ = decoded
    assert born <= TODAY
    assert born.year % 100 == year2


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("'1903011208902835", "1903011208902835"),
        ("1903 0112 0890 2835", "1903011208902835"),
        ("1903.0112.0890.2835", "1903011208902835"),
        ("  1903011208902835 ", "1903011208902835"),
    ],
)
def test_clean_nik(raw: str, clean: str) -> None:
    assert clean_nik(raw) == clean
