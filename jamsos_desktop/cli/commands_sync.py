"""``station register|join|list`` and ``sync export|import|conflicts|resolve`` (issue 6, CONTRACT.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    station = sub.add_parser("station", parents=[common], help="village laptops (stations) and the office")
    stations = station.add_subparsers(dest="station_command", metavar="ACTION", required=True)
    p = stations.add_parser("register", parents=[common], help="office: provisioning file for a laptop")
    p.add_argument("name")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--village", nargs="*", default=[], metavar="CODE", help="villages the station serves")
    p.add_argument("--code", metavar="XY", help="card serial code of the station (2-3 letters; default: chosen)")
    p.set_defaults(handler=cmd_station_register)
    p = stations.add_parser(
        "join", parents=[common], help="laptop: become the station of a provisioning file"
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_station_join)
    p = stations.add_parser("list", parents=[common], help="stations known here, last package, overdue")
    p.set_defaults(handler=cmd_station_list)

    sync = sub.add_parser("sync", parents=[common], help="sync packages between stations and the office")
    syncs = sync.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    p = syncs.add_parser("export", parents=[common], help="write a signed, encrypted .jamsync package")
    p.add_argument("--out", type=Path, required=True, metavar="FILE")
    p.add_argument("--station", metavar="NAME", help="office: the acknowledgement for this station")
    p.set_defaults(handler=cmd_sync_export)
    p = syncs.add_parser("import", parents=[common], help="verify and merge a package")
    p.add_argument("file", type=Path, metavar="FILE")
    p.set_defaults(handler=cmd_sync_import)
    p = syncs.add_parser("conflicts", parents=[common], help="open conflicts")
    p.set_defaults(handler=cmd_sync_conflicts)
    p = syncs.add_parser("resolve", parents=[common], help="close a conflict with one of its values")
    p.add_argument("id", type=int)
    p.add_argument("--keep", choices=["shown", "other"], default="shown")
    p.set_defaults(handler=cmd_sync_resolve)


def cmd_station_register(args: argparse.Namespace, session: Session) -> Result:
    station = session.context().sync.register_station(args.name, args.village, args.out, code=args.code)
    data = {
        "station_id": station.id,
        "name": station.name,
        "villages": list(station.villages),
        "path": str(args.out),
        "code": station.code,
    }
    return Result(data, [f"Stasiun {station.name} ({station.id}, kode kartu {station.code}) terdaftar; "
                         f"berkas: {args.out} (rahasia)"])  # fmt: skip


def cmd_station_join(args: argparse.Namespace, session: Session) -> Result:
    station = session.context().sync.join(args.file)
    data = {"station_id": station.id, "name": station.name, "code": station.code}
    return Result(data, [f"Komputer ini: stasiun {station.name}"])


def cmd_station_list(args: argparse.Namespace, session: Session) -> Result:
    rows = session.context().sync.inbox()
    data = {
        "stations": [
            {
                "id": r.station.id,
                "name": r.station.name,
                "office": r.station.is_office,
                "villages": list(r.station.villages),
                "last_seq": r.station.last_seq_in,
                "last_package_at": r.station.last_package_at.isoformat()
                if r.station.last_package_at
                else None,
                "overdue": r.overdue,
                "code": r.station.code or None,
                "card_keys": len(r.station.card_keys),
            }
            for r in rows
        ]
    }
    lines = [f"{r.station.name}\t{r.station.last_seq_in}\t{'terlambat' if r.overdue else ''}" for r in rows]
    return Result(data, lines)


def cmd_sync_export(args: argparse.Namespace, session: Session) -> Result:
    result = session.context().sync.export(args.out, args.station)
    data = {
        "package_id": result.package_id,
        "records": result.records,
        "changes": result.changes,
        "seq": result.seq,
        "to": result.recipient,
        "path": str(result.path),
        "kinds": dict(result.kinds),
    }
    lines = [f"Paket {result.package_id} untuk {result.recipient} ({result.records} pekerja): {result.path}"]
    if result.kinds:
        lines.append(f"  juga: {_kind_counts(result.kinds)}")
    return Result(data, lines)


def cmd_sync_import(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    result = ctx.sync.import_package(args.file)
    data = {
        "status": result.status,
        "package_id": result.package_id,
        "from": result.sender,
        "records": result.records,
        "inserted": result.inserted,
        "updated": result.updated,
        "conflicts": result.conflicts,
        "rejected": list(result.rejected),
        "refused": [
            {"uid": r.uid, "name": r.name, "field": r.field, "code": r.code, "message": r.message(session.lang)}
            for r in result.refused
        ],
        "kinds": dict(result.kinds),
        "written": dict(result.written),
        "pending": result.pending,
        "held": result.held,
        "merged": result.merged,
    }
    if result.conflicts:
        data["conflict_list"] = [_conflict(c) for c in ctx.sync.conflicts()]
    if result.status == "already-imported":
        lines = [f"Paket {result.package_id} sudah pernah diimpor: tidak ada yang berubah."]
    else:
        lines = [
            f"Paket {result.package_id} dari {result.sender} diterapkan: pekerja baru {result.inserted}, "
            f"diubah {result.updated}, konflik {result.conflicts}"
            + (f", digabung {result.merged} (data ganda)" if result.merged else "")
        ]
    if result.kinds or result.pending or result.held:
        lines.append(f"  ditulis: {_kind_counts(result.written)}; menunggu {result.pending}, ditahan {result.held}")
    lines.extend(r.message(session.lang) for r in result.refused)
    code = 1 if (result.conflicts or result.rejected or result.refused) else 0
    return Result(data, lines, exit_code=code)


#: What travels besides workers, in the order it travels, as a clerk calls it (the sync page says the same).
KIND_LABELS = {
    "programme": "program",
    "calendar": "kalender libur",
    "enrolment": "kepesertaan",
    "self_payment": "iuran mandiri",
    "funder_payment": "pembayaran penyandang dana",
    "card_print": "cetak kartu",
    "worker_event": "peristiwa (meninggal/kecelakaan)",
    "handover": "acara penyerahan kartu",
}


def _kind_counts(counts: dict[str, int]) -> str:
    """``program 1, kepesertaan 3, …`` for the kinds with a count (``tidak ada``: none)."""
    known = [f"{label} {counts[kind]}" for kind, label in KIND_LABELS.items() if counts.get(kind)]
    other = [f"{kind} {n}" for kind, n in sorted(counts.items()) if n and kind not in KIND_LABELS]
    return ", ".join(known + other) or "tidak ada"


def _conflict(c: object) -> dict[str, object]:
    return {
        "id": c.id,  # type: ignore[attr-defined]
        "uid": c.uid,  # type: ignore[attr-defined]
        "field": c.field,  # type: ignore[attr-defined]
        "kind": c.kind,  # type: ignore[attr-defined]
        "shown": c.winner_value,  # type: ignore[attr-defined]
        "other": c.loser_value,  # type: ignore[attr-defined]
        "other_uid": c.other_uid,  # type: ignore[attr-defined]
    }


def cmd_sync_conflicts(args: argparse.Namespace, session: Session) -> Result:
    conflicts = session.context().sync.conflicts()
    data = {"conflicts": [_conflict(c) for c in conflicts]}
    lines = [f"{c.id}\t{c.worker_name}\t{c.field}\t{c.winner_value!r} / {c.loser_value!r}" for c in conflicts]
    return Result(data, lines)


def cmd_sync_resolve(args: argparse.Namespace, session: Session) -> Result:
    session.context().sync.resolve(args.id, keep_loser=args.keep == "other")
    return Result({"resolved": args.id}, [f"Konflik {args.id} selesai."])
