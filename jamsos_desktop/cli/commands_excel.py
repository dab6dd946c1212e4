"""``workers import | export | template | kpj-import``: spreadsheets in and out (issue 5).

Registered on the ``workers`` sub-parser by :func:`jamsos_desktop.cli.commands_workers._extensions`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jamsos_desktop.cli.base import Result, Session
from jamsos_desktop.domain.errors import UsageError
from jamsos_desktop.domain.formatting import format_number


class _StderrProgress:
    """Progress on stderr for long imports and exports (only when stderr is a terminal)."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._tty = sys.stderr.isatty()

    def update(self, done: int, total: int, message: str = "") -> None:
        if self._tty and total:
            sys.stderr.write(f"\r{self._label}: {format_number(done)}/{format_number(total)}")
            sys.stderr.flush()

    @property
    def cancelled(self) -> bool:
        return False

    def close(self) -> None:
        if self._tty:
            sys.stderr.write("\n")


def register(wsub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = wsub.add_parser("import", parents=[common], help="import a worker list (.xlsx or .csv)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument("--report", type=Path, metavar="OUT.xlsx", help="write the row-level report here")
    p.add_argument(
        "--map",
        metavar="HEADER=FIELD",
        action="append",
        default=[],
        help="map a column the importer does not know (header text or column letter), e.g. 'Nama Ibu=ignore'",
    )
    p.set_defaults(handler=cmd_import)

    p = wsub.add_parser("export", parents=[common], help="export workers to .xlsx (NIK, KK, KPJ as text)")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.add_argument("--format", choices=["full", "bpjs"], default="full")
    p.add_argument("--profile", type=Path, metavar="PROFILE.json", help="an edited export profile")
    p.add_argument("--program", metavar="ID", type=int, help="only workers enrolled in this programme")
    p.set_defaults(handler=cmd_export)

    p = wsub.add_parser("template", parents=[common], help="the blank village list template")
    p.add_argument("out", type=Path, metavar="OUT.xlsx")
    p.set_defaults(handler=cmd_template)

    p = wsub.add_parser("kpj-import", parents=[common], help="apply KPJ numbers issued by BPJS (by NIK)")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.set_defaults(handler=cmd_kpj_import)


def _xlsx_target(path: Path, option: str) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise UsageError("usage.value", value=str(path), option=option)
    return path


def cmd_import(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.excel_import import WorkerImporter, parse_mapping

    if args.report is not None:
        _xlsx_target(args.report, "--report")
    ctx = session.context()
    importer = WorkerImporter(
        ctx.unit_of_work, ctx.region_table, regency=ctx.regency, user=ctx.user, clock=ctx.clock
    )
    progress = _StderrProgress("Impor")
    try:
        table = importer.read(args.file, progress)  # read once; mapping names refer to its headers
        mapping = parse_mapping(args.map, table.headers) if args.map else None
        if not args.dry_run:
            ctx.backup_before("import")  # data safety: a checked copy before every import
        result = _run_on(importer, table, mapping, args, progress, session.lang)
    finally:
        progress.close()
    data = result.summary(session.lang)
    lines = [
        f"Dibaca {data['read']} baris: diimpor {data['imported']}, diperbarui {data['updated']}, "
        f"tidak berubah {data['unchanged']}, ditolak {data['rejected']} (NIK ganda {data['duplicates']})"
        + (" - uji coba, tidak ada yang disimpan" if args.dry_run else ""),
    ]
    for error in data["errors"]:  # type: ignore[attr-defined]
        lines.append(f"  baris {error['row']} [{error['column']}]: {error['message']}")
    for warning in data["warnings"]:  # type: ignore[attr-defined]
        lines.append(f"  baris {warning['row']} [{warning['column']}] (peringatan): {warning['message']}")
    if result.report is not None:
        lines.append(f"Laporan: {result.report}")
    return Result(data, lines, exit_code=1 if data["rejected"] else 0)


def _run_on(importer, table, mapping, args, progress, lang):  # type: ignore[no-untyped-def]
    """Preview the table already read (the file is read once), then commit and report."""
    from jamsos_desktop.domain.excel_rules import COLUMN_LABELS
    from jamsos_desktop.services.excel_import import ImportResult, write_report

    preview = importer.preview(table, mapping=mapping, progress=progress)
    if preview.missing_columns:
        raise UsageError(
            "excel.missing_columns",
            columns=", ".join(COLUMN_LABELS[c][0 if lang == "id" else 1] for c in preview.missing_columns),
        )
    if not args.dry_run:
        preview = importer.commit(preview, progress)
    written = write_report(preview, args.report, lang=lang) if args.report is not None else None
    return ImportResult(preview, not args.dry_run, written)


def cmd_export(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.excel_export import ExportProfile, WorkerExporter

    _xlsx_target(args.out, "OUT.xlsx")
    profile = ExportProfile.load(args.profile) if args.profile is not None else args.format
    ctx = session.context()
    exporter = WorkerExporter(ctx.unit_of_work, ctx.region_table, regency=ctx.regency, clock=ctx.clock)
    progress = _StderrProgress("Ekspor")
    try:
        result = exporter.export(args.out, profile=profile, progress=progress, programme_id=args.program)
    finally:
        progress.close()
    data = {
        "rows": result.rows,
        "path": str(result.path),
        "format": args.format,
        "sheets": list(result.sheets),
    }
    return Result(data, [f"{format_number(result.rows)} pekerja diekspor ke {result.path}"])


def cmd_template(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.excel_export import WorkerExporter

    _xlsx_target(args.out, "OUT.xlsx")
    ctx = session.context()
    exporter = WorkerExporter(ctx.unit_of_work, ctx.region_table, regency=ctx.regency, clock=ctx.clock)
    path = exporter.template(args.out)
    return Result({"path": str(path)}, [f"Templat daftar pekerja: {path}"])


def cmd_kpj_import(args: argparse.Namespace, session: Session) -> Result:
    from jamsos_desktop.services.kpj_import import KpjImporter

    ctx = session.context()
    importer = KpjImporter(ctx.unit_of_work, ctx.region_table, user=ctx.user, clock=ctx.clock)
    progress = _StderrProgress("KPJ")
    try:
        result = importer.run(args.file, dry_run=args.dry_run, progress=progress)
    finally:
        progress.close()
    data = result.summary(session.lang)
    data["dry_run"] = bool(args.dry_run)
    lines = [
        f"KPJ: {result.matched} cocok ({result.updated} diperbarui), {len(result.unmatched)} NIK tidak ditemukan, "
        f"{len(result.errors)} baris salah"
    ]
    for issue in result.unmatched + result.errors:
        lines.append(f"  baris {issue.row} [{issue.column}]: {issue.message(session.lang)}")
    return Result(data, lines, exit_code=1 if (result.unmatched or result.errors) else 0)
