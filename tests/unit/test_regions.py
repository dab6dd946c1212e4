"""The shipped Kemendagri 2025 table is complete and read the way NIKs use it."""

from __future__ import annotations

from collections import Counter

from jamsos_desktop.domain.regions import Level, RegionTable, default_table, dotted
from jamsos_desktop.resources_path import resource_path


def test_counts_match_kepmendagri_2025() -> None:
    table = default_table()
    levels = Counter(table.get(code).level for code in table._names)  # type: ignore[union-attr]
    assert len(table) == 91_599
    assert levels[Level.PROVINCE] == 38
    assert levels[Level.REGENCY] == 514
    assert levels[Level.DISTRICT] == 7_285
    assert levels[Level.VILLAGE] == 83_762


def test_bangka_selatan() -> None:
    table = default_table()
    assert table.name("19.03") == "Kabupaten Bangka Selatan"
    districts = table.districts("19.03")
    assert [d.name for d in districts] == [
        "Toboali", "Lepar", "Airgegas", "Simpang Rimba", "Payung", "Tukak Sadai", "Pulau Besar", "Kepulauan Pongok",
    ]  # fmt: skip
    assert len(table.villages_of_regency("19.03")) == 53
    rias = table.get("19.03.01.2008")
    assert rias is not None and rias.name == "Rias" and not rias.is_kelurahan
    assert table.get("19.03.01.1001").is_kelurahan  # type: ignore[union-attr]
    assert table.describe("19.03.01.2008") == "Rias, Toboali, Kabupaten Bangka Selatan"


def test_names_with_commas_survive() -> None:
    assert default_table().name("12.07.28.1007") == "Lubuk Pakam I,II"


def test_dotted() -> None:
    assert dotted("190301") == "19.03.01"
    assert dotted("1903012008") == "19.03.01.2008"
    assert dotted("19.03") == "19.03"


def test_mit_notice_ships_with_the_data() -> None:
    notice = resource_path("regions/NOTICE-wilayah.md").read_text(encoding="utf-8")
    assert "Copyright (c) 2017-2025 Cahya DSN" in notice
    assert "MIT" in notice


def test_a_table_with_irregular_lines_is_read_line_by_line() -> None:
    regular = RegionTable.from_tsv("19\tKepulauan Bangka Belitung\n19.03\tKabupaten Bangka Selatan\n")
    assert regular.name("19.03") == "Kabupaten Bangka Selatan" and len(regular) == 2
    # A blank line, a line without a name, a tab inside a name: the same rules as the shipped table's.
    odd = RegionTable.from_tsv("19\tKepulauan Bangka Belitung\n\n19.03\n19.03.01\tToboali\tlama\n\tno code\n")
    assert [(c, odd.name(c)) for c in ("19", "19.03", "19.03.01")] == [
        ("19", "Kepulauan Bangka Belitung"), ("19.03", ""), ("19.03.01", "Toboali\tlama")
    ]  # fmt: skip
    assert len(odd) == 3
