"""Rules of travelling records (issue 6, :mod:`jamsos_desktop.domain.sync_records`): the state a set of
record versions describes does not depend on the order or repetition they arrive in, the office's
programme and handover versions win over a station's, and malformed records from a package are refused."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos_desktop.domain.sync_records import (
    ENROLMENT,
    HANDOVER,
    PROGRAMME,
    SELF_PAYMENT,
    WORKER_EVENT,
    Fact,
    current,
    materialize,
)

ENROL = {"programme": "pgo-1", "start_month": 24300, "end_month": None, "funded_from": 24300, "funded_to": 24305,
         "exit_date": None, "exit_reason": "", "funder": "APBD", "created_at": "2026-01-01 09:00:00",
         "created_by": "admin"}  # fmt: skip
PAY = {"programme": "pgo-1", "receipt": "KW-1", "first_month": 24310, "last_month": 24310, "amount": 16800,
       "paid_on": "2026-03-01", "source": "manual", "reversal_of": None, "reason": "",
       "created_at": "2026-03-01 09:00:00", "created_by": "admin"}  # fmt: skip
PROG = {"name": "P", "start_month": 24300, "funded_months": 6, "income": 1_000_000, "include_jht": False,
        "monthly_amount": 16800, "quota": None, "lapse_threshold": 3, "funding_window": "calendar",
        "horizon_months": 24, "notes": "", "funders": [["APBD", "apbd_kabupaten", None, None]]}  # fmt: skip
EVENT = {"programme": "pgo-1", "kind": "accident", "event_date": "2026-03-02", "claim_status": "reported",
         "heir_name": "Siti", "heir_relationship": "spouse", "heir_phone": "081234567890", "notes": "",
         "created_at": "2026-03-02 09:00:00", "created_by": "admin", "updated_at": "2026-03-02 09:00:00",
         "updated_by": "admin"}  # fmt: skip
HAND = {"name": "Penyerahan Kartu", "event_date": "2026-12-01", "place": "Toboali", "officials": "Bupati: H. Riza",
        "programme": None, "created_at": "2026-11-01 09:00:00", "created_by": "admin",
        "recipients": ["w1", "w2"]}  # fmt: skip


def clock(wall: int, station: str, counter: int = 0) -> str:
    return f"{wall:013d}.{counter:06d}.{station}"


@st.composite
def histories(draw: st.DrawFn) -> list[Fact]:
    facts = []
    for i in range(draw(st.integers(1, 12))):
        station = draw(st.sampled_from(["office-1", "st-a", "st-b"]))
        kind = draw(st.sampled_from([PROGRAMME, ENROLMENT, SELF_PAYMENT, WORKER_EVENT, HANDOVER]))
        wall = draw(st.integers(1, 50))
        if kind == PROGRAMME:
            data, gid, worker = {**PROG, "notes": f"v{i}"}, "pgo-1", None
        elif kind == WORKER_EVENT:
            status = draw(st.sampled_from(["reported", "submitted", "paid", "rejected"]))
            data, gid, worker = {**EVENT, "claim_status": status, "notes": f"v{i}"}, "evs-1", "w1"
        elif kind == HANDOVER:
            data, gid, worker = {**HAND, "place": f"v{i}", "recipients": draw(st.permutations(["w1", "w2"]))}, "hoo-1", None
        elif kind == ENROLMENT:
            data, gid, worker = {**ENROL, "end_month": draw(st.none() | st.integers(24300, 24320))}, "pgo-1|w1", "w1"
        else:
            data, gid, worker = {**PAY, "receipt": f"KW-{i}"}, f"sp-{station}-{i}", "w1"
        # A station's clock never gives two changes the same reading (the counter tells them apart).
        facts.append(Fact(gid, clock(wall, station, i), kind, station, worker, data, station.startswith("office")))
    return facts


@settings(max_examples=200, deadline=None)
@given(histories(), st.randoms(use_true_random=False), st.integers(0, 3))
def test_any_order_with_repeats_gives_the_same_state(facts: list[Fact], rng: random.Random, repeats: int) -> None:
    delivered = list(facts) + [rng.choice(facts) for _ in range(repeats)]
    rng.shuffle(delivered)
    assert materialize(delivered) == materialize(facts)
    # Set union: every payment is there, once.
    payments = {f.gid for f in facts if f.kind == SELF_PAYMENT}
    assert {g for g, v in materialize(delivered).items() if v[0] == SELF_PAYMENT} == payments


def test_an_office_handover_version_beats_a_newer_station_version_and_events_take_the_newest() -> None:
    office = Fact("hoo-1", clock(10, "office-1"), HANDOVER, "office-1", None, HAND, True)
    station = Fact("hoo-1", clock(99, "st-a"), HANDOVER, "st-a", None, {**HAND, "place": "Rias"}, False)
    assert current([station, office]) is office
    other = Fact("hoo-1", clock(100, "st-b"), HANDOVER, "st-b", None, {**HAND, "place": "Bikang"}, False)
    assert current([station, other]) is other  # no office version: the newest
    e1 = Fact("evs-1", clock(10, "office-1"), WORKER_EVENT, "office-1", "w1", {**EVENT, "claim_status": "paid"}, True)
    e2 = Fact("evs-1", clock(20, "st-a"), WORKER_EVENT, "st-a", "w1", {**EVENT, "claim_status": "submitted"}, False)
    assert current([e1, e2]) is e2


def test_an_office_programme_version_beats_a_newer_station_version() -> None:
    office = Fact("pgo-1", clock(10, "office-1"), PROGRAMME, "office-1", None, PROG, True)
    station = Fact("pgo-1", clock(99, "st-a"), PROGRAMME, "st-a", None, {**PROG, "notes": "x"}, False)
    assert current([station, office]) is office
    later = Fact("pgo-1", clock(11, "office-1"), PROGRAMME, "office-1", None, {**PROG, "notes": "y"}, True)
    assert current([office, station, later]) is later
    # Enrolments: the newest clock, wherever it was recorded.
    e1 = Fact("pgo-1|w1", clock(10, "office-1"), ENROLMENT, "office-1", "w1", ENROL, True)
    e2 = Fact("pgo-1|w1", clock(20, "st-a"), ENROLMENT, "st-a", "w1", {**ENROL, "end_month": 24310}, False)
    assert current([e1, e2]) is e2


@pytest.mark.parametrize(
    "item",
    [
        {"gid": "x", "hlc": clock(1, "a"), "kind": "worker", "origin": "a", "data": {}},  # unknown kind
        {"gid": "x", "hlc": clock(1, "a"), "kind": SELF_PAYMENT, "origin": "a", "data": PAY},  # no worker
        {"gid": "x", "hlc": clock(1, "a"), "kind": SELF_PAYMENT, "origin": "a", "worker": "w",
         "data": {**PAY, "amount": "16800"}},  # money as text
        {"gid": "x", "hlc": clock(1, "a"), "kind": ENROLMENT, "origin": "a", "worker": "w",
         "data": {k: v for k, v in ENROL.items() if k != "start_month"}},  # a field missing
        {"gid": "", "hlc": clock(1, "a"), "kind": PROGRAMME, "origin": "a", "data": PROG},  # empty id
        {"gid": "x", "hlc": clock(1, "a"), "kind": PROGRAMME, "origin": "a", "office": "yes", "data": PROG},
        {"gid": "x", "hlc": clock(1, "a"), "kind": PROGRAMME, "origin": "a", "data": {**PROG, "funders": [["A"]]}},
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "data": EVENT},  # no worker
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "worker": "w",
         "data": {**EVENT, "kind": "flood"}},  # an unknown event kind
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "worker": "w",
         "data": {**EVENT, "claim_status": "won"}},
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "worker": "w",
         "data": {**EVENT, "event_date": "02-03-2026"}},  # not an ISO date
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "worker": "w",
         "data": {**EVENT, "updated_at": "2026-03-02T09:00:00+07:00"}},  # a time with a zone
        {"gid": "x", "hlc": clock(1, "a"), "kind": WORKER_EVENT, "origin": "a", "worker": "w",
         "data": {**EVENT, "heir_phone": "0" * 17}},  # longer than the column
        {"gid": "x", "hlc": clock(1, "a"), "kind": HANDOVER, "origin": "a", "data": {**HAND, "recipients": ["w1", 2]}},
        {"gid": "x", "hlc": clock(1, "a"), "kind": HANDOVER, "origin": "a", "data": {**HAND, "recipients": ["w1", "w1"]}},
        {"gid": "x", "hlc": clock(1, "a"), "kind": HANDOVER, "origin": "a", "data": {**HAND, "recipients": ["w" * 37]}},
    ],
)  # fmt: skip
def test_malformed_records_are_refused(item: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Fact.from_json(item)


def test_a_record_survives_the_round_trip() -> None:
    fact = Fact("sp-1", clock(5, "st-a"), SELF_PAYMENT, "st-a", "w1", PAY, False)
    assert Fact.from_json(fact.to_json()) == fact
    for fact in (Fact("evs-1", clock(5, "st-a"), WORKER_EVENT, "st-a", "w1", {**EVENT, "notes": "x" * 5000}, False),
                 Fact("hoo-1", clock(6, "office-1"), HANDOVER, "office-1", None, HAND, True)):  # fmt: skip
        assert Fact.from_json(fact.to_json()) == fact
