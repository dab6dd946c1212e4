"""``cards …`` and ``handover …``: print, verify and track proof-of-enrolment cards; handover events."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session, table
from jamsos_desktop.domain.cards import CardError, CardLayout, CardReason, HandoverEventData
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_date, format_number, mask_nik
from jamsos_desktop.domain.worker import WorkerQuery


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cards = sub.add_parser("cards", parents=[common], help="proof-of-enrolment cards")
    csub = cards.add_subparsers(dest="cards_command", metavar="ACTION", required=True)

    p = csub.add_parser("print", parents=[common], help="print cards to a PDF and record every print")
    p.add_argument("--out", required=True, type=Path, metavar="OUT.pdf")
    p.add_argument("--program", type=int, metavar="ID", help="programme shown on the cards (and filter)")
    p.add_argument("--village", metavar="CODE", nargs="+", action="extend", default=[])
    p.add_argument("--nik", metavar="NIK", nargs="+", action="extend", default=[])
    p.add_argument("--pending", action="store_true", help="only workers whose card is not printed yet")
    p.add_argument("--layout", choices=[v.value for v in CardLayout], default=CardLayout.SHEET.value)
    p.add_argument(
        "--reason",
        choices=[v.value for v in CardReason],
        help="why; required for reprints (lost, damaged, corrected)",
    )
    p.set_defaults(handler=cmd_print)

    p = csub.add_parser("verify", parents=[common], help="check a card's QR text (offline, signed)")
    p.add_argument("text", metavar="TEXT", help="the QR text, or - to read it from stdin")
    p.set_defaults(handler=cmd_verify)

    p = csub.add_parser("pending", parents=[common], help="cards not printed yet, in handout order")
    p.add_argument("--program", type=int, metavar="ID")
    p.add_argument("--village", metavar="CODE", nargs="+", action="extend", default=[])
    p.set_defaults(handler=cmd_pending)

    p = csub.add_parser("history", parents=[common], help="every print of one worker's card")
    p.add_argument("nik", metavar="NIK")
    p.set_defaults(handler=cmd_history)

    handover = sub.add_parser("handover", parents=[common], help="symbolic handover events")
    hsub = handover.add_subparsers(dest="handover_command", metavar="ACTION", required=True)

    p = hsub.add_parser("create", parents=[common], help="a new handover event")
    p.add_argument("--name", required=True)
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--place", required=True)
    p.add_argument(
        "--official",
        action="append",
        default=[],
        metavar="'Jabatan: Nama'",
        help="one per option; the first hands the cards over",
    )
    p.add_argument("--program", type=int, metavar="ID")
    p.set_defaults(handler=cmd_handover_create)

    p = hsub.add_parser("list", parents=[common], help="handover events")
    p.set_defaults(handler=cmd_handover_list)

    p = hsub.add_parser("add-recipient", parents=[common], help="add representatives (NIK or exact name)")
    p.add_argument("event", type=int, metavar="EVENT")
    p.add_argument("who", nargs="+", metavar="NIK|NAME")
    p.set_defaults(handler=cmd_handover_add)

    p = hsub.add_parser("show", parents=[common], help="an event and its recipients")
    p.add_argument("event", type=int, metavar="EVENT")
    p.set_defaults(handler=cmd_handover_show)

    p = hsub.add_parser("print", parents=[common], help="ceremonial oversized cards of the recipients")
    p.add_argument("event", type=int, metavar="EVENT")
    p.add_argument("--out", required=True, type=Path, metavar="OUT.pdf")
    p.add_argument("--reason", choices=[v.value for v in CardReason])
    p.set_defaults(handler=cmd_handover_print)

    p = hsub.add_parser("minutes", parents=[common], help="Berita Acara Serah Terima PDF")
    p.add_argument("event", type=int, metavar="EVENT")
    p.add_argument("--out", required=True, type=Path, metavar="OUT.pdf")
    p.set_defaults(handler=cmd_handover_minutes)


def _logo_check(ctx, args: argparse.Namespace) -> list[str]:  # type: ignore[no-untyped-def]
    """A missing logo: warn on stderr and continue (the command line's way of the clerk confirming)."""
    problem = ctx.cards.logo_problem()
    if not problem:
        return []
    sys.stderr.write(f"jamsos: peringatan: {problem} Dicetak tanpa logo.\n")
    return [problem]


def cmd_print(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.cards import PrintRequest, Selection

    ctx = session.context()
    for code in args.village:
        if ctx.regions.name(code) is None:
            raise UsageError("village.unknown", code=code)
    warnings = _logo_check(ctx, args)
    request = PrintRequest(
        Selection(
            programme_id=args.program,
            village_codes=tuple(args.village),
            niks=tuple(args.nik),
            pending_only=args.pending,
        ),
        layout=CardLayout(args.layout),
        reason=CardReason(args.reason) if args.reason else None,
        allow_missing_logo=True,
    )
    outcome = ctx.cards.print_cards(request, args.out)
    data = {
        "cards": outcome.cards,
        "pages": outcome.pages,
        "path": str(outcome.path),
        "layout": args.layout,
        "reprints": outcome.reprints,
        "serials": list(outcome.serials),
        "warnings": warnings,
    }
    lines = [
        f"{format_number(outcome.cards)} kartu dicetak ke {outcome.path} "
        f"({format_number(outcome.pages)} halaman, {CardLayout(args.layout).label})."
    ]
    return Result(data, lines)


def cmd_verify(args: argparse.Namespace, session: Session) -> Result:
    text = sys.stdin.read() if args.text == "-" else args.text
    ctx = session.context()
    check = ctx.cards.verify(text)
    until = f"{check.funded_until[0]:04d}-{check.funded_until[1]:02d}" if check.funded_until else None
    data = {
        "valid": check.valid,
        "code": check.code,
        "message": check.message(session.lang),
        "serial": check.serial,
        "name": check.name,
        "nik_hint": check.nik_hint,
        "kpj": check.kpj,
        "funded_until": until,
        "worker_id": check.worker_id,
        "printed_at": check.printed_at.isoformat() if check.printed_at else None,
        "superseded_by": check.superseded_by,
        "signed_by": check.signed_by or None,
        "station": check.station or None,
        "station_code": check.station_code or None,
    }
    # A forged or damaged card is a refusal for integrity (CONTRACT: exit 3).
    return Result(data, [check.message(session.lang)], exit_code=0 if check.valid else 3)


def cmd_pending(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    found = ctx.cards.pending(programme_id=args.program, village_codes=args.village)
    data = {
        "count": len(found),
        "cards": [
            {
                "worker_id": p.worker_id,
                "name": p.name,
                "nik": p.nik,
                "kpj": p.kpj,
                "village_code": p.village_code,
                "village": p.village_name,
                "district": p.district_name,
            }
            for p in found
        ],
    }
    lines = table(
        ["Kecamatan", "Desa", "Nama", "NIK", "KPJ"],
        [[p.district_name, p.village_name, p.name, mask_nik(p.nik) or "(tanpa NIK)", p.kpj] for p in found],
    )
    lines.append(f"{format_number(len(found))} kartu belum dicetak")
    return Result(data, lines)


def cmd_history(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    found = ctx.registry.find_by_nik(args.nik)
    if found is None:
        raise CardError("card.nik_unknown", nik=args.nik)
    prints = ctx.cards.history(found.id)
    data = {
        "worker_id": found.id,
        "prints": [
            {
                "serial": p.serial,
                "printed_at": p.printed_at.isoformat(),
                "printed_by": p.printed_by,
                "reason": p.reason.value,
                "layout": p.layout.value,
            }
            for p in prints
        ],
    }
    lines = table(
        ["Nomor", "Waktu", "Petugas", "Alasan", "Tata letak"],
        [
            [p.serial, p.printed_at.strftime("%d-%m-%Y %H.%M"), p.printed_by, p.reason.label, p.layout.value]
            for p in prints
        ],
    )
    return Result(data, lines)


# -- handover -------------------------------------------------------------------------------------------
def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError("handover.date_invalid", value=text) from None


def cmd_handover_create(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    data = HandoverEventData(
        name=args.name.strip(),
        event_date=_parse_date(args.date),
        place=args.place.strip(),
        officials="\n".join(o.strip() for o in args.official if o.strip()),
        programme_id=args.program,
    )
    event_id = ctx.cards.create_event(data)
    return Result(
        {"id": event_id}, [f"Acara #{event_id} dibuat: {data.name}, {format_date(data.event_date)}."]
    )


def _event_json(e) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "id": e.id,
        "name": e.name,
        "date": e.event_date.isoformat(),
        "place": e.place,
        "officials": [o for o in e.officials.splitlines() if o.strip()],
        "program": e.programme_id,
        "recipients": e.recipients,
    }


def cmd_handover_list(args: argparse.Namespace, session: Session) -> Result:
    events = session.context().cards.events()
    lines = table(
        ["#", "Tanggal", "Acara", "Tempat", "Penerima"],
        [[str(e.id), format_date(e.event_date), e.name, e.place, str(e.recipients)] for e in events],
    )
    return Result({"events": [_event_json(e) for e in events]}, lines)


def _resolve_worker(ctx, text: str) -> int:  # type: ignore[no-untyped-def]
    digits = text.replace(".", "").replace(" ", "")
    if digits.isdigit() and len(digits) == 16:
        found = ctx.registry.find_by_nik(digits)
        if found is None:
            raise CardError("handover.worker_unknown", text=text)
        return int(found.id)
    wanted = " ".join(text.split()).casefold()
    matches = [
        w for w in ctx.registry.list(WorkerQuery(text=text)) if " ".join(w.name.split()).casefold() == wanted
    ]
    if not matches:
        raise CardError("handover.worker_unknown", text=text)
    if len(matches) > 1:
        raise CardError("handover.worker_ambiguous", text=text, count=len(matches))
    return int(matches[0].id)


def cmd_handover_add(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    ids = [_resolve_worker(ctx, who) for who in args.who]
    added = ctx.cards.add_recipients(args.event, ids)
    total = len(ctx.cards.recipients(args.event))
    return Result({"added": added, "recipients": total}, [f"{added} penerima ditambahkan; {total} penerima."])


def cmd_handover_show(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    event = ctx.cards.event(args.event)
    recipients = ctx.cards.recipients(args.event)
    data = _event_json(event)
    data["recipients"] = [
        {"worker_id": r.worker_id, "name": r.name, "nik": r.nik, "village": r.village_name}
        for r in recipients
    ]
    lines = [f"{event.name} \u2014 {format_date(event.event_date)}, {event.place}"]
    lines += table(
        ["No", "Nama", "NIK", "Desa"],
        [[str(i), r.name, mask_nik(r.nik), r.village_name] for i, r in enumerate(recipients, 1)],
    )
    return Result(data, lines)


def cmd_handover_print(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    warnings = _logo_check(ctx, args)
    outcome = ctx.cards.print_ceremony(
        args.event,
        args.out,
        reason=CardReason(args.reason) if args.reason else None,
        allow_missing_logo=True,
    )
    data = {
        "cards": outcome.cards,
        "pages": outcome.pages,
        "path": str(outcome.path),
        "serials": list(outcome.serials),
        "warnings": warnings,
    }
    return Result(
        data, [f"{outcome.cards} kartu seremonial dicetak ke {outcome.path} ({outcome.pages} halaman)."]
    )


def cmd_handover_minutes(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    warnings = _logo_check(ctx, args)
    pages = ctx.cards.print_minutes(args.event, args.out, allow_missing_logo=True)
    return Result(
        {"path": str(args.out), "pages": pages, "warnings": warnings},
        [f"Berita Acara Serah Terima ditulis ke {args.out} ({pages} halaman)."],
    )
