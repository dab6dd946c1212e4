"""KPJ numbers back from BPJS (``workers kpj-import``): a list of NIK -> KPJ updates matching workers.

The list BPJS sends after a collective registration has (at least) a NIK and a KPJ column, anywhere in
the first rows of any sheet. Each matched worker gets the KPJ and, when still a draft or verified, the
status *registered with BPJS*. Unmatched NIKs and invalid rows are reported; everything valid is saved in
one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from jamsos_desktop.domain.excel_rules import (
    CellValue,
    Column,
    HeaderMatch,
    cell_text,
    column_letter,
    read_nik_cell,
    recognise_column,
)
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.nik import check_nik
from jamsos_desktop.domain.normalize import normalize_name
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import file_digest, record_many
from jamsos_desktop.services.ports import NullProgress, Progress, UnitOfWorkFactory
from jamsos_desktop.services.spreadsheet import read_table

KPJ_LENGTH = 11


def match_kpj_header(cells: Sequence[CellValue], row_index: int = 0) -> HeaderMatch | None:
    """A header with a NIK column and a KPJ column (other columns are ignored)."""
    columns: dict[int, Column] = {}
    headers = tuple(normalize_name(cell_text(c)) for c in cells)
    for index, text in enumerate(headers):
        column = recognise_column(text) if text else None
        if column in (Column.NIK, Column.KPJ, Column.NAME) and column not in columns.values():
            columns[index] = column
    if Column.NIK in columns.values() and Column.KPJ in columns.values():
        return HeaderMatch(row_index, columns, headers, ())
    return None


@dataclass(frozen=True)
class KpjIssue:
    row: int
    column: str
    cell: str
    code: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        return render(self.code, lang, **self.params)

    def as_json(self, lang: str = "id") -> dict[str, object]:
        return {
            "row": self.row,
            "column": self.column,
            "cell": self.cell,
            "code": self.code,
            "message": self.message(lang),
        }


@dataclass
class KpjResult:
    read: int = 0
    matched: int = 0
    updated: int = 0
    unchanged: int = 0
    unmatched: list[KpjIssue] = field(default_factory=list)
    errors: list[KpjIssue] = field(default_factory=list)
    warnings: list[KpjIssue] = field(default_factory=list)

    def summary(self, lang: str = "id") -> dict[str, object]:
        return {
            "read": self.read,
            "matched": self.matched,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "unmatched": len(self.unmatched),
            "unmatched_rows": [i.as_json(lang) for i in self.unmatched],
            "errors": [i.as_json(lang) for i in self.errors],
            "warnings": [i.as_json(lang) for i in self.warnings],
        }


class KpjImporter:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        regions: Callable[[], RegionTable],
        *,
        user: Callable[[], str],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._uow = uow
        self._regions = regions
        self._user = user
        self._clock = clock

    def run(self, path: str | Path, *, dry_run: bool = False, progress: Progress | None = None) -> KpjResult:
        progress = progress or NullProgress()
        table = read_table(path, progress=progress, finder=match_kpj_header, no_header_code="kpj.no_header")
        where = {c: i for i, c in table.header.columns.items()}
        nik_at, kpj_at = where[Column.NIK], where[Column.KPJ]
        nik_name = table.headers[nik_at] or "NIK"
        kpj_name = table.headers[kpj_at] or "KPJ"
        regions = self._regions()
        today = self._clock().date()
        result = KpjResult()
        wanted: list[tuple[int, str, str]] = []  # (row, nik, kpj)
        first_kpj: dict[str, int] = {}
        first_nik: dict[str, int] = {}

        def error(row: int, at: int, name: str, code: str, **params: object) -> None:
            result.errors.append(KpjIssue(row, name, f"{column_letter(at)}{row}", code, params))

        for number, cells in table.rows:
            nik_value = cells[nik_at] if nik_at < len(cells) else None
            kpj_value = cells[kpj_at] if kpj_at < len(cells) else None
            if nik_value is None and kpj_value is None:
                continue
            nik_cell = read_nik_cell(nik_value)
            digits = "".join(ch for ch in cell_text(nik_value) if ch.isdigit())
            if nik_cell.error is None and len(digits) < 6 and not cell_text(kpj_value).strip():
                continue  # a totals or signature line
            result.read += 1
            if nik_cell.error is not None:
                error(number, nik_at, nik_name, nik_cell.error.code, **nik_cell.error.params)
                continue
            check = check_nik(nik_cell.text, regions, today=today)
            if check.errors:
                first = check.errors[0]
                error(number, nik_at, nik_name, first.code, **first.params)
                continue
            kpj = "".join(ch for ch in cell_text(kpj_value) if not ch.isspace() and ch not in ".-'")
            if (
                isinstance(kpj_value, int | float)
                and not isinstance(kpj_value, bool)
                and len(kpj) != KPJ_LENGTH
            ):
                error(number, kpj_at, kpj_name, "kpj.number_damaged", value=kpj)
                continue
            if len(kpj) != KPJ_LENGTH or not kpj.isdigit():
                error(number, kpj_at, kpj_name, "kpj.format")
                continue
            if kpj in first_kpj:
                error(
                    number, kpj_at, kpj_name, "excel.kpj_duplicate_in_file", kpj=kpj, first_row=first_kpj[kpj]
                )
                continue
            if check.nik in first_nik:
                error(
                    number,
                    nik_at,
                    nik_name,
                    "excel.duplicate_in_file",
                    nik=check.nik,
                    first_row=first_nik[check.nik],
                )
                continue
            first_kpj[kpj] = number
            first_nik[check.nik] = number
            wanted.append((number, check.nik, kpj))

        now, user = self._clock(), self._user()
        trail: list[tuple[str, str, object, object, object]] = []
        with self._uow(write=True) as uow:
            if not dry_run:
                # The list marks workers registered with BPJS: approving registrations, a verifier's act.
                require(uow, Permission.APPROVE)
            by_nik = uow.workers.ids_by_niks(n for _, n, _ in wanted)
            by_kpj = uow.workers.ids_by_kpjs(k for _, _, k in wanted)
            workers = {w.id: w for w in uow.workers.get_many(sorted(set(by_nik.values())))}
            for done, (number, nik, kpj) in enumerate(wanted, start=1):
                worker_id = by_nik.get(nik)
                if worker_id is None:
                    result.unmatched.append(
                        KpjIssue(
                            number,
                            nik_name,
                            f"{column_letter(nik_at)}{number}",
                            "kpj.unmatched",
                            {"nik": nik},
                        )
                    )
                    continue
                owner = by_kpj.get(kpj)
                if owner is not None and owner != worker_id:
                    holder = workers.get(owner) or next(iter(uow.workers.get_many([owner])), None)
                    error(
                        number,
                        kpj_at,
                        kpj_name,
                        "kpj.duplicate",
                        kpj=kpj,
                        name=holder.name if holder else "?",
                    )
                    continue
                worker = workers[worker_id]
                result.matched += 1
                status = worker.status
                if status in (WorkerStatus.DRAFT, WorkerStatus.VERIFIED):
                    status = WorkerStatus.REGISTERED
                elif status is not WorkerStatus.REGISTERED:
                    result.warnings.append(
                        KpjIssue(
                            number,
                            kpj_name,
                            f"{column_letter(kpj_at)}{number}",
                            "kpj.status_kept",
                            {"status": status.label},
                        )
                    )
                if worker.kpj == kpj and status is worker.status:
                    result.unchanged += 1
                    continue
                if worker.kpj and worker.kpj != kpj:
                    result.warnings.append(
                        KpjIssue(
                            number,
                            kpj_name,
                            f"{column_letter(kpj_at)}{number}",
                            "kpj.replaced",
                            {"old": worker.kpj, "new": kpj},
                        )
                    )
                if worker.kpj and worker.kpj != kpj:
                    by_kpj.pop(worker.kpj, None)
                by_kpj[kpj] = worker_id
                updated = replace(worker, kpj=kpj, status=status)
                uow.workers.update(worker_id, updated, expected_version=worker.version, user=user, now=now)
                trail.append(
                    (
                        "kpj_import",
                        "worker",
                        worker_id,
                        {"kpj": worker.kpj, "status": worker.status.value},
                        {"kpj": kpj, "status": status.value},
                    )
                )
                result.updated += 1
                if done % 500 == 0:
                    progress.update(done, len(wanted), "")
            if not dry_run:
                trail.insert(
                    0,
                    (
                        "import",
                        "kpj_import",
                        Path(path).name,
                        None,
                        {
                            "file": Path(path).name,
                            "sha256": file_digest(Path(path)),
                            "matched": result.matched,
                            "updated": result.updated,
                            "unchanged": result.unchanged,
                            "unmatched": len(result.unmatched),
                        },
                    ),
                )
                record_many(uow, user, trail, at=now)
                uow.commit()
        return result
