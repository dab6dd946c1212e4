"""The dashboard's ready figures stay in step with their sources on every write path (issue 9): the
village kept on each enrolment (the worker's) and the self-payments counted per (first, last) month.

Each test writes through a real path — a clerk's enrolment and payment forms, a reversal, a worker moving
village, enrol-everyone, the demo's bulk load, a sync package (new enrolments and payments, a worker's
move made at a laptop), a merge of two workers — and then compares both figures with what the source
rows say, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from db_support import raw_db
from site_support import Site

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData
from jamsos_desktop.domain.safety import Actor, Role
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex
from jamsos_desktop.persistence import dashboard_totals, sync_records_repository
from jamsos_desktop.services.demo import generate_demo
from jamsos_desktop.services.programme_demo import seed_demo_programme

RIAS, TJ_LABU = "19.03.01.2008", "19.03.02.2001"  # two villages of two kecamatan
AMOUNT = 16_800


def assert_in_step(data_dir: Path) -> None:
    """Both figures equal what the enrolments, workers and payments say."""
    with raw_db(data_dir) as db:
        wrong = db.execute(
            "SELECT e.id, e.village_code, w.village_code FROM enrolment e JOIN worker w ON w.id = e.worker_id "
            "WHERE e.village_code IS NULL OR e.village_code <> w.village_code"
        ).fetchall()
        assert [tuple(r) for r in wrong] == []
        counted = {
            (r[0], r[1], r[2]): r[3]
            for r in db.execute(
                "SELECT programme_id, first_month, last_month, "
                "sum(CASE WHEN reversal_of IS NULL THEN 1 ELSE -1 END) FROM self_payment "
                "GROUP BY programme_id, first_month, last_month"
            )
        }
        kept = {
            (r[0], r[1], r[2]): r[3]
            for r in db.execute(
                "SELECT programme_id, first_month, last_month, payments FROM self_payment_month"
            )
        }
    assert {k: n for k, n in kept.items() if n} == {k: n for k, n in counted.items() if n}


def _worker(name: str, village: str, nik: str) -> WorkerData:
    return WorkerData(name=name, sex=Sex.FEMALE, birth_date=date(1988, 3, 4), village_code=village, nik=nik)


def _programme(ctx, name: str = "Mandiri"):  # type: ignore[no-untyped-def]
    return ctx.programmes.create(
        ProgrammeData(name, (Funder("APBD", FunderKind.APBD_KABUPATEN),), Month.of(2025, 8), 6)
    )


def _district(snapshot, code: str) -> int:  # type: ignore[no-untyped-def]
    return next(d.enrolled for d in snapshot.districts if d.code == code)


def test_clerk_paths_enrol_pay_reverse_and_move(context, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = context
    a = ctx.registry.register(_worker("Siti Aminah", RIAS, "1903014403880001")).worker
    b = ctx.registry.register(_worker("Nur Hayati", RIAS, "1903014403880002")).worker
    c = ctx.registry.register(_worker("Rosmawati", TJ_LABU, "1903024403880003")).worker
    p = _programme(ctx)
    assert ctx.programmes.enrol(p.id, worker_ids=[a.id, b.id]).enrolled == 2
    assert ctx.programmes.enrol(p.id, worker_ids=[c.id]).enrolled == 1  # one by one
    assert_in_step(data_dir)

    paid = ctx.payments.record_self_payment(
        p.id, receipt="K-1", first=Month.of(2026, 2), last=Month.of(2026, 4), amount=3 * AMOUNT,
        worker_id=a.id, paid_on=date(2026, 2, 5),
    )  # fmt: skip
    ctx.payments.record_self_payment(
        p.id, receipt="K-2", first=Month.of(2026, 2), last=Month.of(2026, 4), amount=3 * AMOUNT,
        worker_id=b.id, paid_on=date(2026, 2, 6),
    )  # fmt: skip
    ctx.payments.record_self_payment(
        p.id, receipt="K-3", first=Month.of(2026, 2), last=Month.of(2026, 2), amount=AMOUNT,
        worker_id=c.id, paid_on=date(2026, 2, 7),
    )  # fmt: skip
    assert_in_step(data_dir)
    with raw_db(data_dir) as db:
        assert db.execute("SELECT payments FROM self_payment_month WHERE first_month = ? AND last_month = ?",
                          (Month.of(2026, 2).index, Month.of(2026, 4).index)).fetchone()[0] == 2  # fmt: skip
    ctx.payments.reverse_self_payment(paid.payment.id, "salah catat")
    assert_in_step(data_dir)
    chart = {m.month: m.self_paid for m in ctx.dashboard.snapshot(p.id).payments}
    assert chart[Month.of(2026, 2)] == 2 * AMOUNT and chart[Month.of(2026, 3)] == AMOUNT

    before = ctx.dashboard.snapshot(p.id)
    assert (_district(before, RIAS[:8]), _district(before, TJ_LABU[:8])) == (2, 1)
    worker = ctx.registry.get(b.id)
    ctx.registry.update(b.id, replace(_data(worker), village_code=TJ_LABU), expected_version=worker.version)
    assert_in_step(data_dir)
    after = ctx.dashboard.snapshot(p.id)
    assert (_district(after, RIAS[:8]), _district(after, TJ_LABU[:8])) == (1, 2)

    ctx.registry.register(_worker("Maryam", TJ_LABU, "1903024403880004"))
    assert ctx.programmes.enrol(p.id, everyone=True).enrolled == 1  # the three others are in already
    assert_in_step(data_dir)
    assert _district(ctx.dashboard.snapshot(p.id), TJ_LABU[:8]) == 3


def _data(worker) -> WorkerData:  # type: ignore[no-untyped-def]
    return WorkerData(**{n: getattr(worker, n) for n in WorkerData.__dataclass_fields__})


def test_demo_bulk_load(context, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    now = datetime(2026, 8, 25, 9, 0)
    context.clock = lambda: now
    generate_demo(
        context.unit_of_work,
        context.region_table(),
        context.regency(),
        workers=400,
        seed=7,
        now=now,
        user="t",
    )
    seed_demo_programme(context.unit_of_work, now=now, seed=7)
    with raw_db(data_dir) as db:
        assert db.execute("SELECT count(*) FROM self_payment").fetchone()[0] > 100
    assert_in_step(data_dir)


def test_rebuild_gives_the_same_figures(context, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """What the migration fills from existing rows is what the triggers kept."""
    now = datetime(2026, 8, 25, 9, 0)
    context.clock = lambda: now
    generate_demo(
        context.unit_of_work,
        context.region_table(),
        context.regency(),
        workers=200,
        seed=3,
        now=now,
        user="t",
    )
    seed_demo_programme(context.unit_of_work, now=now, seed=3)
    with raw_db(data_dir) as db:
        before = sorted(tuple(r) for r in db.execute("SELECT * FROM self_payment_month WHERE payments <> 0"))
    with context.unit_of_work() as uow:
        dashboard_totals.rebuild(uow.session.connection())
        uow.commit()
    with raw_db(data_dir) as db:
        after = sorted(tuple(r) for r in db.execute("SELECT * FROM self_payment_month WHERE payments <> 0"))
    assert after == before and before
    assert_in_step(data_dir)


@pytest.mark.parametrize("bulk", [False, True], ids=["row-triggers", "bulk-payments"])
def test_sync_packages_and_a_merge(tmp_path: Path, bulk: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    # A package's payments get their month totals by the row trigger, or (from BULK_PAYMENTS on, here
    # from the first) in one grouped statement with the trigger suspended and restored.
    monkeypatch.setattr(sync_records_repository, "BULK_PAYMENTS", 1 if bulk else 10**9)
    office, rias = Site(tmp_path / "office", 8), Site(tmp_path / "rias", 9)
    office(lambda c: c.initialize("19.03"))
    office(lambda c: c.sync.register_station("Rias", [RIAS, TJ_LABU], tmp_path / "Rias.station"))
    rias(lambda c: (c.initialize("19.03"), c.sync.join(tmp_path / "Rias.station")))
    # Programmes are the office's: it makes one, and the laptop has it from the acknowledgement.
    office(_programme)
    office(lambda c: c.sync.export(tmp_path / "ack.jamsync", "Rias"))
    rias(lambda c: c.sync.import_package(tmp_path / "ack.jamsync"))

    def at_the_laptop(c):  # type: ignore[no-untyped-def]
        a = c.registry.register(_worker("Siti Aminah", RIAS, "1903014403880001")).worker
        b = c.registry.register(_worker("Nur Hayati", RIAS, "1903014403880002")).worker
        [p] = c.programmes.list()
        c.programmes.enrol(p.id, worker_ids=[a.id, b.id])
        for n, w in enumerate((a, b)):
            c.payments.record_self_payment(
                p.id, receipt=f"R-{n}", first=Month.of(2026, 2), last=Month.of(2026, 3), amount=2 * AMOUNT,
                worker_id=w.id, paid_on=date(2026, 2, 5),
            )  # fmt: skip
        return a.uid, b.uid

    a_uid, b_uid = rias(at_the_laptop)
    assert_in_step(rias.path)

    def send(name: str) -> None:
        package = tmp_path / f"{name}.jamsync"
        rias(lambda c: c.sync.export(package))
        office(lambda c: c.sync.import_package(package))

    send("r1")  # new workers, their enrolments and payments arrive at the office
    with raw_db(office.path) as db:
        assert db.execute("SELECT count(*) FROM enrolment").fetchone()[0] == 2
        assert db.execute("SELECT count(*) FROM self_payment").fetchone()[0] == 2
    assert_in_step(office.path)

    def move(c):  # type: ignore[no-untyped-def]
        [worker] = [w for w in (c.registry.get(i) for i in _ids(c)) if w.uid == a_uid]
        c.registry.update(
            worker.id, replace(_data(worker), village_code=TJ_LABU), expected_version=worker.version
        )

    rias(move)
    send("r2")  # the move made at the laptop lands at the office: the enrolment follows
    assert_in_step(office.path)
    with raw_db(office.path) as db:
        assert (
            db.execute(
                "SELECT e.village_code FROM enrolment e JOIN worker w ON w.id = e.worker_id WHERE w.uid = ?",
                (a_uid,),
            ).fetchone()[0]
            == TJ_LABU
        )

    # Merges into a worker registered at the office (in Rias): first A's enrolment moves to the survivor
    # (and to its village), then B's payments go to that enrolment and B's enrolment is dropped.
    def merge(c):  # type: ignore[no-untyped-def]
        survivor = c.registry.register(_worker("Siti Aminah Nur", RIAS, "1903014403880009")).worker.uid
        c.access.become(Actor("vera", Role.VERIFIER, user_id=4))
        c.sync.merge(survivor, a_uid)
        assert_in_step(office.path)
        c.sync.merge(survivor, b_uid)
        return survivor

    survivor = office(merge)
    assert_in_step(office.path)
    with raw_db(office.path) as db:
        rows = db.execute(
            "SELECT e.village_code, w.uid, count(s.id) FROM enrolment e JOIN worker w ON w.id = e.worker_id "
            "LEFT JOIN self_payment s ON s.enrolment_id = e.id GROUP BY e.id, e.village_code, w.uid"
        ).fetchall()
        assert [tuple(r) for r in rows] == [(RIAS, survivor, 2)]

    ack = tmp_path / "ack.jamsync"  # and back to the laptop
    office(lambda c: c.sync.export(ack, "Rias"))
    rias(lambda c: c.sync.import_package(ack))
    assert_in_step(rias.path)
    for site in (office, rias):
        with raw_db(site.path) as db:
            assert set(dashboard_totals.TRIGGERS) <= _trigger_names(db)

    def pay_again(c):  # type: ignore[no-untyped-def]  (the restored trigger counts a clerk's payment)
        [p] = c.programmes.list()
        [worker_id] = [i for i in _ids(c) if c.registry.get(i).uid == survivor]
        c.payments.record_self_payment(
            p.id, receipt="R-9", first=Month.of(2026, 4), last=Month.of(2026, 4), amount=AMOUNT,
            worker_id=worker_id, paid_on=date(2026, 4, 5),
        )  # fmt: skip

    office(pay_again)
    assert_in_step(office.path)


def _ids(c) -> list[int]:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.worker import WorkerQuery

    return sorted(c.registry.search_ids(WorkerQuery()))


def _trigger_names(db) -> set[str]:  # type: ignore[no-untyped-def]
    if db.engine_name == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    else:
        sql = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
    return {r[0] for r in db.execute(sql)}


def test_triggers_exist_at_head(context, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """A batch migration that rebuilds one of the tables drops its triggers on SQLite; this notices."""
    with raw_db(data_dir) as db:
        assert set(dashboard_totals.TRIGGERS) <= _trigger_names(db)


def test_migration_fills_the_figures_and_goes_back_down(data_dir: Path) -> None:
    """Down to 0009 (column, table and triggers gone), rows changed there, up again: filled from the rows."""
    from alembic import command
    from db_support import database_url
    from sqlalchemy import create_engine

    from jamsos_desktop.persistence import migrate

    now = datetime(2026, 8, 25, 9, 0)
    ctx = open_context(data_dir=data_dir)
    ctx.clock = lambda: now
    generate_demo(ctx.unit_of_work, ctx.region_table(), ctx.regency(), workers=150, seed=5, now=now, user="t")
    seed_demo_programme(ctx.unit_of_work, now=now, seed=5)
    ctx.close()
    engine = create_engine(database_url(data_dir))
    try:
        with engine.begin() as connection:
            command.downgrade(migrate.alembic_config(connection), "0009_sync_records")
        with raw_db(data_dir) as db:
            assert "self_payment_month" not in db.tables()
            db.execute(
                "UPDATE worker SET village_code = ? WHERE id IN (SELECT worker_id FROM enrolment)", (TJ_LABU,)
            )
            db.execute("DELETE FROM self_payment WHERE id IN (SELECT min(id) FROM self_payment)")
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "head")
    finally:
        engine.dispose()
    assert_in_step(data_dir)
    with raw_db(data_dir) as db:
        assert db.execute("SELECT count(DISTINCT village_code) FROM enrolment").fetchone()[0] == 1
