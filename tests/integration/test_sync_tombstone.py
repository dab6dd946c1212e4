"""A record merged into another stays a tombstone: an edit of it where it was merged is not captured
as a change (elsewhere it would land on the survivor, since later changes of a loser are redirected)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.worker import WorkerData, WorkerQuery
from jamsos_desktop.domain.worker_types import Sex

RIAS = "19.03.01.2008"
ONE = WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS, nik="1903011208902835")
TWO = WorkerData(name="Munip Hasan", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS, nik="1903011208902853")


def _worker(ctx, uid: str):  # type: ignore[no-untyped-def]
    return next(w for w in (ctx.registry.get(i) for i in ctx.registry.search_ids(WorkerQuery())) if w.uid == uid)


def test_an_edit_of_a_tombstone_stays_where_it_was_made(tmp_path: Path) -> None:
    office = open_context(data_dir=tmp_path / "office")
    laptops = {name: open_context(data_dir=tmp_path / name) for name in ("Rias", "Labu")}
    try:
        uids = {}
        for minute, (name, ctx) in enumerate(laptops.items()):
            office.sync.register_station(name, [RIAS], tmp_path / f"{name}.station")
            ctx.sync.join(tmp_path / f"{name}.station")
            ctx.clock = lambda minute=minute: datetime(2026, 11, 24, 9, minute)
            uids[name] = ctx.registry.register(ONE if name == "Rias" else TWO).worker.uid
            ctx.sync.export(tmp_path / f"{name}.jamsync")
            office.sync.import_package(tmp_path / f"{name}.jamsync")
        loser, winner = uids["Rias"], uids["Labu"]
        office.sync.merge(winner, loser)
        tomb = _worker(office, loser)
        data = WorkerData(**{n: getattr(tomb, n) for n in WorkerData.__dataclass_fields__})
        office.registry.update(tomb.id, replace(data, notes="arsip", no_nik=True), expected_version=tomb.version)
        office.sync.export(tmp_path / "ack.jamsync", "Labu")
        laptops["Labu"].sync.import_package(tmp_path / "ack.jamsync")
        assert _worker(laptops["Labu"], winner).notes == ""
        assert _worker(laptops["Labu"], loser).status.value == "withdrawn"
    finally:
        office.close()
        for ctx in laptops.values():
            ctx.close()
