"""Incoming values are checked like manual entry (issue 6): a package signed by a registered station
but carrying a corrupted value has that record refused, listed with a clear sentence, and the rest of
the package applied; the refusal travels back in the acknowledgement and the record is sent whole once
corrected at the station."""

from __future__ import annotations

import json
import secrets
import shutil
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from db_support import raw_db
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jamsos_desktop.app import open_context
from jamsos_desktop.cli.main import run
from jamsos_desktop.domain.errors import IntegrityError
from jamsos_desktop.domain.messages import CATALOGUE
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex
from jamsos_desktop.services.sync_crypto import StationKeys

RIAS = "19.03.01.2008"
PEOPLE = [
    WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS, nik="1903011208902835"),
    WorkerData(name="Siti Aminah", sex=Sex.FEMALE, birth_date=date(1999, 5, 4), village_code=RIAS, nik="1903014405990313"),
    WorkerData(name="Rahmat", sex=Sex.MALE, birth_date=date(1985, 1, 2), village_code=RIAS, nik="1903010201850004"),
]  # fmt: skip
CLOCK = datetime(2026, 11, 24, 9, 0)

BAD: dict[str, Any] = {
    "nik": st.sampled_from(["12345", "19030112089028AB", "9903011208902835"]),
    "sex": st.sampled_from(["M", "", "X"]),
    "birth_date": st.sampled_from(["1990-13-01", "2990-01-01", "12/08/1990"]),
    "village_code": st.sampled_from(["19.03.99.9999", "DROP TABLE worker"]),
    "income": st.sampled_from([1.5, True, -5, 10**12, "sejuta"]),
    "status": st.sampled_from(["aktif", "DELETED"]),
    "name": st.sampled_from(["", "x" * 150]),
    "heirs": st.sampled_from(["Rahmat", [["Rahmat", "cousin", None, ""]]]),
    "consent": st.sampled_from([["Pendaftaran", False, "op", None], "ya"]),
}


class World:
    """An office and a station (real SQLite files), built once; each example works on copies."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.office_dir, self.station_dir = root / "office", root / "station"
        office = open_context(data_dir=self.office_dir)
        office.initialize("19.03")
        office.sync.register_station("Rias", [RIAS], root / "rias.station")
        office.close()
        station = open_context(data_dir=self.station_dir)
        station.initialize("19.03")
        station.clock = lambda: CLOCK
        station.sync.join(root / "rias.station")
        self.uids = [station.registry.register(p).worker.uid for p in PEOPLE]
        station.sync.capture()
        self.own = station.sync.own()
        self.office = next(s for s in station.sync.inbox() if s.station.is_office).station
        self.service = station.sync
        station.close()
        with raw_db(self.station_dir) as db:
            self.edits = [
                {"uid": u, "hlc": h, "origin": o, "kind": k, "values": json.loads(d), "supersedes": json.loads(s)}
                for u, h, o, k, d, s in db.execute("SELECT uid, hlc, origin, kind, data, supersedes FROM sync_edit ORDER BY hlc")
            ]  # fmt: skip
        self.keys = StationKeys.load(self.station_dir)
        self.seq = 100  # past the station's own numbers: its real packages come after these

    def package(self, edits: list[dict[str, Any]], out: Path) -> Path:
        """A package signed and encrypted exactly as the station would, carrying ``edits``."""
        self.seq += 1
        body = json.dumps({"edits": edits}).encode()
        assert self.own is not None and self.keys is not None
        self.service._write(out, self.keys, self.own, self.office, self.seq, secrets.token_hex(16), body,
                            len(edits), len({e["uid"] for e in edits}), "")  # fmt: skip
        return out

    def fresh_office(self, name: str) -> Path:
        target = self.root / name
        shutil.copytree(self.office_dir, target)
        return target


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:  # type: ignore[no-untyped-def]
    return World(tmp_path_factory.mktemp("sync-validation"))


def _workers(folder: Path) -> dict[str, tuple[Any, ...]]:
    with raw_db(folder) as db:
        return {r[0]: r[1:] for r in db.execute("SELECT uid, name, nik, income, status FROM worker")}


@pytest.mark.sqlite_only  # the module-scoped world is built before the engine is chosen
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(victim=st.integers(0, 2), field=st.sampled_from(sorted(BAD)), data=st.data())
def test_a_corrupted_but_signed_record_is_refused_and_the_rest_applies(world: World, victim: int, field: str, data) -> None:  # type: ignore[no-untyped-def]
    bad = data.draw(BAD[field])
    edits = [dict(e, values=dict(e["values"])) for e in world.edits]
    edits[victim]["values"][field] = bad
    package = world.package(edits, world.root / f"bad-{world.seq}.jamsync")
    office_dir = world.fresh_office(f"office-{world.seq}")
    ctx = open_context(data_dir=office_dir)
    try:
        result = ctx.sync.import_package(package)
    finally:
        ctx.close()
    victim_uid = edits[victim]["uid"]
    assert result.status == "applied"
    assert result.refused and {r.uid for r in result.refused} == {victim_uid}
    for refusal in result.refused:
        assert refusal.code in CATALOGUE
        assert refusal.message("id") and refusal.message("en")
    rows = _workers(office_dir)
    assert victim_uid not in rows  # not written
    assert set(rows) == set(world.uids) - {victim_uid}  # the rest applied
    with raw_db(office_dir) as db:
        if db.engine_name == "sqlite":  # a file's integrity (a server keeps its own)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*) FROM sync_edit WHERE uid = ?", (victim_uid,)).fetchone()[0] == 0


@pytest.mark.sqlite_only  # the module-scoped world is built before the engine is chosen
def test_the_cli_lists_the_refusal_and_exits_1(world: World, capsys) -> None:  # type: ignore[no-untyped-def]
    edits = [dict(e, values=dict(e["values"])) for e in world.edits]
    edits[0]["values"]["income"] = 1.5
    package = world.package(edits, world.root / "cli.jamsync")
    office_dir = world.fresh_office("office-cli")
    capsys.readouterr()
    code = run(["--data-dir", str(office_dir), "--json", "sync", "import", str(package)])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 1
    assert out["inserted"] == 2 and [r["uid"] for r in out["refused"]] == [edits[0]["uid"]]
    assert out["refused"][0]["field"] == "income" and edits[0]["values"]["name"] in out["refused"][0]["message"]


def test_refusal_travels_back_and_the_corrected_record_is_sent_whole(tmp_path: Path) -> None:
    w = World(tmp_path)
    edits = [dict(e, values=dict(e["values"])) for e in w.edits]
    edits[1]["values"]["village_code"] = "19.03.99.9999"
    uid, name = edits[1]["uid"], edits[1]["values"]["name"]
    package = w.package(edits, tmp_path / "1.jamsync")
    office = open_context(data_dir=w.office_dir)
    try:
        assert {r.uid for r in office.sync.import_package(package).refused} == {uid}
        office.sync.export(tmp_path / "ack.jamsync", "Rias")
    finally:
        office.close()
    station = open_context(data_dir=w.station_dir)
    station.clock = lambda: CLOCK.replace(hour=10)
    try:
        station.sync.import_package(tmp_path / "ack.jamsync")
        # The clerk corrects the record (the phone): the whole record goes again, not only the phone.
        with raw_db(w.station_dir) as db:
            wid = db.execute("SELECT id, version FROM worker WHERE uid = ?", (uid,)).fetchone()
        current = station.registry.get(wid[0])
        fields = WorkerData.__dataclass_fields__
        data = replace(WorkerData(**{n: getattr(current, n) for n in fields}), phone="081234567891")
        station.registry.update(wid[0], data, expected_version=wid[1])
        again = station.sync.export(tmp_path / "2.jamsync")
    finally:
        station.close()
    assert again.records == 1
    office = open_context(data_dir=w.office_dir)
    try:
        result = office.sync.import_package(tmp_path / "2.jamsync")
    finally:
        office.close()
    assert result.refused == () and result.inserted == 1 and result.rejected == ()
    assert _workers(w.office_dir)[uid][0] == name
    with raw_db(w.office_dir) as db:  # the office's list of refused records no longer names it
        assert db.execute("SELECT count(*) FROM sync_refusal WHERE uid = ?", (uid,)).fetchone()[0] == 0


@pytest.mark.sqlite_only  # the module-scoped world is built before the engine is chosen
def test_a_package_checked_beside_a_helper_process_gives_the_same_refusals(world: World, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.services import sync_checking

    edits = [dict(e, values=dict(e["values"])) for e in world.edits]
    edits[1]["values"]["income"] = 1.5
    edits[2]["values"]["village_code"] = "19.03.99.9999"
    package = world.package(edits, world.root / "helped.jamsync")
    helped: list[bool] = []
    ahead: list[int] = []
    check, edit_texts = sync_checking.PackageChecker.check, sync_checking.PackageChecker.edit_texts

    def spy(self, *args):  # type: ignore[no-untyped-def]
        helped.append(self.helped)
        return check(self, *args)

    def texts_spy(self, *args):  # type: ignore[no-untyped-def]
        texts = edit_texts(self, *args)
        ahead.append(len(texts))
        return texts

    monkeypatch.setattr(sync_checking.PackageChecker, "check", spy)
    monkeypatch.setattr(sync_checking.PackageChecker, "edit_texts", texts_spy)
    outcomes = []
    for threshold in (10**9, 1):  # everything here, then every other record in the helper
        monkeypatch.setattr(sync_checking, "PARALLEL_MIN_EDITS", threshold)
        office_dir = world.fresh_office(f"office-helped-{threshold}")
        ctx = open_context(data_dir=office_dir)
        try:
            result = ctx.sync.import_package(package)
        finally:
            ctx.close()
        with raw_db(office_dir) as db:  # the texts stored: the helper encodes the edits' values ahead
            stored = sorted(db.execute("SELECT uid, hlc, data FROM sync_edit"))
        outcomes.append((sorted((r.uid, r.field, r.code) for r in result.refused), _workers(office_dir), stored))
    assert helped[0] is False and helped[-1] is True
    assert ahead[0] == 0 and ahead[-1] == len(edits)
    assert outcomes[0] == outcomes[1]
    assert {uid for uid, _f, _c in outcomes[0][0]} == {edits[1]["uid"], edits[2]["uid"]}


@pytest.mark.sqlite_only  # the module-scoped world is built before the engine is chosen
def test_a_signed_package_with_half_a_character_is_refused_whole(world: World) -> None:
    """A text holding half of a UTF-16 pair (only a crafted package can) cannot be stored: the package is
    refused as damaged before anything is written, not with a traceback half-way through the merge."""
    edits = [dict(e, values=dict(e["values"])) for e in world.edits]
    edits[1]["values"]["notes"] = "catatan \ud800"
    package = world.package(edits, world.root / "half.jamsync")
    office_dir = world.fresh_office("office-half")
    before = _workers(office_dir)
    ctx = open_context(data_dir=office_dir)
    try:
        with pytest.raises(IntegrityError) as refused:
            ctx.sync.import_package(package)
    finally:
        ctx.close()
    assert refused.value.code == "sync.package_damaged"
    assert _workers(office_dir) == before
    # Whole characters escaped the same way (an emoji as a pair) are read as they are.
    edits[1]["values"]["notes"] = "catatan \U0001F41F"
    ctx = open_context(data_dir=office_dir)
    try:
        result = ctx.sync.import_package(world.package(edits, world.root / "whole.jamsync"))
    finally:
        ctx.close()
    assert result.status == "applied" and result.inserted == len(world.edits)
