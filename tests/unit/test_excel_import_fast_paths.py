"""The importer's shortcuts give exactly what the plain code gives: records built without the dataclass
constructor, per-import memos of cell rules, the audit values of new workers, and batched UUIDs."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.excel_rules import Column, VillageMatcher
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.worker import Heir, WorkerData
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex
from jamsos_desktop.services.audit import flat
from jamsos_desktop.services.excel_import import (
    Outcome,
    PreviewRow,
    _given_all,
    _Memo,
    _new_uids,
    _parse_row,
    _present,
    _worker_data,
)

TODAY = date(2026, 11, 24)
_text = st.text(max_size=8)
_heirs = st.lists(
    st.builds(Heir, _text, st.sampled_from(list(HeirRelationship)), st.one_of(st.none(), _text), _text),
    max_size=2,
).map(tuple)
_records = st.fixed_dictionaries(
    {
        "name": _text,
        "sex": st.one_of(st.none(), st.sampled_from(list(Sex))),
        "birth_date": st.one_of(st.none(), st.dates()),
        "village_code": _text,
        "nik": st.one_of(st.none(), _text),
        "no_nik": st.booleans(),
        "kk": _text,
        "birth_place": _text,
        "address": _text,
        "rt": _text,
        "rw": _text,
        "occupation": _text,
        "phone": _text,
        "income": st.integers(0, 10**9),
        "kpj": _text,
        "heirs": _heirs,
        "notes": _text,
    }
)


@settings(max_examples=150, deadline=None)
@given(_records)
def test_records_built_without_the_constructor_equal_the_constructors(values: dict[str, object]) -> None:
    fast, slow = _worker_data(**values), WorkerData(**values)  # type: ignore[arg-type]
    assert type(fast) is WorkerData
    assert fast == slow and vars(fast) == vars(slow)
    assert replace(fast, name="x") == replace(slow, name="x")


def _given_reference(row: PreviewRow) -> dict[str, object]:
    """What the audit entry of a new worker held before: ``flat`` of every field the file set."""
    out: dict[str, object] = {"row": row.row}
    for name in sorted(row.present):
        if hasattr(row.data, name):
            out[name] = flat(getattr(row.data, name))
    return out


@settings(max_examples=150, deadline=None)
@given(st.lists(_records, min_size=1, max_size=4), st.sets(st.sampled_from(list(Column)), max_size=10))
def test_audit_values_of_new_workers_equal_flat(
    records: list[dict[str, object]], columns: set[Column]
) -> None:
    present = _present(frozenset(columns))
    rows = [
        PreviewRow(i + 4, (), Outcome.IMPORT, data=WorkerData(**r), present=present)  # type: ignore[arg-type]
        for i, r in enumerate(records)
    ]
    assert _given_all(rows) == [_given_reference(r) for r in rows]


def test_batched_uuids_are_random_version_4_uuids() -> None:
    uids = _new_uids(500)
    assert len(set(uids)) == 500
    for text in uids:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122 and str(parsed) == text
    assert _new_uids(0) == []


WHERE = {
    Column.NIK: 0,
    Column.NAME: 1,
    Column.SEX: 2,
    Column.BIRTH_DATE: 3,
    Column.ADDRESS: 4,
    Column.VILLAGE: 5,
    Column.DISTRICT: 6,
    Column.OCCUPATION: 7,
    Column.PHONE: 8,
    Column.HEIR_NAME: 9,
    Column.HEIR_RELATIONSHIP: 10,
}
_cells = st.tuples(
    st.sampled_from(["1903011208902835", "1903014405990313", "19030112089028", 1903011208902835.0, None]),
    st.sampled_from(["Yusuf", " Siti  Aminah ", "", None]),
    st.sampled_from(["L", "P", "Laki-laki", "wanita", "X", 1, 1.0, True, 2, None]),
    st.sampled_from([datetime(1990, 8, 12), "12-08-1990", "2 Agustus 1980", 33000, "kemarin", None]),
    st.sampled_from(["RT 001 RW 002 Dusun I", "Jl. Merdeka", "", 5, None]),
    st.sampled_from(["Rias", "Desa Rias", "Tj. Labu", "Riass", "Atlantis", 1, None]),
    st.sampled_from(["Toboali", "Lepar Pongok", "", None]),
    st.sampled_from(["petani", "Nelayan", "Tukang Ojek", 7, None]),
    st.sampled_from(["0812-3456-7890", "+62 812 3456 7890", "12", 81234567890, None]),
    st.sampled_from(["Ahli Waris", "", None]),
    st.sampled_from(["Anak", "istri", "tetangga", True, 1, None]),
)


@settings(max_examples=100, deadline=None)
@given(st.lists(_cells, min_size=1, max_size=12))
def test_a_row_parses_the_same_with_a_warm_memo_as_alone(rows: list[tuple[object, ...]]) -> None:
    """The memo of an import (sexes, places, addresses, occupations, relationships seen in earlier rows)
    never changes a row's outcome: ``1``, ``1.0`` and ``True`` stay different cells."""
    regions = default_table()
    matcher = VillageMatcher(regions, "19.03")
    memo = _Memo(WHERE)
    for cells in rows:
        warm = _parse_row(cells, WHERE, matcher, regions, "19.03", TODAY, memo)  # type: ignore[arg-type]
        alone = _parse_row(cells, WHERE, VillageMatcher(regions, "19.03"), regions, "19.03", TODAY)  # type: ignore[arg-type]
        assert warm.data == alone.data
        assert warm.present == alone.present
        assert warm.findings == alone.findings


def test_the_collector_is_paused_during_a_batch_and_restored_after() -> None:
    import gc

    from jamsos_desktop.services.batch import collector_paused as _collector_paused

    was = gc.isenabled()
    try:
        gc.enable()
        with _collector_paused:
            assert not gc.isenabled()
            with _collector_paused:  # preview inside run, read inside preview
                assert not gc.isenabled()
            assert not gc.isenabled()
        assert gc.isenabled()

        @_collector_paused
        def failing() -> None:
            assert not gc.isenabled()
            raise ValueError("bad row")

        with pytest.raises(ValueError):
            failing()
        assert gc.isenabled()

        gc.disable()  # a program that runs without the collector keeps it off
        with _collector_paused:
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
