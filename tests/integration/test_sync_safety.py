"""Sync is permissioned and audited (issues 6 and 7): operators export and import packages, only a
verifier resolves conflicts (in the service, not only in the GUI); every package, every change it
brings, every resolution is in the hash-chained trail with who did it, and the sender's latest chain
hash travels in the package."""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from cli_support import office_and_station

from jamsos_desktop.domain.safety import Actor, AuditQuery, Role
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex
from jamsos_desktop.services.access import PermissionDenied

RIAS = "19.03.01.2008"
MUNIP = WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS, nik="1903011208902835")


def _as(ctx, name: str, role: Role) -> None:  # type: ignore[no-untyped-def]
    ctx.access.become(Actor(name, role, user_id=7))


def _data(worker) -> WorkerData:  # type: ignore[no-untyped-def]
    return WorkerData(**{n: getattr(worker, n) for n in WorkerData.__dataclass_fields__})


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    yield from office_and_station(tmp_path)


def _entries(ctx, action: str) -> list:  # type: ignore[no-untyped-def,type-arg]
    return [e for e in ctx.audit.search(AuditQuery(limit=1000)) if e.action == action]


def test_operators_move_packages_and_everything_is_in_the_trail(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, station = pair
    saved = station.registry.register(MUNIP).worker
    _as(station, "rina", Role.OPERATOR)
    exported = station.sync.export(tmp_path / "1.jamsync")
    with zipfile.ZipFile(tmp_path / "1.jamsync") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert len(manifest["audit_chain_hash"]) == 64 and manifest["audit_chain_hash"] != "0" * 64
    [entry] = _entries(station, "sync_export")
    assert entry.actor == "rina" and entry.entity_id == exported.package_id

    _as(office, "sari", Role.OPERATOR)
    result = office.sync.import_package(tmp_path / "1.jamsync")
    assert result.inserted == 1
    [entry] = _entries(office, "sync_import")
    summary = json.loads(entry.new)
    assert entry.actor == "sari" and summary["inserted"] == 1 and summary["from"] == "Rias"
    assert summary["sender_audit_chain_hash"] == manifest["audit_chain_hash"]
    # A worker new here: one entry for the package's new workers, naming each version and the digest of
    # the edits stored for them (the values themselves are not copied into the trail).
    assert _entries(office, "sync_change") == []
    [arrived] = _entries(office, "sync_workers")
    summary = json.loads(arrived.new)
    assert arrived.entity_id == exported.package_id and arrived.old is None
    assert summary["count"] == 1 and [uid for uid, _hlc in summary["versions"]] == [saved.uid]
    with station.unit_of_work() as uow:
        station_id = uow.sync.own().id
    with office.unit_of_work() as uow:
        [(_uid, _hlc, _origin, _kind, stored, *_rest)] = uow.sync.edits_by_origin(station_id)
    assert json.loads(stored)["name"] == "Munip"
    assert summary["sha256"] == hashlib.sha256(stored.encode()).hexdigest()
    # A change of a worker held here: its own entry with the value it replaced.
    worker = _by_uid(station, saved.uid)
    station.registry.update(worker.id, replace(_data(worker), phone="081211112222"), expected_version=worker.version)
    station.sync.export(tmp_path / "2.jamsync")
    office.sync.import_package(tmp_path / "2.jamsync")
    changes = _entries(office, "sync_change")
    [change] = changes
    assert change.entity_id == saved.uid and json.loads(change.new) == {"phone": "081211112222"}
    assert json.loads(change.old) == {"phone": json.loads(stored)["phone"]}
    assert office.audit.verify()[1] == []


def test_only_a_verifier_resolves_a_conflict(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, station = pair
    saved = station.registry.register(MUNIP).worker
    station.sync.export(tmp_path / "1.jamsync")
    office.sync.import_package(tmp_path / "1.jamsync")
    for ctx, phone in ((station, "081211112222"), (office, "081333334444")):
        worker = _by_uid(ctx, saved.uid)
        ctx.registry.update(worker.id, replace(_data(worker), phone=phone), expected_version=worker.version)
    station.sync.export(tmp_path / "2.jamsync")
    assert office.sync.import_package(tmp_path / "2.jamsync").conflicts == 1
    [conflict] = office.sync.conflicts()

    _as(office, "sari", Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        office.sync.resolve(conflict.id, keep_loser=True)
    assert office.sync.counts()[1] == 1  # nothing changed

    _as(office, "vera", Role.VERIFIER)
    office.sync.resolve(conflict.id, keep_loser=True)
    assert office.sync.counts()[1] == 0
    [entry] = _entries(office, "sync_resolve")
    assert entry.actor == "vera" and entry.entity_id == saved.uid
    assert json.loads(entry.new)["value"] == conflict.loser_value


def test_an_operator_cannot_register_a_station(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, _station = pair
    _as(office, "sari", Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        office.sync.register_station("Tanjung Labu", ["19.03.02.2001"], tmp_path / "tl.station")
    assert not (tmp_path / "tl.station").exists()


def _by_uid(ctx, uid: str):  # type: ignore[no-untyped-def]
    from db_support import raw_db

    with raw_db(ctx.data_dir) as db:
        (worker_id,) = db.execute("SELECT id FROM worker WHERE uid = ?", (uid,)).fetchone()
    return ctx.registry.get(worker_id)



