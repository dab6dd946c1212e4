"""Sync merge rules (domain, pure): HLC, per-field last-writer-wins with conflicts kept, order independence."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.sync import (
    Change,
    ChangeKind,
    Hlc,
    MergeState,
    change_kind,
    merge,
    next_sequence,
    observe,
    resolve_field,
    tick,
    unique_owner,
)


def hlc(wall: int, station: str = "a", counter: int = 0) -> str:
    return Hlc(wall, counter, station).text()


# -- HLC --------------------------------------------------------------------------------------------
@given(st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=50))
def test_hlc_tick_is_strictly_monotonic_even_when_the_wall_clock_goes_back(walls: list[int]) -> None:
    last = None
    for wall in walls:
        now = tick(last, wall, "s1")
        assert last is None or now > last
        assert now.text() > (last.text() if last else "")
        last = now


@given(st.integers(0, 10**12), st.integers(0, 999_999), st.integers(0, 10**12), st.integers(0, 999_999))
def test_hlc_text_orders_like_the_clock(w1: int, c1: int, w2: int, c2: int) -> None:
    a, b = Hlc(w1, c1, "x"), Hlc(w2, c2, "x")
    assert (a < b) == (a.text() < b.text())
    assert Hlc.parse(a.text()) == a


def test_observe_never_goes_behind_a_received_clock() -> None:
    local = Hlc(100, 0, "office")
    remote = Hlc(500, 3, "s1")
    seen = observe(local, remote, "office")
    assert seen.station == "office" and (seen.wall, seen.counter) == (500, 3)
    assert tick(seen, 200, "office") > remote


# -- one field --------------------------------------------------------------------------------------
def test_sequential_edit_replaces_without_conflict() -> None:
    a = Change("u", "name", "Munip", hlc(1, "s1"), "s1", ChangeKind.CREATE)
    b = Change("u", "name", "Munip Hasan", hlc(2, "office"), "office", supersedes=(a.hlc,))
    outcome = resolve_field([b, a])
    assert outcome.winner == b and not outcome.in_conflict


def test_concurrent_edits_keep_the_loser_and_a_resolution_closes_it() -> None:
    a = Change("u", "phone", "0811", hlc(1, "s1"), "s1", ChangeKind.CREATE)
    b = Change("u", "phone", "0812", hlc(5, "s1"), "s1", supersedes=(a.hlc,))
    c = Change("u", "phone", "0813", hlc(3, "office"), "office", supersedes=(a.hlc,))
    outcome = resolve_field([a, b, c])
    assert outcome.winner == b and outcome.losers == (c,)
    r = Change("u", "phone", "0813", hlc(9, "office"), "office", ChangeKind.RESOLVE, (b.hlc, c.hlc))
    assert not resolve_field([a, b, c, r]).in_conflict


def test_concurrent_equal_values_are_no_conflict() -> None:
    a = Change("u", "kk", "1", hlc(1, "s1"), "s1")
    b = Change("u", "kk", "1", hlc(1, "s2"), "s2")
    assert not resolve_field([a, b]).in_conflict


def test_unique_owner_is_the_first_claim_then_uid() -> None:
    assert unique_owner({"b": hlc(1), "a": hlc(2)}) == "b"
    assert unique_owner({"b": hlc(1), "a": hlc(1)}) == "a"


def test_kinds_are_explicit() -> None:
    assert change_kind("status", "registered", "deceased", created=False) == ChangeKind.DEACTIVATE
    assert change_kind("status", "inactive", "registered", created=False) == ChangeKind.REACTIVATE
    assert change_kind("village_code", "19.03.01.2008", "19.03.02.2001", created=False) == ChangeKind.MOVE
    assert change_kind("name", None, "x", created=True) == ChangeKind.CREATE


def test_next_sequence_is_one_past_the_contiguous_run() -> None:
    assert next_sequence([]) == 1
    assert next_sequence([1, 2, 4]) == 3


# -- order independence -----------------------------------------------------------------------------
STATIONS = ("office", "s1", "s2")
FIELDS = ("name", "phone", "status")
VALUES = ("a", "b", "c")


@st.composite
def histories(draw: st.DrawFn) -> list[list[Change]]:
    """Packages produced by stations that each edit what they have seen so far (a causal history)."""
    steps = draw(st.lists(st.tuples(st.sampled_from(STATIONS), st.sampled_from(("u1", "u2")),
                                    st.sampled_from(FIELDS), st.sampled_from(VALUES),
                                    st.booleans()), min_size=1, max_size=25))  # fmt: skip
    views = {s: MergeState() for s in STATIONS}
    packages: list[list[Change]] = []
    clocks: dict[str, Hlc | None] = dict.fromkeys(STATIONS)
    for wall, (station, uid, fld, value, deliver) in enumerate(steps):
        view = views[station]
        clocks[station] = tick(clocks[station], wall // 2, station)
        current = view.outcomes.get((uid, fld))
        supersedes = (current.winner.hlc,) if current else ()
        change = Change(uid, fld, value, clocks[station].text(), station, supersedes=supersedes)
        view.apply([change])
        packages.append([change])
        if deliver:  # the station learns what another station did (a package going round)
            other = STATIONS[(STATIONS.index(station) + 1) % len(STATIONS)]
            views[other].apply(c for p in packages for c in p if c.origin == station)
    return packages


@settings(max_examples=200, deadline=None)
@given(histories(), st.randoms(use_true_random=False), st.integers(0, 3))
def test_any_order_with_repeats_gives_the_same_state_and_conflicts(
    packages: list[list[Change]], rnd: random.Random, repeats: int
) -> None:
    reference = MergeState()
    reference.apply(c for p in packages for c in p)
    delivered = packages + [rnd.choice(packages) for _ in range(repeats)]  # re-sends
    rnd.shuffle(delivered)
    office = MergeState()
    for package in delivered:
        office.apply(package)
    assert office.values() == reference.values()
    assert office.conflicts() == reference.conflicts()
    assert office.outcomes == merge(c for p in packages for c in p)


@settings(max_examples=200, deadline=None)
@given(histories())
def test_no_value_is_lost(packages: list[list[Change]]) -> None:
    """Every head value (a change nothing replaced) is either shown or kept as a conflict."""
    state = MergeState()
    for package in packages:
        state.apply(package)
    every = [c for p in packages for c in p]
    replaced = {s for c in every for s in c.supersedes}
    for change in every:
        if change.hlc in replaced:
            continue
        outcome = state.outcomes[change.key]
        kept = [outcome.winner.value] + [loser.value for loser in outcome.losers]
        assert change.value in kept
