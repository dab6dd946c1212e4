"""Stateful property test of sync with records (issue 6): two stations register workers, enrol them, record
self-payments and reverse some, report work accidents and follow their claims, organise handover events
and edit any handover they hold, export packages at random moments; the office follows claims up,
organises and edits its own handovers, and acknowledges at random moments; packages reach two copies of
the office in random order, with duplicates, losses (never delivered) and re-sends. In the end, once every
package written has reached both copies (in opposite orders), the two offices hold the same workers,
enrolments and payments, the same events and station handovers (the office's own versions reach only the
first copy), and nothing a station recorded is missing there (set union: no payment or reversal lost, none
doubled); after a last acknowledgement every station shows the office's winning version of each event of
its workers and of every handover (an office version beats a station's edit).

SQLite files only: the office's copy is a copy of its data directory (same identity and keys)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from db_support import raw_db
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from jamsos_desktop.app import AppContext, open_context
from jamsos_desktop.domain.cards import HandoverEventData
from jamsos_desktop.domain.errors import JamsosError
from jamsos_desktop.domain.programme import (
    ClaimStatus,
    EventKind,
    Funder,
    FunderKind,
    Month,
    ProgrammeData,
    WorkerEvent,
)
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex

pytestmark = pytest.mark.sqlite_only

VILLAGES = {"s1": ("Rias", "19.03.01.2008", "190301"), "s2": ("Tanjung Labu", "19.03.02.2001", "190302")}
START = datetime(2026, 11, 24, 8, 0)


class Clock:
    """One clock for every site: each use moves it on a minute (changes are ordered as they happen)."""

    def __init__(self) -> None:
        self.minutes = 0

    def __call__(self) -> datetime:
        self.minutes += 1
        return START + timedelta(minutes=self.minutes)


def _context(path: Path, clock: Clock) -> AppContext:
    ctx = open_context(data_dir=path)
    ctx.clock = clock
    return ctx


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office with a programme and two joined stations that already hold it."""
    root = tmp_path_factory.mktemp("sync-records-template")
    clock = Clock()
    office = _context(root / "office", clock)
    try:
        office.programmes.create(ProgrammeData(
            name="Bangka Selatan 2026", funders=(Funder("APBD Kabupaten", FunderKind.APBD_KABUPATEN),),
            start=Month.of(2026, 1), funded_months=2, income=1_000_000, quota=None,
        ))  # fmt: skip
        for key, (name, village, _prefix) in VILLAGES.items():
            office.sync.register_station(name, [village], root / f"{key}.station")
    finally:
        office.close()
    for key, (name, _village, _prefix) in VILLAGES.items():
        station = _context(root / key, clock)
        try:
            station.sync.join(root / f"{key}.station")
        finally:
            station.close()
        office = _context(root / "office", clock)
        try:
            office.sync.export(root / f"ack0-{key}.jamsync", name)
        finally:
            office.close()
        station = _context(root / key, clock)
        try:
            station.sync.import_package(root / f"ack0-{key}.jamsync")
        finally:
            station.close()
    return root


def dump(path: Path) -> dict[str, Any]:
    """What must agree between sites, named by global ids (uids, receipts), never by local ids."""
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return sorted((tuple("" if v is None else v for v in r) for r in db.execute(sql)), key=repr)

    with raw_db(path) as db:
        workers = rows("SELECT uid, nik, name, village_code FROM worker")
        enrolments = rows(
            "SELECT p.name, w.uid, e.start_month, e.end_month, e.funded_from, e.funded_to FROM enrolment e "
            "JOIN worker w ON w.id = e.worker_id JOIN programme p ON p.id = e.programme_id"
        )
        payments = rows(
            "SELECT w.uid, s.receipt, s.first_month, s.last_month, s.amount, s.reason, o.receipt "
            "FROM self_payment s JOIN worker w ON w.id = s.worker_id "
            "LEFT JOIN self_payment o ON o.id = s.reversal_of"
        )
        events = rows(
            "SELECT w.uid, e.kind, e.event_date, e.claim_status, e.notes, e.heir_name "
            "FROM worker_event e JOIN worker w ON w.id = e.worker_id"
        )
        handovers = rows("SELECT name, place, event_date FROM handover_event")
        recipients = rows(
            "SELECT h.name, r.position, w.uid FROM handover_recipient r "
            "JOIN handover_event h ON h.id = r.event_id JOIN worker w ON w.id = r.worker_id"
        )
    return {"workers": workers, "enrolments": enrolments, "payments": payments, "events": events,
            "handovers": handovers, "recipients": recipients}  # fmt: skip


class SyncWithRecords(RuleBasedStateMachine):
    root: Path

    @initialize()
    def start(self) -> None:
        self.clock = Clock()
        self.clock.minutes = 10_000
        self.sites: dict[str, Path] = {}
        for name in ("office", "s1", "s2"):
            shutil.copytree(TEMPLATE[0] / name, self.root / name)
            self.sites[name] = self.root / name
        shutil.copytree(TEMPLATE[0] / "office", self.root / "office_b")
        self.sites["office_b"] = self.root / "office_b"
        self.packages: list[Path] = []  # station -> office packages, in the order written
        self.workers: dict[str, list[int]] = {"s1": [], "s2": []}
        self.enrolled: dict[str, list[int]] = {"s1": [], "s2": []}
        self.payments: dict[str, list[int]] = {"s1": [], "s2": []}
        self.office_touched: set[tuple[str, str, str]] = set()  # events the office made a version of
        self.office_places: dict[str, str] = {}  # the office's handovers: name -> the place it set
        self.counter = 0
        for station in ("s1", "s2"):  # one enrolled worker each to start with
            self.register(station, True)

    def _ctx(self, site: str) -> AppContext:
        return _context(self.sites[site], self.clock)

    @rule(station=st.sampled_from(["s1", "s2"]), enrol=st.booleans())
    def register(self, station: str, enrol: bool) -> None:
        self.counter += 1
        _name, village, prefix = VILLAGES[station]
        ctx = self._ctx(station)
        try:
            saved = ctx.registry.register(WorkerData(
                name=f"Pekerja {station} {self.counter}", sex=Sex.MALE, birth_date=date(1990, 8, 12),
                village_code=village, nik=f"{prefix}120890{1000 + self.counter:04d}",
            )).worker  # fmt: skip
            if enrol:
                assert ctx.programmes.enrol(1, worker_ids=[saved.id]).enrolled == 1
                self.enrolled[station].append(saved.id)
        finally:
            ctx.close()
        self.workers[station].append(saved.id)

    @precondition(lambda self: any(set(self.workers[s]) - set(self.enrolled[s]) for s in ("s1", "s2")))
    @rule(station=st.sampled_from(["s1", "s2"]), data=st.data())
    def enrol(self, station: str, data: st.DataObject) -> None:
        free = sorted(set(self.workers[station]) - set(self.enrolled[station]))
        if not free:
            return
        wid = data.draw(st.sampled_from(free))
        ctx = self._ctx(station)
        try:
            assert ctx.programmes.enrol(1, worker_ids=[wid]).enrolled == 1
        finally:
            ctx.close()
        self.enrolled[station].append(wid)

    @rule(station=st.sampled_from(["s1", "s2"]), month=st.integers(3, 10), data=st.data())
    def pay(self, station: str, month: int, data: st.DataObject) -> None:
        if not self.enrolled[station]:
            return
        wid = data.draw(st.sampled_from(self.enrolled[station]))
        self.counter += 1
        ctx = self._ctx(station)
        try:
            paid = ctx.payments.record_self_payment(
                1, receipt=f"KW-{station}-{self.counter}", first=f"2026-{month:02d}", amount=16_800, worker_id=wid
            )
            self.payments[station].append(paid.payment.id)
        except JamsosError:
            pass  # the month is paid already: refused at the station, nothing to send
        finally:
            ctx.close()

    @precondition(lambda self: any(self.payments.values()))
    @rule(station=st.sampled_from(["s1", "s2"]), data=st.data())
    def reverse(self, station: str, data: st.DataObject) -> None:
        if not self.payments[station]:
            return
        pid = data.draw(st.sampled_from(self.payments[station]))
        self.payments[station].remove(pid)
        ctx = self._ctx(station)
        try:
            ctx.payments.reverse_self_payment(pid, "Salah catat")
        finally:
            ctx.close()

    @precondition(lambda self: any(self.workers.values()))
    @rule(station=st.sampled_from(["s1", "s2"]), data=st.data())
    def accident(self, station: str, data: st.DataObject) -> None:
        """A village clerk reports a work accident of one of the station's workers."""
        if not self.workers[station]:
            return
        wid = data.draw(st.sampled_from(self.workers[station]))
        self.counter += 1
        ctx = self._ctx(station)
        try:
            ctx.programmes.record_event(WorkerEvent(
                worker_id=wid, kind=EventKind.ACCIDENT, event_date=date(2026, 11, 1 + self.counter % 20),
                programme_id=1, heir_name=f"Ahli Waris {self.counter}",
            ))  # fmt: skip
        finally:
            ctx.close()

    @rule(site=st.sampled_from(["s1", "s2", "office"]), status=st.sampled_from(list(ClaimStatus)), data=st.data())
    def claim(self, site: str, status: ClaimStatus, data: st.DataObject) -> None:
        """The claim of an event this site holds is followed up (at a station or at the office)."""
        ctx = self._ctx(site)
        try:
            events = sorted(ctx.programmes.events(), key=lambda e: e.id)
            if not events:
                return
            event = data.draw(st.sampled_from(events))
            self.counter += 1
            ctx.programmes.set_claim_status(event.id, status, notes=f"{site} {self.counter}")
            if site == "office":
                with raw_db(self.sites["office"]) as db:
                    (uid,) = db.execute(f"SELECT uid FROM worker WHERE id = {event.worker_id}").fetchone()
                self.office_touched.add((uid, event.kind.value, event.event_date.isoformat()))
        finally:
            ctx.close()

    @rule(site=st.sampled_from(["s1", "s2", "office"]), data=st.data())
    def organise(self, site: str, data: st.DataObject) -> None:
        """A handover event with some of the workers this site holds as recipients, in a drawn order."""
        self.counter += 1
        name = f"Acara kantor {self.counter}" if site == "office" else f"Acara {site} {self.counter}"
        ctx = self._ctx(site)
        try:
            hid = ctx.cards.create_event(HandoverEventData(name, date(2026, 12, 1), f"Tempat {self.counter}"))
            with raw_db(self.sites[site]) as db:
                ids = sorted(r[0] for r in db.execute("SELECT id FROM worker"))
            if ids:
                chosen = data.draw(st.lists(st.sampled_from(ids), max_size=3, unique=True))
                ctx.cards.add_recipients(hid, chosen)
        finally:
            ctx.close()
        if site == "office":
            self.office_places[name] = f"Tempat {self.counter}"

    @rule(site=st.sampled_from(["s1", "s2", "office"]), data=st.data())
    def move_handover(self, site: str, data: st.DataObject) -> None:
        """A handover this site holds gets another place (the office edits only its own)."""
        ctx = self._ctx(site)
        try:
            events = sorted(ctx.cards.events(), key=lambda e: e.id)
            if site == "office":
                events = [e for e in events if e.name in self.office_places]
            if not events:
                return
            event = data.draw(st.sampled_from(events))
            self.counter += 1
            place = f"Tempat {site} {self.counter}"
            ctx.cards.update_event(event.id, HandoverEventData(event.name, event.event_date, place, event.officials,
                                                               event.programme_id))  # fmt: skip
        finally:
            ctx.close()
        if site == "office":
            self.office_places[event.name] = place

    @rule(station=st.sampled_from(["s1", "s2"]))
    def export(self, station: str) -> None:
        out = self.root / f"{station}-{len(self.packages)}.jamsync"
        ctx = self._ctx(station)
        try:
            ctx.sync.export(out)
        finally:
            ctx.close()
        self.packages.append(out)

    @precondition(lambda self: self.packages)
    @rule(office=st.sampled_from(["office", "office_b"]), data=st.data())
    def deliver(self, office: str, data: st.DataObject) -> None:
        """Any package written so far, to either office: out of order, again, or never (a loss)."""
        package = data.draw(st.sampled_from(self.packages))
        ctx = self._ctx(office)
        try:
            ctx.sync.import_package(package)
        finally:
            ctx.close()

    @rule(station=st.sampled_from(["s1", "s2"]))
    def acknowledge(self, station: str) -> None:
        out = self.root / f"ack-{station}-{self.counter}-{self.clock.minutes}.jamsync"
        ctx = self._ctx("office")
        try:
            ctx.sync.export(out, VILLAGES[station][0])
        finally:
            ctx.close()
        ctx = self._ctx(station)
        try:
            ctx.sync.import_package(out)
        finally:
            ctx.close()

    @invariant()
    def nothing_waits_at_a_station(self) -> None:
        for station in ("s1", "s2"):
            with raw_db(self.sites[station]) as db:
                assert db.execute("SELECT count(*) FROM sync_fact WHERE state <> 'applied'").fetchone()[0] == 0

    def teardown(self) -> None:
        if not hasattr(self, "sites"):
            return
        # Every station sends what the office has not acknowledged; every package reaches both copies.
        for station in ("s1", "s2"):
            self.export(station)
        for office, order in (("office", self.packages), ("office_b", list(reversed(self.packages)))):
            ctx = self._ctx(office)
            try:
                for package in order:
                    ctx.sync.import_package(package)
            finally:
                ctx.close()
        a, b = dump(self.sites["office"]), dump(self.sites["office_b"])
        for key in ("workers", "enrolments", "payments"):
            assert a[key] == b[key], key
        # Events: the same ones everywhere (none lost, none doubled); their values agree where the office
        # made no version (the office's own versions reach only the first copy).
        assert [e[:3] for e in a["events"]] == [e[:3] for e in b["events"]]
        assert [e for e in a["events"] if e[:3] not in self.office_touched] == [
            e for e in b["events"] if e[:3] not in self.office_touched
        ]
        # Handovers: the stations' ones in both copies alike (the second copy may hold an office's one as a
        # station edited it); the office's where the office put them.
        for key in ("handovers", "recipients"):
            assert [h for h in a[key] if h[0] not in self.office_places] == [
                h for h in b[key] if h[0] not in self.office_places
            ], key
        assert {h[0]: h[1] for h in a["handovers"] if h[0] in self.office_places} == self.office_places
        for station in ("s1", "s2"):
            here = dump(self.sites[station])
            for key in ("workers", "enrolments", "payments"):
                assert set(here[key]) <= set(a[key]), (station, key)
        with raw_db(self.sites["office"]) as db:
            assert db.execute("SELECT count(*) FROM sync_fact WHERE state <> 'applied'").fetchone()[0] == 0
        # A last acknowledgement: every station shows the winning version of its workers' events and of
        # every handover (with the recipients it holds).
        for station in ("s1", "s2"):
            self.acknowledge(station)
            here = dump(self.sites[station])
            uids = {w[0] for w in here["workers"]}
            assert here["events"] == [e for e in a["events"] if e[0] in uids], station
            assert here["handovers"] == a["handovers"], station
            assert here["recipients"] == [r for r in a["recipients"] if r[2] in uids], station


TEMPLATE: list[Path] = []


def test_offices_converge_on_workers_enrolments_and_payments(template: Path, tmp_path: Path) -> None:
    TEMPLATE[:] = [template]
    runs = [0]

    class Machine(SyncWithRecords):
        def __init__(self) -> None:
            super().__init__()
            runs[0] += 1
            self.root = tmp_path / f"run{runs[0]}"
            self.root.mkdir()

    Machine.TestCase.settings = settings(
        max_examples=8, stateful_step_count=30, deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )  # fmt: skip
    Machine.TestCase().runTest()
