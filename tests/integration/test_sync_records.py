"""Programmes, the holiday calendar, enrolments, self-payments (and reversals), funder payments and card
prints travel in sync packages (issue 6), driven through the CONTRACT commands: a programme made at the
office reaches the station, the station's enrolment and payments reach the office, the office's reversal
and funder payment go back; a record whose worker is not there yet waits and is applied later; a station
cannot speak for the office."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cli_support import RIAS, TJ_LABU, cli, ok, register, rows

from jamsos_desktop.app import open_context
from jamsos_desktop.services.sync_records import RecordSync

ENROLMENTS = (
    "SELECT p.name, w.uid, e.start_month, e.funded_from, e.funded_to, e.end_month FROM enrolment e "
    "JOIN worker w ON w.id = e.worker_id JOIN programme p ON p.id = e.programme_id ORDER BY 2, 1"
)
PAYMENTS = (
    "SELECT w.uid, s.receipt, s.first_month, s.last_month, s.amount, s.reason, r.receipt FROM self_payment s "
    "JOIN worker w ON w.id = s.worker_id LEFT JOIN self_payment r ON r.id = s.reversal_of ORDER BY 1, 3, 5"
)
FUNDER_PAYMENTS = "SELECT invoice_number, first_month, last_month, amount FROM funder_payment ORDER BY 1"


@pytest.fixture
def sites(tmp_path: Path, capsys: Any) -> tuple[Path, Path, Path]:
    office, s1, s2 = tmp_path / "office", tmp_path / "s1", tmp_path / "s2"
    for site in (office, s1, s2):
        ok(capsys, site, "init")
    for site, name, village in ((s1, "Rias", RIAS), (s2, "Tanjung Labu", TJ_LABU)):
        prov = tmp_path / f"{name}.station"
        ok(capsys, office, "station", "register", name, "--out", str(prov), "--village", village)
        assert stat.S_IMODE(prov.stat().st_mode) == 0o600
        ok(capsys, site, "station", "join", str(prov))
    return office, s1, s2


def test_programme_enrolment_payments_and_funder_payments_travel_both_ways(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, _s2 = sites
    created = ok(capsys, office, "program", "create", "--name", "Bangka Selatan 2026", "--funder", "APBD Kabupaten",
                 "--start", "2026-01", "--funded-months", "3")  # fmt: skip
    ok(capsys, office, "holidays", "add", "2026-03-20", "Hari Raya Nyepi")
    # Office -> station: the programme and the calendar.
    ack = tmp_path / "ack1.jamsync"
    exported = ok(capsys, office, "sync", "export", "--out", str(ack), "--station", "Rias")
    assert exported["kinds"] == {"programme": 1, "calendar": 1}
    back = ok(capsys, s1, "sync", "import", str(ack))
    assert back["kinds"] == {"programme": 1, "calendar": 1} and back["pending"] == 0
    assert rows(s1, "SELECT name, start_month, funded_months, monthly_amount FROM programme") == rows(
        office, "SELECT name, start_month, funded_months, monthly_amount FROM programme"
    )
    assert rows(s1, "SELECT name FROM funder") == [("APBD Kabupaten",)]
    assert ("Hari Raya Nyepi",) in rows(s1, "SELECT name FROM holiday WHERE day = '2026-03-20'")
    # At the station both are read-only (the office's versions win, every village's due dates follow them).
    station_pid = str(ok(capsys, s1, "program", "list")["programs"][0]["id"])
    for args in (("program", "extend", station_pid, "--funded-months", "6"), ("holidays", "add", "2026-04-03", "Libur")):
        code, refused = cli(capsys, s1, *args)
        assert code == 2 and "dikelola kantor dinas" in refused["error"]["message"], refused
    assert rows(s1, "SELECT funded_months FROM programme") == [(3,)]
    assert rows(s1, "SELECT count(*) FROM holiday WHERE day = '2026-04-03'") == [(0,)]

    # Station: a worker, enrolled, pays two months himself, one payment reversed, a card printed.
    wid, uid = register(s1, "Munip", "1903011208902835", RIAS, 1)
    pid = str(ok(capsys, s1, "program", "list")["programs"][0]["id"])
    assert ok(capsys, s1, "program", "enroll", pid, "--worker", str(wid))["enrolled"] == 1
    ok(capsys, s1, "payments", "self", pid, "--worker", str(wid), "--receipt", "KW-1", "--month", "2026-04",
       "--to", "2026-05", "--amount", "33600", "--date", "2026-05-02")  # fmt: skip
    second = ok(capsys, s1, "payments", "self", pid, "--worker", str(wid), "--receipt", "KW-2", "--month",
                "2026-06", "--amount", "16800", "--date", "2026-06-02")  # fmt: skip
    ok(capsys, s1, "payments", "reverse", str(second["id"]), "--reason", "Salah catat")
    pkg = tmp_path / "s1-1.jamsync"
    sent = ok(capsys, s1, "sync", "export", "--out", str(pkg))
    assert sent["kinds"] == {"enrolment": 1, "self_payment": 3}
    got = ok(capsys, office, "sync", "import", str(pkg))
    assert (got["inserted"], got["kinds"], got["pending"], got["held"]) == (
        1, {"enrolment": 1, "self_payment": 3}, 0, 0,
    )  # fmt: skip
    assert rows(office, ENROLMENTS) == rows(s1, ENROLMENTS) and len(rows(office, ENROLMENTS)) == 1
    assert rows(office, PAYMENTS) == rows(s1, PAYMENTS) and len(rows(office, PAYMENTS)) == 3
    assert ok(capsys, office, "sync", "import", str(pkg))["status"] == "already-imported"
    # The trail: one entry per kind the package brought, naming every version and the digest of what
    # was stored for them.
    trail = rows(office, "SELECT entity, entity_id, new_values FROM audit_entry WHERE action = 'sync_records'")
    assert sorted(entity for entity, _p, _v in trail) == ["enrolment", "self_payment"]
    stored = dict(rows(office, "SELECT gid || ' ' || hlc, data FROM sync_fact"))
    for entity, package_id, values in trail:
        assert package_id == got["package_id"]
        summary = json.loads(values)
        versions = [f"{g} {h}" for g, h in summary["versions"]]
        assert summary["count"] == len(versions) == {"enrolment": 1, "self_payment": 3}[entity]
        texts = "\n".join(stored[v] for v in versions)
        assert summary["sha256"] == hashlib.sha256(texts.encode()).hexdigest()

    # Office: reverses the first payment, records the funder's invoice; both go back to the station.
    office_pid = str(created["id"])
    first_id = rows(office, "SELECT id FROM self_payment WHERE receipt = 'KW-1'")[0][0]
    ok(capsys, office, "payments", "reverse", str(first_id), "--reason", "Dobel")
    ok(capsys, office, "payments", "funder", office_pid, "--invoice", "INV/1", "--month", "2026-01", "--to",
       "2026-03", "--amount", str(3 * 16_800), "--date", "2026-01-15", "--accept-difference")  # fmt: skip
    ack2 = tmp_path / "ack2.jamsync"
    relayed = ok(capsys, office, "sync", "export", "--out", str(ack2), "--station", "Rias")
    # Only what the office made itself goes back (the enrolment it wrote is not captured as its own change).
    assert relayed["kinds"] == {"programme": 1, "calendar": 1, "self_payment": 1, "funder_payment": 1}
    back = ok(capsys, s1, "sync", "import", str(ack2))
    assert back["written"] == {"self_payment": 1, "funder_payment": 1}
    assert rows(s1, PAYMENTS) == rows(office, PAYMENTS) and len(rows(s1, PAYMENTS)) == 4
    assert rows(s1, FUNDER_PAYMENTS) == rows(office, FUNDER_PAYMENTS) == [("INV/1", 2026 * 12, 2026 * 12 + 2, 50_400)]
    # Acknowledged, nothing echoes back: the station's next package is empty.
    empty = ok(capsys, s1, "sync", "export", "--out", str(tmp_path / "s1-2.jamsync"))
    assert (empty["changes"], empty["kinds"]) == (0, {})


def test_a_payment_before_its_worker_waits_and_an_edited_enrolment_travels(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any
) -> None:
    office, s1, s2 = sites
    ok(capsys, office, "program", "create", "--name", "P", "--funder", "APBD", "--start", "2026-01",
       "--funded-months", "2")  # fmt: skip
    for site, name in ((s1, "Rias"), (s2, "Tanjung Labu")):
        ok(capsys, office, "sync", "export", "--out", str(tmp_path / f"a-{name}.jamsync"), "--station", name)
        ok(capsys, site, "sync", "import", str(tmp_path / f"a-{name}.jamsync"))
    wid, uid = register(s1, "Munip", "1903011208902835", RIAS, 1)
    ok(capsys, s1, "program", "enroll", "1", "--worker", str(wid))
    ok(capsys, s1, "payments", "self", "1", "--worker", str(wid), "--receipt", "KW-7", "--month", "2026-03",
       "--amount", "16800", "--date", "2026-03-02")  # fmt: skip
    pkg = tmp_path / "s1.jamsync"
    ok(capsys, s1, "sync", "export", "--out", str(pkg))
    # The station's enrolment and payment reach the office before the worker (here: handed straight to
    # the office's merge): they wait, pending, and the package bringing the worker applies them.
    station = open_context(data_dir=s1)
    try:
        with station.unit_of_work() as uow:
            own = uow.sync.own()
            assert own is not None
            facts = uow.sync.records.by_origin(own.id)
    finally:
        station.close()
    assert sorted(f.kind for f in facts) == ["enrolment", "self_payment"]
    ctx = open_context(data_dir=office)
    try:
        with ctx.unit_of_work(write=True) as uow:
            own = uow.sync.own()
            assert own is not None
            early = RecordSync(uow, own, user="uji", now=datetime(2026, 11, 24, 10)).apply(list(reversed(facts)))
            uow.commit()
    finally:
        ctx.close()
    assert (early.pending, early.written) == (2, {})
    assert rows(office, "SELECT count(*) FROM self_payment") == [(0,)]
    got = ok(capsys, office, "sync", "import", str(pkg))
    assert got["pending"] == 0 and got["written"] == {"enrolment": 1, "self_payment": 1}
    assert got["kinds"] == {}  # known already (pending): nothing new, both written now
    # The office ends the enrolment (the worker's exit): the new version travels to the station.
    ctx = open_context(data_dir=office)
    try:
        with ctx.unit_of_work(write=True) as uow:
            owid = uow.sync.worker_ids([uid])[uid]
            uow.enrolments.end_for_worker(owid, exit_date=datetime(2026, 6, 30).date(), reason="moved")
            uow.commit()
    finally:
        ctx.close()
    ack = tmp_path / "ack.jamsync"
    sent = ok(capsys, office, "sync", "export", "--out", str(ack), "--station", "Rias")
    assert sent["kinds"].get("enrolment") == 1
    ok(capsys, s1, "sync", "import", str(ack))
    assert rows(s1, ENROLMENTS) == rows(office, ENROLMENTS)
    assert rows(s1, ENROLMENTS)[0][5] == 2026 * 12 + 5  # ended in June 2026


@pytest.mark.parametrize("other", [3, 5])
def test_a_package_of_an_older_or_newer_format_is_refused_and_changes_nothing(
    sites: tuple[Path, Path, Path], tmp_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch, other: int
) -> None:
    import jamsos_desktop.services.sync as sync_module

    office, s1, _s2 = sites
    register(s1, "Munip", "1903011208902835", RIAS, 1)
    pkg = tmp_path / "old.jamsync"
    with monkeypatch.context() as patch:
        patch.setattr(sync_module, "SCHEMA_VERSION", other)  # the station runs another version
        ok(capsys, s1, "sync", "export", "--out", str(pkg))
    before = rows(office, "SELECT count(*) FROM worker") + rows(office, "SELECT count(*) FROM sync_fact")
    code, data = cli(capsys, office, "sync", "import", str(pkg))
    assert code == 3 and data["error"]["code"] == "sync.schema_version"
    assert f"format {other}" in data["error"]["message"]
    assert rows(office, "SELECT count(*) FROM worker") + rows(office, "SELECT count(*) FROM sync_fact") == before
