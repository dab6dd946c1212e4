"""``workers …``: the registry from the command line."""

from __future__ import annotations

import argparse

from jamsos_desktop.cli.base import Result, Session, table
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_number
from jamsos_desktop.domain.worker import WorkerQuery, WorkerSummary
from jamsos_desktop.domain.worker_types import WorkerStatus


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    workers = sub.add_parser("workers", parents=[common], help="the worker registry")
    wsub = workers.add_subparsers(dest="workers_command", metavar="ACTION", required=True)

    p = wsub.add_parser("list", parents=[common], help="list workers (all when no filter)")
    p.add_argument("--search", metavar="TEXT", default="", help="name, NIK/KPJ prefix, phone or village")
    p.add_argument("--village", metavar="CODE", nargs="+", action="extend", default=[])
    p.add_argument(
        "--status",
        metavar="STATUS",
        nargs="+",
        action="extend",
        default=[],
        help="draft, verified, registered, inactive, deceased, withdrawn",
    )
    p.set_defaults(handler=cmd_list)

    for module in _extensions():
        module.register(wsub, common)


def _extensions() -> list:  # type: ignore[type-arg]
    """Further ``workers`` actions (import, export, template, kpj-import) register themselves here."""
    modules = []
    try:
        from jamsos_desktop.cli import commands_excel

        modules.append(commands_excel)
    except ImportError:
        pass
    return modules


def summary_json(w: WorkerSummary) -> dict[str, object]:
    return {
        "id": w.id,
        "nik": w.nik,
        "name": w.name,
        "sex": w.sex.value,
        "birth_date": w.birth_date.isoformat(),
        "village_code": w.village_code,
        "village": w.village_name,
        "district": w.district_name,
        "occupation": w.occupation,
        "phone": w.phone,
        "kpj": w.kpj,
        "status": w.status.value,
    }


def cmd_list(args: argparse.Namespace, session: Session) -> Result:
    try:
        statuses = tuple(WorkerStatus(s) for s in args.status)
    except ValueError:
        raise UsageError("usage.value", value=" ".join(args.status), option="--status") from None
    villages = tuple(args.village)
    ctx = session.context()
    for code in villages:
        if ctx.regions.name(code) is None:
            raise UsageError("village.unknown", code=code)
    found = ctx.registry.list(WorkerQuery(text=args.search, village_codes=villages, statuses=statuses))
    data = {"count": len(found), "workers": [summary_json(w) for w in found]}
    rows = [
        [
            w.nik or "(tanpa NIK)",
            w.name,
            w.sex.value,
            w.birth_date.strftime("%d-%m-%Y"),
            w.village_name,
            w.occupation,
            w.phone,
            w.kpj or "",
            w.status.label,
        ]
        for w in found
    ]
    lines = table(
        ["NIK", "Nama", "L/P", "Tgl lahir", "Desa", "Pekerjaan", "No HP", "KPJ", "Status"], rows
    )
    lines.append(f"{format_number(len(found))} pekerja")
    return Result(data, lines)
