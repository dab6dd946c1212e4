"""Programmes, enrolment, calendar, payments and budget against a real SQLite file."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from jamsos_desktop.domain.calendar import ActionList, MonthStatus, Payer
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
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.demo import generate_demo

NOW = datetime(2026, 3, 20, 9, 0)  # Feb 2026 (first self-paid month) is past due, March is late too


def bangka(**changes: object) -> ProgrammeData:
    data = dict(
        name="Bangka Selatan 2025",
        funders=(Funder("APBD Kabupaten Bangka Selatan", FunderKind.APBD_KABUPATEN),),
        start=Month.of(2025, 8),
        funded_months=6,
    )
    data.update(changes)
    return ProgrammeData(**data)  # type: ignore[arg-type]


@pytest.fixture
def ctx(context):  # type: ignore[no-untyped-def]
    context.clock = lambda: NOW
    generate_demo(
        context.unit_of_work, context.region_table(), context.regency(), workers=60, seed=3, now=NOW, user="t"
    )
    return context


def active_ids(ctx, n: int | None = None) -> list[int]:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.worker import WorkerQuery

    ids = ctx.registry.search_ids(
        WorkerQuery(statuses=(WorkerStatus.DRAFT, WorkerStatus.VERIFIED, WorkerStatus.REGISTERED))
    )
    return sorted(ids)[:n] if n else sorted(ids)


def pay_funder(ctx, pid: int, first: str, last: str) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.get(pid)
    fid = p.funders[0].id
    expected = ctx.payments.expected_for_funder(pid, fid, Month.parse(first), Month.parse(last))
    ctx.payments.record_funder_payment(
        pid,
        funder_id=fid,
        invoice=f"INV-{first}",
        first=first,
        last=last,
        amount=sum(e.expected for e in expected),
        paid_on=date(2026, 1, 5),
    )


def test_create_list_and_duplicate_name(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    assert p.monthly_amount == 16_800 and str(p.start) == "2025-08"
    assert [x.name for x in ctx.programmes.list()] == ["Bangka Selatan 2025"]
    with pytest.raises(JamsosError) as err:
        ctx.programmes.create(bangka())
    assert err.value.code == "programme.name_taken"


def test_budget_of_1768_workers(context) -> None:  # type: ignore[no-untyped-def]
    context.clock = lambda: NOW
    generate_demo(
        context.unit_of_work,
        context.region_table(),
        context.regency(),
        workers=2_000,
        seed=5,
        now=NOW,
        user="t",
    )
    ids = active_ids(context)
    assert len(ids) >= 1_768
    p = context.programmes.create(bangka())
    assert context.programmes.enrol(p.id, worker_ids=ids[:1_768]).enrolled == 1_768
    budget = context.payments.budget(p.id)
    assert (budget.enrolled, budget.planned, budget.paid, budget.outstanding) == (
        1_768,
        178_214_400,
        0,
        178_214_400,
    )
    pay_funder(context, p.id, "2025-08", "2025-10")
    budget = context.payments.budget(p.id)
    assert budget.paid == 1_768 * 16_800 * 3 and budget.outstanding == 1_768 * 16_800 * 3
    assert sum(d.planned for d in budget.by_district) == 178_214_400
    assert sum(d.paid for d in budget.by_district) == budget.paid
    funder_months = [m for m in budget.months if m.payer == "funder"]
    assert [str(m.month) for m in funder_months] == [
        "2025-08",
        "2025-09",
        "2025-10",
        "2025-11",
        "2025-12",
        "2026-01",
    ]
    nov = funder_months[3]
    assert nov.due_date == date(2025, 11, 17) and nov.expected == 1_768 * 16_800 and nov.paid == 0
    assert [m.payer for m in budget.months if str(m.month) == "2026-02"] == ["self"]


def test_fourth_month_enrolment_gets_remaining_funded_months(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    wid = active_ids(ctx, 1)[0]
    ctx.programmes.enrol(p.id, worker_ids=[wid], start=Month.of(2025, 11))
    e = ctx.programmes.enrolment(p.id, wid)
    assert (str(e.funded_from), str(e.funded_to)) == ("2025-11", "2026-01")
    strip = ctx.calendar.worker_strip(p.id, wid)
    assert [str(c.month) for c in strip.months if c.payer is Payer.FUNDER] == [
        "2025-11",
        "2025-12",
        "2026-01",
    ]
    assert ctx.payments.budget(p.id).planned == 3 * 16_800


def test_overlapping_programmes_are_refused(ctx) -> None:  # type: ignore[no-untyped-def]
    a = ctx.programmes.create(bangka())
    b = ctx.programmes.create(bangka(name="Program Provinsi", funders=(Funder("APBD Provinsi"),)))
    ids = active_ids(ctx, 5)
    ctx.programmes.enrol(a.id, worker_ids=ids[:2])
    with pytest.raises(JamsosError) as err:
        ctx.programmes.enrol(b.id, worker_ids=[ids[0]])
    assert err.value.code == "enrolment.overlap"
    assert "Bangka Selatan 2025" in err.value.message("id")
    result = ctx.programmes.enrol(b.id, worker_ids=ids)
    assert result.enrolled == 3 and set(result.overlapping) == set(ids[:2])


def test_exit_ends_future_months(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ids = active_ids(ctx, 3)
    ctx.programmes.enrol(p.id, worker_ids=ids)
    ctx.registry.deactivate(ids[0], WorkerStatus.WITHDRAWN, end_date=date(2025, 10, 20), reason="pindah")
    e = ctx.programmes.enrolment(p.id, ids[0])
    assert str(e.end) == "2025-10" and e.exit_reason == "withdrawn"
    assert ctx.payments.budget(p.id).planned == (6 + 6 + 3) * 16_800
    nov = ctx.calendar.month_view(p.id, Month.of(2025, 11))
    assert nov.funder.count == 2 and nov.due_date == date(2025, 11, 17)


def test_self_payments_receipts_and_reversal(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ids = active_ids(ctx, 4)
    ctx.programmes.enrol(p.id, worker_ids=ids)
    pay = ctx.payments.record_self_payment
    first = pay(
        p.id,
        worker_id=ids[0],
        receipt="KW-1",
        first="2026-02",
        last="2026-04",
        amount=50_400,
        paid_on=date(2026, 2, 10),
    )
    again = pay(
        p.id,
        worker_id=ids[0],
        receipt="KW-1",
        first="2026-02",
        last="2026-04",
        amount=50_400,
        paid_on=date(2026, 2, 10),
    )
    assert again.duplicate and again.payment.id == first.payment.id
    assert ctx.payments.count() == 1
    bad = [
        (dict(receipt="KW-1", first="2026-02", amount=16_800), "payment.receipt_conflict"),
        (dict(receipt="KW-2", first="2026-03", amount=16_800), "payment.month_paid"),
        (dict(receipt="KW-3", first="2025-12", amount=16_800), "payment.funded_month"),
        (dict(receipt="KW-4", first="2025-07", amount=16_800), "payment.outside_enrolment"),
        (dict(receipt="KW-5", first="2026-05", amount=-16_800), "payment.amount_invalid"),
        (dict(receipt="KW-6", first="2026-05", amount=16_800.5), "payment.amount_invalid"),
        (dict(receipt="KW-7", first="2026-05", amount=16_000), "payment.amount_mismatch"),
        (dict(receipt="", first="2026-05", amount=16_800), "payment.receipt_required"),
    ]
    for kwargs, code in bad:
        with pytest.raises(JamsosError) as err:
            pay(p.id, worker_id=ids[0], paid_on=date(2026, 3, 1), **kwargs)
        assert err.value.code == code, kwargs
    assert ctx.payments.count() == 1  # nothing half-written

    march = ctx.calendar.month_view(p.id, Month.of(2026, 3))
    assert (march.self.count, march.self.paid_count, march.self.paid) == (4, 1, 16_800)
    reversal = ctx.payments.reverse_self_payment(first.payment.id, "salah nama")
    assert reversal.amount == -50_400 and reversal.reversal_of == first.payment.id
    with pytest.raises(JamsosError) as err:
        ctx.payments.reverse_self_payment(first.payment.id, "lagi")
    assert err.value.code == "payment.already_reversed"
    assert ctx.calendar.month_view(p.id, Month.of(2026, 3)).self.paid_count == 0
    # After the reversal the months can be paid again with a new receipt.
    pay(
        p.id,
        worker_id=ids[0],
        receipt="KW-8",
        first="2026-02",
        last="2026-03",
        amount=33_600,
        paid_on=date(2026, 3, 1),
    )
    assert ctx.calendar.month_view(p.id, Month.of(2026, 3)).self.paid_count == 1


def test_funder_invoice_reconciliation(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ids = active_ids(ctx, 10)
    ctx.programmes.enrol(p.id, worker_ids=ids)
    fid = p.funders[0].id
    with pytest.raises(JamsosError) as err:
        ctx.payments.record_funder_payment(
            p.id, funder_id=fid, invoice="INV-1", first="2025-08", last="2025-09", amount=300_000
        )
    assert err.value.code == "payment.invoice_mismatch"
    assert ctx.payments.funder_payments(p.id) == []
    with pytest.raises(JamsosError) as err:
        ctx.payments.record_funder_payment(
            p.id, funder_id=fid, invoice="INV-X", first="2026-02", amount=168_000
        )
    assert err.value.code == "payment.invoice_months"
    ok = ctx.payments.record_funder_payment(
        p.id,
        funder_id=fid,
        invoice="INV-1",
        first="2025-08",
        last="2025-09",
        amount=336_000,
        paid_on=date(2025, 9, 1),
    )
    assert ok.expected == 336_000 and [ln.amount for ln in ok.lines] == [168_000, 168_000]
    with pytest.raises(JamsosError) as err:
        ctx.payments.record_funder_payment(
            p.id, funder_id=fid, invoice="INV-2", first="2025-09", amount=168_000
        )
    assert err.value.code == "payment.month_funded_paid"
    short = ctx.payments.record_funder_payment(
        p.id, funder_id=fid, invoice="INV-3", first="2025-10", amount=151_200, accept_difference=True
    )
    assert short.difference == -16_800
    diffs = [r for r in ctx.payments.reconcile(p.id) if r.difference]
    assert [(str(r.month), r.difference) for r in diffs][:1] == [("2025-10", -16_800)]
    grid = ctx.calendar.grid(p.id)
    assert grid.count(Month.of(2025, 8), MonthStatus.PAID, Payer.FUNDER) == 10
    assert grid.count(Month.of(2025, 11), MonthStatus.UNPAID, Payer.FUNDER) == 10
    ctx.payments.reverse_funder_payment(ok.id, "tagihan salah")
    assert ctx.calendar.grid(p.id).count(Month.of(2025, 8), MonthStatus.PAID, Payer.FUNDER) == 0
    assert ctx.payments.budget(p.id).paid == 151_200


def test_action_lists_and_inactive(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ids = active_ids(ctx, 6)
    ctx.programmes.enrol(p.id, worker_ids=ids[:4])
    ctx.programmes.enrol(p.id, worker_ids=ids[4:], start=Month.of(2025, 12))
    pay = ctx.payments.record_self_payment
    pay(
        p.id,
        worker_id=ids[0],
        receipt="A",
        first="2026-02",
        last="2026-03",
        amount=33_600,
        paid_on=date(2026, 3, 1),
    )
    pay(p.id, worker_id=ids[1], receipt="B", first="2026-02", amount=16_800, paid_on=date(2026, 2, 1))
    # On 20 March 2026: Feb and Mar are past due. Nobody has 3 unpaid months yet.
    assert ctx.calendar.action_count(ActionList.INACTIVE, p.id) == 0
    late = ctx.calendar.action_rows(ActionList.LATE, p.id)
    assert {r.worker_id for r in late} == set(ids[1:])
    assert all(r.village and r.district for r in late)
    # On 16 April (after the April due date) the ones who never paid are inactive.
    on = date(2026, 4, 16)
    assert {r.worker_id for r in ctx.calendar.action_rows(ActionList.INACTIVE, p.id, on=on)} == set(ids[2:])
    assert ctx.calendar.action_count(ActionList.FUNDING_ENDS, p.id, on=date(2025, 12, 5)) == 6
    assert ctx.calendar.action_count(ActionList.FUNDING_ENDS, p.id, on=date(2025, 11, 5)) == 0
    out = ctx.calendar.export_action_list(ActionList.LATE, p.id, Path(ctx.data_dir) / "late.xlsx")
    assert out == len(late)
    from openpyxl import load_workbook

    ws = load_workbook(Path(ctx.data_dir) / "late.xlsx").active
    nik = ws.cell(row=3, column=3).value
    assert isinstance(nik, str) and len(nik) == 16


def test_extend_funded_months_moves_every_schedule(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ctx.programmes.enrol(p.id, worker_ids=active_ids(ctx, 5))
    ctx.programmes.extend(p.id, 12)
    e = ctx.programmes.enrolment(p.id, active_ids(ctx, 1)[0])
    assert str(e.funded_to) == "2026-07"
    assert ctx.payments.budget(p.id).planned == 5 * 12 * 16_800


def test_import_self_payments_same_receipt_twice(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    p = ctx.programmes.create(bangka())
    ids = active_ids(ctx, 3)
    ctx.programmes.enrol(p.id, worker_ids=ids)
    summaries = ctx.registry.summaries(ids)
    wb = Workbook()
    ws = wb.active
    ws.append(["Rekap iuran mandiri Maret 2026"])
    ws.append(["No Kuitansi", "NIK", "Bulan Awal", "Bulan Akhir", "Jumlah", "Tanggal Bayar"])
    ws.append(["KW-01", summaries[0].nik, "2026-02", "2026-03", 33_600, "05-03-2026"])
    ws.append(
        ["KW-01", summaries[0].nik, "2026-02", "2026-03", 33_600, "05-03-2026"]
    )  # the same receipt again
    ws.append(["KW-02", summaries[1].nik, "2026-02", None, "16.800", date(2026, 2, 14)])
    ws.append(["KW-03", summaries[2].nik, "2026-02", None, -16_800, "05-03-2026"])
    ws.append(["KW-04", 1903011234567890, "2026-02", None, 16_800, "05-03-2026"])  # NIK typed as a number
    path = tmp_path / "bayar.xlsx"
    wb.save(path)
    result = ctx.payments.import_self_payments(p.id, path)
    assert (result.recorded, result.duplicates, result.rejected) == (2, 1, 2)
    assert [r.row for r in result.rows if r.status == "rejected"] == [6, 7]
    again = ctx.payments.import_self_payments(p.id, path)
    assert (again.recorded, again.duplicates) == (0, 3)
    assert ctx.payments.count() == 2


def test_events_death_and_scholarship(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    wid = active_ids(ctx, 1)[0]
    ctx.programmes.enrol(p.id, worker_ids=[wid])
    event = ctx.programmes.record_event(
        WorkerEvent(
            wid,
            EventKind.DEATH,
            date(2026, 3, 2),
            programme_id=p.id,
            heir_name="Siti",
            heir_phone="081234567890",
        )
    )
    assert event.jkm_benefit == 42_000_000 and not event.scholarship_eligible
    assert str(ctx.programmes.enrolment(p.id, wid).end) == "2026-03"
    ctx.programmes.set_claim_status(event.id, ClaimStatus.PAID)
    assert ctx.programmes.events(worker_id=wid)[0].claim_status is ClaimStatus.PAID
    with pytest.raises(JamsosError):
        ctx.programmes.record_event(WorkerEvent(wid, EventKind.ACCIDENT, date(2027, 1, 1)))


def test_holidays_move_due_dates(ctx) -> None:  # type: ignore[no-untyped-def]
    p = ctx.programmes.create(bangka())
    ctx.programmes.set_holiday(date(2025, 11, 17), "libur daerah")
    assert ctx.calendar.month_view(p.id, Month.of(2025, 11)).due_date == date(2025, 11, 18)
    ctx.programmes.remove_holiday(date(2025, 11, 17))
    assert ctx.calendar.month_view(p.id, Month.of(2025, 11)).due_date == date(2025, 11, 17)


def test_upgrade_from_0001_keeps_workers(tmp_path: Path) -> None:
    """A database created at 0001 with data upgrades to the programme schema on open."""
    import sqlite3

    from alembic import command
    from sqlalchemy import create_engine

    from jamsos_desktop.persistence import migrate
    from jamsos_desktop.persistence.database import Database

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001_initial")
        conn.exec_driver_sql(
            "INSERT INTO worker (id, uid, nik, no_nik, kk, name, name_key, sex, birth_place, birth_date, address, rt, rw,"
            " village_code, occupation, phone, income, kpj, status, consent_purpose, consent_given, consent_by,"
            " consent_at, notes, end_date, end_reason, created_at, created_by, updated_at, updated_by, version)"
            " VALUES (1, 'u1', '1903014107850001', 0, '', 'Munip', 'munip', 'L', '', '1985-07-01', '', '', '',"
            " '19.03.01.2008', 'nelayan', '', 1000000, NULL, 'verified', 'x', 1, 'a', '2025-09-03 00:00:00', '',"
            " NULL, '', '2025-09-03 00:00:00', 'a', '2025-09-03 00:00:00', 'a', 1)"
        )
    engine.dispose()
    db = Database.open(path, backup_dir=tmp_path / "backups")
    try:
        assert db.schema_version() == migrate.HEAD
        with db.unit_of_work(write=True) as uow:
            assert uow.workers.count() == 1
            pid = uow.programmes.add(bangka(), user="t", now=NOW)
            uow.enrolments.bulk_enrol(
                pid, [(1, None)], start=24307, funded_from=24307, funded_to=24312, user="t", now=NOW
            )
            uow.commit()
        with db.unit_of_work() as uow:
            assert uow.enrolments.count(pid) == 1
    finally:
        db.close()
    assert list((tmp_path / "backups").glob("*.sqlite3"))
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "programme",
        "funder",
        "enrolment",
        "holiday",
        "funder_payment",
        "funder_payment_line",
        "self_payment",
        "worker_event",
    } <= tables
