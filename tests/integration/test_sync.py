"""Sync between two village stations and the office, driven through the CLI on real SQLite files:
round trips, conflicts kept, order independence, and every refused package (exit 3, nothing written)."""

from __future__ import annotations

import hashlib
import io
import json
import stat
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from cli_support import RIAS, TJ_LABU, cli, ok
from db_support import raw_db

from jamsos_desktop.app import open_context
from jamsos_desktop.domain.worker import Heir, WorkerData
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus

MUNIP = WorkerData(
    name="Munip",
    sex=Sex.MALE,
    birth_date=date(1990, 8, 12),
    village_code=RIAS,
    nik="1903011208902835",
    phone="+62 812 3456 7890",
    occupation="Nelayan",
    heirs=(Heir("Rahmat", HeirRelationship.CHILD),),
)
SITI = WorkerData(
    name="Hj. Siti Ma'rifah",
    sex=Sex.FEMALE,
    birth_date=date(1999, 5, 4),
    village_code=TJ_LABU,
    nik="1903014405990313",
    occupation="Pedagang Kecil",
)


class Site:
    """A data directory with its own database; edits go through the services like the GUI's."""

    def __init__(self, path: Path, minute: int = 0) -> None:
        self.path = path
        self.minute = minute

    def edit(self, action):  # type: ignore[no-untyped-def]
        ctx = open_context(data_dir=self.path)
        self.minute += 1
        ctx.clock = lambda: datetime(2026, 11, 24, 9, self.minute)
        try:
            return action(ctx)
        finally:
            ctx.close()

    def workers(self) -> dict[str, dict]:  # type: ignore[type-arg]
        with raw_db(self.path) as db:
            rows = db.execute(
                "SELECT uid, nik, name, phone, village_code, status, kpj FROM worker"
            ).fetchall()
            heirs = db.execute(
                "SELECT w.uid, h.name FROM heir h JOIN worker w ON w.id = h.worker_id"
            ).fetchall()
        out = {r["uid"]: dict(r) for r in rows}
        for uid, name in heirs:
            out[uid].setdefault("heirs", []).append(name)
        return out

    def dump(self) -> bytes:
        """Every table's content, to prove a refused package wrote nothing."""
        with raw_db(self.path) as db:
            tables = db.tables()
            text = "".join(f"{t}:{db.execute(f'SELECT * FROM {t} ORDER BY 1').fetchall()!r}" for t in tables)
        return hashlib.sha256(text.encode()).digest()


@pytest.fixture
def sites(tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    office, s1, s2 = Site(tmp_path / "office"), Site(tmp_path / "s1", 10), Site(tmp_path / "s2", 20)
    for site in (office, s1, s2):
        ok(capsys, site.path, "init")
    for site, name, village in ((s1, "Rias", RIAS), (s2, "Tanjung Labu", TJ_LABU)):
        prov = tmp_path / f"{name}.station"
        data = ok(capsys, office.path, "station", "register", name, "--out", str(prov), "--village", village)
        assert stat.S_IMODE(prov.stat().st_mode) == 0o600
        assert ok(capsys, site.path, "station", "join", str(prov))["station_id"] == data["station_id"]
        assert stat.S_IMODE((site.path / "keys" / "sync_ed25519.pem").stat().st_mode) == 0o600
    return office, s1, s2


def test_round_trip_station_to_office_and_back(sites, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, s1, _s2 = sites
    saved = s1.edit(lambda ctx: ctx.registry.register(MUNIP).worker)
    pkg = tmp_path / "s1-1.jamsync"
    exported = ok(capsys, s1.path, "sync", "export", "--out", str(pkg))
    assert exported["records"] == 1 and exported["seq"] == 1
    raw = pkg.read_bytes()
    assert b"Munip" not in raw and MUNIP.nik.encode() not in raw  # personal data travels encrypted
    with zipfile.ZipFile(pkg) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert (
        manifest["seq"] == 1 and manifest["counts"]["records"] == 1 and "payload.bin" in manifest["members"]
    )

    imported = ok(capsys, office.path, "sync", "import", str(pkg))
    assert (imported["status"], imported["inserted"], imported["updated"], imported["conflicts"]) == (
        "applied",
        1,
        0,
        0,
    )
    at_office = office.workers()[saved.uid]
    assert at_office["nik"] == MUNIP.nik and at_office["heirs"] == ["Rahmat"]
    again = ok(capsys, office.path, "sync", "import", str(pkg))
    assert again["status"] == "already-imported" and again["inserted"] == 0

    # The office issues the KPJ number; it travels back in the acknowledgement.
    def give_kpj(ctx):  # type: ignore[no-untyped-def]
        worker = ctx.registry.get(
            ctx.registry.search_ids_for_test(saved.uid) if False else _id(ctx, saved.uid)
        )
        data = replace(_data(worker), kpj="12345678901", status=WorkerStatus.REGISTERED)
        ctx.registry.update(worker.id, data, expected_version=worker.version)

    office.edit(give_kpj)
    ack = tmp_path / "ack-s1.jamsync"
    assert ok(capsys, office.path, "sync", "export", "--out", str(ack), "--station", "Rias")["records"] == 1
    back = ok(capsys, s1.path, "sync", "import", str(ack))
    assert back["updated"] == 1
    assert s1.workers()[saved.uid]["kpj"] == "12345678901"
    # Acknowledged: the next station package carries nothing old.
    assert ok(capsys, s1.path, "sync", "export", "--out", str(tmp_path / "s1-2.jamsync"))["changes"] == 0
    stats = ok(capsys, office.path, "stats")
    assert stats["stations"] == 2 and stats["open_conflicts"] == 0


def _id(ctx, uid: str) -> int:  # type: ignore[no-untyped-def]
    with ctx.unit_of_work() as uow:
        return next(w.id for w in uow.workers.get_many(uow.workers.search_ids(_all())) if w.uid == uid)


def _all():  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.worker import WorkerQuery

    return WorkerQuery()


def _data(worker) -> WorkerData:  # type: ignore[no-untyped-def]
    fields = WorkerData.__dataclass_fields__
    return WorkerData(**{name: getattr(worker, name) for name in fields})


def test_concurrent_edits_converge_in_any_order_and_keep_the_conflict(sites, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, s1, s2 = sites
    saved = s1.edit(lambda ctx: ctx.registry.register(MUNIP).worker)
    first = tmp_path / "s1-a.jamsync"
    ok(capsys, s1.path, "sync", "export", "--out", str(first))
    ok(capsys, office.path, "sync", "import", str(first))
    # s2 learns of Munip through the office (a village move is served by s2 later).
    office2 = Site(tmp_path / "office2")
    ok(capsys, office2.path, "init")

    # s1 changes the phone; the office changes it too, concurrently: a conflict, both values kept.
    def phone(value: str):  # type: ignore[no-untyped-def]
        def action(ctx):  # type: ignore[no-untyped-def]
            worker = ctx.registry.get(_id(ctx, saved.uid))
            ctx.registry.update(
                worker.id, replace(_data(worker), phone=value), expected_version=worker.version
            )

        return action

    s1.edit(phone("0812 1111 2222"))
    office.edit(phone("0813 3333 4444"))
    second = tmp_path / "s1-b.jamsync"
    ok(capsys, s1.path, "sync", "export", "--out", str(second))
    code, result = cli(capsys, office.path, "sync", "import", str(second))
    assert code == 1 and result["conflicts"] == 1
    shown = office.workers()[saved.uid]["phone"]
    [conflict] = ok(capsys, office.path, "sync", "conflicts")["conflicts"]
    assert {conflict["shown"], conflict["other"]} == {"081211112222", "081333334444"}
    assert conflict["shown"] == shown
    assert ok(capsys, office.path, "stats")["open_conflicts"] == 1
    # The clerk keeps the other value; the resolution closes the conflict.
    ok(capsys, office.path, "sync", "resolve", str(conflict["id"]), "--keep", "other")
    assert office.workers()[saved.uid]["phone"] == conflict["other"]
    assert ok(capsys, office.path, "stats")["open_conflicts"] == 0


@pytest.mark.sqlite_only  # copies the office's database as files
def test_packages_from_two_stations_in_either_order_give_the_same_office(
    sites, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    _office, s1, s2 = sites
    s1.edit(lambda ctx: ctx.registry.register(MUNIP))
    # The same NIK registered as another person at the other station: both kept, one conflict.
    s2.edit(lambda ctx: ctx.registry.register(replace(MUNIP, name="Munip Bin Ali", village_code=TJ_LABU)))
    s2.edit(lambda ctx: ctx.registry.register(SITI))
    a, b = tmp_path / "a.jamsync", tmp_path / "b.jamsync"
    ok(capsys, s1.path, "sync", "export", "--out", str(a))
    ok(capsys, s2.path, "sync", "export", "--out", str(b))

    results = []
    for name, order in (("o1", (a, b)), ("o2", (b, a, a, b))):
        target = Site(tmp_path / name)
        ok(capsys, target.path, "init")
        # Each office copy must know the stations: use the original office's database files.
        import shutil

        shutil.copytree(_office.path, target.path, dirs_exist_ok=True)
        reported = []
        for pkg in order:
            code, data = cli(capsys, target.path, "sync", "import", str(pkg))
            assert code in (0, 1)
            reported.append(data.get("conflicts"))
        # The second package (whichever it is) brings the other Munip: the clerk is told of the conflict.
        assert reported[:2] == [0, 1], reported
        conflicts = ok(capsys, target.path, "sync", "conflicts")["conflicts"]
        results.append((target.workers(), sorted((c["uid"], c["field"], c["kind"]) for c in conflicts)))
    assert results[0] == results[1]
    workers, conflicts = results[0]
    assert len(workers) == 3
    assert sorted(w["nik"] or "" for w in workers.values()).count(MUNIP.nik) == 1
    assert [c[1:] for c in conflicts] == [("nik", "unique")]


# -- refused packages -------------------------------------------------------------------------------
@pytest.fixture
def package(sites, tmp_path: Path, capsys):  # type: ignore[no-untyped-def]
    office, s1, s2 = sites
    s1.edit(lambda ctx: ctx.registry.register(MUNIP))
    pkg = tmp_path / "good.jamsync"
    ok(capsys, s1.path, "sync", "export", "--out", str(pkg))
    return office, s1, s2, pkg


def _refused(capsys, office: Site, pkg: Path, code_name: str) -> None:  # type: ignore[no-untyped-def]
    before = office.dump()
    code, data = cli(capsys, office.path, "sync", "import", str(pkg))
    assert code == 3, data
    assert data["error"]["code"] == code_name
    assert office.dump() == before


def _rezip(pkg: Path, out: Path, change) -> Path:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(pkg) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members = change(members)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    out.write_bytes(buffer.getvalue())
    return out


def test_flipped_byte_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, _s2, pkg = package

    def flip(members):  # type: ignore[no-untyped-def]
        payload = bytearray(members["payload.bin"])
        payload[len(payload) // 2] ^= 1
        return dict(members, **{"payload.bin": bytes(payload)})

    _refused(capsys, office, _rezip(pkg, tmp_path / "flip.jamsync", flip), "sync.package_damaged")
    raw = bytearray(pkg.read_bytes())
    raw[len(raw) // 3] ^= 0x40
    (tmp_path / "flip2.jamsync").write_bytes(bytes(raw))
    before = office.dump()
    code, _ = cli(capsys, office.path, "sync", "import", str(tmp_path / "flip2.jamsync"))
    assert code == 3 and office.dump() == before


def test_edited_manifest_breaks_the_signature(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, _s2, pkg = package

    def bump(members):  # type: ignore[no-untyped-def]
        manifest = json.loads(members["manifest.json"])
        manifest["seq"] = 7
        return dict(members, **{"manifest.json": json.dumps(manifest, sort_keys=True, indent=1).encode()})

    _refused(capsys, office, _rezip(pkg, tmp_path / "seq.jamsync", bump), "sync.bad_signature")


def test_truncated_file_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, _s2, pkg = package
    cut = tmp_path / "cut.jamsync"
    cut.write_bytes(pkg.read_bytes()[: pkg.stat().st_size // 2])
    _refused(capsys, office, cut, "sync.package_damaged")


def test_replay_with_other_content_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, s1, _s2, pkg = package
    ok(capsys, office.path, "sync", "import", str(pkg))
    # Same package id signed again with other content: only possible for the key holder, still refused.
    other = _rezip(pkg, tmp_path / "other.jamsync", lambda m: dict(m, signature=m["signature"]))
    with zipfile.ZipFile(other, "a") as archive:
        archive.comment = b"different bytes"
    _refused(capsys, office, other, "sync.package_replaced")
    # A second, genuine package reusing the sequence number of the first is refused too.
    s1.edit(lambda ctx: ctx.registry.register(SITI))
    _reset_seq(s1)
    second = tmp_path / "second.jamsync"
    ok(capsys, s1.path, "sync", "export", "--out", str(second))
    _refused(capsys, office, second, "sync.sequence_reused")


def _reset_seq(site: Site) -> None:
    with raw_db(site.path) as db:
        db.execute("UPDATE sync_station SET last_seq_out = 0 WHERE is_self")


def test_foreign_signer_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, s2, pkg = package

    def resign(members):  # type: ignore[no-untyped-def]
        from jamsos_desktop.services.sync_crypto import StationKeys

        keys = StationKeys.load(s2.path)  # station 2 signs a package claiming to come from station 1
        return dict(members, signature=keys.signature(members["manifest.json"]).encode())

    _refused(capsys, office, _rezip(pkg, tmp_path / "forged.jamsync", resign), "sync.bad_signature")


def test_zip_slip_and_extra_members_are_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, _s2, pkg = package
    slip = _rezip(pkg, tmp_path / "slip.jamsync", lambda m: dict(m, **{"../../evil.py": b"print(1)"}))
    _refused(capsys, office, slip, "sync.package_members")
    renamed = _rezip(
        pkg,
        tmp_path / "renamed.jamsync",
        lambda m: {("../" + k if k == "payload.bin" else k): v for k, v in m.items()},
    )
    _refused(capsys, office, renamed, "sync.package_members")
    assert not (tmp_path / "evil.py").exists()


def test_absurd_size_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    office, _s1, _s2, pkg = package
    big = _rezip(pkg, tmp_path / "big.jamsync", lambda m: dict(m, **{"manifest.json": b" " * (1024 * 1024)}))
    _refused(capsys, office, big, "sync.package_too_big")


def test_package_for_another_station_is_refused(package, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _office, _s1, s2, pkg = package
    _refused(capsys, s2, pkg, "sync.not_for_us")
