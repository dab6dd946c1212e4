"""The rewrite of sync history after an anonymisation (domain rules, hypothesis): older edits get the
anonymised values of the personal fields they set, keeping their clocks, so every field is still won
by the same clock, its shown value is the same, and no old value is left as a conflict to review."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.safety import (
    PERSONAL_FIELDS,
    anonymous_birth_date,
    anonymous_name,
    anonymous_record,
    anonymous_values,
)
from jamsos_desktop.domain.sync import Edit, Hlc, resolve_field

FIELDS = ("name", "nik", "phone", "address", "heirs", "birth_date", "occupation", "income")
_values: dict[str, st.SearchStrategy[Any]] = {
    "name": st.sampled_from(["Munip", "Siti Aminah", "Abdul Rahman"]),
    "nik": st.sampled_from(["1903011208902835", "1903014405990313", None]),
    "phone": st.sampled_from(["081234567890", "", "081377001122"]),
    "address": st.sampled_from(["Jalan Kenari 12", "Jalan Melati 9", ""]),
    "heirs": st.sampled_from([[], [["Rahmat", "child", None, ""]], [["Dahlia", "spouse", None, "0813"]]]),
    "birth_date": st.sampled_from(["1990-08-12", "1991-02-03"]),
    "occupation": st.sampled_from(["Nelayan", "Petani"]),
    "income": st.sampled_from([1_000_000, 1_500_000]),
}
STATIONS = ("office-1", "st-a", "st-b")


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[Edit], Edit, list[Edit]]:
    """(edits before the anonymisation, the anonymisation, edits after it) of one record."""
    count = draw(st.integers(1, 7))
    walls = sorted(draw(st.lists(st.integers(1, 50), min_size=count, max_size=count)))
    older: list[Edit] = []
    for i, wall in enumerate(walls):
        fields = draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4, unique=True))
        hlc = Hlc(wall, i, draw(st.sampled_from(STATIONS))).text()
        known = [e for e in older if e.hlc < hlc]
        sup = {f: tuple(e.hlc for e in known if f in e.values and draw(st.booleans())) for f in fields}
        older.append(Edit("u1", hlc, hlc.split(".", 2)[2], "update", {f: draw(_values[f]) for f in fields},
                          {f: h for f, h in sup.items() if h}))  # fmt: skip
    # The anonymisation (as capture makes it): every personal field the record holds, superseding the
    # value shown where it was made (which may not know every edit: a station's edit in transit).
    seen = [e for e in older if draw(st.booleans())] or older[:1]
    held = {f for e in older for f in e.values}
    anon_hlc = Hlc(100, 0, "office-1").text()
    target = anonymous_values(anonymous_name(7), "1990-08-12")
    anon_fields = [f for f in PERSONAL_FIELDS if f in held]
    anon = Edit("u1", anon_hlc, "office-1", "anonymise", {f: target[f] for f in anon_fields},
                {f: (resolve_field(c for e in seen for c in e.changes() if c.field == f).winner.hlc,)
                 for f in anon_fields if any(f in e.values for e in seen)})  # fmt: skip
    later = [
        Edit("u1", Hlc(200 + i, 0, "st-a").text(), "st-a", "update", {f: draw(_values[f])})
        for i, f in enumerate(draw(st.lists(st.sampled_from(FIELDS), max_size=2)))
    ]
    return older, anon, later


def _outcomes(edits: list[Edit]) -> dict[str, Any]:
    fields = {f for e in edits for f in e.values}
    return {f: resolve_field(c for e in edits for c in e.changes() if c.field == f) for f in fields}


def _scrub(edits: list[Edit], anon: Edit) -> list[Edit]:
    target = anonymous_values(anon.values.get("name", anonymous_name(7)), anon.values.get("birth_date"))
    out = []
    for edit in edits:
        values = anonymous_record(edit.values, target) if edit.hlc < anon.hlc else None
        out.append(Edit(edit.uid, edit.hlc, edit.origin, edit.kind, values, edit.supersedes) if values else edit)
    return out


@settings(max_examples=300, deadline=None)
@given(histories())
def test_the_rewrite_keeps_every_decision_and_leaves_no_old_value(history: tuple[list[Edit], Edit, list[Edit]]) -> None:
    older, anon, later = history
    before = _outcomes([*older, anon, *later])
    after_edits = _scrub([*older, anon, *later], anon)
    after = _outcomes(after_edits)
    target = anonymous_values(anon.values["name"] if "name" in anon.values else anonymous_name(7), "1990-08-12")
    assert set(after) == set(before)
    for field, outcome in after.items():
        # The same clock wins every field, with the same value; newer edits are untouched.
        assert outcome.winner.hlc == before[field].winner.hlc
        assert outcome.winner.value == before[field].winner.value
        if field in PERSONAL_FIELDS:
            # A conflict left to review is never an old value: only values set after the anonymisation.
            assert all(c.hlc > anon.hlc or c.value == target[field] for c in outcome.losers)
    for edit in after_edits:
        if edit.hlc < anon.hlc:
            assert all(edit.values[f] == target[f] for f in PERSONAL_FIELDS if f in edit.values)
            assert {f: v for f, v in edit.values.items() if f not in PERSONAL_FIELDS} == {
                f: v for e in older if e.hlc == edit.hlc for f, v in e.values.items() if f not in PERSONAL_FIELDS
            }
    assert [e for e in after_edits if e.hlc > anon.hlc] == later


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)))
def test_only_the_birth_year_stays(born: date) -> None:
    assert anonymous_birth_date(born) == anonymous_birth_date(born.isoformat()) == f"{born.year:04d}-01-01"
    assert anonymous_values("Anonim 3", born)["birth_date"] == date(born.year, 1, 1).isoformat()
    assert anonymous_birth_date(None) is None


def test_an_edit_without_personal_fields_is_left_alone() -> None:
    target = anonymous_values("Anonim 3", "1990-05-06")
    assert anonymous_record({"occupation": "Petani", "income": 1_000_000}, target) is None
    assert anonymous_record({"name": "Anonim 3", "phone": ""}, target) is None
    assert anonymous_record({"no_nik": False, "status": "inactive"}, target) == {"no_nik": True, "status": "inactive"}
