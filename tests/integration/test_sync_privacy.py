"""Anonymisation (UU 27/2022) reaches the sync history (issue 6): the anonymisation travels as a change
between the office and a station in both directions, and afterwards no table of either database — worker
rows, heirs, events, stored edits, outcomes, conflicts, refusals, travelling versions, audit values —
holds the person's old NIK, KK, name, phones, address or heirs, while the audit chain still verifies.
Runs on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from db_support import raw_db
from site_support import Site

from jamsos_desktop.domain.programme import EventKind, WorkerEvent
from jamsos_desktop.domain.worker import Heir, WorkerData
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus

RIAS = "19.03.01.2008"
MUNIP = WorkerData(
    name="Munip Sasongko",
    sex=Sex.MALE,
    birth_date=date(1990, 8, 12),
    village_code=RIAS,
    nik="1903011208902835",
    kk="1903012207150004",
    phone="081234567890",
    address="Jalan Kenari Ujung 12",
    birth_place="Fiktifsari Ilir",
    occupation="Nelayan",
    heirs=(Heir("Rahmatullah Pratama", HeirRelationship.CHILD, phone="081377001122"),),
)
KEEP = WorkerData(
    name="Hj. Siti Ma'rifah",
    sex=Sex.FEMALE,
    birth_date=date(1999, 5, 4),
    village_code=RIAS,
    nik="1903014405990313",
    occupation="Pedagang Kecil",
)
#: What the database must forget about Munip (phones and address as stored, including later edits).
SECRETS = (
    MUNIP.nik, MUNIP.kk, "munip", "sasongko", "081234567890", "kenari", "fiktifsari", "rahmatullah", "081377001122",
    "081299990000", "jalan cempaka", "jalan melati", "081355550000", "dahlia waris",
)  # fmt: skip


def _id(ctx: Any, uid: str) -> int:
    with raw_db(ctx.data_dir) as db:
        return int(db.execute("SELECT id FROM worker WHERE uid = ?", (uid,)).fetchone()[0])


def _edit(site: Site, uid: str, **changes: Any) -> None:
    def action(ctx: Any) -> None:
        worker = ctx.registry.get(_id(ctx, uid))
        data = WorkerData(**{f: getattr(worker, f) for f in WorkerData.__dataclass_fields__})
        ctx.registry.update(worker.id, replace(data, **changes), expected_version=worker.version)

    site(action)


def _export(site: Site, out: Path, station: str | None = None) -> Path:
    site(lambda ctx: ctx.sync.export(out, station))
    return out


def _import(site: Site, pkg: Path) -> Any:
    return site(lambda ctx: ctx.sync.import_package(pkg))


def _leaks(site: Site) -> list[str]:
    """Every (table, column) of the database whose text holds one of :data:`SECRETS` (any case)."""
    found = []
    with raw_db(site.path) as db:
        for table in db.tables():
            for row in db.execute(f"SELECT * FROM {table}").fetchall():
                for column, value in zip(row.keys(), tuple(row), strict=True):  # noqa: SIM118
                    if isinstance(value, bytes | memoryview):
                        text = bytes(value).decode("utf-8", "replace").lower()
                    elif isinstance(value, str):
                        text = value.lower()
                    else:
                        continue
                    found.extend(f"{table}.{column}: {s}" for s in SECRETS if s.lower() in text)
    return sorted(set(found))


def _name_index_forgot(site: Site) -> bool:
    """SQLite: the name search index (FTS5 trigrams) holds no trigram of Munip's old name any more
    (a replaced name's trigrams stay in its segments until they are merged)."""
    with raw_db(site.path) as db:
        if "worker_fts_data" not in db.tables():
            return True  # PostgreSQL: a GIN index, not a table
        blob = b"".join(bytes(r[0]) for r in db.execute("SELECT block FROM worker_fts_data").fetchall() if r[0])
    return b"gko" not in blob and b"ngk" not in blob  # "sasongko": no other name here has them


def _worker(site: Site, uid: str) -> dict[str, Any]:
    with raw_db(site.path) as db:
        columns = ("name", "nik", "no_nik", "kk", "phone", "address", "birth_date", "status", "village_code")
        row = db.execute(f"SELECT {', '.join(columns)} FROM worker WHERE uid = ?", (uid,)).fetchone()
        heirs = db.execute("SELECT count(*) FROM heir h JOIN worker w ON w.id = h.worker_id WHERE w.uid = ?", (uid,)).fetchone()[0]
        events = db.execute(
            "SELECT e.heir_name, e.heir_phone, e.notes FROM worker_event e JOIN worker w ON w.id = e.worker_id WHERE w.uid = ?",
            (uid,),
        ).fetchall()
    out = {c: row[c] for c in columns}
    out["birth_date"] = str(out["birth_date"])[:10]
    out["no_nik"] = bool(out["no_nik"])
    return out | {"heirs": heirs, "events": [tuple(e) for e in events]}


def _join(tmp_path: Path, office: Site, station: Site) -> None:
    prov = tmp_path / "rias.station"
    office(lambda ctx: ctx.initialize())
    station(lambda ctx: ctx.initialize())
    office(lambda ctx: ctx.sync.register_station("Rias", [RIAS], prov))
    station(lambda ctx: ctx.sync.join(prov))


def test_anonymisation_at_the_office_reaches_the_station_and_both_histories(tmp_path: Path) -> None:
    # The station's clock runs an hour behind the office's: its last edit, made before it hears of the
    # anonymisation, is older than it (a change in transit, the case that must not bring data back).
    office, station = Site(tmp_path / "office", 8), Site(tmp_path / "station", 7)
    _join(tmp_path, office, station)
    munip = station(lambda ctx: ctx.registry.register(MUNIP).worker)
    keep = station(lambda ctx: ctx.registry.register(KEEP).worker)
    _edit(station, munip.uid, phone="081299990000")  # an older phone stays in the edit history
    station(
        lambda ctx: ctx.programmes.record_event(
            WorkerEvent(
                worker_id=munip.id, kind=EventKind.DEATH, event_date=date(2019, 3, 1), heir_name="Dahlia Waris",
                heir_relationship="spouse", heir_phone="081355550000", notes="Rahmatullah melapor",
            )  # fmt: skip
        )
    )
    assert _import(office, _export(station, tmp_path / "s1.jamsync")).inserted == 2
    # Both change the address before hearing of each other: the office keeps the losing value for review.
    _edit(station, munip.uid, address="Jalan Cempaka 3")
    _edit(office, munip.uid, address="Jalan Melati 9")
    assert _import(office, _export(station, tmp_path / "s2.jamsync")).conflicts == 1
    assert any("Cempaka" in json.dumps(c.loser_value) for c in office(lambda ctx: ctx.sync.conflicts()))

    done = office(lambda ctx: ctx.privacy.anonymise())
    assert done.anonymised == 1  # deceased since 2019: past the five years
    label = f"Anonim {_id_at(office, munip.uid)}"
    expected = {
        "name": label, "nik": None, "no_nik": True, "kk": "", "phone": "", "address": "", "birth_date": "1990-01-01",
        "status": "deceased", "village_code": RIAS, "heirs": 0, "events": [("", "", "")],
    }  # fmt: skip
    assert _worker(office, munip.uid) == expected
    assert office(lambda ctx: ctx.sync.conflicts()) == []  # nothing personal left to review
    assert _leaks(office) == [] and _name_index_forgot(office)

    # Meanwhile the station, not knowing yet, changed the address again (an older clock).
    _edit(station, munip.uid, address="Jalan Cempaka 4")
    late = _import(office, _export(station, tmp_path / "s3.jamsync"))
    assert late.conflicts == 0 and _worker(office, munip.uid) == expected
    assert _leaks(office) == []

    # The acknowledgement carries the anonymisation: the station converges and forgets too.
    _import(station, _export(office, tmp_path / "ack.jamsync", "Rias"))
    assert _worker(station, munip.uid) == expected
    assert _leaks(station) == [] and _name_index_forgot(station)
    assert station(lambda ctx: ctx.sync.conflicts()) == []
    # Its next package re-sends nothing old; the office imports it without a change or a conflict.
    again = _import(office, _export(station, tmp_path / "s4.jamsync"))
    assert (again.updated, again.conflicts) == (0, 0) and _worker(office, munip.uid) == expected
    assert _leaks(office) == [] and _leaks(station) == []

    for site in (office, station):
        assert site(lambda ctx: ctx.audit.verify())[1] == []  # the chain covers digests, not values
        assert _worker(site, keep.uid)["name"] == KEEP.name  # others untouched


def _id_at(site: Site, uid: str) -> int:
    with raw_db(site.path) as db:
        return int(db.execute("SELECT id FROM worker WHERE uid = ?", (uid,)).fetchone()[0])


def test_anonymisation_at_a_station_reaches_the_office(tmp_path: Path) -> None:
    office, station = Site(tmp_path / "office", 8), Site(tmp_path / "station", 9)
    _join(tmp_path, office, station)
    munip = station(lambda ctx: ctx.registry.register(MUNIP).worker)
    _edit(station, munip.uid, phone="081299990000")
    station(lambda ctx: ctx.registry.deactivate(munip.id, WorkerStatus.WITHDRAWN, end_date=date(2018, 6, 30), reason="pindah"))
    _import(office, _export(station, tmp_path / "s1.jamsync"))
    assert _worker(office, munip.uid)["name"] == MUNIP.name

    assert station(lambda ctx: ctx.privacy.anonymise()).anonymised == 1
    assert _leaks(station) == []
    result = _import(office, _export(station, tmp_path / "s2.jamsync"))
    assert (result.updated, result.conflicts, result.refused) == (1, 0, ())
    shown = _worker(office, munip.uid)
    assert shown == _worker(station, munip.uid)
    assert shown["name"] == f"Anonim {munip.id}" and shown["nik"] is None and shown["heirs"] == 0
    assert _leaks(office) == []
    assert office(lambda ctx: ctx.audit.verify())[1] == []
    # Already anonymised at the office: not due again, and a second run there changes nothing.
    assert office(lambda ctx: ctx.privacy.anonymise(dry_run=True)).due == 0


def test_a_merged_duplicate_goes_with_its_survivor(tmp_path: Path) -> None:
    """The same person registered twice, merged at the office: the tombstone (which never travels again)
    is anonymised with the survivor at every site that knows the merge, its whole history rewritten."""
    office, station = Site(tmp_path / "office", 8), Site(tmp_path / "station", 7)
    _join(tmp_path, office, station)
    munip = station(lambda ctx: ctx.registry.register(MUNIP).worker)
    twin = station(
        lambda ctx: ctx.registry.register(
            replace(MUNIP, nik=None, no_nik=True, phone="081299990000", address="Jalan Cempaka 3", heirs=())
        ).worker
    )
    _import(office, _export(station, tmp_path / "s1.jamsync"))
    office(lambda ctx: ctx.sync.merge(munip.uid, twin.uid))
    _import(station, _export(office, tmp_path / "ack1.jamsync", "Rias"))  # the station learns the merge
    assert _worker(station, twin.uid)["status"] == "withdrawn"
    office(lambda ctx: ctx.registry.deactivate(_id(ctx, munip.uid), WorkerStatus.WITHDRAWN, end_date=date(2019, 1, 31), reason="pindah"))

    done = office(lambda ctx: ctx.privacy.anonymise())
    assert done.anonymised == 1
    _import(station, _export(office, tmp_path / "ack2.jamsync", "Rias"))
    for site in (office, station):
        assert _worker(site, twin.uid)["name"].startswith("Anonim ")
        assert _worker(site, munip.uid)["nik"] is None
        assert _leaks(site) == []
        assert site(lambda ctx: ctx.audit.verify())[1] == []
