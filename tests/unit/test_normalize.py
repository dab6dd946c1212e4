"""Names keep the clerk's spelling; phones become 08…; RT/RW get three digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jamsos_desktop.domain.normalize import (
    _search_key_unicode,
    normalize_name,
    normalize_phone,
    normalize_rt_rw,
    search_key,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+62 812-3456-7890", "081234567890"),
        ("62 812 3456 7890", "081234567890"),
        ("0062812345678", "0812345678"),
        ("0812.3456.7890", "081234567890"),
        ("81234567890", "081234567890"),  # lost its leading zero in a spreadsheet
        ("(0717) 421234", "0717421234"),
        ("", ""),
        ("12", None),
        ("+1 202 555 0100", None),
        ("08abc", None),
    ],
)
def test_phones(raw: str, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


@given(st.from_regex(r"8[1-9][0-9]{7,10}", fullmatch=True), st.sampled_from(["0", "62", "+62", "+62 ", "0062"]))
def test_every_spelling_of_a_mobile_number_gives_the_same_08_number(subscriber: str, prefix: str) -> None:
    assert normalize_phone(prefix + subscriber) == "0" + subscriber


@given(st.text())
def test_names_are_trimmed_collapsed_and_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once
    assert once == once.strip()
    assert "  " not in once


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  Hj.   Siti  Ma'rifah ", "Hj. Siti Ma'rifah"), ("MUNIP", "MUNIP"), ("bob\tfauzi", "bob fauzi")],
)
def test_names_keep_the_spelling(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_search_key_ignores_case_and_accents() -> None:
    assert search_key("  Hj. SITI  Ma'rifah") == "hj. siti ma'rifah"
    assert search_key("Andrée") == "andree"


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_ascii_search_key_is_the_unicode_one(text: str) -> None:
    assert search_key(text) == _search_key_unicode(text)


@pytest.mark.parametrize(("raw", "expected"), [("3", "003"), ("003", "003"), ("12", "012"), ("", ""), ("0", "000"), ("1a", None), ("1234", None)])
def test_rt_rw(raw: str, expected: str | None) -> None:
    assert normalize_rt_rw(raw) == expected
