"""Every write path of programmes, the calendar, enrolments, payments and card prints is captured for sync
(issue 6) without a hook in any of them: after each path, the capture finds the change (a new version of
the right kind) and afterwards nothing is left uncaptured — every row's digest matches its binding, every
payment and card row is bound to a global id. Paths: the demo generator's bulk inserts, programme create,
update (funded range of every enrolment follows) and extend, holidays (add, remove, fixed, via the demo),
enrol, a worker's exit and deactivation, self-payment record / Excel import / reversal, funder payment
record / reversal, card printing, worker events (an accident, a claim followed, a death), handover events
(create, update, recipients added and removed, the demo's launch event), and a merge of two duplicate
records (enrolments and events move)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from jamsos_desktop.app import AppContext, open_context
from jamsos_desktop.domain.programme import Month
from jamsos_desktop.domain.sync_records import (
    CALENDAR,
    CARD_PRINT,
    ENROLMENT,
    FUNDER_PAYMENT,
    HANDOVER,
    PROGRAMME,
    SELF_PAYMENT,
    WORKER_EVENT,
    digest,
)
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex, WorkerStatus
from jamsos_desktop.services.cards import PrintRequest, Selection
from jamsos_desktop.services.demo import generate_demo
from jamsos_desktop.services.programme_demo import seed_demo_programme
from jamsos_desktop.services.sync_events import event_digest, handover_digest
from jamsos_desktop.services.sync_records import enrolment_digest

NOW = datetime(2026, 3, 10, 9, 0)


def _table_counts(ctx: AppContext) -> dict[str, int]:
    with ctx.unit_of_work() as uow:
        session = uow.sync.session  # type: ignore[attr-defined]
        from sqlalchemy import text

        return {
            t: int(session.execute(text(f"SELECT count(*) FROM {t}")).scalar())
            for t in ("programme", "enrolment", "self_payment", "funder_payment", "card_print")
        }


def assert_nothing_uncaptured(ctx: AppContext) -> None:
    """Every row of the travelling kinds is bound, with the digest of its current content (at the office,
    the calendar too)."""
    with ctx.unit_of_work() as uow:
        repo = uow.sync.records
        programmes = repo.programmes()
        bound = repo.bound(PROGRAMME)
        for pid, data in programmes.items():
            assert max(bound[pid], key=lambda g: g[2])[1] == digest(data), pid
        assert max(repo.bound(CALENDAR)[0], key=lambda g: g[2])[1] == digest(repo.calendar())
        bound = repo.bound(ENROLMENT)
        for eid, (_pid, uid, data) in repo.enrolments().items():
            assert max(bound[eid], key=lambda g: g[2])[1] == enrolment_digest(uid, data), eid
        for kind in (SELF_PAYMENT, FUNDER_PAYMENT, CARD_PRINT):
            assert repo.new_rows(kind) == [], kind
        bound = repo.bound(WORKER_EVENT)
        for eid, (uid, pid, data) in repo.events.worker_events().items():
            assert max(bound[eid], key=lambda g: g[2])[1] == event_digest(uid, pid, data), eid
        bound = repo.bound(HANDOVER)
        for hid, (pid, data, uids) in repo.events.handovers().items():
            assert max(bound[hid], key=lambda g: g[2])[1] == handover_digest(pid, data, uids), hid
    counts = _table_counts(ctx)
    with ctx.unit_of_work() as uow:
        for kind, table in ((SELF_PAYMENT, "self_payment"), (FUNDER_PAYMENT, "funder_payment"), (CARD_PRINT, "card_print")):
            assert len(uow.sync.records.bound(kind)) == counts[table], kind


class Office:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        own = ctx.sync.own()
        assert own is not None
        self.own = own.id
        self.after = ""

    def captured(self) -> dict[str, int]:
        """Kinds (and how many versions) the capture finds since the last call."""
        self.ctx.sync.capture()
        with self.ctx.unit_of_work() as uow:
            facts = uow.sync.records.by_origin(self.own, self.after)
        if facts:
            self.after = max(f.hlc for f in facts)
        out: dict[str, int] = {}
        for fact in facts:
            out[fact.kind] = out.get(fact.kind, 0) + 1
        assert_nothing_uncaptured(self.ctx)
        return out


def test_every_write_path_is_captured(tmp_path: Path) -> None:
    ctx = open_context(data_dir=tmp_path / "office")
    minute = [0]

    def tick() -> datetime:
        minute[0] += 1
        return NOW + timedelta(minutes=minute[0])

    ctx.clock = tick
    try:
        ctx.sync.register_station("Rias", ["19.03.01.2008"], tmp_path / "rias.station")
        office = Office(ctx)
        assert office.captured() == {CALENDAR: 1}  # the (empty) calendar, once
        # Bulk paths of the demo: workers, holidays, programme, enrolments, self- and funder payments.
        generate_demo(ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=40, seed=3, now=NOW, user="demo")
        pid = seed_demo_programme(ctx.unit_of_work, now=NOW, seed=3)
        counts = _table_counts(ctx)
        got = office.captured()
        assert got[PROGRAMME] == 1 and got[CALENDAR] == 1
        assert got[ENROLMENT] == counts["enrolment"] > 0
        assert got[SELF_PAYMENT] == counts["self_payment"] > 0
        assert got[FUNDER_PAYMENT] == counts["funder_payment"] > 0
        assert office.captured() == {}  # nothing changed: nothing captured

        programme = ctx.programmes.get(pid)
        # update: name and notes (one programme version) …
        ctx.programmes.update(pid, replace(_data(programme), notes="Catatan baru"), expected_version=programme.version)
        assert office.captured() == {PROGRAMME: 1}
        # … extend: the funded months change every enrolment's funded range (refund_window).
        ctx.programmes.extend(pid, programme.funded_months + 2)
        assert office.captured() == {PROGRAMME: 1, ENROLMENT: counts["enrolment"]}
        # A new programme (create) and a few workers enrolled in it.
        from jamsos_desktop.domain.programme import Funder, FunderKind, ProgrammeData

        other = ctx.programmes.create(
            ProgrammeData(name="Program Kedua", funders=(Funder("CSR Timah", FunderKind.CSR),), start=Month.of(2026, 1),
                          funded_months=3, income=1_000_000, quota=None)  # fmt: skip
        )
        assert office.captured() == {PROGRAMME: 1}
        new_ids = [
            ctx.registry.register(WorkerData(name=f"Pekerja {i}", sex=Sex.MALE, birth_date=date(1990, 8, 12),
                                             village_code="19.03.01.2008", nik=f"190301120890{2801 + i}")).worker.id
            for i in range(6)
        ]  # fmt: skip
        workers = [w for w in _workers(ctx) if w[0] in new_ids]
        enrolled = ctx.programmes.enrol(other.id, worker_ids=[w[0] for w in workers[:3]])
        assert office.captured() == {ENROLMENT: enrolled.enrolled} and enrolled.enrolled == 3
        # Holidays: add, remove, the fixed ones of a year.
        ctx.programmes.set_holiday(date(2027, 2, 17), "Tahun Baru Imlek")
        assert office.captured() == {CALENDAR: 1}
        ctx.programmes.remove_holiday(date(2027, 2, 17))
        assert office.captured() == {CALENDAR: 1}
        assert ctx.programmes.add_fixed_holidays(2029) > 0
        assert office.captured() == {CALENDAR: 1}

        # Self-payments: one recorded, one imported from Excel, one reversed.
        wid = workers[0][0]
        paid = ctx.payments.record_self_payment(other.id, receipt="KW-A1", first="2026-04", amount=16_800, worker_id=wid)
        assert office.captured() == {SELF_PAYMENT: 1}
        book = Workbook()
        book.active.append(["Kuitansi", "NIK", "Bulan", "Sampai", "Jumlah", "Tanggal"])
        book.active.append(["KW-A2", workers[1][1], "2026-04", "2026-05", 33_600, "2026-03-01"])
        book.save(tmp_path / "kuitansi.xlsx")
        assert ctx.payments.import_self_payments(other.id, tmp_path / "kuitansi.xlsx").recorded == 1
        assert office.captured() == {SELF_PAYMENT: 1}
        ctx.payments.reverse_self_payment(paid.payment.id, "Salah orang")
        assert office.captured() == {SELF_PAYMENT: 1}
        # Funder payment and its reversal.
        fp = ctx.payments.record_funder_payment(other.id, invoice="INV-77", first="2026-01", amount=1,
                                                paid_on=date(2026, 1, 5), accept_difference=True)  # fmt: skip
        assert office.captured() == {FUNDER_PAYMENT: 1}
        ctx.payments.reverse_funder_payment(fp.id, "Salah faktur")
        assert office.captured() == {FUNDER_PAYMENT: 1}
        # Cards printed.
        printed = ctx.cards.print_cards(PrintRequest(Selection(worker_ids=(wid, workers[1][0]))), tmp_path / "k.pdf")
        assert office.captured() == {CARD_PRINT: printed.cards} and printed.cards == 2
        # Worker events: an accident reported, its claim followed; a death (which ends the enrolments).
        from jamsos_desktop.domain.programme import ClaimStatus, EventKind, WorkerEvent

        accident = ctx.programmes.record_event(WorkerEvent(
            worker_id=wid, kind=EventKind.ACCIDENT, event_date=date(2026, 3, 2), programme_id=other.id,
            heir_name="Siti", heir_relationship="spouse", heir_phone="081234567890", notes="Jatuh dari perahu",
        ))  # fmt: skip
        assert office.captured() == {WORKER_EVENT: 1}
        ctx.programmes.set_claim_status(accident.id, ClaimStatus.SUBMITTED, notes="Berkas lengkap")
        assert office.captured() == {WORKER_EVENT: 1}
        ctx.programmes.set_claim_status(accident.id, ClaimStatus.PAID)
        assert office.captured() == {WORKER_EVENT: 1}
        ctx.programmes.record_event(WorkerEvent(worker_id=wid, kind=EventKind.DEATH, event_date=date(2026, 3, 5)))
        assert office.captured() == {WORKER_EVENT: 1, ENROLMENT: 1}
        # Handover events: created, renamed, recipients added (in order) and one removed; the demo's.
        from jamsos_desktop.domain.cards import HandoverEventData
        from jamsos_desktop.services.cards_demo import seed_demo_handover

        ceremony = HandoverEventData(name="Penyerahan Kartu", event_date=date(2026, 3, 20), place="Toboali",
                                     officials="Bupati: H. Riza", programme_id=other.id)  # fmt: skip
        hid = ctx.cards.create_event(ceremony)
        assert office.captured() == {HANDOVER: 1}
        ctx.cards.update_event(hid, replace(ceremony, place="Pendopo Toboali"))
        assert office.captured() == {HANDOVER: 1}
        assert ctx.cards.add_recipients(hid, [workers[1][0], workers[0][0], workers[2][0]]) == 3
        assert office.captured() == {HANDOVER: 1}
        assert ctx.cards.remove_recipient(hid, workers[0][0])
        assert office.captured() == {HANDOVER: 1}
        seed_demo_handover(ctx.unit_of_work, now=NOW)
        assert office.captured() == {HANDOVER: 1}
        # A worker's exit from the programmes, then a deactivation: enrolments end.
        ctx.programmes.exit_worker(workers[1][0], exit_date=date(2026, 3, 31), reason="moved")
        assert office.captured() == {ENROLMENT: 1}
        ctx.registry.deactivate(workers[2][0], WorkerStatus.WITHDRAWN, end_date=date(2026, 2, 28))
        assert office.captured() == {ENROLMENT: 1}
        # Two records of one person merged: the loser's enrolment moves to the survivor.
        loser = next(w for w in workers[3:] if not _enrolments_in(ctx, w[0], other.id))
        ctx.programmes.enrol(other.id, worker_ids=[loser[0]])
        assert office.captured() == {ENROLMENT: 1}
        ctx.programmes.record_event(WorkerEvent(worker_id=loser[0], kind=EventKind.ACCIDENT, event_date=date(2026, 3, 6)))
        assert office.captured() == {WORKER_EVENT: 1}
        uids = dict((w[0], w[3]) for w in _workers(ctx))
        ctx.sync.merge(uids[workers[4][0] if workers[4][0] != loser[0] else workers[5][0]], uids[loser[0]])
        got = office.captured()
        assert ENROLMENT in got and got.get(WORKER_EVENT) == 1
    finally:
        ctx.close()


def _data(programme: Any) -> Any:
    from jamsos_desktop.domain.programme import ProgrammeData

    return ProgrammeData(
        name=programme.name, funders=programme.funders, start=programme.start, funded_months=programme.funded_months,
        income=programme.income, quota=programme.quota, notes=programme.notes, include_jht=programme.include_jht,
        lapse_threshold=programme.lapse_threshold, window=programme.window, horizon_months=programme.horizon_months,
    )  # fmt: skip


def _workers(ctx: AppContext) -> list[tuple[int, str, str, str]]:
    """(id, NIK, status, uid) of every worker with a NIK, by id."""
    with ctx.unit_of_work() as uow:
        from sqlalchemy import text

        session = uow.sync.session  # type: ignore[attr-defined]
        rows = session.execute(text("SELECT id, nik, status, uid FROM worker WHERE nik IS NOT NULL ORDER BY id"))
        return [tuple(r) for r in rows]  # type: ignore[misc]


def _enrolments_in(ctx: AppContext, worker_id: int, programme_id: int) -> bool:
    with ctx.unit_of_work() as uow:
        return uow.enrolments.get(programme_id, worker_id) is not None
