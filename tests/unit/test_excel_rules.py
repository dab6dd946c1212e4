"""Excel rules: header spellings, value normalisers (property tests), village matching, skip rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.excel_rules import (
    MONTHS,
    Column,
    RowKind,
    VillageMatcher,
    excel_serial_to_date,
    extract_rt_rw,
    find_header,
    match_header,
    neutralise,
    parse_date_text,
    parse_relationship,
    parse_sex,
    place_key,
    read_date_cell,
    read_nik_cell,
    read_phone_cell,
    recognise_column,
    row_kind,
    split_place_date,
    split_rt_rw,
)
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex

TODAY = date(2026, 11, 24)
REGIONS = default_table()
MATCHER = VillageMatcher(REGIONS, "19.03")
VILLAGES = [(d, v) for d in REGIONS.districts("19.03") for v in REGIONS.villages(d.code)]

dates = st.dates(min_value=date(1901, 1, 1), max_value=TODAY)
niks = st.text(alphabet="0123456789", min_size=16, max_size=16)


# -- headers ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("NIK", Column.NIK),
        ("N I K", Column.NIK),
        ("n.i.k.", Column.NIK),
        ("Nama Lengkap", Column.NAME),
        ("L/P", Column.SEX),
        ("JK", Column.SEX),
        ("Jenis Kelamin", Column.SEX),
        ("Tempat Lahir", Column.BIRTH_PLACE),
        ("Tgl. Lahir", Column.BIRTH_DATE),
        ("Tanggal Lahir (dd-mm-yyyy)", Column.BIRTH_DATE),
        ("Tempat/Tgl Lahir", Column.BIRTH_PLACE_DATE),
        ("Tempat, Tanggal Lahir", Column.BIRTH_PLACE_DATE),
        ("Alamat", Column.ADDRESS),
        ("RT/RW", Column.RT_RW),
        ("Desa/Kelurahan", Column.VILLAGE),
        ("Kecamatan", Column.DISTRICT),
        ("Pekerjaan", Column.OCCUPATION),
        ("No. HP", Column.PHONE),
        ("Nama Ahli Waris", Column.HEIR_NAME),
        ("Ahli Waris", Column.HEIR_NAME),
        ("Hubungan", Column.HEIR_RELATIONSHIP),
        ("NIK Ahli Waris", Column.HEIR_NIK),
        ("No KPJ", Column.KPJ),
    ],
)
def test_indonesian_header_spellings(text: str, column: Column) -> None:
    assert recognise_column(text) is column


def test_header_found_below_title_rows() -> None:
    rows = [
        ("DAFTAR NAMA PEKERJA RENTAN",),
        ("DESA RIAS KECAMATAN TOBOALI",),
        (),
        ("No", "N I K", "Nama", "L/P", "Tempat/Tgl Lahir", "Desa", "Kolom Aneh"),
        (1, "1903011208902835", "Yusuf", "L", "Toboali, 12-08-1990", "Rias", "x"),
    ]
    header = find_header(rows)
    assert header is not None and header.row_index == 3
    assert header.columns[1] is Column.NIK and header.columns[4] is Column.BIRTH_PLACE_DATE
    assert header.unknown == (6,)


def test_a_title_row_is_not_a_header() -> None:
    assert match_header(("DAFTAR NAMA PEKERJA", None, None)) is None
    assert match_header(("No", "Alamat", "Pekerjaan")) is None  # neither NIK nor name


# -- NIK cells ----------------------------------------------------------------------------------------
@given(niks, st.lists(st.sampled_from([" ", ".", "  "]), max_size=4), st.booleans())
def test_nik_text_with_spaces_dots_and_apostrophe(nik: str, seps: list[str], apostrophe: bool) -> None:
    text = nik
    for i, sep in enumerate(seps):
        cut = 4 * (i + 1)
        text = text[:cut] + sep + text[cut:] if cut < len(text) else text
    if apostrophe:
        text = "'" + text
    cell = read_nik_cell(text)
    assert cell.error is None and cell.text == nik


@given(st.integers(min_value=10**14, max_value=10**16 - 1))
def test_a_nik_stored_as_a_number_is_damaged(number: int) -> None:
    for value in (number, float(number)):
        cell = read_nik_cell(value)
        assert cell.error is not None and cell.error.code == "excel.nik_number"
        assert cell.text == ""


def test_scientific_text_and_no_nik_phrase() -> None:
    assert read_nik_cell("1.90301E+15").error.code == "excel.nik_number"  # type: ignore[union-attr]
    assert read_nik_cell("Belum ada").no_nik
    assert read_nik_cell(None).text == ""


# -- dates --------------------------------------------------------------------------------------------
MONTH_NAMES = {number: [n for n, m in MONTHS.items() if m == number] for number in range(1, 13)}


@given(dates, st.sampled_from(["/", "-", "."]), st.booleans())
def test_day_month_year_text(born: date, sep: str, padded: bool) -> None:
    day = f"{born.day:02d}" if padded else str(born.day)
    month = f"{born.month:02d}" if padded else str(born.month)
    assert parse_date_text(f"{day}{sep}{month}{sep}{born.year}", TODAY) == born


@given(dates, st.data())
def test_indonesian_month_names_and_abbreviations(born: date, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(MONTH_NAMES[born.month]))
    cased = data.draw(st.sampled_from([name, name.upper(), name.title()]))
    assert parse_date_text(f"{born.day} {cased} {born.year}", TODAY) == born
    assert parse_date_text(f"{born.day:02d}-{cased}-{born.year}", TODAY) == born


def test_a_two_digit_year_later_this_year_is_last_century() -> None:
    assert parse_date_text("1-12-26", TODAY) == date(1926, 12, 1)  # 2026-12-01 is still to come
    assert parse_date_text("24-11-26", TODAY) == date(2026, 11, 24)
    assert parse_date_text("1 Des 26", TODAY) == date(1926, 12, 1)


@given(dates)
def test_two_digit_years_never_lie_in_the_future(born: date) -> None:
    parsed = parse_date_text(f"{born.day}-{born.month}-{born.year % 100:02d}", TODAY)
    assert parsed is not None and parsed <= TODAY and parsed.year % 100 == born.year % 100
    assert (parsed.month, parsed.day) == (born.month, born.day)
    assert parsed > TODAY.replace(year=TODAY.year - 100)  # within the last century, to the day


@given(st.dates(min_value=date(1900, 3, 1), max_value=date(2099, 12, 31)))
def test_excel_serial_numbers(day: date) -> None:
    serial = (day - date(1899, 12, 30)).days
    assert excel_serial_to_date(serial) == day
    assert read_date_cell(serial, TODAY) == (day, None)
    assert read_date_cell(float(serial) + 0.25, TODAY)[0] == day  # a time part is ignored


def test_date_cells_and_unreadable_text() -> None:
    assert read_date_cell(datetime(1990, 8, 12), TODAY) == (date(1990, 8, 12), None)
    assert read_date_cell(date(1990, 8, 12), TODAY) == (date(1990, 8, 12), None)
    assert read_date_cell("1962-04-21", TODAY) == (date(1962, 4, 21), None)
    assert read_date_cell(27525, TODAY) == (date(1975, 5, 11), None)
    found, problem = read_date_cell("31/02/1990", TODAY)
    assert found is None and problem is not None and problem.code == "excel.date_unreadable"
    assert read_date_cell(None, TODAY) == (None, None)


# -- sex, phone, RT/RW, relationships -----------------------------------------------------------------
@given(
    st.sampled_from(["L", "LK", "Laki-laki", "Laki Laki", "Pria", "laki-laki"]).map(lambda s: (s, Sex.MALE))
    | st.sampled_from(["P", "PR", "Perempuan", "Wanita", "perempuan"]).map(lambda s: (s, Sex.FEMALE)),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: f"  {s} "]),
)
def test_sex_spellings(case: tuple[str, Sex], change) -> None:  # type: ignore[no-untyped-def]
    text, sex = case
    assert parse_sex(change(text)) is sex


def test_unknown_sex() -> None:
    assert parse_sex("X") is None and parse_sex("") is None


@given(st.from_regex(r"8[1-9][0-9]{7,10}", fullmatch=True).map(int))
def test_a_phone_that_lost_its_zero(number: int) -> None:
    phone, _ = read_phone_cell(number)
    assert phone == "0" + str(number)


@given(st.text(alphabet="0123456789", min_size=8, max_size=11))
def test_international_phone_spelling(rest: str) -> None:
    local, _ = read_phone_cell("08" + rest)
    international, _ = read_phone_cell("+62 8" + rest)
    assert local == international


def test_rt_rw() -> None:
    assert split_rt_rw("003/004") == ("003", "004")
    assert extract_rt_rw("RT 001 RW 003") == ("", "001", "003")
    assert extract_rt_rw("Jl. Merdeka 5, RT.02/RW.03") == ("Jl. Merdeka 5", "02", "03")
    assert extract_rt_rw("Dusun Rias") == ("Dusun Rias", "", "")


def test_combined_birth_place_and_date() -> None:
    assert split_place_date("Toboali, 12-08-1990", TODAY)[:2] == ("Toboali", date(1990, 8, 12))
    assert split_place_date("Tanjung Labu / 2 Agustus 1980", TODAY)[:2] == ("Tanjung Labu", date(1980, 8, 2))


def test_relationships() -> None:
    assert parse_relationship("Istri") is HeirRelationship.SPOUSE
    assert parse_relationship("SUAMI") is HeirRelationship.SPOUSE
    assert parse_relationship("Anak") is HeirRelationship.CHILD
    assert parse_relationship("Mertua") is HeirRelationship.PARENT_IN_LAW
    assert parse_relationship("Tetangga") is None


# -- villages -----------------------------------------------------------------------------------------
@settings(max_examples=200)
@given(
    st.sampled_from(VILLAGES),
    st.sampled_from(["", "Desa ", "DESA ", "Ds. ", "Kel. ", "kelurahan "]),
    st.sampled_from([str.upper, str.lower, str.title, lambda s: s.replace(" ", "  ")]),
    st.booleans(),
)
def test_every_village_is_found_however_spelled(pair, prefix: str, change, with_district: bool) -> None:  # type: ignore[no-untyped-def]
    district, village = pair
    found = MATCHER.match(prefix + change(village.name), change(district.name) if with_district else "")
    if found.code is None:
        # Only a name shared by two villages of the regency may need the kecamatan.
        assert not with_district and found.findings[0].code == "excel.village_ambiguous"
    else:
        assert found.code == village.code
        assert not [f for f in found.findings if f.is_error]


@settings(max_examples=200)
@given(st.sampled_from(VILLAGES), st.data())
def test_a_small_typo_is_never_matched_to_another_village(pair, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    district, village = pair
    name = village.name
    position = data.draw(st.integers(min_value=0, max_value=len(name) - 1))
    typo = name[:position] + name[position + 1 :]
    found = MATCHER.match(typo, district.name)
    assert found.code in (village.code, None)


def test_clerk_spellings_of_bangka_selatan() -> None:
    assert MATCHER.match("Tj. Labu", "Lepar Pongok").code == "19.03.02.2001"
    assert MATCHER.match("Air Gegas", "").code == "19.03.03.2001"
    assert MATCHER.match("Kel. Toboali", "Toboali").code == "19.03.01.1001"
    assert MATCHER.match("Desa Rias", "TOBOALI").code == "19.03.01.2008"
    assert MATCHER.match("Jelutung 2", "Simpang Rimba").code == "19.03.04.2001"
    guess = MATCHER.match("Riass", "Toboali")
    assert guess.code == "19.03.01.2008" and guess.findings[0].code == "excel.village_guess"
    unknown = MATCHER.match("Antah Berantah", "Toboali")
    assert unknown.code is None and unknown.findings[-1].code == "excel.village_unknown"


@given(st.text(min_size=1, max_size=30))
def test_place_key_ignores_case_and_spacing(name: str) -> None:
    assert place_key(name.upper()) == place_key(" ".join(name.lower().split())) or not name.isascii()


# -- rows to skip and formula neutralisation ---------------------------------------------------------
HEADER = match_header(("No", "NIK", "Nama Lengkap", "L/P", "Desa"))


@pytest.mark.parametrize(
    ("cells", "kind"),
    [
        ((None, None, None), RowKind.BLANK),
        ((31, None, None, None), RowKind.BLANK),
        ((None, "Jumlah", "30 orang"), RowKind.TOTAL),
        ((None, None, "Rias, 12 Agustus 2025", None, "Kepala Desa Rias"), RowKind.SIGNATURE),
        ((None, None, "Mengetahui,"), RowKind.SIGNATURE),
        ((1, "1903011208902835", "Camat", "L", "Rias"), RowKind.DATA),
        ((1, 1903011208902835, "Yusuf", "L", "Rias"), RowKind.DATA),
        ((25, "1903016312042947", None, "P", "Rias"), RowKind.DATA),
        (("No", "NIK", "Nama Lengkap", "L/P", "Desa"), RowKind.HEADER),
    ],
)
def test_row_kinds(cells: tuple, kind: RowKind) -> None:  # type: ignore[type-arg]
    assert HEADER is not None
    assert row_kind(cells, HEADER) is kind


@given(st.text(max_size=20))
def test_neutralised_text_never_starts_a_formula(text: str) -> None:
    out = neutralise(text)
    assert not out or out[0] not in "=+-@\t\r\n"
    assert out in (text, "'" + text)


@pytest.mark.parametrize("text", ["=1+1", "+62812", "-5", "@SUM(A1)", "\tx", "\rx", "\nx"])
def test_formula_like_text_gets_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_serial_boundaries() -> None:
    assert excel_serial_to_date(0) is None
    assert excel_serial_to_date(60) is None
    assert excel_serial_to_date(61) == date(1900, 3, 1)
    assert excel_serial_to_date(1) == date(1900, 1, 1)
    assert excel_serial_to_date(59) == date(1900, 1, 1) + timedelta(days=58)
