"""Merging two records of the same person (issue 6): a verifier picks the survivor, the other becomes a
tombstone pointing to it, its heirs join the survivor's, the merge travels in packages, and later
changes of the tombstone made where the merge was not known yet land on the survivor."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import site_support
from db_support import raw_db

from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.safety import Actor, AuditQuery, Role
from jamsos_desktop.domain.worker import Heir, WorkerData
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex
from jamsos_desktop.services.access import PermissionDenied

RIAS, TJ_LABU = "19.03.01.2008", "19.03.02.2001"
# The same man registered at two laptops, with different NIK typos and different heirs.
AT_RIAS = WorkerData(name="Munip", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS,
                     nik="1903011208902835", heirs=(Heir("Rahmat", HeirRelationship.CHILD),))  # fmt: skip
AT_LABU = WorkerData(name="Munip Hasan", sex=Sex.MALE, birth_date=date(1990, 8, 12), village_code=RIAS,
                     nik="1903011208902853", heirs=(Heir("Aminah", HeirRelationship.SPOUSE),))  # fmt: skip


class Site(site_support.Site):
    def rows(self) -> dict[str, dict]:  # type: ignore[type-arg]
        with raw_db(self.path) as db:
            out = {r["uid"]: dict(zip(r.keys(), r, strict=True)) for r in db.execute("SELECT id, uid, name, nik, phone, status, end_reason FROM worker")}
            for uid, name in db.execute("SELECT w.uid, h.name FROM heir h JOIN worker w ON w.id = h.worker_id ORDER BY h.position"):
                out[uid].setdefault("heirs", []).append(name)
        return out


def _data(worker) -> WorkerData:  # type: ignore[no-untyped-def]
    return WorkerData(**{n: getattr(worker, n) for n in WorkerData.__dataclass_fields__})


@pytest.fixture
def sites(tmp_path: Path):  # type: ignore[no-untyped-def]
    office, rias, labu = Site(tmp_path / "office", 8), Site(tmp_path / "rias", 9), Site(tmp_path / "labu", 7)
    office(lambda c: c.initialize("19.03"))
    for site, name in ((rias, "Rias"), (labu, "Labu")):
        office(lambda c, n=name: c.sync.register_station(n, [RIAS], tmp_path / f"{n}.station"))
        site(lambda c, n=name: (c.initialize("19.03"), c.sync.join(tmp_path / f"{n}.station")))
    return office, rias, labu


def _send(tmp_path: Path, sender: Site, office: Site, name: str) -> None:
    package = tmp_path / f"{name}.jamsync"
    sender(lambda c: c.sync.export(package))
    office(lambda c: c.sync.import_package(package))


def test_merge_at_the_office_travels_and_later_changes_land_on_the_survivor(sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, rias, labu = sites
    loser = rias(lambda c: c.registry.register(AT_RIAS).worker.uid)
    winner = labu(lambda c: c.registry.register(AT_LABU).worker.uid)
    _send(tmp_path, rias, office, "r1")
    _send(tmp_path, labu, office, "l1")

    def as_operator(c):  # type: ignore[no-untyped-def]
        c.access.become(Actor("sari", Role.OPERATOR, user_id=3))
        c.sync.merge(winner, loser)

    with pytest.raises(PermissionDenied):
        office(as_operator)
    with pytest.raises(UsageError):
        office(lambda c: c.sync.merge(winner, winner))

    def as_verifier(c):  # type: ignore[no-untyped-def]
        c.access.become(Actor("vera", Role.VERIFIER, user_id=4))
        return c.sync.merge(winner, loser)

    office(as_verifier)
    rows = office.rows()
    assert rows[loser]["status"] == "withdrawn" and rows[loser]["nik"] is None and winner in rows[loser]["end_reason"]
    assert rows[winner]["heirs"] == ["Aminah", "Rahmat"] and rows[winner]["nik"] == AT_LABU.nik
    [entry] = [e for e in office(lambda c: c.audit.search(AuditQuery(limit=100))) if e.action == "sync_merge"]
    assert entry.actor == "vera" and entry.entity_id == loser and json.loads(entry.new)["into"] == winner
    with pytest.raises(UsageError):
        office(lambda c: c.sync.merge(winner, loser))  # already a tombstone

    # Meanwhile, at Rias, the clerk changes the phone of the record the office merged away.
    def phone(c):  # type: ignore[no-untyped-def]
        worker = c.registry.get(rias.rows()[loser]["id"])
        c.registry.update(worker.id, replace(_data(worker), phone="081277778888"), expected_version=worker.version)

    rias(phone)
    _send(tmp_path, rias, office, "r2")
    rows = office.rows()
    assert rows[winner]["phone"] == "081277778888"  # landed on the survivor
    assert rows[loser]["status"] == "withdrawn"

    # The acknowledgement carries the merge (and the survivor's heirs) to both laptops.
    for site, name in ((rias, "Rias"), (labu, "Labu")):
        ack = tmp_path / f"ack-{name}.jamsync"
        office(lambda c, a=ack, n=name: c.sync.export(a, n))
        site(lambda c, a=ack: c.sync.import_package(a))
        here = site.rows()
        assert here[loser]["status"] == "withdrawn" and here[loser]["nik"] is None
        assert here[winner]["heirs"] == ["Aminah", "Rahmat"] and here[winner]["phone"] == "081277778888"
    # The redirected change did not know the survivor's phone: both values are kept for review.
    [conflict] = office(lambda c: c.sync.conflicts())
    assert (conflict.uid, conflict.field, conflict.winner_value) == (winner, "phone", "081277778888")


def test_the_same_nik_registered_twice_is_settled_by_a_merge(sites, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    office, rias, labu = sites
    first = rias(lambda c: c.registry.register(AT_RIAS).worker.uid)
    second = labu(lambda c: c.registry.register(replace(AT_LABU, nik=AT_RIAS.nik)).worker.uid)
    _send(tmp_path, rias, office, "r1")
    _send(tmp_path, labu, office, "l1")
    conflicts = office(lambda c: c.sync.conflicts())
    assert [c.kind for c in conflicts] == ["unique"]
    rows = office.rows()
    holder = first if rows[first]["nik"] == AT_RIAS.nik else second
    other = second if holder == first else first
    # The verifier keeps the record that did not get the NIK: after the merge it holds it.
    office(lambda c: c.sync.merge(other, holder))
    rows = office.rows()
    assert rows[other]["nik"] == AT_RIAS.nik and rows[holder]["nik"] is None
    assert office(lambda c: c.sync.conflicts()) == []
