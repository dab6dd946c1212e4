"""``program``, ``calendar`` and ``payments`` commands (CONTRACT.md), thin over the services."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from jamsos_desktop.cli.base import Result, Session, table
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_date, format_money, format_number
from jamsos_desktop.domain.programme import (
    ClaimStatus,
    EventKind,
    Funder,
    FunderKind,
    FundingWindow,
    Month,
    ProgrammeData,
    WorkerEvent,
)
from jamsos_desktop.domain.worker_types import HeirRelationship


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except ValueError:
        raise UsageError("usage.month", value=text) from None


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("payment.date_invalid", value=text) from None


def _positive(option: str):  # type: ignore[no-untyped-def]
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise UsageError("usage.positive", option=option) from None
        if value <= 0:
            raise UsageError("usage.positive", option=option)
        return value

    return parse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    prog = sub.add_parser("program", parents=[common], help="programmes: list, create, enroll, budget")
    psub = prog.add_subparsers(dest="program_command", metavar="ACTION", parser_class=type(prog))
    prog.set_defaults(handler=lambda a, s: _missing(a, "program"))

    p = psub.add_parser("list", parents=[common], help="list programmes")
    p.set_defaults(handler=cmd_program_list)

    p = psub.add_parser("create", parents=[common], help="create a programme")
    p.add_argument("--name", required=True)
    p.add_argument("--funder", required=True, action="append", help="funder name (repeat for several)")
    p.add_argument("--start", required=True, metavar="YYYY-MM")
    p.add_argument("--funded-months", required=True, type=int, metavar="K")
    p.add_argument("--income", type=int, default=1_000_000, help="declared monthly income (default 1000000)")
    p.add_argument("--jht", action="store_true", help="include JHT (2 %% of income)")
    p.add_argument("--quota", type=int)
    p.add_argument("--lapse-threshold", type=int, default=3, metavar="N")
    p.add_argument("--window", choices=[w.value for w in FundingWindow], default="calendar")
    p.add_argument("--horizon", type=int, default=24, metavar="MONTHS", help="months the calendar shows")
    p.set_defaults(handler=cmd_program_create)

    p = psub.add_parser("enroll", aliases=["enrol"], parents=[common], help="enrol workers")
    p.add_argument("id", type=int)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--all", action="store_true")
    group.add_argument("--village", nargs="+", metavar="CODE")
    group.add_argument("--worker", nargs="+", type=int, metavar="WORKER_ID")
    p.add_argument("--start", metavar="YYYY-MM", help="first month (default: the programme's start)")
    p.set_defaults(handler=cmd_program_enroll)

    p = psub.add_parser("budget", parents=[common], help="funder budget")
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_program_budget)

    hol = sub.add_parser(
        "holidays", parents=[common], help="holidays that move due dates: list, add, remove, fixed, import"
    )
    hsub = hol.add_subparsers(dest="holidays_command", metavar="ACTION", parser_class=type(hol))
    hol.set_defaults(handler=lambda a, s: _missing(a, "holidays"))
    p = hsub.add_parser("list", parents=[common], help="the holiday list (of one year)")
    p.add_argument("--year", type=int)
    p.set_defaults(handler=cmd_holidays_list)
    p = hsub.add_parser("add", parents=[common], help="add or rename a holiday")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.add_argument("name")
    p.set_defaults(handler=cmd_holidays_add)
    p = hsub.add_parser("remove", parents=[common], help="remove a holiday")
    p.add_argument("date", metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_holidays_remove)
    p = hsub.add_parser("fixed", parents=[common], help="add the fixed-date national holidays of a year")
    p.add_argument("year", type=int)
    p.set_defaults(handler=cmd_holidays_fixed)
    p = hsub.add_parser(
        "import", parents=[common], help="import a year's list (.xlsx/.csv: tanggal, keterangan)"
    )
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(handler=cmd_holidays_import)

    p = psub.add_parser("extend", parents=[common], help="change the number of funded months")
    p.add_argument("id", type=int)
    p.add_argument("--funded-months", required=True, type=int, metavar="K")
    p.set_defaults(handler=cmd_program_extend)

    p = sub.add_parser("calendar", parents=[common], help="one month of the contribution calendar")
    p.add_argument("id", type=int)
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.set_defaults(handler=cmd_calendar)

    pay = sub.add_parser("payments", parents=[common], help="funder and self payments")
    ysub = pay.add_subparsers(dest="payments_command", metavar="ACTION", parser_class=type(pay))
    pay.set_defaults(handler=lambda a, s: _missing(a, "payments"))

    p = ysub.add_parser("funder", parents=[common], help="record a funder payment of a BPJS invoice")
    p.add_argument("id", type=int, help="programme id")
    p.add_argument("--invoice", required=True)
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="first month")
    p.add_argument("--to", metavar="YYYY-MM", help="last month (default: --month)")
    p.add_argument("--amount", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.add_argument("--funder", type=int, metavar="FUNDER_ID", help="default: the first funder")
    p.add_argument("--accept-difference", action="store_true", help="record even if the amount differs")
    p.set_defaults(handler=cmd_pay_funder)

    p = ysub.add_parser("self", parents=[common], help="record a worker's own payment")
    p.add_argument("id", type=int, help="programme id")
    p.add_argument("--nik", help="NIK or KPJ of the worker")
    p.add_argument("--worker", type=int, metavar="WORKER_ID")
    p.add_argument("--receipt", required=True)
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="first month")
    p.add_argument("--to", metavar="YYYY-MM", help="last month (default: --month)")
    p.add_argument("--amount", required=True)
    p.add_argument("--date", metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_pay_self)

    p = ysub.add_parser("import", parents=[common], help="import self-payments from a spreadsheet")
    p.add_argument("id", type=int, help="programme id")
    p.add_argument("file", type=Path)
    p.add_argument("--dry-run", action="store_true")
    p.set_defaults(handler=cmd_pay_import)

    p = ysub.add_parser("reverse", parents=[common], help="reverse (cancel) a payment")
    p.add_argument("payment_id", type=int)
    p.add_argument("--kind", choices=["self", "funder"], default="self")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_pay_reverse)

    p = ysub.add_parser("list", parents=[common], help="payments of a programme")
    p.add_argument("id", type=int, help="programme id")
    p.add_argument("--kind", choices=["self", "funder", "all"], default="all")
    p.add_argument("--worker", type=int, metavar="WORKER_ID")
    p.add_argument("--limit", type=int, default=200)
    p.set_defaults(handler=cmd_pay_list)

    ev = sub.add_parser("events", parents=[common], help="deaths and work accidents: list, add, claim")
    esub = ev.add_subparsers(dest="events_command", metavar="ACTION", parser_class=type(ev))
    ev.set_defaults(handler=lambda a, s: _missing(a, "events"))
    p = esub.add_parser("list", parents=[common], help="recorded deaths and work accidents")
    p.add_argument("--program", type=int, metavar="ID")
    p.add_argument("--nik", help="NIK of the worker")
    p.add_argument("--worker", type=int, metavar="WORKER_ID")
    p.set_defaults(handler=cmd_events_list)
    p = esub.add_parser("add", parents=[common], help="record a death or a work accident")
    p.add_argument("--nik", help="NIK of the worker")
    p.add_argument("--worker", type=int, metavar="WORKER_ID")
    p.add_argument("--kind", required=True, choices=[k.value for k in EventKind])
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--program", type=int, metavar="ID")
    p.add_argument("--heir-name", default="")
    p.add_argument("--heir-relationship", default="", choices=["", *(r.value for r in HeirRelationship)])
    p.add_argument("--heir-phone", default="")
    p.add_argument("--notes", default="")
    p.set_defaults(handler=cmd_events_add)
    p = esub.add_parser("claim", parents=[common], help="follow a claim: reported, submitted, paid, rejected")
    p.add_argument("event_id", type=int)
    p.add_argument("--status", required=True, choices=[c.value for c in ClaimStatus])
    p.add_argument("--notes")
    p.set_defaults(handler=cmd_events_claim)


def _missing(args: argparse.Namespace, command: str) -> Result:
    raise UsageError("usage.argument", detail=f"{command}: ACTION required")


def cmd_program_list(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    items = ctx.programmes.summaries()
    data = {
        "programs": [
            {
                "id": s.programme.id,
                "name": s.programme.name,
                "start": str(s.programme.start),
                "funded_months": s.programme.funded_months,
                "monthly_amount": s.programme.monthly_amount,
                "funders": [f.name for f in s.programme.funders],
                "quota": s.programme.quota,
                "enrolled": s.enrolled,
            }
            for s in items
        ]
    }
    rows = [
        [
            str(s.programme.id),
            s.programme.name,
            str(s.programme.start),
            str(s.programme.funded_months),
            format_money(s.programme.monthly_amount),
            format_number(s.enrolled),
        ]
        for s in items
    ]
    return Result(data, table(["ID", "Program", "Mulai", "Bln dibiayai", "Iuran/bln", "Peserta"], rows))


def cmd_program_create(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    kinds = [FunderKind.APBD_KABUPATEN] + [FunderKind.OTHER] * (len(args.funder) - 1)
    data = ProgrammeData(
        name=args.name,
        funders=tuple(Funder(name, kind) for name, kind in zip(args.funder, kinds, strict=True)),
        start=_month(args.start),
        funded_months=args.funded_months,
        income=args.income,
        include_jht=args.jht,
        quota=args.quota,
        lapse_threshold=args.lapse_threshold,
        window=FundingWindow(args.window),
        horizon_months=args.horizon,
    )
    created = ctx.programmes.create(data)
    out = {
        "id": created.id,
        "monthly_amount": created.monthly_amount,
        "name": created.name,
        "start": str(created.start),
        "funded_months": created.funded_months,
    }
    return Result(
        out,
        [f"Program #{created.id} dibuat: {created.name}, iuran {format_money(created.monthly_amount)}/bulan"],
    )


def cmd_program_enroll(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    result = ctx.programmes.enrol(
        args.id,
        everyone=args.all,
        village_codes=args.village,
        worker_ids=args.worker,
        start=_month(args.start) if args.start else None,
    )
    data: dict[str, Any] = {
        "enrolled": result.enrolled,
        "already_enrolled": result.already,
        "overlapping": list(result.overlapping),
        "ineligible": list(result.ineligible),
        "total": result.total_after,
        "quota": result.quota,
        "warnings": [{"code": w.code, "message": w.message(session.lang)} for w in result.warnings],
    }
    lines = [
        f"Didaftarkan: {format_number(result.enrolled)} pekerja (total {format_number(result.total_after)})"
    ]
    if result.overlapping:
        lines.append(f"Ditolak karena ikut program lain: {format_number(len(result.overlapping))}")
    lines += [w.message(session.lang) for w in result.warnings]
    return Result(data, lines)


def cmd_program_extend(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    saved = ctx.programmes.extend(args.id, args.funded_months)
    return Result(
        {"id": saved.id, "funded_months": saved.funded_months},
        [f"Program #{saved.id}: {saved.funded_months} bulan dibiayai"],
    )


def cmd_program_budget(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    b = ctx.payments.budget(args.id)
    data = {
        "enrolled": b.enrolled,
        "planned": b.planned,
        "paid": b.paid,
        "outstanding": b.outstanding,
        "self_paid": b.self_paid,
        "quota": b.quota,
        "forecast_planned": b.forecast_planned,
        "forecast": None
        if b.forecast is None
        else {
            "joining": b.forecast.joining,
            "join_month": str(b.forecast.join_month),
            "months_each": b.forecast.months_each,
            "extra": b.forecast.extra,
            "total": b.forecast.total,
            "funders": [
                {"id": x.funder_id, "joining": x.joining, "extra": x.extra} for x in b.forecast.by_funder
            ],
        },
        "funders": [
            {
                "id": int(x.key),
                "name": x.name,
                "enrolled": x.enrolled,
                "planned": x.planned,
                "paid": x.paid,
                "outstanding": x.outstanding,
            }
            for x in b.by_funder
        ],
        "districts": [
            {
                "code": x.key,
                "name": x.name,
                "enrolled": x.enrolled,
                "planned": x.planned,
                "paid": x.paid,
                "outstanding": x.outstanding,
            }
            for x in b.by_district
        ],
        "months": [
            {
                "month": str(m.month),
                "payer": m.payer,
                "due_date": m.due_date.isoformat(),
                "workers": m.workers,
                "expected": m.expected,
                "paid": m.paid,
            }
            for m in b.months
        ],
    }
    lines = [
        f"Peserta: {format_number(b.enrolled)}",
        f"Rencana: {format_money(b.planned)}  Dibayar: {format_money(b.paid)}  Sisa: {format_money(b.outstanding)}",
    ]
    lines += table(
        ["Kecamatan", "Peserta", "Rencana", "Dibayar", "Sisa"],
        [
            [
                x.name,
                format_number(x.enrolled),
                format_money(x.planned),
                format_money(x.paid),
                format_money(x.outstanding),
            ]
            for x in b.by_district
        ],
    )
    return Result(data, lines)


def cmd_calendar(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    v = ctx.calendar.month_view(args.id, _month(args.month))
    data = {
        "month": str(v.month),
        "due_date": v.due_date.isoformat(),
        "funder": {
            "count": v.funder.count,
            "amount": v.funder.amount,
            "paid": v.funder.paid,
            "paid_count": v.funder.paid_count,
            "unpaid": v.funder.unpaid,
        },
        "self": {
            "count": v.self.count,
            "amount": v.self.amount,
            "paid": v.self.paid,
            "unpaid": v.self.unpaid,
            "paid_count": v.self.paid_count,
            "unpaid_count": v.self.unpaid_count,
        },
        "inactive": v.inactive,
        "status": {
            "funder": v.status_funder.value if v.status_funder else None,
            "self": v.status_self.value if v.status_self else None,
        },
    }
    lines = [
        f"Bulan {v.month}, jatuh tempo {format_date(v.due_date)}",
        f"Penyandang dana: {format_number(v.funder.count)} peserta, {format_money(v.funder.amount)}, dibayar {format_money(v.funder.paid)}",
        f"Mandiri: {format_number(v.self.count)} peserta, {format_money(v.self.amount)}, dibayar {format_money(v.self.paid)}, "
        f"belum {format_money(v.self.unpaid)}",
        f"Nonaktif: {format_number(v.inactive)}",
    ]
    return Result(data, lines)


def cmd_pay_funder(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    p = ctx.payments.record_funder_payment(
        args.id,
        funder_id=args.funder,
        invoice=args.invoice,
        first=_month(args.month),
        last=_month(args.to) if args.to else None,
        amount=args.amount,
        paid_on=_date(args.date) if args.date else None,
        accept_difference=args.accept_difference,
    )
    data = {
        "id": p.id,
        "invoice": p.invoice_number,
        "amount": p.amount,
        "expected": p.expected,
        "difference": p.difference,
        "months": [
            {"month": str(ln.month), "workers": ln.workers, "expected": ln.expected, "paid": ln.amount}
            for ln in p.lines
        ],
    }
    return Result(
        data,
        [
            f"Pembayaran #{p.id} tagihan {p.invoice_number}: {format_money(p.amount)} (diharapkan {format_money(p.expected)})"
        ],
    )


def cmd_pay_self(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    if not args.nik and args.worker is None:
        raise UsageError("usage.argument", detail="--nik or --worker required")
    out = ctx.payments.record_self_payment(
        args.id,
        receipt=args.receipt,
        first=_month(args.month),
        last=_month(args.to) if args.to else None,
        amount=args.amount,
        paid_on=_date(args.date) if args.date else None,
        worker_id=args.worker,
        key=args.nik,
    )
    p = out.payment
    data = {
        "id": p.id,
        "receipt": p.receipt,
        "worker_id": p.worker_id,
        "first": str(p.first),
        "last": str(p.last),
        "amount": p.amount,
        "duplicate": out.duplicate,
    }
    verb = "sudah tercatat" if out.duplicate else "dicatat"
    return Result(data, [f"Kuitansi {p.receipt} {verb}: {p.first}\u2013{p.last}, {format_money(p.amount)}"])


def cmd_pay_import(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    r = ctx.payments.import_self_payments(args.id, args.file, dry_run=args.dry_run)
    data = {
        "read": r.read,
        "recorded": r.recorded,
        "duplicates": r.duplicates,
        "rejected": r.rejected,
        "dry_run": args.dry_run,
        "errors": [
            {"row": x.row, "column": x.column, "code": x.code, "message": x.message}
            for x in r.rows
            if x.status == "rejected"
        ],
    }
    lines = [
        f"Dibaca {format_number(r.read)}, dicatat {format_number(r.recorded)}, duplikat {format_number(r.duplicates)}, "
        f"ditolak {format_number(r.rejected)}"
    ]
    lines += [f"Baris {x.row}: {x.message}" for x in r.rows if x.status == "rejected"]
    return Result(data, lines, exit_code=1 if r.rejected else 0)


def cmd_pay_reverse(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    if args.kind == "funder":
        fp = ctx.payments.reverse_funder_payment(args.payment_id, args.reason)
        return Result(
            {"id": fp.id, "reversal_of": fp.reversal_of, "amount": fp.amount, "kind": "funder"},
            [f"Pembayaran #{fp.reversal_of} dibatalkan (#{fp.id})"],
        )
    sp = ctx.payments.reverse_self_payment(args.payment_id, args.reason)
    return Result(
        {"id": sp.id, "reversal_of": sp.reversal_of, "amount": sp.amount, "kind": "self"},
        [f"Pembayaran #{sp.reversal_of} dibatalkan (#{sp.id})"],
    )


def cmd_pay_list(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    data: dict[str, Any] = {}
    lines: list[str] = []
    if args.kind in ("funder", "all"):
        fps = ctx.payments.funder_payments(args.id)
        data["funder"] = [
            {
                "id": p.id,
                "funder": p.funder_name,
                "invoice": p.invoice_number,
                "first": str(p.first),
                "last": str(p.last),
                "amount": p.amount,
                "expected": p.expected,
                "difference": p.difference,
                "paid_on": p.paid_on.isoformat(),
                "reversal_of": p.reversal_of,
                "reversed_by": p.reversed_by,
            }
            for p in fps
        ]
        lines += table(
            ["ID", "Tagihan", "Bulan", "Jumlah", "Selisih"],
            [
                [
                    str(p.id),
                    p.invoice_number,
                    f"{p.first}\u2013{p.last}",
                    format_money(p.amount),
                    format_money(p.difference),
                ]
                for p in fps
            ],
        )
    if args.kind in ("self", "all"):
        sps = ctx.payments.self_payments(args.id, worker_id=args.worker, limit=args.limit)
        data["self"] = [
            {
                "id": p.id,
                "receipt": p.receipt,
                "worker_id": p.worker_id,
                "name": p.worker_name,
                "first": str(p.first),
                "last": str(p.last),
                "amount": p.amount,
                "paid_on": p.paid_on.isoformat(),
                "reversal_of": p.reversal_of,
                "reversed_by": p.reversed_by,
            }
            for p in sps
        ]
        lines += table(
            ["ID", "Kuitansi", "Nama", "Bulan", "Jumlah"],
            [
                [
                    str(p.id),
                    p.receipt or "",
                    p.worker_name,
                    f"{p.first}\u2013{p.last}",
                    format_money(p.amount),
                ]
                for p in sps
            ],
        )
    return Result(data, lines)


def cmd_holidays_list(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    days = ctx.programmes.holidays(args.year)
    return Result(
        {"holidays": [{"date": d.isoformat(), "name": n} for d, n in days]},
        table(["Tanggal", "Keterangan"], [[format_date(d), n] for d, n in days]),
    )


def cmd_holidays_add(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    day = _date(args.date)
    ctx.programmes.set_holiday(day, args.name)
    return Result(
        {"date": day.isoformat(), "name": " ".join(args.name.split())}, [f"{format_date(day)}: {args.name}"]
    )


def cmd_holidays_remove(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    day = _date(args.date)
    removed = ctx.programmes.remove_holiday(day)
    return Result(
        {"date": day.isoformat(), "removed": removed},
        [f"{format_date(day)} {'dihapus' if removed else 'tidak ada di daftar'}"],
        exit_code=0 if removed else 1,
    )


def cmd_holidays_fixed(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    added = ctx.programmes.add_fixed_holidays(args.year)
    return Result({"year": args.year, "added": added}, [f"{added} libur tetap tahun {args.year} ditambahkan"])


def cmd_holidays_import(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    r = ctx.programmes.import_holidays(args.file, dry_run=args.dry_run)
    data = {
        "read": r.read,
        "added": r.added,
        "updated": r.updated,
        "unchanged": r.unchanged,
        "rejected": [{"row": row, "message": why} for row, why in r.rejected],
        "years": list(r.years),
        "dry_run": args.dry_run,
    }
    lines = [f"Dibaca {r.read}, ditambahkan {r.added}, diubah {r.updated}, ditolak {len(r.rejected)}"]
    lines += [f"Baris {row}: {why}" for row, why in r.rejected]
    return Result(data, lines, exit_code=1 if r.rejected else 0)


# -- events (deaths and work accidents) -------------------------------------------------------------
def _worker_id(args: argparse.Namespace, session: Session, *, required: bool) -> int | None:
    if args.worker is not None:
        return int(args.worker)
    if args.nik:
        found = session.context().registry.find_by_nik(args.nik.strip())
        if found is None:
            raise UsageError("payment.worker_unknown", key=args.nik.strip())
        return found.id
    if required:
        raise UsageError("usage.argument", detail="--nik or --worker required")
    return None


def _event_json(e: WorkerEvent) -> dict[str, Any]:
    return {
        "id": e.id,
        "worker_id": e.worker_id,
        "name": e.worker_name,
        "kind": e.kind.value,
        "date": e.event_date.isoformat(),
        "program": e.programme_id,
        "claim_status": e.claim_status.value,
        "heir_name": e.heir_name,
        "heir_relationship": e.heir_relationship,
        "heir_phone": e.heir_phone,
        "membership_months": e.membership_months,
        "jkm_benefit": e.jkm_benefit,
        "scholarship_eligible": e.scholarship_eligible,
        "notes": e.notes,
    }


def cmd_events_list(args: argparse.Namespace, session: Session) -> Result:
    worker_id = _worker_id(args, session, required=False)
    events = session.context().programmes.events(worker_id=worker_id, programme_id=args.program)
    rows = [
        [str(e.id), format_date(e.event_date), e.kind.label, e.worker_name, e.claim_status.label, e.heir_name]
        for e in events
    ]
    return Result(
        {"events": [_event_json(e) for e in events]},
        table(["ID", "Tanggal", "Peristiwa", "Nama", "Klaim", "Ahli waris"], rows),
    )


def cmd_events_add(args: argparse.Namespace, session: Session) -> Result:
    worker_id = _worker_id(args, session, required=True)
    assert worker_id is not None
    event = session.context().programmes.record_event(
        WorkerEvent(
            worker_id,
            EventKind(args.kind),
            _date(args.date),
            programme_id=args.program,
            heir_name=args.heir_name,
            heir_relationship=args.heir_relationship,
            heir_phone=args.heir_phone,
            notes=args.notes,
        )
    )
    line = f"{event.kind.label} dicatat: {event.worker_name or worker_id}, {format_date(event.event_date)}"
    return Result(_event_json(event), [line])


def cmd_events_claim(args: argparse.Namespace, session: Session) -> Result:
    status = ClaimStatus(args.status)
    session.context().programmes.set_claim_status(args.event_id, status, notes=args.notes)
    return Result(
        {"id": args.event_id, "claim_status": status.value}, [f"Klaim #{args.event_id}: {status.label}"]
    )
