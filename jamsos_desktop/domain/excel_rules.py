"""Rules for reading the worker lists villages send as spreadsheets (*daftar pekerja rentan*).

Pure Python: no openpyxl here. The service reads cells and hands their values (``str``, ``int``,
``float``, ``datetime``, ``None``) to these functions, which recognise the header, normalise values the
way clerks type them, match village names forgivingly within the regency and tell which rows to skip.

Every problem is a :class:`~jamsos_desktop.domain.errors.Finding` with a stable code whose sentences
live in :mod:`jamsos_desktop.domain.messages` (codes ``excel.*``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from jamsos_desktop.domain.errors import Finding, Severity
from jamsos_desktop.domain.nik import clean_nik
from jamsos_desktop.domain.normalize import normalize_name, normalize_phone
from jamsos_desktop.domain.regions import Region, RegionTable
from jamsos_desktop.domain.worker_types import OCCUPATIONS, HeirRelationship, Sex

CellValue = str | int | float | date | datetime | bool | None


class Column(StrEnum):
    """What a spreadsheet column holds. ``IGNORE`` marks a column the clerk chose to leave out."""

    NUMBER = "number"  # "No", the row counter
    NIK = "nik"
    KK = "kk"
    NAME = "name"
    SEX = "sex"
    BIRTH_PLACE = "birth_place"
    BIRTH_DATE = "birth_date"
    BIRTH_PLACE_DATE = "birth_place_date"  # "Tempat/Tgl Lahir" in one column
    ADDRESS = "address"
    RT_RW = "rt_rw"
    RT = "rt"
    RW = "rw"
    VILLAGE = "village"
    DISTRICT = "district"
    OCCUPATION = "occupation"
    PHONE = "phone"
    INCOME = "income"
    KPJ = "kpj"
    HEIR_NAME = "heir_name"
    HEIR_RELATIONSHIP = "heir_relationship"
    HEIR_NIK = "heir_nik"
    HEIR_PHONE = "heir_phone"
    NOTES = "notes"
    IGNORE = "ignore"

    @property
    def label(self) -> str:
        return COLUMN_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return COLUMN_LABELS[self][1]


COLUMN_LABELS: dict[Column, tuple[str, str]] = {
    Column.NUMBER: ("No", "Row number"),
    Column.NIK: ("NIK", "NIK"),
    Column.KK: ("No KK", "Family card (KK)"),
    Column.NAME: ("Nama Lengkap", "Full name"),
    Column.SEX: ("Jenis Kelamin (L/P)", "Sex (L/P)"),
    Column.BIRTH_PLACE: ("Tempat Lahir", "Birth place"),
    Column.BIRTH_DATE: ("Tanggal Lahir", "Birth date"),
    Column.BIRTH_PLACE_DATE: ("Tempat/Tgl Lahir", "Birth place/date"),
    Column.ADDRESS: ("Alamat", "Address"),
    Column.RT_RW: ("RT/RW", "RT/RW"),
    Column.RT: ("RT", "RT"),
    Column.RW: ("RW", "RW"),
    Column.VILLAGE: ("Desa/Kelurahan", "Village"),
    Column.DISTRICT: ("Kecamatan", "District"),
    Column.OCCUPATION: ("Pekerjaan", "Occupation"),
    Column.PHONE: ("No. HP", "Phone"),
    Column.INCOME: ("Penghasilan", "Declared income"),
    Column.KPJ: ("No KPJ", "KPJ number"),
    Column.HEIR_NAME: ("Nama Ahli Waris", "Heir's name"),
    Column.HEIR_RELATIONSHIP: ("Hubungan Ahli Waris", "Heir's relationship"),
    Column.HEIR_NIK: ("NIK Ahli Waris", "Heir's NIK"),
    Column.HEIR_PHONE: ("No. HP Ahli Waris", "Heir's phone"),
    Column.NOTES: ("Keterangan", "Notes"),
    Column.IGNORE: ("(abaikan)", "(ignore)"),
}


# -- findings -----------------------------------------------------------------------------------------
def _err(column: str, code: str, **params: object) -> Finding:
    return Finding(column, code, Severity.ERROR, dict(params))


def _warn(column: str, code: str, **params: object) -> Finding:
    return Finding(column, code, Severity.WARNING, dict(params))


def cell_text(value: CellValue) -> str:
    """The text of a cell as a clerk sees it (integral floats without ``.0``)."""
    if value.__class__ is str:  # most cells: first, and without isinstance (called ~20 times a row)
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y") if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


# -- header recognition -------------------------------------------------------------------------------
@lru_cache(maxsize=4096)
def header_key(text: CellValue) -> str:
    """``"N I K"``, ``"n.i.k."``, ``"No. HP"`` -> ``"nik"``, ``"nik"``, ``"nohp"``: letters and digits only.

    Cached: sexes, relationships and occupations repeat on every row of a list."""
    raw = unicodedata.normalize("NFKD", cell_text(text)).casefold()
    return "".join(c for c in raw if c.isalnum())


_HEADERS: dict[str, Column] = {}


def _alias(column: Column, *spellings: str) -> None:
    for spelling in spellings:
        _HEADERS[header_key(spelling)] = column


_alias(Column.NUMBER, "No", "No.", "Nomor", "No Urut", "Nomor Urut")
_alias(
    Column.NIK,
    "NIK",
    "N I K",
    "No NIK",
    "Nomor NIK",
    "NIK KTP",
    "No KTP",
    "Nomor KTP",
    "NIK Peserta",
    "Nomor Induk Kependudukan",
    "NIK Pekerja",
)
_alias(Column.KK, "No KK", "KK", "Nomor KK", "No Kartu Keluarga", "Nomor Kartu Keluarga", "NKK")
_alias(
    Column.NAME,
    "Nama",
    "Nama Lengkap",
    "Nama Pekerja",
    "Nama Peserta",
    "Nama Sesuai KTP",
    "Nama (sesuai KTP)",
    "Nama Tenaga Kerja",
)
_alias(
    Column.SEX,
    "L/P",
    "JK",
    "J/K",
    "Jenis Kelamin",
    "Jns Kelamin",
    "Jenis Kel",
    "Kelamin",
    "Sex",
    "Gender",
    "Jenis Kelamin (L/P)",
    "LK/PR",
)
_alias(Column.BIRTH_PLACE, "Tempat Lahir", "Tmp Lahir", "Tmpt Lahir", "Tempat Lhr")
_alias(
    Column.BIRTH_DATE,
    "Tanggal Lahir",
    "Tgl Lahir",
    "Tgl. Lahir",
    "Tgl Lhr",
    "Tanggal Lhr",
    "Tanggal Lahir (dd-mm-yyyy)",
    "Tanggal Lahir (hh-bb-tttt)",
    "Tgl Lahir (dd/mm/yyyy)",
)
_alias(
    Column.BIRTH_PLACE_DATE,
    "Tempat/Tgl Lahir",
    "Tempat, Tanggal Lahir",
    "Tempat/Tanggal Lahir",
    "TTL",
    "Tempat Tgl Lahir",
    "Tmp/Tgl Lahir",
    "Tempat & Tgl Lahir",
)
_alias(Column.ADDRESS, "Alamat", "Alamat Lengkap", "Alamat Rumah", "Dusun", "Alamat (Dusun/Jalan)")
_alias(Column.RT_RW, "RT/RW", "RT RW", "RT / RW")
_alias(Column.RT, "RT")
_alias(Column.RW, "RW")
_alias(
    Column.VILLAGE,
    "Desa",
    "Kelurahan",
    "Desa/Kelurahan",
    "Desa/Kel",
    "Desa / Kelurahan",
    "Kel/Desa",
    "Kelurahan/Desa",
    "Nama Desa",
)
_alias(Column.DISTRICT, "Kecamatan", "Kec", "Kec.", "Nama Kecamatan")
_alias(Column.OCCUPATION, "Pekerjaan", "Jenis Pekerjaan", "Profesi", "Mata Pencaharian", "Pekerjaan Utama")
_alias(
    Column.PHONE,
    "No HP",
    "No. HP",
    "HP",
    "No Telp",
    "No. Telp",
    "Telepon",
    "No Telepon",
    "Nomor HP",
    "No HP/WA",
    "No WA",
    "WA",
    "Nomor Telepon",
    "Handphone",
    "No. HP/WA",
    "Kontak",
)
_alias(Column.INCOME, "Penghasilan", "Upah", "Penghasilan Per Bulan", "Penghasilan (Rp)", "Upah Dilaporkan")
_alias(
    Column.KPJ,
    "KPJ",
    "No KPJ",
    "Nomor KPJ",
    "No. KPJ",
    "Nomor Peserta",
    "No Peserta",
    "No Kartu BPJS",
    "Nomor Kartu Peserta",
)
_alias(Column.HEIR_NAME, "Ahli Waris", "Nama Ahli Waris", "Nama Ahliwaris", "Ahliwaris")
_alias(
    Column.HEIR_RELATIONSHIP,
    "Hubungan",
    "Hubungan Ahli Waris",
    "Hub. Ahli Waris",
    "Hubungan Keluarga",
    "Hub",
    "Hubungan dgn Peserta",
    "Hubungan Dengan Peserta",
)
_alias(Column.HEIR_NIK, "NIK Ahli Waris", "NIK Ahliwaris")
_alias(Column.HEIR_PHONE, "No HP Ahli Waris", "HP Ahli Waris", "Telp Ahli Waris")
_alias(Column.NOTES, "Keterangan", "Ket", "Ket.", "Catatan")


def recognise_column(text: CellValue) -> Column | None:
    """The column a header cell names, or None when it is not a known spelling."""
    key = header_key(text)
    if not key:
        return None
    found = _HEADERS.get(key)
    if found is not None:
        return found
    # Longer headers: "Nama Ahli Waris (Istri/Anak)", "Tanggal Lahir (dd-mm-yyyy)".
    if "waris" in key:
        if "nik" in key:
            return Column.HEIR_NIK
        if "hp" in key or "telp" in key:
            return Column.HEIR_PHONE
        if "hub" in key:
            return Column.HEIR_RELATIONSHIP
        return Column.HEIR_NAME
    for prefix, column in (
        ("tempattgl", Column.BIRTH_PLACE_DATE),
        ("tempattanggal", Column.BIRTH_PLACE_DATE),
        ("tanggallahir", Column.BIRTH_DATE),
        ("tgllahir", Column.BIRTH_DATE),
        ("tempatlahir", Column.BIRTH_PLACE),
        ("jeniskelamin", Column.SEX),
        ("namalengkap", Column.NAME),
        ("nohp", Column.PHONE),
        ("nomorhp", Column.PHONE),
        ("desakel", Column.VILLAGE),
        ("kecamatan", Column.DISTRICT),
        ("pekerjaan", Column.OCCUPATION),
        ("nik", Column.NIK),
    ):
        if key.startswith(prefix):
            return column
    return None


@dataclass(frozen=True)
class HeaderMatch:
    """A recognised header row: which column index holds which field, and the columns not understood."""

    row_index: int  # 0-based position among the rows looked at
    columns: dict[int, Column]
    headers: tuple[str, ...]
    unknown: tuple[int, ...]

    def index_of(self, column: Column) -> int | None:
        for index, found in self.columns.items():
            if found is column:
                return index
        return None


def match_header(cells: Sequence[CellValue], row_index: int = 0) -> HeaderMatch | None:
    """Recognise ``cells`` as a worker-list header: at least three known columns, NIK or name among them.

    A spelling used twice keeps its first column (a second "Nama" is usually the heir's, so it stays
    unknown and the clerk maps it).
    """
    columns: dict[int, Column] = {}
    unknown: list[int] = []
    taken: set[Column] = set()
    headers = tuple(normalize_name(cell_text(c)) for c in cells)
    for index, text in enumerate(headers):
        if not text:
            continue
        column = recognise_column(text)
        if column is None or (column in taken and column is not Column.IGNORE):
            unknown.append(index)
            continue
        columns[index] = column
        taken.add(column)
    if len(columns) < 3 or not ({Column.NIK, Column.NAME} & taken):
        return None
    # "RT" and "RW" side by side under a merged "RT/RW" are fine; a bare "No" alone is not a header.
    return HeaderMatch(row_index, columns, headers, tuple(unknown))


def find_header(rows: Iterable[Sequence[CellValue]], *, max_rows: int = 30) -> HeaderMatch | None:
    """The best header among the first ``max_rows`` rows (the one recognising most columns)."""
    best: HeaderMatch | None = None
    for index, cells in enumerate(rows):
        if index >= max_rows:
            break
        found = match_header(cells, index)
        if found is not None and (best is None or len(found.columns) > len(best.columns)):
            best = found
    return best


# -- value normalisers --------------------------------------------------------------------------------
NO_NIK_PHRASES = frozenset(
    header_key(p)
    for p in ("belum ada", "belum punya", "belum ada nik", "belum punya nik", "tidak ada", "tanpa nik")
)
_SCIENTIFIC = re.compile(r"^\s*\d(?:[.,]\d+)?[eE]\+?\d+\s*$")


@dataclass(frozen=True)
class NikCell:
    """A NIK read from a cell: the cleaned text, ``no_nik`` for an explicit "belum ada", or an error."""

    text: str = ""
    no_nik: bool = False
    error: Finding | None = None


def read_nik_cell(value: CellValue, column: str = "nik") -> NikCell:
    """NIK text from a cell. A number (or its scientific text) is refused: Excel keeps 15 digits only."""
    if value is None:
        return NikCell()
    if isinstance(value, bool):
        return NikCell(error=_err(column, "nik.digits"))
    if isinstance(value, int | float):
        shown = cell_text(value) if (isinstance(value, int) or value.is_integer()) else repr(value)
        return NikCell(error=_err(column, "excel.nik_number", value=shown))
    if isinstance(value, date):
        return NikCell(error=_err(column, "nik.digits"))
    text = str(value).strip()
    if _SCIENTIFIC.match(text):
        return NikCell(error=_err(column, "excel.nik_number", value=text))
    if not text[:1].isdigit() and header_key(text) in NO_NIK_PHRASES:
        return NikCell(no_nik=True)
    return NikCell(text=clean_nik(text))


def read_identifier(value: CellValue, length: int) -> tuple[str, bool]:
    """KK or KPJ text from a cell; ``damaged`` when a long number was stored as a number (> 15 digits)."""
    if value is None:
        return "", False
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = cell_text(value)
        return text, length > 15
    return clean_nik(str(value)), False


MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "jan", "january"),
        ("februari", "feb", "pebruari", "peb", "february"),
        ("maret", "mar", "march", "mrt"),
        ("april", "apr"),
        ("mei", "may"),
        ("juni", "jun", "june"),
        ("juli", "jul", "july"),
        ("agustus", "agu", "agt", "ags", "agst", "aug", "august", "agus"),
        ("september", "sep", "sept", "spt"),
        ("oktober", "okt", "oct", "october"),
        ("november", "nov", "nop", "nopember"),
        ("desember", "des", "dec", "december"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

_NUMERIC_DATE = re.compile(r"^(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,4})$")
_WORD_DATE = re.compile(r"^(\d{1,2})\s*[\s\-/.]\s*([a-z]+)\.?\s*[\s\-/.,]\s*(\d{2,4})$")
_EIGHT_DIGITS = re.compile(r"^\d{8}$")
#: Excel's 1900 date system: serial 1 is 1900-01-01, and 60 is the non-existent 1900-02-29.
_EXCEL_EPOCH = date(1899, 12, 30)
MAX_EXCEL_SERIAL = 2_958_465  # 9999-12-31


def excel_serial_to_date(serial: float) -> date | None:
    """A date from an Excel serial number (1900 system), or None when it is not one."""
    if serial != serial or serial < 1 or serial > MAX_EXCEL_SERIAL:  # NaN or out of range
        return None
    whole = int(serial)
    if whole < 60:
        return date(1899, 12, 31) + timedelta(days=whole)
    if whole == 60:
        return None  # 1900-02-29 never existed
    return _EXCEL_EPOCH + timedelta(days=whole)


def _dated(year_text: str, month: int, day: int, today: date) -> date:
    """The date; a year of one or two digits takes the latest century that does not put the date in the
    future (on 24-11-2026, "1-12-26" is 1 December 1926, "1-11-26" is 1 November 2026)."""
    year = int(year_text)
    if len(year_text) > 2:
        return date(year, month, day)
    recent = date(2000 + year, month, day)
    return recent if recent <= today else date(1900 + year, month, day)


def parse_date_text(text: str, today: date) -> date | None:
    """``13/02/1983``, ``22-5-85``, ``1962-04-21``, ``2 Agustus 1980``, ``02-Agu-80``, ``12081990``."""
    raw = " ".join(text.strip().casefold().replace(",", " ").split())
    if not raw:
        return None
    try:
        found = _NUMERIC_DATE.match(raw)
        if found:
            a, b, c = found.groups()
            if len(a) == 4:  # ISO order y-m-d
                return date(int(a), int(b), int(c))
            if len(c) in (2, 4) and len(a) <= 2:  # Indonesian order d/m/y
                return _dated(c, int(b), int(a), today)
            return None
        found = _WORD_DATE.match(raw)
        if found:
            day, month_name, year = found.groups()
            month = MONTHS.get(month_name)
            if month is None:
                return None
            return _dated(year, month, int(day), today)
        if _EIGHT_DIGITS.match(raw):  # ddmmyyyy typed without separators
            return date(int(raw[4:8]), int(raw[2:4]), int(raw[0:2]))
    except ValueError:
        return None
    return None


def read_date_cell(
    value: CellValue, today: date, column: str = "birth_date"
) -> tuple[date | None, Finding | None]:
    """A date from a date cell, an Excel serial number or text; a finding when it cannot be read."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, datetime):
        return value.date(), None
    if isinstance(value, date):
        return value, None
    if isinstance(value, bool):
        return None, _err(column, "excel.date_unreadable", value=cell_text(value))
    if isinstance(value, int | float):
        parsed = excel_serial_to_date(float(value))
        if parsed is None:
            return None, _err(column, "excel.date_unreadable", value=cell_text(value))
        return parsed, None
    parsed = parse_date_text(str(value), today)
    if parsed is None:
        return None, _err(column, "excel.date_unreadable", value=str(value).strip())
    return parsed, None


_SEXES: dict[str, Sex] = {}
for _spelling in ("l", "lk", "laki", "lakilaki", "laki2", "pria", "m", "male", "cowok", "lelaki", "1"):
    _SEXES[_spelling] = Sex.MALE
for _spelling in ("p", "pr", "prp", "perempuan", "wanita", "w", "f", "female", "cewek", "2"):
    _SEXES[_spelling] = Sex.FEMALE


def parse_sex(value: CellValue) -> Sex | None:
    """``L``, ``LK``, ``Laki-laki``, ``Pria`` -> L; ``P``, ``PR``, ``Perempuan``, ``Wanita`` -> P."""
    return _SEXES.get(header_key(value))


def read_sex_cell(value: CellValue, column: str = "sex") -> tuple[Sex | None, Finding | None]:
    text = cell_text(value).strip()
    if not text:
        return None, None
    sex = parse_sex(text)
    return sex, None if sex is not None else _err(column, "excel.sex_unknown", value=text)


def read_phone_cell(value: CellValue) -> tuple[str, str]:
    """(normalised phone or "", the text as typed). A number cell is read as its digits (zero lost)."""
    text = cell_text(value).strip()
    if isinstance(value, float) and not value.is_integer():
        return "", text
    normalised = normalize_phone(text)
    return (normalised if normalised is not None else "\x00"), text


_RT_RW = re.compile(r"\bRT\.?\s*:?\s*(\d{1,3})\s*[/,]?\s*(?:RW\.?\s*:?\s*(\d{1,3}))?", re.IGNORECASE)
_RT_SLASH_RW = re.compile(r"^\s*(\d{1,3})\s*[/\-.]\s*(\d{1,3})\s*$")


def split_rt_rw(text: str) -> tuple[str, str] | None:
    """``"003/004"``, ``"3/4"``, ``"RT 003 RW 004"`` -> ``("003", "004")`` (unpadded as typed)."""
    found = _RT_SLASH_RW.match(text)
    if found:
        return found.group(1), found.group(2)
    found = _RT_RW.search(text)
    if found:
        return found.group(1), found.group(2) or ""
    return None


def extract_rt_rw(address: str) -> tuple[str, str, str]:
    """Pull "RT 001 RW 003" out of an address: (rest of the address, rt, rw)."""
    found = _RT_RW.search(address)
    if not found:
        return address, "", ""
    rest = (address[: found.start()] + " " + address[found.end() :]).strip(" ,;/-")
    return normalize_name(rest), found.group(1), found.group(2) or ""


_PLACE_DATE = re.compile(r"^(?P<place>.*?)[\s,/;]+(?P<date>\d{1,2}\s*[\s\-/.]\s*\S+\s*[\s\-/.]\s*\d{2,4})$")


def split_place_date(value: CellValue, today: date) -> tuple[str, date | None, str]:
    """``"Toboali, 12-08-1990"`` or ``"Toboali / 12 Agustus 1990"`` -> (place, date, date text)."""
    if isinstance(value, datetime | date):
        return "", value if not isinstance(value, datetime) else value.date(), ""
    text = normalize_name(cell_text(value))
    found = _PLACE_DATE.match(text)
    if not found:
        return text.strip(" ,/"), None, ""
    date_text = found.group("date")
    return found.group("place").strip(" ,/"), parse_date_text(date_text, today), date_text


_RELATIONSHIPS: dict[str, HeirRelationship] = {}
for _rel, _spellings in (
    (
        HeirRelationship.SPOUSE,
        ("istri", "isteri", "suami", "pasangan", "suamiistri", "janda", "duda", "bini"),
    ),
    (HeirRelationship.CHILD, ("anak", "anakkandung", "anakangkat", "anaktiri", "putra", "putri")),
    (HeirRelationship.PARENT, ("ayah", "ibu", "bapak", "orangtua", "ortu", "ayahkandung", "ibukandung")),
    (HeirRelationship.GRANDCHILD, ("cucu",)),
    (HeirRelationship.GRANDPARENT, ("kakek", "nenek")),
    (
        HeirRelationship.SIBLING,
        ("kakak", "adik", "saudara", "saudarakandung", "abang", "adikkandung", "kakakkandung"),
    ),
    (HeirRelationship.PARENT_IN_LAW, ("mertua", "bapakmertua", "ibumertua")),
    (HeirRelationship.WILL, ("wasiat", "penerimawasiat")),
):
    for _spelling in _spellings:
        _RELATIONSHIPS[_spelling] = _rel


def parse_relationship(value: CellValue) -> HeirRelationship | None:
    """``Istri``/``Suami`` -> spouse, ``Anak`` -> child, ``Ibu`` -> parent, ``Mertua`` -> parent-in-law."""
    key = header_key(value)
    if key in _RELATIONSHIPS:
        return _RELATIONSHIPS[key]
    for relation in HeirRelationship:
        if key in (header_key(relation.label), header_key(relation.value)):
            return relation
    return None


_OCCUPATION_KEYS: dict[str, str] = {}


def canonical_occupation(text: str) -> str:
    """The list's spelling when the clerk typed a known occupation in other capitals; else as typed."""
    if not _OCCUPATION_KEYS:
        _OCCUPATION_KEYS.update({header_key(known): known for known in OCCUPATIONS})
    return _OCCUPATION_KEYS.get(header_key(text)) or normalize_name(text)


def read_income(value: CellValue) -> int | None:
    """Whole rupiah from ``1000000``, ``"1.000.000"``, ``"Rp 1.000.000"``, ``"1,5 juta"``; None if unreadable."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(round(value))
    text = cell_text(value).casefold().replace("rp", "").replace(" ", "")
    if not text:
        return None
    million = text.endswith("juta")
    if million:
        text = text[:-4].replace(",", ".")
        try:
            return int(round(float(text) * 1_000_000))
        except ValueError:
            return None
    text = re.sub(r"[.,]00$", "", text).replace(".", "").replace(",", "")
    return int(text) if text.isdigit() else None


# -- rows to skip -------------------------------------------------------------------------------------
class RowKind(StrEnum):
    DATA = "data"
    BLANK = "blank"
    TOTAL = "total"
    SIGNATURE = "signature"
    HEADER = "header"  # the header repeated (lists printed across pages)


_TOTAL_WORDS = ("jumlah", "total", "jml", "subtotal", "grandtotal")
_SIGNATURE_WORDS = (
    "kepaladesa",
    "kades",
    "lurah",
    "kepalakelurahan",
    "mengetahui",
    "menyetujui",
    "camat",
    "sekretaris",
    "sekdes",
    "ttd",
    "tandatangan",
    "nip",
    "dibuatoleh",
    "diketahuioleh",
    "pejabat",
    "kepaladinas",
)
_DATE_LINE = re.compile(r"^[A-Za-z .'-]+,\s*\d{1,2}\s+[A-Za-z]+\s+\d{4}$")  # "Rias, 12 Agustus 2025"


def row_kind(cells: Sequence[CellValue], header: HeaderMatch) -> RowKind:
    """Whether a row below the header holds a worker, or is blank, a totals line or a signature block.

    A row with something that looks like a NIK (a number, or six digits or more) is always data, so a
    worker is never skipped because his name happens to be "Camat".
    """
    nik_index = header.index_of(Column.NIK)
    if nik_index is not None and nik_index < len(cells):
        nik_value = cells[nik_index]
        if isinstance(nik_value, int | float) and not isinstance(nik_value, bool):
            return RowKind.DATA
        if isinstance(nik_value, str) and (
            (len(nik_value) >= 6 and nik_value.isdigit()) or sum(map(str.isdigit, nik_value)) >= 6
        ):
            return RowKind.DATA
    texts = [cell_text(c).strip() for c in cells]
    meaningful = [(i, t) for i, t in enumerate(texts) if t and header.columns.get(i) not in (Column.NUMBER,)]
    if not meaningful:
        return RowKind.BLANK
    keys = [header_key(t) for _, t in meaningful]
    if sum(1 for i, t in meaningful if recognise_column(t) is header.columns.get(i)) >= 3:
        return RowKind.HEADER
    if any(k.startswith(_TOTAL_WORDS) for k in keys):
        return RowKind.TOTAL
    if any(any(w in k for w in _SIGNATURE_WORDS) for k in keys) or any(
        _DATE_LINE.match(t) for _, t in meaningful
    ):
        name_index = header.index_of(Column.NAME)
        has_name = name_index is not None and name_index < len(texts) and bool(texts[name_index])
        if not has_name or len(meaningful) <= 2:
            return RowKind.SIGNATURE
    # Column numbers under the header ("1 2 3 4 ...") printed by some templates.
    if all(t.isdigit() for _, t in meaningful) and len(meaningful) >= 3:
        values = [int(t) for _, t in meaningful]
        if values == list(range(values[0], values[0] + len(values))):
            return RowKind.HEADER
    return RowKind.DATA


# -- villages -----------------------------------------------------------------------------------------
_PREFIXES = re.compile(
    r"^(?:desa|ds|kelurahan|kel|kampung|kp|kec|kecamatan|kabupaten|kab)\b\.?\s*", re.IGNORECASE
)
_ABBREVIATIONS = (
    (re.compile(r"\b(?:tj|tg|tjg|tanjong)\b\.?\s*", re.IGNORECASE), "tanjung "),
    (re.compile(r"\bsp\b\.?\s*", re.IGNORECASE), "simpang "),
    (re.compile(r"\bpkl\b\.?\s*", re.IGNORECASE), "pangkal "),
    (re.compile(r"\bbt\b\.?\s*", re.IGNORECASE), "batu "),
    (re.compile(r"\bkep\b\.?\s*", re.IGNORECASE), "kepulauan "),
    (re.compile(r"\bp\b\.\s*", re.IGNORECASE), "pulau "),
)
_ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}


def place_key(text: str) -> str:
    """A comparison key for a place name: no prefix, abbreviations spelled out, letters and digits only."""
    raw = normalize_name(unicodedata.normalize("NFKC", text))
    previous = None
    while previous != raw:  # "Desa Kel. X" -> "X"
        previous = raw
        raw = _PREFIXES.sub("", raw).strip()
    for pattern, replacement in _ABBREVIATIONS:
        raw = pattern.sub(replacement, raw)
    words = raw.casefold().replace("-", " ").split()
    words = [_ROMAN.get(w, w) for w in words]  # "Jelutung 2" = "Jelutung II"
    return "".join(c for c in "".join(words) if c.isalnum())


def _kind_hint(text: str) -> str | None:
    """``"kel"`` when the clerk wrote "Kel."/"Kelurahan", ``"desa"`` for "Desa"/"Ds.", else None."""
    head = text.strip().casefold()
    if re.match(r"^(kelurahan|kel)\b", head):
        return "kel"
    if re.match(r"^(desa|ds)\b", head):
        return "desa"
    return None


#: Old or popular kecamatan names that now cover several kecamatan, per regency (dotted codes).
DISTRICT_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "19.03": {
        # Lepar Pongok was split into Lepar and Kepulauan Pongok (2012).
        "leparpongok": ("19.03.02", "19.03.08"),
        "pongok": ("19.03.08",),
        "lepar": ("19.03.02",),
        "airgegas": ("19.03.03",),
    },
}


@dataclass(frozen=True)
class VillageMatch:
    """The outcome of placing a typed village: its code, and any finding (error or warning)."""

    code: str | None
    findings: tuple[Finding, ...] = ()
    candidates: tuple[str, ...] = field(default=())


class VillageMatcher:
    """Finds a village of the regency from what the clerk typed (and the kecamatan, when given).

    Exact matches after normalising (case, prefixes, spaces, "Tj." -> Tanjung) are silent; a small typo
    is accepted with a warning when one village is clearly closest; anything else is an error.
    """

    FUZZY_CUTOFF = 0.8

    def __init__(self, regions: RegionTable, regency_code: str) -> None:
        self.regency_code = regency_code
        self._regions = regions
        self._districts: dict[str, list[str]] = {}  # key -> district codes
        self._villages: dict[str, list[Region]] = {}  # key -> villages (same name may exist twice)
        self._by_district: dict[str, dict[str, list[Region]]] = {}
        for district in regions.districts(regency_code):
            self._districts.setdefault(place_key(district.name), []).append(district.code)
            inside = self._by_district.setdefault(district.code, {})
            for village in regions.villages(district.code):
                key = place_key(village.name)
                self._villages.setdefault(key, []).append(village)
                inside.setdefault(key, []).append(village)
        for alias, codes in DISTRICT_ALIASES.get(regency_code, {}).items():
            known = [c for c in codes if c in self._by_district]
            if known:
                self._districts.setdefault(alias, known)
        self._cache: dict[tuple[str, str], VillageMatch] = {}

    def district_codes(self, text: str) -> list[str] | None:
        """Kecamatan codes named by ``text`` ([] when unknown, None when empty)."""
        key = place_key(text)
        if not key:
            return None
        if key in self._districts:
            return list(self._districts[key])
        close = difflib.get_close_matches(key, list(self._districts), n=2, cutoff=self.FUZZY_CUTOFF)
        if len(close) == 1 or (len(close) == 2 and self._districts[close[0]] == self._districts[close[1]]):
            return list(self._districts[close[0]])
        return []

    def match(self, village_text: str, district_text: str = "", column: str = "village") -> VillageMatch:
        cache_key = (village_text, district_text)
        found = self._cache.get(cache_key)
        if found is None:
            found = self._match(village_text, district_text, column)
            if len(self._cache) < 10_000:
                self._cache[cache_key] = found
        return found

    def _match(self, village_text: str, district_text: str, column: str) -> VillageMatch:
        typed = normalize_name(village_text)
        key = place_key(typed)
        if not key:
            return VillageMatch(None, (_err(column, "village.required"),))
        hint = _kind_hint(typed)
        districts = self.district_codes(district_text)
        findings: list[Finding] = []
        if districts == []:
            findings.append(_warn("district", "excel.district_unknown", name=normalize_name(district_text)))
            districts = None

        def prefer(candidates: list[Region]) -> list[Region]:
            if len(candidates) > 1 and hint is not None:
                wanted = [c for c in candidates if c.is_kelurahan == (hint == "kel")]
                if wanted:
                    return wanted
            return candidates

        def pool(codes: list[str] | None) -> dict[str, list[Region]]:
            if codes is None:
                return self._villages
            merged: dict[str, list[Region]] = {}
            for code in codes:
                for k, v in self._by_district.get(code, {}).items():
                    merged.setdefault(k, []).extend(v)
            return merged

        def describe(region: Region) -> str:
            return self._regions.describe(region.code)

        inside = pool(districts)
        exact = prefer(inside.get(key, []))
        if len(exact) == 1:
            return VillageMatch(exact[0].code, tuple(findings))
        if len(exact) > 1:
            names = tuple(describe(r) for r in exact)
            return VillageMatch(
                None,
                (*findings, _err(column, "excel.village_ambiguous", name=typed, candidates="; ".join(names))),
                tuple(r.code for r in exact),
            )
        if districts is not None:
            # Typed kecamatan may be wrong: the village exists elsewhere in the regency.
            elsewhere = prefer(self._villages.get(key, []))
            if len(elsewhere) == 1:
                region = elsewhere[0]
                return VillageMatch(
                    region.code,
                    (
                        *findings,
                        _warn(
                            column,
                            "excel.village_other_district",
                            name=typed,
                            district=normalize_name(district_text),
                            found=describe(region),
                        ),
                    ),
                )
        close = difflib.get_close_matches(key, list(inside), n=3, cutoff=self.FUZZY_CUTOFF)
        if close:
            best = prefer(inside[close[0]])
            ratio_best = difflib.SequenceMatcher(None, key, close[0]).ratio()
            runner_up = difflib.SequenceMatcher(None, key, close[1]).ratio() if len(close) > 1 else 0.0
            if len(best) == 1 and ratio_best - runner_up >= 0.05:
                return VillageMatch(
                    best[0].code,
                    (*findings, _warn(column, "excel.village_guess", name=typed, found=describe(best[0]))),
                )
            names = tuple(describe(r) for c in close for r in inside[c])
            return VillageMatch(
                None,
                (*findings, _err(column, "excel.village_ambiguous", name=typed, candidates="; ".join(names))),
                tuple(r.code for c in close for r in inside[c]),
            )
        return VillageMatch(
            None,
            (
                *findings,
                _err(
                    column,
                    "excel.village_unknown",
                    name=typed,
                    regency=self._regions.name(self.regency_code) or self.regency_code,
                ),
            ),
        )


# -- spreadsheet safety -------------------------------------------------------------------------------
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(text: str) -> str:
    """OWASP CSV/formula injection: a text that a spreadsheet would run as a formula gets a leading ``'``."""
    if text and text[0] in FORMULA_TRIGGERS:
        return "'" + text
    return text


def column_letter(index: int) -> str:
    """0 -> ``A``, 25 -> ``Z``, 26 -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


__all__ = [
    "Column",
    "HeaderMatch",
    "NikCell",
    "RowKind",
    "VillageMatch",
    "VillageMatcher",
    "cell_text",
    "column_letter",
    "excel_serial_to_date",
    "extract_rt_rw",
    "find_header",
    "header_key",
    "match_header",
    "neutralise",
    "parse_date_text",
    "parse_relationship",
    "parse_sex",
    "place_key",
    "read_date_cell",
    "read_income",
    "read_nik_cell",
    "read_phone_cell",
    "read_sex_cell",
    "recognise_column",
    "row_kind",
    "split_place_date",
    "split_rt_rw",
]
