"""Proof-of-enrolment cards (*kartu bukti kepesertaan*): what a card says, its serial, its QR payload.

Pure rules, no crypto and no drawing: the signature is made and checked in ``services`` with a kept
library (Ed25519 from ``cryptography``); here the payload is only laid out and parsed.

The QR payload is one line of ASCII, so that a USB scanner typing it as keystrokes gives it back
unchanged (``|`` separates fields; the signature covers everything before the last ``|``)::

    JS1|25-000123|1903012835|AHMADI|12345678901|2601|<86 characters: Ed25519 signature, base64url>

``25-000123`` is the card serial (``25-TL-000123`` for a card printed at the station with code ``TL``:
see :func:`format_serial`), ``1903012835`` the NIK's region and last four digits (``-`` without
a NIK), the name is folded to ASCII capitals and cut at :data:`PAYLOAD_NAME_LENGTH`, the KPJ is empty
until BPJS issues it, ``2601`` is the last funded month (YYMM, empty without a programme). 86 of the
~140 characters are the signature itself, which Ed25519 cannot make shorter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.formatting import MONTHS_ID

PAYLOAD_VERSION = "JS1"
PAYLOAD_NAME_LENGTH = 20
SIGNATURE_B64_LENGTH = 86  # 64 bytes, base64url without padding
#: ID-1 / CR80 card size in millimetres (ISO/IEC 7810) and the usual corner radius.
CARD_WIDTH_MM = 85.60
CARD_HEIGHT_MM = 53.98
CARD_CORNER_MM = 3.18
#: What the worker pays after the funded months (shown on the back when no programme says otherwise).
DEFAULT_MONTHLY_AMOUNT = 16_800
CALL_CENTRE = "175"

#: ``25-000123`` (the office) or ``25-TL-000123`` (a station): year, station code, running number.
_SERIAL_RE = re.compile(r"^(\d{2})-(?:([A-Z]{2,3})-)?(\d{6})$")
#: Letters of station codes the office hands out: no I or O, which read as 1 and 0 on a card.
STATION_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
_STATION_CODE_RE = re.compile(f"^[{STATION_CODE_LETTERS}]{{2,3}}$")
#: ``card_print.serial`` is a String(16): ``YY-CCC-NNNNNN`` is 13.
SERIAL_MAX_LENGTH = 16
_FIELD_RE = {
    "nik": re.compile(r"^(\d{10}|-)$"),
    "kpj": re.compile(r"^(\d{11})?$"),
    "until": re.compile(r"^(\d{4})?$"),
    "name": re.compile(r"^[A-Z0-9 .,'\-]{1," + str(PAYLOAD_NAME_LENGTH) + "}$"),
}


class CardError(JamsosError):
    """A card cannot be printed or checked as asked (exit 2)."""


class CardReason(str, Enum):
    """Why a card is printed (*alasan cetak*). Anything but the first issue is a reprint."""

    FIRST_ISSUE = "first_issue"
    LOST = "lost"
    DAMAGED = "damaged"
    CORRECTED = "corrected"

    @property
    def label(self) -> str:
        return REASON_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return REASON_LABELS[self][1]

    @property
    def is_reprint(self) -> bool:
        return self is not CardReason.FIRST_ISSUE


REASON_LABELS: dict[CardReason, tuple[str, str]] = {
    CardReason.FIRST_ISSUE: ("Cetak pertama", "First issue"),
    CardReason.LOST: ("Hilang", "Lost"),
    CardReason.DAMAGED: ("Rusak", "Damaged"),
    CardReason.CORRECTED: ("Perbaikan data", "Corrected"),
}


class CardLayout(str, Enum):
    """How cards are laid out on paper."""

    SHEET = "sheet"  # A4, 10 cards per page, cut marks, backs mirrored for duplex
    SINGLE = "single"  # one card per page at CR80 size, for PVC card printers
    CEREMONY = "ceremony"  # oversized card on A4 landscape, for a handover

    @property
    def label(self) -> str:
        return {
            CardLayout.SHEET: "Lembar A4 (10 kartu, garis potong)",
            CardLayout.SINGLE: "Satu kartu per halaman (printer kartu PVC)",
            CardLayout.CEREMONY: "Kartu besar seremonial (A4 mendatar)",
        }[self]


@dataclass(frozen=True)
class CardSubject:
    """Everything a card shows about one worker, read from the registry and his programme."""

    worker_id: int
    name: str
    nik: str | None
    kpj: str
    village_name: str
    district_name: str
    programme_id: int | None = None
    programme_name: str = ""
    funders: tuple[str, ...] = ()
    funded_from: tuple[int, int] | None = None  # (year, month)
    funded_to: tuple[int, int] | None = None
    monthly_amount: int = DEFAULT_MONTHLY_AMOUNT
    village_code: str = ""


@dataclass(frozen=True)
class CardContent:
    """One card ready to draw: the subject, its new serial and the signed QR text."""

    subject: CardSubject
    serial: str
    qr_text: str


@dataclass(frozen=True)
class PayloadFields:
    serial: str
    nik_hint: str
    name: str
    kpj: str
    until: str

    def message(self) -> str:
        """The signed part: everything the QR holds except the signature."""
        return "|".join((PAYLOAD_VERSION, self.serial, self.nik_hint, self.name, self.kpj, self.until))

    @property
    def until_month(self) -> tuple[int, int] | None:
        if not self.until:
            return None
        return 2000 + int(self.until[:2]), int(self.until[2:])


@dataclass(frozen=True)
class CardPrint:
    """A recorded print (*catatan cetak*)."""

    serial: str
    worker_id: int
    programme_id: int | None
    printed_at: datetime
    printed_by: str
    reason: CardReason
    layout: CardLayout
    worker_name: str = ""


@dataclass(frozen=True)
class PendingCard:
    """A worker whose card has not been printed yet, in handout order (kecamatan, village, name)."""

    worker_id: int
    name: str
    nik: str | None
    kpj: str
    village_code: str
    village_name: str
    district_name: str


# -- serials and payload ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Serial:
    """A card serial taken apart: two digits of the year, the printing station's code (empty for the
    office) and the running number within that year and station."""

    year: int  # two digits, as printed
    station_code: str
    number: int


def format_serial(year: int, number: int, station_code: str = "") -> str:
    """``25-000123`` at the office; ``25-TL-000123`` at the station with code ``TL``.

    Each station numbers in its own namespace, so a card printed on a village laptop can never take a
    serial the office or another station uses (the office hands out the codes, each once).
    """
    if station_code and not is_station_code(station_code):
        raise ValueError(f"not a station code: {station_code!r}")
    if not 0 <= number <= 999_999:
        raise ValueError(f"running number out of range: {number}")
    middle = f"{station_code}-" if station_code else ""
    return f"{year % 100:02d}-{middle}{number:06d}"


def parse_serial(text: str) -> Serial | None:
    """The parts of a serial of either namespace, or None when ``text`` is not a serial."""
    match = _SERIAL_RE.match(text)
    if match is None:
        return None
    return Serial(int(match.group(1)), match.group(2) or "", int(match.group(3)))


def is_serial(text: str) -> bool:
    return bool(_SERIAL_RE.match(text))


def is_station_code(text: str) -> bool:
    """Two or three capital letters of :data:`STATION_CODE_LETTERS` (what the office hands out)."""
    return bool(_STATION_CODE_RE.match(text))


def station_code_candidates(name: str) -> list[str]:
    """Codes that recall a station's name first (``Tanjung Labu`` -> ``TL``, ``Rias`` -> ``RA``, ``RS``),
    then every two-letter code, then every three-letter code, in a fixed order."""
    folded = unicodedata.normalize("NFKD", name)
    words = ["".join(ch for ch in w.upper() if ch in STATION_CODE_LETTERS) for w in folded.split()]
    words = [w for w in words if w]
    out: list[str] = []
    if len(words) >= 2:
        out.append(words[0][0] + words[1][0])
    if words:
        letters = "".join(words)
        out.extend(letters[0] + ch for ch in letters[1:])
    out.extend(a + b for a in STATION_CODE_LETTERS for b in STATION_CODE_LETTERS)
    return list(dict.fromkeys(out))  # first occurrence of each, order kept


def assign_station_code(name: str, taken: Iterable[str]) -> str:
    """The office's choice of a code for a new station: the first candidate no station holds yet."""
    used = set(taken)
    for code in station_code_candidates(name):
        if code not in used:
            return code
    for a in STATION_CODE_LETTERS:
        for b in STATION_CODE_LETTERS:
            for c in STATION_CODE_LETTERS:
                if a + b + c not in used:
                    return a + b + c
    raise CardError("card.station_codes_exhausted")


def payload_name(name: str) -> str:
    """The name as the QR holds it: ASCII capitals, single spaces, at most 20 characters."""
    folded = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(ch for ch in folded if ord(ch) < 128)
    cleaned = re.sub(r"[^A-Za-z0-9 .,'\-]", " ", ascii_only).upper()
    cleaned = " ".join(cleaned.split())[:PAYLOAD_NAME_LENGTH].rstrip()
    return cleaned or "-"


def nik_hint(nik: str | None) -> str:
    """Region (6 digits) and last four digits of the NIK, or ``-`` for a worker without NIK."""
    if not nik or len(nik) != 16 or not nik.isdigit():
        return "-"
    return nik[:6] + nik[-4:]


def payload_fields(subject: CardSubject, serial: str) -> PayloadFields:
    until = ""
    if subject.funded_to is not None:
        year, month = subject.funded_to
        until = f"{year % 100:02d}{month:02d}"
    kpj = subject.kpj if (len(subject.kpj) == 11 and subject.kpj.isdigit()) else ""
    return PayloadFields(serial, nik_hint(subject.nik), payload_name(subject.name), kpj, until)


def split_payload(text: str) -> tuple[PayloadFields, str]:
    """Parse QR text into its fields and the base64url signature, or raise :class:`CardError`.

    Scanners sometimes add a newline or spaces around what they type; those are ignored.
    """
    text = text.strip()
    if not text:
        raise CardError("card.payload_empty")
    parts = text.split("|")
    if parts[0] != PAYLOAD_VERSION:
        if parts[0].startswith("JS") and len(parts) > 1:
            raise CardError("card.payload_version", version=parts[0][:8])
        raise CardError("card.payload_foreign")
    if len(parts) != 7:
        raise CardError("card.payload_malformed")
    _, serial, nik, name, kpj, until, signature = parts
    checks = {"nik": nik, "kpj": kpj, "until": until, "name": name}
    if not is_serial(serial) or any(not _FIELD_RE[k].match(v) for k, v in checks.items()):
        raise CardError("card.payload_malformed")
    if until and not 1 <= int(until[2:]) <= 12:
        raise CardError("card.payload_malformed")
    if len(signature) != SIGNATURE_B64_LENGTH or not re.fullmatch(r"[A-Za-z0-9_\-]+", signature):
        raise CardError("card.signature_invalid")
    return PayloadFields(serial, nik, name, kpj, until), signature


# -- what the card says -----------------------------------------------------------------------------
def month_label(month: tuple[int, int] | None) -> str:
    if month is None:
        return ""
    return f"{MONTHS_ID[month[1] - 1]} {month[0]}"


def funded_period_text(subject: CardSubject) -> str:
    """``Agustus 2025 – Januari 2026`` or an empty string without a programme."""
    if subject.funded_from is None or subject.funded_to is None:
        return ""
    return f"{month_label(subject.funded_from)} \u2013 {month_label(subject.funded_to)}"


def self_pay_text(subject: CardSubject) -> str:
    """What the worker does after the funded months (DOMAIN.md: pay by the 15th of each month)."""
    from jamsos_desktop.domain.money import format_rupiah

    amount = format_rupiah(subject.monthly_amount)
    return f"Setelah itu {amount} paling lambat tanggal 15 setiap bulan"


# -- handover ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Official:
    """A person at the handover, from one line of the officials text: ``Jabatan: Nama`` or ``Jabatan``."""

    role: str
    name: str = ""


def parse_officials(text: str) -> list[Official]:
    out: list[Official] = []
    for line in text.splitlines():
        line = line.strip(" \t-\u2022")
        if not line:
            continue
        role, sep, name = line.partition(":")
        out.append(Official(role.strip(), name.strip()) if sep else Official(line))
    return out


@dataclass(frozen=True)
class HandoverEventData:
    """A symbolic handover (*penyerahan simbolis*) as the clerk enters it."""

    name: str
    event_date: date
    place: str
    officials: str = ""
    programme_id: int | None = None


@dataclass(frozen=True)
class HandoverEvent(HandoverEventData):
    id: int = 0
    recipients: int = 0


@dataclass(frozen=True)
class HandoverRecipient:
    worker_id: int
    position: int
    name: str
    nik: str | None
    kpj: str
    village_name: str
    occupation: str = ""
    district_name: str = ""


def validate_event(data: HandoverEventData) -> list[str]:
    """Codes of what blocks saving an event."""
    codes = []
    if not data.name.strip():
        codes.append("handover.name_required")
    if not data.place.strip():
        codes.append("handover.place_required")
    if len(data.name) > 200 or len(data.place) > 200:
        codes.append("handover.too_long")
    return codes


_ONES = (
    "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas",
)  # fmt: skip
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def terbilang(n: int) -> str:
    """Indonesian number words, as minutes spell dates: ``2025`` -> ``dua ribu dua puluh lima``."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n < 12:
        return _ONES[n] if n else "nol"
    if n < 20:
        return f"{_ONES[n - 10]} belas"
    if n < 100:
        rest = n % 10
        return f"{_ONES[n // 10]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if n < 200:
        return "seratus" + (f" {terbilang(n - 100)}" if n > 100 else "")
    if n < 1000:
        rest = n % 100
        return f"{_ONES[n // 100]} ratus" + (f" {terbilang(rest)}" if rest else "")
    if n < 2000:
        return "seribu" + (f" {terbilang(n - 1000)}" if n > 1000 else "")
    if n < 1_000_000:
        rest = n % 1000
        return f"{terbilang(n // 1000)} ribu" + (f" {terbilang(rest)}" if rest else "")
    rest = n % 1_000_000
    return f"{terbilang(n // 1_000_000)} juta" + (f" {terbilang(rest)}" if rest else "")


def date_in_words(day: date) -> str:
    """``Rabu tanggal tiga bulan September tahun dua ribu dua puluh lima`` (the minutes' opening)."""
    return (
        f"{DAYS_ID[day.weekday()]} tanggal {terbilang(day.day)} bulan {MONTHS_ID[day.month - 1]} "
        f"tahun {terbilang(day.year)}"
    )
