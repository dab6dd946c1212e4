"""``report`` commands: the office's reports as PDF or Excel, and ``report list``; thin over services."""

from __future__ import annotations

import argparse
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session, table
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_number
from jamsos_desktop.domain.programme import Month


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from jamsos_desktop.services.reports import ReportName

    names = [n.value for n in ReportName]
    p = sub.add_parser(
        "report",
        parents=[common],
        help="reports as PDF (with the letterhead) or Excel: " + ", ".join(names) + "; or `report list`",
        description="Write a report; the format follows the extension of --out (.pdf or .xlsx).",
    )
    p.add_argument("name", metavar="NAME", help="one of: " + ", ".join(names) + ", or `list`")
    p.add_argument("--out", type=Path, metavar="FILE", help=".pdf or .xlsx")
    p.add_argument(
        "--month",
        metavar="YYYY-MM",
        help="period: the month reported (monthly, recap, occupations), the first self-paid month "
        "(self-paying; default next month), the month inactivity is judged at (inactive)",
    )
    p.add_argument("--program", type=int, metavar="ID", help="programme (default: the latest)")
    p.add_argument("--district", metavar="CODE", help="a kecamatan or village code (default: the regency)")
    p.set_defaults(handler=cmd_report)


def cmd_report(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.reports import ReportFilters, ReportName, format_of, parse_name

    if args.name == "list":
        rows = [{"name": n.value, "title": n.label, "description": n.description} for n in ReportName]
        return Result({"reports": rows}, table(["name", "title"], [[r["name"], r["title"]] for r in rows]))
    name = parse_name(args.name)
    if args.out is None:
        raise UsageError("usage.argument", detail="--out FILE is required")
    format_of(args.out)  # a wrong extension is refused before the database is opened
    month = None
    if args.month:
        try:
            month = Month.parse(args.month)
        except ValueError:
            raise UsageError("usage.month", value=args.month) from None
    filters = ReportFilters(month=month, programme_id=args.program, region=args.district)
    outcome = session.context().reports.generate(name, args.out, filters)
    data: dict[str, object] = {"name": name.value, "path": str(outcome.path), "rows": outcome.rows}
    if outcome.pages is not None:
        data["pages"] = outcome.pages
    line = f"{name.label}: {outcome.path} ({format_number(outcome.rows)} baris"
    line += f", {outcome.pages} halaman)" if outcome.pages is not None else ")"
    return Result(data, [line])
