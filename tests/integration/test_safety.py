"""Data safety through the services on a real SQLite file: audit chain, permissions, login, backups,
restore, privacy (issue 7)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from jamsos_desktop.domain.errors import DatabaseError, IntegrityError, UsageError
from jamsos_desktop.domain.nik import make_nik
from jamsos_desktop.domain.safety import Actor, AuditQuery, Role
from jamsos_desktop.domain.worker import WorkerData
from jamsos_desktop.domain.worker_types import Sex, WorkerStatus
from jamsos_desktop.services.access import PermissionDenied
from jamsos_desktop.services.backup import decrypt_file, is_encrypted

RIAS, TOBOALI = "19.03.01.2008", "19.03.01"


def _worker(serial: int = 1, name: str = "Munip", **fields: object) -> WorkerData:
    born = date(1980, 5, 12)
    return WorkerData(
        name=name,
        sex=Sex.MALE,
        birth_date=born,
        village_code=RIAS,
        nik=make_nik(TOBOALI, born, Sex.MALE, serial),
        **fields,  # type: ignore[arg-type]
    )


def _sql(context, statement: str, **params: object) -> None:  # type: ignore[no-untyped-def]
    """Change the database behind the application's back (any engine), as a tamperer would."""
    from sqlalchemy import text

    with context.database.engine.begin() as conn:
        conn.execute(text(statement), params)


def _dump(context) -> str:  # type: ignore[no-untyped-def]
    """Every value of every table, as text (what someone reading the raw database would see)."""
    from sqlalchemy import inspect, text

    with context.database.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        return "\n".join(
            repr(tuple(row)) for name in tables for row in conn.execute(text(f'SELECT * FROM "{name}"'))
        )


# -- audit trail ---------------------------------------------------------------------------------------------
def test_registry_changes_are_audited_with_old_and_new_values(context) -> None:  # type: ignore[no-untyped-def]
    saved = context.registry.register(_worker()).worker
    changed = context.registry.update(
        saved.id, _worker(name="Munip Bin Ali"), expected_version=saved.version
    ).worker
    context.registry.deactivate(saved.id, WorkerStatus.WITHDRAWN, end_date=date(2026, 11, 1), reason="pindah")
    context.registry.reactivate(saved.id)
    entries = context.audit.search(AuditQuery(entity="worker", entity_id=str(saved.id)))
    assert [e.action for e in entries] == ["reactivate", "deactivate", "update", "register"]
    update = entries[2]
    assert update.actor == "petugas.uji" and update.at == "2026-11-24T09:00:00"
    assert update.old_values()["name"] == "Munip" and update.new_values()["name"] == "Munip Bin Ali"
    assert update.new_values()["nik"] == changed.nik  # exact values; the viewer masks for operators
    masked = context.audit.search(AuditQuery(entity="worker", entity_id=str(saved.id)), mask=True)
    assert changed.nik not in (masked[2].new or "") and "\u2022" in (masked[2].new or "")
    assert context.audit.verify() == (4, [])


def test_a_failed_change_leaves_no_audit_entry(context) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(_worker())
    before = context.audit.count()
    with pytest.raises(Exception):  # noqa: B017 - the duplicate NIK is refused
        context.registry.register(_worker(name="Orang Lain"))
    assert context.audit.count() == before


@pytest.mark.parametrize("column", ["new_values", "actor", "at", "hash"])
def test_an_edited_audit_entry_breaks_the_chain(context, column: str) -> None:  # type: ignore[no-untyped-def]
    for serial in range(1, 4):
        context.registry.register(_worker(serial, name=f"Pekerja {serial}"))
    hash_before = context.latest_chain_hash()
    context.close()
    value = {
        "new_values": '{"name":"Palsu"}',
        "actor": "orang.lain",
        "at": "2020-01-01T00:00:00",
        "hash": "f" * 64,
    }
    _sql(context, f"UPDATE audit_entry SET {column} = :value WHERE seq = 2", value=value[column])
    count, problems = context.audit.verify()
    assert count == 3 and problems
    assert not context.check().ok
    assert hash_before  # the hash carried in sync packages before the edit


def test_a_deleted_audit_entry_breaks_the_chain(context) -> None:  # type: ignore[no-untyped-def]
    for serial in range(1, 4):
        context.registry.register(_worker(serial, name=f"Pekerja {serial}"))
    _sql(context, "DELETE FROM audit_entry WHERE seq = 2")
    assert context.audit.verify()[1]


# -- permissions ---------------------------------------------------------------------------------------------
def _as(context, role: Role, name: str = "budi") -> None:  # type: ignore[no-untyped-def]
    context.access.become(Actor(name, role, user_id=99))


def test_an_operator_enters_data_but_cannot_approve_manage_users_or_settings(context) -> None:  # type: ignore[no-untyped-def]
    draft = context.registry.register(_worker()).worker
    _as(context, Role.OPERATOR)
    entered = context.registry.register(_worker(2, name="Irman")).worker  # data entry is allowed
    assert entered.status is WorkerStatus.DRAFT
    with pytest.raises(PermissionDenied) as denied:
        context.registry.update(
            draft.id, _worker(status=WorkerStatus.VERIFIED), expected_version=draft.version
        )
    assert denied.value.exit_code == 3 and denied.value.code == "permission.denied"
    with pytest.raises(PermissionDenied):
        context.registry.register(_worker(3, name="Suriono", status=WorkerStatus.VERIFIED))
    with pytest.raises(PermissionDenied):
        context.users.create("sari", "Sari", Role.OPERATOR, "rahasia-sari")
    with pytest.raises(PermissionDenied):
        context.settings.set("office_name", "Bukan kantor")
    with pytest.raises(PermissionDenied):
        context.privacy.export_person(draft.nik)
    assert context.registry.get(draft.id).status is WorkerStatus.DRAFT  # nothing written
    _as(context, Role.VERIFIER)
    approved = context.registry.update(
        draft.id, _worker(status=WorkerStatus.VERIFIED), expected_version=draft.version
    ).worker
    assert approved.status is WorkerStatus.VERIFIED
    with pytest.raises(PermissionDenied):
        context.users.create("sari", "Sari", Role.OPERATOR, "rahasia-sari")


def test_an_operator_cannot_record_funder_payments(context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.programme import Funder, FunderKind, Month, ProgrammeData

    programme = context.programmes.create(
        ProgrammeData(
            name="P",
            funders=(Funder(name="APBD", kind=FunderKind.APBD_KABUPATEN),),
            start=Month.of(2026, 8),
            funded_months=6,
        )
    )
    _as(context, Role.OPERATOR)
    with pytest.raises(PermissionDenied):
        context.payments.record_funder_payment(programme.id, invoice="INV-1", first="2026-08", amount=16800)


# -- users and login -----------------------------------------------------------------------------------------
def test_first_administrator_login_and_lockout(context) -> None:  # type: ignore[no-untyped-def]
    assert not context.users.has_users()
    context.users.create_first_administrator("Admin", "Ibu Admin", "kata-sandi-1")
    with pytest.raises(IntegrityError):
        context.users.create_first_administrator("admin2", "Dua", "kata-sandi-2")
    actor = context.users.login("admin", "kata-sandi-1")
    assert actor.role is Role.ADMINISTRATOR and context.access.actor == actor
    context.users.create("sari", "Sari", Role.OPERATOR, "rahasia-sari")
    for _ in range(4):
        with pytest.raises(IntegrityError) as wrong:
            context.users.authenticate("sari", "salah-salah")
        assert wrong.value.code == "auth.failed"
    with pytest.raises(IntegrityError):
        context.users.authenticate("sari", "salah-salah")  # the fifth locks the account
    with pytest.raises(IntegrityError) as locked:
        context.users.authenticate("sari", "rahasia-sari")  # even the right password, for 5 minutes
    assert locked.value.code == "auth.locked" and locked.value.exit_code == 3
    context.clock = lambda: datetime(2026, 11, 24, 9, 0) + timedelta(minutes=6)
    assert context.users.authenticate("sari", "rahasia-sari").role is Role.OPERATOR
    with pytest.raises(IntegrityError):
        context.users.authenticate("nobody", "whatever1")
    actions = [e.action for e in context.audit.search(AuditQuery(entity="user"))]
    assert "locked_out" in actions and "login_failed" in actions and "login" in actions


def test_the_last_administrator_cannot_be_demoted(context) -> None:  # type: ignore[no-untyped-def]
    context.users.create_first_administrator("admin", "Admin", "kata-sandi-1")
    context.users.login("admin", "kata-sandi-1")
    with pytest.raises(IntegrityError):
        context.users.set_role("admin", Role.OPERATOR)
    with pytest.raises(UsageError):
        context.users.create("x", "X", Role.OPERATOR, "short")


# -- backups -------------------------------------------------------------------------------------------------
@pytest.mark.postgresql_only
def test_a_server_database_is_backed_up_by_the_server(context) -> None:  # type: ignore[no-untyped-def]
    """On PostgreSQL the office server's pg_dump does backups: the application says so, takes none."""
    assert not context.backups.daily_backup_due() and context.backups.backup_before("import") is None
    with pytest.raises(DatabaseError) as refused:
        context.backups.backup_now("manual")
    assert refused.value.code == "backup.not_sqlite"
    assert context.check(full=True).ok  # the audit chain is still checked


@pytest.mark.sqlite_only
def test_backup_restore_round_trip(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(_worker(1, name="Sebelum"))
    made = context.backups.backup_now("manual")
    assert made.path.parent == context.data_dir / "backups" and made.path.name.endswith("-manual.sqlite3")
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    context.registry.register(_worker(2, name="Sesudah"))
    assert context.registry.stats().total == 2
    safety = context.backups.restore(made.path)
    assert context.registry.stats().total == 1  # the live database, read through the open context
    assert safety is not None and "before-restore" in safety.path.name
    with sqlite3.connect(safety.path) as conn:
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] == 2
    assert context.check().ok
    context.registry.register(_worker(3, name="Lagi"))  # the database is usable after the restore


@pytest.mark.sqlite_only
def test_encrypted_backup_round_trip_and_wrong_passphrase(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context.registry.register(_worker(1, name="Rahasia"))
    usb = tmp_path / "usb" / "jamsos.jamsosbak"
    context.backups.export(usb, "frasa sandi panjang")
    assert is_encrypted(usb) and b"Rahasia" not in usb.read_bytes()
    with pytest.raises(IntegrityError) as wrong:
        context.backups.restore(usb, "frasa yang salah")
    assert wrong.value.code == "backup.decrypt_failed"
    tampered = tmp_path / "tampered.jamsosbak"
    data = bytearray(usb.read_bytes())
    data[-100] ^= 1
    tampered.write_bytes(bytes(data))
    with pytest.raises(IntegrityError):
        context.backups.restore(tampered, "frasa sandi panjang")
    assert not list((context.data_dir / "backups").glob("*before-restore*"))  # refused before anything
    plain = tmp_path / "plain.sqlite3"
    decrypt_file(usb, plain, "frasa sandi panjang")
    with sqlite3.connect(plain) as conn:
        assert conn.execute("SELECT name FROM worker").fetchall() == [("Rahasia",)]


@pytest.mark.sqlite_only
def test_a_foreign_or_damaged_file_is_refused(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    foreign = tmp_path / "foreign.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(IntegrityError):
        context.backups.restore(foreign)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    with pytest.raises(IntegrityError):
        context.backups.restore(junk)


@pytest.mark.sqlite_only
def test_rotation_keeps_daily_weekly_monthly(context) -> None:  # type: ignore[no-untyped-def]
    folder = context.data_dir / "backups"
    folder.mkdir(exist_ok=True)
    start = datetime(2026, 11, 24, 8, 0)
    for days in range(400):
        stamp = start - timedelta(days=days)
        (folder / f"jamsos-{stamp:%Y%m%d-%H%M%S}-daily.sqlite3").write_bytes(b"x")
    (folder / "jamsos-20261124-070000-x.sqlite3.partial").write_bytes(b"x")
    context.backups.rotate()
    kept = context.backups.list()
    assert 7 <= len(kept) <= 7 + 4 + 12
    assert kept[0].taken_at == start
    assert not list(folder.glob("*.partial"))
    assert min(b.taken_at for b in kept) > start - timedelta(days=370)


@pytest.mark.sqlite_only
def test_the_daily_backup_is_taken_once_a_day(context) -> None:  # type: ignore[no-untyped-def]
    assert context.backups.daily_backup_due()
    assert context.backups.backup_if_due() is not None
    assert not context.backups.daily_backup_due()
    assert context.backups.backup_if_due() is None


@pytest.mark.sqlite_only
def test_check_reports_a_cloud_folder(tmp_path: Path) -> None:
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=tmp_path / "OneDrive - Pemkab" / "JamSos")
    try:
        report = ctx.check(full=False)
        assert report.ok and report.location == (("location.cloud", {"service": "OneDrive"}),)
    finally:
        ctx.close()


# -- privacy -------------------------------------------------------------------------------------------------
def test_export_everything_about_one_person(context, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.worker import Heir
    from jamsos_desktop.domain.worker_types import HeirRelationship

    worker = context.registry.register(
        _worker(heirs=(Heir(name="Siti", relationship=HeirRelationship.SPOUSE),))
    ).worker
    out = tmp_path / "munip.json"
    report = context.privacy.export_person_to(worker.nik, out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved == report
    assert saved["worker"]["nik"] == worker.nik and saved["worker"]["heirs"][0]["name"] == "Siti"
    assert saved["worker"]["consent"]["purpose"]
    assert [a["action"] for a in saved["audit"]] == ["register"]
    assert context.audit.search(AuditQuery(entity="worker"))[0].action == "privacy_export"


def test_anonymisation_after_the_retention_period(context) -> None:  # type: ignore[no-untyped-def]
    from jamsos_desktop.domain.worker import Heir
    from jamsos_desktop.domain.worker_types import HeirRelationship

    old = context.registry.register(
        _worker(
            1,
            name="Lama",
            heirs=(Heir(name="Siti", relationship=HeirRelationship.SPOUSE),),
            phone="0812345678",
        )
    ).worker
    recent = context.registry.register(_worker(2, name="Baru")).worker
    context.registry.deactivate(old.id, WorkerStatus.WITHDRAWN, end_date=date(2019, 1, 31), reason="pindah")
    context.registry.deactivate(
        recent.id, WorkerStatus.WITHDRAWN, end_date=date(2025, 1, 31), reason="pindah"
    )
    dry = context.privacy.anonymise(dry_run=True)
    assert (dry.due, dry.anonymised) == (1, 0) and context.registry.get(old.id).name == "Lama"
    done = context.privacy.anonymise()
    assert done.anonymised == 1 and done.audit_entries_erased >= 2
    gone = context.registry.get(old.id)
    assert gone.name == f"Anonim {old.id}" and gone.nik is None and gone.heirs == () and gone.phone == ""
    assert context.registry.get(recent.id).name == "Baru"
    assert context.registry.stats().total == 2  # counts stay
    assert context.audit.verify()[1] == []  # the chain survives the erased values
    dump = _dump(context)
    assert old.nik not in dump and "Siti" not in dump
    assert context.privacy.anonymise(dry_run=True).due == 0
