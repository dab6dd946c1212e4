"""A new worker's merge outcome is stored as a reference to its one edit (not a second copy of his
personal data); it reads back as the edit's values, and becomes a full outcome as soon as it differs."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from cli_support import office_and_station
from db_support import raw_db

from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex

RIAS = "19.03.01.2008"
MUNIP = WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS, nik="1903011208902835")


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from office_and_station(tmp_path)


def _stored(ctx, uid: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    with raw_db(ctx.data_dir) as db:
        (fields,) = db.execute("SELECT fields FROM sync_outcome WHERE uid = ?", (uid,)).fetchone()
    return json.loads(fields)


def test_a_new_workers_outcome_refers_to_his_edit_until_it_differs(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, station = pair
    saved = station.registry.register(MUNIP).worker
    station.sync.export(tmp_path / "1.jamsync")
    assert office.sync.import_package(tmp_path / "1.jamsync").inserted == 1

    stored = _stored(office, saved.uid)
    assert stored["e"] == 1 and "v" not in stored  # no copy of the values
    with office.unit_of_work() as uow:
        [edit] = uow.sync.edits_of([saved.uid])[saved.uid]
        outcome = uow.sync.outcomes([saved.uid])[saved.uid]
    assert stored["d"] == edit.hlc == outcome.default_hlc
    assert outcome.values == dict(edit.values) and outcome.values["nik"] == MUNIP.nik and not outcome.withheld

    # The office changes the phone: the outcome now differs from the edit and is stored in full.
    with raw_db(office.data_dir) as db:
        (worker_id,) = db.execute("SELECT id FROM worker WHERE uid = ?", (saved.uid,)).fetchone()
    worker = office.registry.get(worker_id)
    fields = {n: getattr(worker, n) for n in WorkerData.__dataclass_fields__}
    office.registry.update(worker_id, replace(WorkerData(**fields), phone="081211112222"), expected_version=worker.version)
    office.sync.export(tmp_path / "ack.jamsync", station_name="Rias")
    stored = _stored(office, saved.uid)
    assert "e" not in stored and stored["v"]["phone"] == "081211112222" and stored["v"]["name"] == "Munip"
    with office.unit_of_work() as uow:
        assert uow.sync.outcomes([saved.uid])[saved.uid].values["phone"] == "081211112222"

    # The station takes the change back; the records agree.
    station.sync.import_package(tmp_path / "ack.jamsync")
    with raw_db(station.data_dir) as db:
        assert db.execute("SELECT phone FROM worker WHERE uid = ?", (saved.uid,)).fetchone()[0] == "081211112222"
