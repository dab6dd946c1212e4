"""Card serials of the office (``25-000123``) and of stations (``25-TL-000123``): round trip, no two
namespaces ever share a serial, codes the office hands out are unique and fit the card and its QR."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.cards import (
    SERIAL_MAX_LENGTH,
    STATION_CODE_LETTERS,
    CardSubject,
    Serial,
    assign_station_code,
    format_serial,
    is_serial,
    is_station_code,
    parse_serial,
    payload_fields,
    split_payload,
)
from jamsos_desktop.services.card_keys import Signer

codes = st.text(alphabet=STATION_CODE_LETTERS, min_size=2, max_size=3)
namespaces = st.one_of(st.just(""), codes)
years = st.integers(min_value=2000, max_value=2099)
numbers = st.integers(min_value=0, max_value=999_999)
#: QR version 7 at level M holds 154 bytes: the card's code stays that size for a station's serials.
QR_V7_M_BYTES = 154


@given(years, namespaces, numbers)
def test_a_serial_of_either_namespace_round_trips_and_fits_the_column(
    year: int, code: str, number: int
) -> None:
    serial = format_serial(year, number, code)
    assert is_serial(serial) and len(serial) <= SERIAL_MAX_LENGTH
    assert parse_serial(serial) == Serial(year % 100, code, number)


@given(years, namespaces, numbers, years, namespaces, numbers)
def test_no_two_places_or_numbers_share_a_serial(
    y1: int, c1: str, n1: int, y2: int, c2: str, n2: int
) -> None:
    same = (y1 % 100, c1, n1) == (y2 % 100, c2, n2)
    assert (format_serial(y1, n1, c1) == format_serial(y2, n2, c2)) == same


@given(st.text(max_size=40), st.sets(codes, max_size=60))
def test_the_office_hands_out_a_free_valid_code(name: str, taken: set[str]) -> None:
    code = assign_station_code(name, taken)
    assert is_station_code(code) and code not in taken


@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=40))
def test_stations_registered_one_after_another_all_get_different_codes(names: list[str]) -> None:
    taken: list[str] = []
    for name in names:
        taken.append(assign_station_code(name, taken))
    assert len(set(taken)) == len(taken)


def test_codes_recall_the_station_name() -> None:
    assert assign_station_code("Tanjung Labu", []) == "TL"
    assert assign_station_code("Rias", []) == "RA"
    assert assign_station_code("Rias", ["RA"]) == "RS"
    assert assign_station_code("Ölmez", []) == "LM"  # folded to ASCII; O is never handed out
    assert "I" not in STATION_CODE_LETTERS and "O" not in STATION_CODE_LETTERS


@pytest.mark.parametrize("text", ["25-000123", "25-TL-000123", "25-BSR-000001", "99-IO-999999"])
def test_old_and_new_serials_parse(text: str) -> None:
    assert parse_serial(text) is not None


@pytest.mark.parametrize(
    "text", ["2025-000123", "25-T-000123", "25-ABCD-000123", "25-tl-000123", "25-TL-00123", "25-12-000123",
             "25--000123", "25-TL000123", ""],
)  # fmt: skip
def test_malformed_serials_do_not_parse(text: str) -> None:
    assert parse_serial(text) is None and not is_serial(text)


def test_format_refuses_what_it_cannot_print() -> None:
    with pytest.raises(ValueError):
        format_serial(2026, 1, "T1")
    with pytest.raises(ValueError):
        format_serial(2026, 1_000_000)


SIGNER = Signer(Ed25519PrivateKey.generate())


@given(years, codes, numbers, st.text(max_size=90))
def test_a_station_serial_travels_in_the_signed_qr_text(year: int, code: str, number: int, name: str) -> None:
    subject = CardSubject(
        worker_id=1, name=name or "X", nik="1903015708850002", kpj="23004580088", village_name="Rias",
        district_name="Toboali", funded_from=(2025, 8), funded_to=(2026, 1),
    )  # fmt: skip
    message = payload_fields(subject, format_serial(year, number, code)).message()
    text = f"{message}|{SIGNER.sign(message.encode('ascii'))}"
    assert len(text.encode()) <= QR_V7_M_BYTES
    fields, signature = split_payload(text)
    assert parse_serial(fields.serial) == Serial(year % 100, code, number)
    assert SIGNER.verify(fields.message().encode("ascii"), signature)
    # The serial is signed: another station's code under the same signature fails.
    other = "AA" if code != "AA" else "AB"
    forged = text.replace(f"-{code}-", f"-{other}-", 1)
    fields, signature = split_payload(forged)
    assert not SIGNER.verify(fields.message().encode("ascii"), signature)
