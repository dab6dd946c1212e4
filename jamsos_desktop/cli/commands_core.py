"""``init``, ``selftest``, ``demo`` and ``stats``."""

from __future__ import annotations

import argparse
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_number


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("init", parents=[common], help="create or upgrade the database")
    p.add_argument("--regency", metavar="CODE", help="Kemendagri regency code (default 19.03)")
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("selftest", parents=[common], help="start the GUI, show every page, exit")
    p.add_argument("--screenshots", metavar="DIR", type=Path, help="save one PNG per page here")
    p.set_defaults(handler=cmd_selftest)

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with realistic demo data")
    p.add_argument("--workers", type=int, default=2000, metavar="N")
    p.add_argument("--seed", type=int, default=2025, metavar="S")
    p.add_argument("--open", action="store_true", help="then start the desktop application on it")
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("stats", parents=[common], help="counts")
    p.set_defaults(handler=cmd_stats)


def cmd_init(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context(regency=args.regency)
    result = ctx.initialize(args.regency)
    version = ctx.database.schema_version()
    data = {
        "regency": result.regency,
        "regency_name": result.regency_name,
        "schema_version": version,
        "database": ctx.database.target.display,
    }
    lines = [
        f"Basis data siap: {data['database']}",
        f"Kabupaten/kota: {result.regency_name} ({result.regency}); skema {version}",
    ]
    return Result(data, lines)


def cmd_selftest(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    from jamsos_desktop.ui.app import selftest

    if args.screenshots is not None:
        args.screenshots.mkdir(parents=True, exist_ok=True)
    outcome = selftest(ctx, args.screenshots)
    lines = [f"Selftest OK: {len(outcome['pages'])} halaman, jendela utama tampil dalam {outcome['startup_ms']} ms"]
    if args.screenshots is not None:
        lines.append(f"Tangkapan layar: {args.screenshots}")
    return Result(dict(outcome), lines)


DEMO_OFFICE = "Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"


def cmd_demo(args: argparse.Namespace, session: Session) -> Result:
    """Workers, then the programme with its payments, then the launch's handover event.

    Each step is one transaction and the command resumes where an interrupted run stopped: the
    workers are recognised by the seed and count kept with them, the programme and event by their
    presence. Running the same demo again changes nothing.
    """
    if args.workers <= 0:
        raise UsageError("usage.positive", option="--workers")
    ctx = session.context()
    from jamsos_desktop.services.cards_demo import seed_demo_handover
    from jamsos_desktop.services.demo import existing_demo, generate_demo
    from jamsos_desktop.services.programme_demo import seed_demo_programme

    created = False
    if existing_demo(ctx.unit_of_work) != (args.seed, args.workers):
        total = ctx.registry.stats().total
        if total:
            raise UsageError("usage.demo_not_empty", workers=format_number(total))
        generate_demo(
            ctx.unit_of_work,
            ctx.region_table(),
            ctx.regency(),
            workers=args.workers,
            seed=args.seed,
            now=ctx.clock(),
            user=ctx.user(),
            helper_process=True,  # this entry point is safe to import again (spawn)
        )
        created = True
    if ctx.programmes.count() == 0:
        seed_demo_programme(ctx.unit_of_work, now=ctx.clock(), seed=args.seed)
        created = True
    seed_demo_handover(ctx.unit_of_work, now=ctx.clock(), user=ctx.user())
    if ctx.settings.get("setup_done") != "1":
        # A demo office is set up already: the desktop opens straight on the registry, without the
        # first-run wizard (a real office runs it on its own, empty database).
        ctx.settings.set("office_name", DEMO_OFFICE)
        ctx.settings.set("setup_done", "1")
    stats = ctx.registry.stats()
    programs = ctx.programmes.count()
    data = {"workers": stats.total, "programs": programs, "created": created}
    verb = "dibuat" if created else "sudah ada"
    lines = [f"Data demo {verb}: {format_number(stats.total)} pekerja, {format_number(programs)} program."]
    return Result(data, lines, open_gui=args.open)


def cmd_stats(args: argparse.Namespace, session: Session) -> Result:
    ctx = session.context()
    stats = ctx.registry.stats()
    stations, open_conflicts = ctx.sync.counts()
    data = {
        "workers": stats.total,
        "active_workers": stats.active,
        "workers_by_status": stats.by_status,
        "workers_without_nik": stats.without_nik,
        "workers_without_kpj": stats.without_kpj,
        "programs": ctx.programmes.count(),
        "enrollments": ctx.programmes.enrolled_count(),
        "payments": ctx.payments.count(),
        "cards_printed": ctx.cards.count_printed(),
        "stations": stations,
        "open_conflicts": open_conflicts,
    }
    lines = [
        f"Pekerja: {format_number(stats.total)} (aktif {format_number(stats.active)}, "
        f"tanpa NIK {format_number(stats.without_nik)}, tanpa KPJ {format_number(stats.without_kpj)})",
        f"Program: {format_number(data['programs'])}, kepesertaan: {format_number(data['enrollments'])}, "
        f"pembayaran: {format_number(data['payments'])}, kartu dicetak: {format_number(data['cards_printed'])}",
    ]
    return Result(data, lines)
