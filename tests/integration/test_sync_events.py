"""Worker events (deaths, work accidents, their claims) and handover events travel in sync packages
(issue 6), driven through the CONTRACT commands (``events add|claim``, ``handover create|add-recipient``,
``sync export|import``) on SQLite and PostgreSQL: an accident recorded at a village station reaches the
office, the office's claim follow-up goes back to that station only, the newest claim status wins
everywhere; a handover organised at the office reaches every station with the recipients each one holds,
and the office's version wins over a station's edit; a record whose worker has not arrived waits, pending,
and is applied by the import that brings the worker."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import cli_support
import pytest
from cli_support import RIAS, TJ_LABU, ok, register
from db_support import raw_db

from jamsos_desktop.app import open_context
from jamsos_desktop.cli.main import run
from jamsos_desktop.services.sync_records import RecordSync

EVENTS = (
    "SELECT w.uid, e.kind, e.event_date, e.claim_status, e.heir_name, e.heir_relationship, e.heir_phone, "
    "e.notes, p.name FROM worker_event e JOIN worker w ON w.id = e.worker_id "
    "LEFT JOIN programme p ON p.id = e.programme_id ORDER BY 1, 2, 3"
)
HANDOVERS = (
    "SELECT h.name, h.place, h.event_date, h.officials, p.name FROM handover_event h "
    "LEFT JOIN programme p ON p.id = h.programme_id ORDER BY 1"
)
RECIPIENTS = (
    "SELECT h.name, r.position, w.uid FROM handover_recipient r JOIN handover_event h ON h.id = r.event_id "
    "JOIN worker w ON w.id = r.worker_id ORDER BY 1, 2"
)


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    return cli_support.rows(path, sql, as_text=True)  # dates compared as text on both engines


def send(capsys: Any, tmp_path: Path, source: Path, target: Path, name: str, station: str | None = None) -> dict[str, Any]:
    """One package from ``source`` (to the office, or with ``station`` the office's to that station),
    imported at ``target``; the export's summary, with the import's (``got``)."""
    out = tmp_path / f"{name}.jamsync"
    sent = ok(capsys, source, "sync", "export", "--out", str(out), *(["--station", station] if station else []))
    got = ok(capsys, target, "sync", "import", str(out))
    assert got["pending"] == 0, got
    return {**sent, "got": got}


@pytest.fixture
def sites(tmp_path: Path, capsys: Any) -> tuple[Path, Path, Path]:
    """An office with a programme and two stations (Rias, Tanjung Labu) that hold it."""
    office, s1, s2 = tmp_path / "office", tmp_path / "s1", tmp_path / "s2"
    for site in (office, s1, s2):
        ok(capsys, site, "init")
    ok(capsys, office, "program", "create", "--name", "Bangka Selatan 2026", "--funder", "APBD Kabupaten",
       "--start", "2026-01", "--funded-months", "3")  # fmt: skip
    for site, name, village in ((s1, "Rias", RIAS), (s2, "Tanjung Labu", TJ_LABU)):
        prov = tmp_path / f"{name}.station"
        ok(capsys, office, "station", "register", name, "--out", str(prov), "--village", village)
        ok(capsys, site, "station", "join", str(prov))
        send(capsys, tmp_path, office, site, f"ack0-{name}", name)
    return office, s1, s2


def test_worker_events_travel_and_the_newest_claim_status_wins(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, s2 = sites
    wid, uid = register(s1, "Munip", "1903011208902835", RIAS, 1)
    pid = str(ok(capsys, s1, "program", "list")["programs"][0]["id"])
    ok(capsys, s1, "program", "enroll", pid, "--worker", str(wid))
    # The village clerk hears of the accident first.
    ok(capsys, s1, "events", "add", "--worker", str(wid), "--kind", "accident", "--date", "2026-11-01",
       "--program", pid, "--heir-name", "Siti Aminah", "--heir-relationship", "spouse",
       "--heir-phone", "0812 3456 7890", "--notes", "Jatuh dari perahu")  # fmt: skip
    sent = send(capsys, tmp_path, s1, office, "s1-1")
    assert sent["kinds"] == {"enrolment": 1, "worker_event": 1}
    assert rows(office, EVENTS) == rows(s1, EVENTS)
    assert rows(office, EVENTS)[0][:4] == (uid, "accident", "2026-11-01", "reported")
    assert rows(office, EVENTS)[0][8] == "Bangka Selatan 2026"

    # The office follows the claim up: the new version goes back to Rias, not to Tanjung Labu.
    office_event = ok(capsys, office, "events", "list")["events"][0]["id"]
    ok(capsys, office, "events", "claim", str(office_event), "--status", "submitted", "--notes", "Berkas ke BPJS")
    assert send(capsys, tmp_path, office, s1, "ack-s1-1", "Rias")["kinds"].get("worker_event") == 1
    assert "worker_event" not in send(capsys, tmp_path, office, s2, "ack-s2-1", "Tanjung Labu")["kinds"]
    assert rows(s2, EVENTS) == []
    assert rows(s1, EVENTS) == rows(office, EVENTS)
    assert rows(s1, EVENTS)[0][3] == "submitted" and rows(s1, EVENTS)[0][7] == "Berkas ke BPJS"

    # Later the station records the payment of the claim: the newest status wins at the office too, and
    # the older versions stay stored.
    station_event = ok(capsys, s1, "events", "list")["events"][0]["id"]
    ok(capsys, s1, "events", "claim", str(station_event), "--status", "paid")
    assert send(capsys, tmp_path, s1, office, "s1-2")["kinds"] == {"worker_event": 1}
    assert rows(office, EVENTS) == rows(s1, EVENTS) and rows(office, EVENTS)[0][3] == "paid"
    assert rows(office, "SELECT count(*) FROM sync_fact WHERE kind = 'worker_event'") == [("3",)]
    # Nothing echoes: the office relays no version the station lacks, the station sends nothing.
    assert "worker_event" not in send(capsys, tmp_path, office, s1, "ack-s1-2", "Rias")["got"]["kinds"]
    assert send(capsys, tmp_path, s1, office, "s1-3")["kinds"] == {}


def test_a_handover_goes_from_the_office_to_every_station_and_the_office_wins(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, s2 = sites
    _w1, u1 = register(s1, "Munip", "1903011208902835", RIAS, 1)
    _w2, u2 = register(s2, "Rahmat", "1903021208900001", TJ_LABU, 2)
    send(capsys, tmp_path, s1, office, "s1-1")
    send(capsys, tmp_path, s2, office, "s2-1")
    pid = str(ok(capsys, office, "program", "list")["programs"][0]["id"])
    event = ok(capsys, office, "handover", "create", "--name", "Penyerahan Kartu", "--date", "2026-12-01",
               "--place", "Pendopo Toboali", "--official", "Bupati: H. Riza", "--program", pid)["id"]  # fmt: skip
    ok(capsys, office, "handover", "add-recipient", str(event), "1903021208900001", "1903011208902835")
    assert [r[2] for r in rows(office, RECIPIENTS)] == [u2, u1]

    # Every station gets the ceremony, with the recipients it holds (the record keeps them all).
    assert send(capsys, tmp_path, office, s1, "ack-s1-1", "Rias")["kinds"].get("handover") == 1
    assert send(capsys, tmp_path, office, s2, "ack-s2-1", "Tanjung Labu")["kinds"].get("handover") == 1
    for station, uid in ((s1, u1), (s2, u2)):
        assert rows(station, HANDOVERS) == rows(office, HANDOVERS)
        assert rows(station, RECIPIENTS) == [("Penyerahan Kartu", "1", uid)]
        assert rows(station, "SELECT count(*) FROM sync_fact WHERE state <> 'applied'") == [("0",)]

    # A station edits the ceremony (another place): the edit travels, naming the other village's recipient
    # it does not hold, but the office's version wins everywhere (the station shows it again).
    ctx = open_context(data_dir=s1)
    try:
        from dataclasses import replace

        from jamsos_desktop.domain.cards import HandoverEventData

        here = ctx.cards.events()[0]
        data = HandoverEventData(here.name, here.event_date, "Balai Desa Rias", here.officials, here.programme_id)
        ctx.cards.update_event(here.id, replace(data))
    finally:
        ctx.close()
    assert send(capsys, tmp_path, s1, office, "s1-2")["kinds"] == {"handover": 1}
    assert rows(office, HANDOVERS)[0][1] == rows(s1, HANDOVERS)[0][1] == "Pendopo Toboali"
    assert [r[2] for r in rows(office, RECIPIENTS)] == [u2, u1]
    with raw_db(office) as db:
        (text,) = db.execute("SELECT data FROM sync_fact WHERE kind = 'handover' AND origin <> "
                             "(SELECT id FROM sync_station WHERE is_self = TRUE)").fetchone()  # fmt: skip
    assert json.loads(text)["data"]["recipients"] == [u2, u1]  # the other village's recipient kept
    send(capsys, tmp_path, office, s1, "ack-s1-2", "Rias")
    assert rows(s1, HANDOVERS) == rows(office, HANDOVERS)

    # The office renames it: the new version reaches the stations.
    ctx = open_context(data_dir=office)
    try:
        here = ctx.cards.events()[0]
        ctx.cards.update_event(here.id, HandoverEventData("Penyerahan Kartu BPJS", here.event_date, here.place,
                                                          here.officials, here.programme_id))  # fmt: skip
    finally:
        ctx.close()
    send(capsys, tmp_path, office, s2, "ack-s2-2", "Tanjung Labu")
    assert rows(s2, HANDOVERS) == rows(office, HANDOVERS) and rows(s2, HANDOVERS)[0][0] == "Penyerahan Kartu BPJS"
    assert rows(s2, RECIPIENTS) == [("Penyerahan Kartu BPJS", "1", u2)]


def test_events_before_their_worker_wait_pending_and_a_station_handover_reaches_the_office(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, _s2 = sites
    wid, uid = register(s1, "Munip", "1903011208902835", RIAS, 1)
    ok(capsys, s1, "events", "add", "--worker", str(wid), "--kind", "death", "--date", "2026-11-02",
       "--heir-name", "Siti Aminah", "--heir-relationship", "spouse")  # fmt: skip
    ctx = open_context(data_dir=s1)
    try:
        from jamsos_desktop.domain.cards import HandoverEventData

        hid = ctx.cards.create_event(HandoverEventData("Penyerahan Desa Rias", datetime(2026, 12, 2).date(), "Rias"))
        ctx.cards.add_recipients(hid, [wid])
    finally:
        ctx.close()
    pkg = tmp_path / "s1.jamsync"
    ok(capsys, s1, "sync", "export", "--out", str(pkg))
    station = open_context(data_dir=s1)
    try:
        with station.unit_of_work() as uow:
            own = uow.sync.own()
            assert own is not None
            facts = [f for f in uow.sync.records.by_origin(own.id) if f.kind in ("worker_event", "handover")]
    finally:
        station.close()
    assert sorted(f.kind for f in facts) == ["handover", "worker_event"]
    # The records reach the office before the worker: the event waits; the handover is written without
    # its recipient and waits for him too.
    ctx = open_context(data_dir=office)
    try:
        with ctx.unit_of_work(write=True) as uow:
            own = uow.sync.own()
            assert own is not None
            early = RecordSync(uow, own, user="uji", now=datetime(2026, 11, 24, 10)).apply(facts)
            uow.commit()
    finally:
        ctx.close()
    assert early.pending == 2 and early.written == {"handover": 1}
    assert rows(office, EVENTS) == [] and rows(office, RECIPIENTS) == []
    got = ok(capsys, office, "sync", "import", str(pkg))
    assert got["pending"] == 0 and got["written"].get("worker_event") == 1 and got["written"].get("handover") == 1
    assert rows(office, EVENTS) == rows(s1, EVENTS) and rows(office, EVENTS)[0][:4] == (uid, "death", "2026-11-02", "reported")
    assert rows(office, HANDOVERS) == rows(s1, HANDOVERS)
    assert rows(office, RECIPIENTS) == [("Penyerahan Desa Rias", "1", uid)]
    assert rows(office, "SELECT count(*) FROM sync_fact WHERE state <> 'applied'") == [("0",)]
    # Nothing echoes: the office made no version of its own (the station receives nothing new), and the
    # station's next package is empty.
    got = send(capsys, tmp_path, office, s1, "ack-s1", "Rias")["got"]
    assert "worker_event" not in got["kinds"] and "handover" not in got["kinds"] and got["written"] == {}
    assert send(capsys, tmp_path, s1, office, "s1-2")["kinds"] == {}


def test_a_merged_recipient_is_the_survivor_at_every_site_whatever_came_first(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    """The same man registered twice is called twice in a ceremony list. The office merges the two records
    after renaming the ceremony; the station had the list before and gets the new version and the merge in
    one acknowledgement. Both sites then call the survivor once, at the first of the two places, and the
    merge itself makes no new version of the list at either site."""
    office, s1, _s2 = sites
    _wa, loser = register(s1, "Munip", "1903011208902835", RIAS, 1)
    _wx, other = register(s1, "Rahmat", "1903011208900001", RIAS, 2)
    _wb, survivor = register(s1, "Munip Hasan", "1903011208902853", RIAS, 3)
    send(capsys, tmp_path, s1, office, "s1-1")
    event = ok(capsys, office, "handover", "create", "--name", "Penyerahan Kartu", "--date", "2026-12-01",
               "--place", "Pendopo Toboali")["id"]  # fmt: skip
    ok(capsys, office, "handover", "add-recipient", str(event), "1903011208902835", "1903011208900001",
       "1903011208902853")  # fmt: skip
    send(capsys, tmp_path, office, s1, "ack-1", "Rias")
    assert [r[2] for r in rows(s1, RECIPIENTS)] == [loser, other, survivor]

    ctx = open_context(data_dir=office)
    try:
        from jamsos_desktop.domain.cards import HandoverEventData
        from jamsos_desktop.domain.safety import Actor, Role

        here = ctx.cards.events()[0]
        ctx.cards.update_event(here.id, HandoverEventData("Penyerahan Kartu BPJS", here.event_date, here.place))
        ctx.access.become(Actor("vera", Role.VERIFIER, user_id=4))
        assert ctx.sync.merge(survivor, loser).winner == survivor
    finally:
        ctx.close()
    expected = [("Penyerahan Kartu BPJS", survivor), ("Penyerahan Kartu BPJS", other)]
    assert [(r[0], r[2]) for r in rows(office, RECIPIENTS)] == expected
    assert send(capsys, tmp_path, office, s1, "ack-2", "Rias")["got"]["merged"] == 1
    versions = "SELECT count(*) FROM sync_fact WHERE kind = 'handover'"
    assert rows(office, versions) == [("2",)]  # the list and its rename: moving its people made no version
    assert [(r[0], r[2]) for r in rows(s1, RECIPIENTS)] == expected
    assert "handover" not in send(capsys, tmp_path, s1, office, "s1-2")["kinds"]
    assert send(capsys, tmp_path, office, s1, "ack-3", "Rias")["got"]["merged"] == 0  # known already
    assert [(r[0], r[2]) for r in rows(office, RECIPIENTS)] == expected


def test_the_text_output_names_what_travelled_as_a_clerk_calls_it(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, _s2 = sites
    ok(capsys, office, "handover", "create", "--name", "Penyerahan Kartu", "--date", "2026-12-01",
       "--place", "Pendopo Toboali")  # fmt: skip
    out = tmp_path / "ack-text.jamsync"

    def text(site: Path, *args: str) -> list[str]:
        capsys.readouterr()
        assert run(["--data-dir", str(site), *args]) == 0
        return capsys.readouterr().out.splitlines()

    sent = text(office, "sync", "export", "--out", str(out), "--station", "Rias")
    assert sent[0].endswith(f"untuk Rias (0 pekerja): {out}")
    assert "acara penyerahan kartu 1" in sent[1] and "handover" not in sent[1]
    got = text(s1, "sync", "import", str(out))
    assert "diterapkan: pekerja baru 0, diubah 0, konflik 0" in got[0]
    assert got[1].strip().startswith("ditulis: ") and "acara penyerahan kartu 1" in got[1]
    again = text(s1, "sync", "import", str(out))
    assert again == [again[0]] and again[0].endswith("sudah pernah diimpor: tidak ada yang berubah.")
