"""Incoming sync values (domain, pure): a sound record passes; any corruption of one value is refused
with a catalogued message, never an exception."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.messages import CATALOGUE
from jamsos_desktop.domain.regions import default_table
from jamsos_desktop.domain.sync_check import Rules, check_edit, check_shape

RULES = Rules(default_table(), "19.03", date(2026, 11, 24))
SOUND: dict[str, Any] = {
    "nik": "1903011208902835", "no_nik": False, "kk": "", "name": "Munip", "sex": "L",
    "birth_place": "Rias", "birth_date": "1990-08-12", "address": "Jl. Pantai", "rt": "001", "rw": "002",
    "village_code": "19.03.01.2008", "occupation": "Nelayan", "phone": "081234567890", "income": 1_500_000,
    "kpj": None, "status": "draft", "end_date": None, "end_reason": "", "notes": "",
    "consent": ["Pendaftaran BPJS", True, "operator", "2026-11-24T09:00:00"],
    "heirs": [["Rahmat", "child", None, ""]],
}  # fmt: skip

#: For each field, values a corrupted (or buggy, or hand-edited) station could send.
BAD: dict[str, st.SearchStrategy[Any]] = {
    "nik": st.one_of(
        st.text(alphabet="0123456789", min_size=1, max_size=15),
        st.text(alphabet="abcXYZ -", min_size=16, max_size=16),
        st.integers(),
        st.just("9903011208902835"),  # no such province
        st.just("1903013208902835"),  # no such day (32)
    ),
    "sex": st.one_of(st.sampled_from(["M", "F", "l", "", "X"]), st.integers(), st.none()),
    "birth_date": st.one_of(
        st.sampled_from(["1990-13-01", "12/08/1990", "", "2990-01-01", "1800-01-01"]), st.integers(), st.none()
    ),
    "village_code": st.one_of(st.sampled_from(["19.03.99.9999", "", "19.03", "DROP TABLE"]), st.integers()),
    "income": st.one_of(
        st.floats(allow_nan=True), st.booleans(), st.integers(max_value=-1), st.integers(min_value=10**10),
        st.text(max_size=5),
    ),
    "status": st.one_of(st.sampled_from(["aktif", "", "DELETED"]), st.integers(), st.none()),
    "name": st.one_of(st.just(""), st.just("   "), st.text(min_size=101, max_size=120).filter(str.strip), st.integers()),
    "phone": st.one_of(st.sampled_from(["12", "abc", "0812-345-678901234567"]), st.integers()),
    "rt": st.one_of(st.sampled_from(["abcd", "1234", "x"]), st.integers()),
    "heirs": st.one_of(
        st.just("Rahmat"),
        st.just([["Rahmat"]]),
        st.just([["Rahmat", "cousin", None, ""]]),
        st.just([["", "child", None, ""]]),
        st.lists(st.integers(), min_size=1, max_size=3),
    ),
    "consent": st.one_of(
        st.just(["Pendaftaran", False, "operator", None]),
        st.just(["", True, "operator", None]),
        st.just("yes"),
        st.just(["Pendaftaran", "yes", "operator", None]),
        st.just(["Pendaftaran", True, "operator", "kemarin"]),
    ),
    "kpj": st.one_of(st.sampled_from(["123", "abcdefghijk", "123456789012"]), st.integers()),
    "end_date": st.one_of(st.sampled_from(["kemarin", "2026-02-30"]), st.integers()),
    "no_nik": st.one_of(st.integers(), st.text(max_size=3)),
    "address": st.text(min_size=201, max_size=210),
}


def test_a_sound_record_passes_as_new_and_as_an_edit() -> None:
    assert check_edit(SOUND, None, RULES) == []
    assert check_edit({"phone": "081298765432"}, SOUND, RULES) == []


@st.composite
def corrupted(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    field = draw(st.sampled_from(sorted(BAD)))
    return field, {**SOUND, field: draw(BAD[field])}


@settings(max_examples=400, deadline=None)
@given(corrupted(), st.booleans())
def test_any_corrupted_value_is_refused_with_a_catalogued_message(case: tuple[str, dict[str, Any]], as_edit: bool) -> None:
    field, record = case
    # Sent as a new record, or as an edit of that one field of a sound record held here.
    problems = check_edit({field: record[field]}, SOUND, RULES) if as_edit else check_edit(record, None, RULES)
    assert problems, (field, record[field])
    for problem in problems:
        assert problem.code in CATALOGUE
        assert problem.message("id") and problem.message("en")


def test_an_edit_is_not_refused_for_an_older_problem_elsewhere_in_the_record() -> None:
    held_here = {**SOUND, "address": "x" * 150, "rt": "abc"}  # rt not a number: an old problem
    assert check_edit({"phone": "081298765432"}, held_here, RULES) == []
    assert check_edit({"rt": "abc"}, SOUND, RULES) != []


def test_what_manual_entry_only_warns_about_is_accepted() -> None:
    # A NIK whose birth date or sex differ from the record's is a warning a clerk may override.
    assert check_edit({**SOUND, "nik": "1903015208902835"}, None, RULES) == []


def test_shape_names_the_field() -> None:
    (finding,) = check_shape({"income": 1.5})
    assert (finding.field, finding.code) == ("income", "sync.value_money")
    assert "income" in finding.message("en")


_EDIT = st.one_of(
    st.just({}),  # (replaced by the sound record below)
    *(st.builds(lambda v, f=field: {f: v}, strategy) for field, strategy in list(BAD.items())[:8]),
    st.sampled_from([{"phone": "081299998888"}, {"name": "Munip bin Ali"}, {"rt": "7"}]),
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["a", "b", "c", "d", "e"]), _EDIT), min_size=1, max_size=14),
    st.sets(st.sampled_from(["a", "b", "c", "d", "e"])),
    st.sets(st.sampled_from(["a", "b", "c", "d", "e"])),
)
def test_records_are_checked_independently_so_any_split_by_record_gives_the_same_answers(
    edits: list[tuple[str, dict[str, Any]]], held_here: set[str], part: set[str]
) -> None:
    from jamsos_desktop.domain.sync_check import check_in_order

    work = [(uid, values or dict(SOUND)) for uid, values in edits]
    held = {uid: dict(SOUND) for uid in held_here}
    whole = check_in_order(work, held, RULES)
    assert len(whole) == len(work)
    # Each edit alone against the record as the accepted earlier edits of its record left it.
    running: dict[str, dict[str, Any] | None] = {uid: held.get(uid) for uid, _v in work}
    for (uid, values), found in zip(work, whole, strict=True):
        assert found == check_edit(values, running[uid], RULES)
        if not found:
            running[uid] = {**(running[uid] or {}), **values}
    # Split by record (as the helper process gets every other record): the same answers.
    mine = [i for i, (uid, _v) in enumerate(work) if uid in part]
    theirs = [i for i, (uid, _v) in enumerate(work) if uid not in part]
    for indices in (mine, theirs):
        assert check_in_order([work[i] for i in indices], held, RULES) == [whole[i] for i in indices]
