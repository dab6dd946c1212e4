"""``backup``, ``check``, ``restore`` (CONTRACT.md), and ``user``, ``audit``, ``privacy`` (issue 7)."""

from __future__ import annotations

import argparse
import os
import time
from datetime import date
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session, table
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.safety import AuditQuery, Role

NEW_PASSWORD_ENV = "JAMSOS_NEW_PASSWORD"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backup", parents=[common], help="consistent, checked backup of the database")
    p.add_argument(
        "--out", type=Path, metavar="FILE", help="write the copy here (default: the backups folder)"
    )
    p.add_argument("--passphrase-env", metavar="VAR", help="encrypt with the passphrase in this variable")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("check", parents=[common], help="integrity check of the database and the audit trail")
    p.add_argument("--quick", action="store_true", help="quick_check instead of the full integrity_check")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "restore", parents=[common], help="restore a backup (the current state is backed up first)"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--passphrase-env", metavar="VAR", help="passphrase of an encrypted backup")
    p.set_defaults(handler=cmd_restore)

    user = sub.add_parser("user", parents=[common], help="user accounts")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    p = users.add_parser("list", parents=[common], help="list accounts")
    p.set_defaults(handler=cmd_user_list)
    p = users.add_parser("add", parents=[common], help=f"add an account (password from {NEW_PASSWORD_ENV})")
    p.add_argument("username")
    p.add_argument("--full-name", required=True)
    p.add_argument("--role", choices=[r.value for r in Role], default=Role.OPERATOR.value)
    p.set_defaults(handler=cmd_user_add)
    p = users.add_parser("reset-password", parents=[common], help=f"new password from {NEW_PASSWORD_ENV}")
    p.add_argument("username")
    p.set_defaults(handler=cmd_user_reset)
    p = users.add_parser("set-role", parents=[common], help="change an account's role")
    p.add_argument("username")
    p.add_argument("role", choices=[r.value for r in Role])
    p.set_defaults(handler=cmd_user_role)
    for name, active in (("deactivate", False), ("activate", True)):
        p = users.add_parser(name, parents=[common], help=f"{name} an account")
        p.add_argument("username")
        p.set_defaults(handler=cmd_user_active, active=active)
    p = users.add_parser("unlock", parents=[common], help="end a lockout after wrong passwords")
    p.add_argument("username")
    p.set_defaults(handler=cmd_user_unlock)

    audit = sub.add_parser("audit", parents=[common], help="the audit trail")
    audits = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    p = audits.add_parser("list", parents=[common], help="entries, newest first")
    p.add_argument("--actor", default="")
    p.add_argument("--entity", default="")
    p.add_argument("--id", dest="entity_id", default="")
    p.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(handler=cmd_audit_list)

    privacy = sub.add_parser("privacy", parents=[common], help="personal data (UU 27/2022)")
    privacies = privacy.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    p = privacies.add_parser("export", parents=[common], help="everything held about one person, as JSON")
    p.add_argument("nik")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.json")
    p.set_defaults(handler=cmd_privacy_export)
    p = privacies.add_parser(
        "anonymise", parents=[common], help="anonymise workers past the retention period"
    )
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(handler=cmd_privacy_anonymise)


def _passphrase(variable: str | None) -> str | None:
    if variable is None:
        return None
    value = os.environ.get(variable, "")
    if not value:
        raise UsageError("backup.passphrase_env", variable=variable)
    return value


def _new_password() -> str:
    value = os.environ.get(NEW_PASSWORD_ENV, "")
    if not value:
        raise UsageError("backup.passphrase_env", variable=NEW_PASSWORD_ENV)
    return value


# -- backup, check, restore -------------------------------------------------------------------------------
def cmd_backup(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    passphrase = _passphrase(args.passphrase_env)
    started = time.perf_counter()
    if args.out is not None:
        path = ctx.backups.export(args.out, passphrase)
    else:
        if passphrase is not None:
            raise UsageError("usage.argument", detail="--passphrase-env needs --out")
        path = ctx.backups.backup_now("manual").path
    seconds = round(time.perf_counter() - started, 3)
    data = {
        "path": str(path),
        "encrypted": passphrase is not None,
        "bytes": path.stat().st_size,
        "seconds": seconds,
        "latest_chain_hash": ctx.latest_chain_hash(),
    }
    return Result(data, [f"Cadangan: {path} ({seconds} s)"])


def cmd_check(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    report = ctx.check(full=not args.quick)
    warnings = [render(code, session.lang, **params) for code, params in report.location]
    data: dict[str, object] = {
        "ok": report.ok,
        "mode": "full" if report.full else "quick",
        "integrity": "ok" if not report.problems else list(report.problems),
        "audit": {
            "entries": report.audit_entries,
            "ok": not report.audit_problems,
            "problems": list(report.audit_problems),
        },
        "latest_chain_hash": report.latest_chain_hash,
        "location_warnings": warnings,
    }
    lines = [
        f"Integritas: {data['integrity']}",
        f"Jejak audit: {report.audit_entries} entri, "
        + ("utuh" if not report.audit_problems else "RUSAK " + ", ".join(report.audit_problems)),
    ]
    lines.extend(f"Peringatan: {w}" for w in warnings)
    if report.ok:
        return Result(data, lines)
    code, detail = (
        ("check.failed", "; ".join(report.problems[:3]))
        if report.problems
        else ("audit.broken", ", ".join(report.audit_problems[:3]))
    )
    message, message_en = render(code, session.lang, detail=detail), render(code, "en", detail=detail)
    data["error"] = {"code": code, "message": message, "message_en": message_en}
    lines.append(message)
    return Result(data, lines, exit_code=3)


def cmd_restore(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.paths import resolve
    from jamsos_desktop.services.instance_lock import InstanceLock

    data_dir, _ = resolve(args.data_dir, args.db)
    passphrase = _passphrase(args.passphrase_env)
    with InstanceLock(data_dir):  # never under a running desktop application
        ctx = session.context()
        safety = ctx.backups.restore(args.file, passphrase)
        data = {
            "restored_from": str(args.file),
            "safety_backup": str(safety.path) if safety else None,
            "schema_version": ctx.database.schema_version(),
        }
    return Result(
        data, [f"Dipulihkan dari {args.file}; keadaan sebelumnya dicadangkan di {data['safety_backup']}"]
    )


# -- users --------------------------------------------------------------------------------------------------
def _user_json(u) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "username": u.username,
        "full_name": u.full_name,
        "role": u.role.value,
        "active": u.active,
        "locked_until": u.locked_until.isoformat() if u.locked_until else None,
        "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
    }


def cmd_user_list(args: argparse.Namespace, session: Session) -> Result:
    users = session.context().users.list()
    rows = [[u.username, u.full_name, u.role.value, "ya" if u.active else "tidak"] for u in users]
    return Result(
        {"users": [_user_json(u) for u in users]}, table(["pengguna", "nama", "peran", "aktif"], rows)
    )


def cmd_user_add(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    password = _new_password()
    if not ctx.users.has_users():
        if args.role != Role.ADMINISTRATOR.value:
            raise UsageError(
                "usage.value", value=args.role, option="--role (the first account is the administrator)"
            )
        user = ctx.users.create_first_administrator(args.username, args.full_name, password)
    else:
        user = ctx.users.create(args.username, args.full_name, Role(args.role), password)
    return Result(_user_json(user), [f"Pengguna {user.username} ({user.role.label}) dibuat."])


def cmd_user_reset(args: argparse.Namespace, session: Session) -> Result:
    user = session.context().users.reset_password(args.username, _new_password())
    return Result(_user_json(user), [f"Kata sandi {user.username} diganti."])


def cmd_user_role(args: argparse.Namespace, session: Session) -> Result:
    user = session.context().users.set_role(args.username, Role(args.role))
    return Result(_user_json(user), [f"{user.username}: {user.role.label}"])


def cmd_user_active(args: argparse.Namespace, session: Session) -> Result:
    user = session.context().users.set_active(args.username, args.active)
    return Result(_user_json(user), [f"{user.username}: {'aktif' if user.active else 'nonaktif'}"])


def cmd_user_unlock(args: argparse.Namespace, session: Session) -> Result:
    user = session.context().users.unlock(args.username)
    return Result(_user_json(user), [f"{user.username} dibuka kuncinya."])


# -- audit, privacy --------------------------------------------------------------------------------------------
def cmd_audit_list(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    query = AuditQuery(
        actor=args.actor,
        entity=args.entity,
        entity_id=args.entity_id,
        since=args.since,
        until=args.until,
        limit=max(1, args.limit),
    )
    from jamsos_desktop.domain.safety import Permission

    entries = ctx.audit.search(query, mask=not ctx.access.can(Permission.VIEW_NIK))
    data = {
        "entries": [
            {
                "seq": e.seq,
                "at": e.at,
                "actor": e.actor,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "old": e.old_values(),
                "new": e.new_values(),
                "hash": e.hash,
            }
            for e in entries
        ],
        "latest_chain_hash": ctx.latest_chain_hash(),
    }
    rows = [[str(e.seq), e.at, e.actor, e.action, e.entity, e.entity_id] for e in entries]
    return Result(data, table(["#", "waktu", "oleh", "aksi", "data", "id"], rows))


def cmd_privacy_export(args: argparse.Namespace, session: Session) -> Result:
    report = session.context().privacy.export_person_to(args.nik, args.out)
    sections = {k: len(v) for k, v in report.items() if isinstance(v, list)}
    return Result(
        {"path": str(args.out), "nik": args.nik, **sections}, [f"Data pribadi ditulis ke {args.out}"]
    )


def cmd_privacy_anonymise(args: argparse.Namespace, session: Session) -> Result:
    result = session.context().privacy.anonymise(dry_run=args.dry_run)
    data = {
        "dry_run": result.dry_run,
        "cutoff": result.cutoff.isoformat(),
        "retention_years": result.retention_years,
        "due": result.due,
        "anonymised": result.anonymised,
        "audit_entries_erased": result.audit_entries_erased,
    }
    verb = "akan dianonimkan" if result.dry_run else "dianonimkan"
    return Result(data, [f"{result.due} pekerja (berhenti sebelum {result.cutoff}) {verb}."])
