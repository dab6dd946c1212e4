"""Importing the worker lists villages send (``workers import``; the GUI's import wizard).

Three steps, each usable on its own:

1. :meth:`WorkerImporter.read` finds the header and reads the rows (bad files raise a ``UsageError``);
2. :meth:`WorkerImporter.preview` parses and validates every row and classifies it against the file and
   the database: ``import``, ``update`` (same NIK, different data), ``unchanged`` or ``reject``, with the
   errors and warnings of each cell (the dry run);
3. :meth:`WorkerImporter.commit` writes the importable rows in one transaction, classifying them again
   inside it so that nothing saved by somebody else in between is overwritten blindly.

:func:`write_report` writes the row-level report: the original rows with a result and a message column.
Rejected rows never block valid ones.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import Enum, StrEnum
from functools import lru_cache
from pathlib import Path

from jamsos_desktop.domain.errors import Finding, Severity, UsageError
from jamsos_desktop.domain.excel_rules import (
    COLUMN_LABELS,
    CellValue,
    Column,
    HeaderMatch,
    RowKind,
    VillageMatcher,
    canonical_occupation,
    cell_text,
    column_letter,
    extract_rt_rw,
    parse_relationship,
    read_date_cell,
    read_identifier,
    read_income,
    read_nik_cell,
    read_sex_cell,
    row_kind,
    split_place_date,
    split_rt_rw,
)
from jamsos_desktop.domain.messages import render
from jamsos_desktop.domain.nik import check_nik, clean_nik
from jamsos_desktop.domain.normalize import normalize_name, search_key
from jamsos_desktop.domain.regions import RegionTable
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker import DEFAULT_INCOME, Heir, Worker, WorkerData, validate_worker
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import file_digest, flat, record_many
from jamsos_desktop.services.batch import collector_paused
from jamsos_desktop.services.ports import NullProgress, Progress, UnitOfWork, UnitOfWorkFactory
from jamsos_desktop.services.spreadsheet import SourceTable, atomic_output, read_table, safe_text

#: Columns without which no row could be imported (the wizard asks the clerk to map them).
REQUIRED_COLUMNS = (Column.NIK, Column.NAME, Column.VILLAGE)


class Outcome(StrEnum):
    IMPORT = "import"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"
    SKIP = "skip"

    def label(self, lang: str = "id") -> str:
        return render(f"excel.result.{self.value}", lang)


@dataclass(frozen=True)
class CellIssue:
    """One error or warning, tied to the column of the file it concerns (``column`` is 0-based or -1)."""

    column: int
    column_name: str
    code: str
    severity: Severity
    params: dict[str, object] = field(default_factory=dict)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: str = "id") -> str:
        return render(self.code, lang, **self.params)


@dataclass
class PreviewRow:
    """One row of the file with its result; ``data`` is what would be saved (None when rejected)."""

    row: int
    values: tuple[CellValue, ...]
    outcome: Outcome
    issues: list[CellIssue] = field(default_factory=list)
    data: WorkerData | None = None
    existing_id: int | None = None
    existing_version: int | None = None
    changed: tuple[str, ...] = ()
    kind: RowKind = RowKind.DATA
    duplicate: bool = False
    #: The fields the file's columns set, and the data as parsed (before merging with a stored worker).
    present: frozenset[str] = frozenset()
    parsed: WorkerData | None = None

    @property
    def errors(self) -> list[CellIssue]:
        return [i for i in self.issues if i.is_error]

    @property
    def warnings(self) -> list[CellIssue]:
        return [i for i in self.issues if not i.is_error]

    def message(self, lang: str = "id") -> str:
        """All issues in one line, each prefixed with its column: what the report's message column shows."""
        parts = []
        for issue in self.issues:
            prefix = f"{issue.column_name}: " if issue.column_name else ""
            parts.append(prefix + issue.message(lang))
        if self.outcome is Outcome.UPDATE and not self.errors:
            parts.append(render("excel.update", lang, fields=", ".join(self.changed)))
        elif self.outcome is Outcome.UNCHANGED:
            parts.append(render("excel.unchanged", lang))
        elif self.outcome is Outcome.SKIP:
            parts.append(render(f"excel.skip.{self.kind.value}", lang))
        return "; ".join(parts)


@dataclass
class ImportPreview:
    """The dry run: every row with its result, and the columns as understood."""

    path: Path
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    columns: dict[int, Column]
    unknown_columns: tuple[int, ...]
    missing_columns: tuple[Column, ...]
    rows: list[PreviewRow]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.rows if r.outcome is outcome)

    @property
    def data_rows(self) -> list[PreviewRow]:
        return [r for r in self.rows if r.outcome is not Outcome.SKIP]

    @property
    def duplicates(self) -> int:
        return sum(1 for r in self.rows if r.duplicate)

    def summary(self, lang: str = "id") -> dict[str, object]:
        """The CONTRACT's JSON for ``workers import`` (row = the spreadsheet's row number)."""
        errors = []
        warnings = []
        for r in self.rows:
            for issue in r.issues:
                item = {
                    "row": r.row,
                    "column": issue.column_name,
                    "cell": f"{column_letter(issue.column)}{r.row}" if issue.column >= 0 else "",
                    "code": issue.code,
                    "message": issue.message(lang),
                }
                (errors if issue.is_error else warnings).append(item)
        return {
            "read": len(self.data_rows),
            "imported": self.count(Outcome.IMPORT),
            "updated": self.count(Outcome.UPDATE),
            "unchanged": self.count(Outcome.UNCHANGED),
            "rejected": self.count(Outcome.REJECT),
            "duplicates": self.duplicates,
            "skipped": self.count(Outcome.SKIP),
            "errors": errors,
            "warnings": warnings,
            "sheet": self.sheet,
            "header_row": self.header_row,
        }


@dataclass(frozen=True)
class ImportResult:
    preview: ImportPreview
    committed: bool
    report: Path | None = None

    def summary(self, lang: str = "id") -> dict[str, object]:
        data = self.preview.summary(lang)
        data["dry_run"] = not self.committed
        if self.report is not None:
            data["report"] = str(self.report)
        return data


# -- fields a row can set, with their labels for "updated: …" messages -----------------------------------
_FIELD_COLUMNS: dict[str, tuple[Column, ...]] = {
    "nik": (Column.NIK,),
    "name": (Column.NAME,),
    "sex": (Column.SEX,),
    "birth_date": (Column.BIRTH_DATE, Column.BIRTH_PLACE_DATE),
    "birth_place": (Column.BIRTH_PLACE, Column.BIRTH_PLACE_DATE),
    "address": (Column.ADDRESS,),
    "rt": (Column.RT, Column.RT_RW, Column.ADDRESS),
    "rw": (Column.RW, Column.RT_RW, Column.ADDRESS),
    "rt_rw": (Column.RT_RW, Column.RT, Column.RW, Column.ADDRESS),
    "village_code": (Column.VILLAGE,),
    "district": (Column.DISTRICT,),
    "village": (Column.VILLAGE,),
    "occupation": (Column.OCCUPATION,),
    "phone": (Column.PHONE,),
    "kk": (Column.KK,),
    "kpj": (Column.KPJ,),
    "income": (Column.INCOME,),
    "notes": (Column.NOTES,),
    "heirs": (Column.HEIR_NAME, Column.HEIR_RELATIONSHIP, Column.HEIR_NIK, Column.HEIR_PHONE),
}
_COMPARED = (
    "name", "sex", "birth_date", "birth_place", "address", "rt", "rw", "village_code",
    "occupation", "phone", "kk", "kpj", "income", "notes",
)  # fmt: skip


_PLAIN = frozenset({str, int, float, bool, type(None)})


_HEIR_FIELDS = tuple(f.name for f in fields(Heir))


def _flat_value(value: object) -> object:
    """``flat(value)`` with the common cases first: texts, numbers, dates, text enums (sex, relationship)
    and the heirs (a tuple of ``Heir``)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is date:
        return value.isoformat()  # type: ignore[attr-defined]
    if kind is tuple:
        return [_flat_value(item) for item in value]  # type: ignore[attr-defined]
    if kind is Heir:
        return {name: _flat_value(getattr(value, name)) for name in _HEIR_FIELDS}
    if isinstance(value, Enum) and type(value._value_) in _PLAIN:
        return value._value_
    return flat(value)


def _given_all(rows: Sequence[PreviewRow]) -> list[dict[str, object]]:
    """Per new worker, the values that came from the file (with the row number), for the audit trail:
    ``flat`` of each field the file's columns set, in name order. The fields to copy are worked out once
    per set of columns, and the common values converted without ``flat``'s general path."""
    names: dict[frozenset[str], tuple[str, ...]] = {}
    out: list[dict[str, object]] = []
    for row in rows:
        data = row.data
        wanted = names.get(row.present)
        if wanted is None:
            wanted = names[row.present] = tuple(n for n in sorted(row.present) if hasattr(data, n))
        given: dict[str, object] = {"row": row.row}
        for name in wanted:
            given[name] = _flat_value(getattr(data, name))
        out.append(given)
    return out


def _new_uids(count: int) -> list[str]:
    """``count`` random version-4 UUIDs as text (what ``str(uuid.uuid4())`` gives), from one read of the
    operating system's randomness instead of one per worker."""
    raw = bytearray(os.urandom(16 * count))
    for start in range(0, 16 * count, 16):
        raw[start + 6] = (raw[start + 6] & 0x0F) | 0x40  # version 4
        raw[start + 8] = (raw[start + 8] & 0x3F) | 0x80  # RFC 4122 variant
    h = raw.hex()
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-{h[i + 12 : i + 16]}-{h[i + 16 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]


def _changes(old: Worker | None, new: WorkerData) -> tuple[dict[str, object], dict[str, object]]:
    """(old, new) values of the fields an update changes, for the audit trail."""
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for name in (*_COMPARED, "heirs"):
        then, now = (getattr(old, name) if old is not None else None), getattr(new, name)
        if then != now:
            before[name], after[name] = flat(then), flat(now)
    return before, after


def _field_of(finding: Finding) -> str:
    return "heirs" if finding.field.startswith("heirs") else finding.field


@dataclass
class _Parsed:
    data: WorkerData
    present: frozenset[str]
    findings: list[Finding]


class WorkerImporter:
    """The import use case; one instance per application, safe to use from a worker thread."""

    def __init__(
        self,
        uow: UnitOfWorkFactory,
        regions: Callable[[], RegionTable],
        *,
        regency: Callable[[], str],
        user: Callable[[], str],
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._uow = uow
        self._regions = regions
        self._regency = regency
        self._user = user
        self._clock = clock

    # -- step 1: the file ---------------------------------------------------------------------------
    @collector_paused
    def read(self, path: str | Path, progress: Progress | None = None) -> SourceTable:
        return read_table(path, progress=progress)

    # -- step 2: the dry run ------------------------------------------------------------------------
    @collector_paused
    def preview(
        self,
        source: SourceTable | str | Path,
        *,
        mapping: dict[int, Column] | None = None,
        progress: Progress | None = None,
        classify: bool = True,
    ) -> ImportPreview:
        """Every row parsed, validated and classified; nothing is written.

        ``classify=False`` leaves out the comparison with the file's other rows and the database: for a
        preview about to be committed, since :meth:`commit` classifies again under its write lock.
        """
        progress = progress or NullProgress()
        table = source if isinstance(source, SourceTable) else self.read(source, progress)
        columns = self._columns(table, mapping)
        parsed = self._parse_all(table, columns, progress)
        if classify:
            with self._uow() as uow:
                self._classify(uow, parsed, columns, table.headers)
        present = set(columns.values())
        missing = tuple(c for c in REQUIRED_COLUMNS if c not in present)
        unknown = tuple(i for i in table.header.unknown if i not in columns)
        return ImportPreview(
            table.path, table.sheet, table.header_row, table.headers, columns, unknown, missing, parsed
        )

    # -- step 3: commit -----------------------------------------------------------------------------
    @collector_paused
    def commit(self, preview: ImportPreview, progress: Progress | None = None) -> ImportPreview:
        """Save the importable rows of ``preview`` in one transaction; returns the final classification."""
        progress = progress or NullProgress()
        now, user = self._clock(), self._user()
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            self._classify(uow, preview.rows, preview.columns, preview.headers)  # again, under the write lock
            if progress.cancelled:
                raise UsageError("excel.cancelled")
            new = [r for r in preview.rows if r.outcome is Outcome.IMPORT and r.data is not None]
            # The consent record's "by" and "at" default to this user and now in the store.
            items = [
                (r.data, uid) for r, uid in zip(new, _new_uids(len(new)), strict=True) if r.data is not None
            ]
            new_ids = uow.workers.bulk_add_ids(items, user=user, now=now)
            updates = [r for r in preview.rows if r.outcome is Outcome.UPDATE]
            before = {
                w.id: w
                for w in uow.workers.get_many([r.existing_id for r in updates if r.existing_id is not None])
            }
            # The trail: per new worker the values the file gave (the rest are defaults), per updated worker
            # the old and new values of what changed; one entry for the import (file, SHA-256, counts).
            trail: list[tuple[str, str, object, object, object]] = [
                ("import_add", "worker", worker_id, None, given)
                for worker_id, given in zip(new_ids, _given_all(new), strict=True)
            ]
            for done, r in enumerate(updates, start=1):
                assert r.data is not None and r.existing_id is not None and r.existing_version is not None
                if not uow.workers.update(
                    r.existing_id, r.data, expected_version=r.existing_version, user=user, now=now
                ):  # pragma: no cover - the write lock is held since the classification
                    r.outcome = Outcome.REJECT
                    r.issues.append(CellIssue(-1, "", "worker.changed", Severity.ERROR, {"by": "?"}))
                else:
                    old, changed = _changes(before.get(r.existing_id), r.data)
                    trail.append(("import_update", "worker", r.existing_id, old, changed))
                if done % 200 == 0:
                    progress.update(done, len(updates), "")
            if progress.cancelled:
                raise UsageError("excel.cancelled")
            trail.insert(
                0,
                (
                    "import",
                    "worker_import",
                    Path(preview.path).name,
                    None,
                    {
                        "file": Path(preview.path).name,
                        "sha256": file_digest(Path(preview.path)),
                        "sheet": preview.sheet,
                        "rows": len(preview.data_rows),
                        "added": len(items),
                        "updated": sum(1 for a, *_ in trail if a == "import_update"),
                        "rejected": preview.count(Outcome.REJECT),
                    },
                ),
            )
            record_many(uow, user, trail, at=now)
            uow.commit()
        return preview

    @collector_paused
    def run(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        report: str | Path | None = None,
        mapping: dict[int, Column] | None = None,
        progress: Progress | None = None,
        lang: str = "id",
    ) -> ImportResult:
        """Read, preview and (unless ``dry_run``) commit; write the report when asked."""
        preview = self.preview(path, mapping=mapping, progress=progress, classify=dry_run)
        if preview.missing_columns:
            raise UsageError(
                "excel.missing_columns",
                columns=", ".join(
                    COLUMN_LABELS[c][0 if lang == "id" else 1] for c in preview.missing_columns
                ),
            )
        if not dry_run:
            preview = self.commit(preview, progress)
        written = write_report(preview, report, lang=lang) if report is not None else None
        return ImportResult(preview, not dry_run, written)

    # -- internals ----------------------------------------------------------------------------------
    @staticmethod
    def _columns(table: SourceTable, mapping: dict[int, Column] | None) -> dict[int, Column]:
        columns = dict(table.header.columns)
        if mapping:
            width = max(len(table.headers), max((len(v) for _, v in table.rows), default=0))
            for index, column in mapping.items():
                if index < 0 or index >= max(width, 1):
                    raise UsageError("excel.mapping", column=column_letter(max(index, 0)))
                columns.pop(index, None)
                if column is Column.IGNORE:
                    continue
                for other, existing in list(columns.items()):
                    if existing is column:
                        del columns[other]  # the clerk's choice wins over the recognised header
                columns[index] = column
        return columns

    def _parse_all(
        self, table: SourceTable, columns: dict[int, Column], progress: Progress
    ) -> list[PreviewRow]:
        regions = self._regions()
        regency = self._regency()
        today = self._clock().date()
        matcher = VillageMatcher(regions, regency)
        header = HeaderMatch(table.header.row_index, columns, table.headers, ())
        where, names = _where_names(columns, table.headers)
        memo = _Memo(where)
        out: list[PreviewRow] = []
        total = len(table.rows)
        for position, (number, cells) in enumerate(table.rows, start=1):
            kind = row_kind(cells, header)
            if kind is RowKind.BLANK:
                continue
            if kind is not RowKind.DATA:
                out.append(PreviewRow(number, cells, Outcome.SKIP, kind=kind))
                continue
            parsed = _parse_row(cells, where, matcher, regions, regency, today, memo)
            issues = [_issue(f, where, names) for f in parsed.findings]
            ok = not any(i.is_error for i in issues)
            out.append(
                PreviewRow(
                    number,
                    cells,
                    Outcome.IMPORT if ok else Outcome.REJECT,
                    issues,
                    parsed.data if ok else None,
                    kind=kind,
                    present=parsed.present,
                    parsed=parsed.data if ok else None,
                )
            )
            if position % 1000 == 0:
                progress.update(position, total, "")
                if progress.cancelled:
                    raise UsageError("excel.cancelled")
        return out

    def _classify(
        self, uow: UnitOfWork, rows: list[PreviewRow], columns: dict[int, Column], headers: Sequence[str]
    ) -> None:
        """Duplicates within the file, then against the database. Idempotent: safe to run twice."""
        where, names = _where_names(columns, headers)
        regions = self._regions()
        regency = self._regency()
        today = self._clock().date()
        for r in rows:
            # Undo a previous classification (commit re-runs this under the write lock).
            if r.outcome is Outcome.SKIP:
                continue
            r.issues = [i for i in r.issues if i.code not in _CLASSIFICATION_CODES]
            r.duplicate = False
            r.existing_id = r.existing_version = None
            r.changed = ()
            r.data = r.parsed
            r.outcome = Outcome.REJECT if any(i.is_error for i in r.issues) else Outcome.IMPORT

        candidates = [r for r in rows if r.outcome is Outcome.IMPORT and r.data is not None]
        first_nik: dict[str, int] = {}
        first_kpj: dict[str, int] = {}
        for r in candidates:
            assert r.data is not None
            nik = r.data.nik
            if nik:
                if nik in first_nik:
                    r.duplicate = True
                    r.issues.append(
                        _issue(
                            Finding(
                                "nik",
                                "excel.duplicate_in_file",
                                Severity.ERROR,
                                {"nik": nik, "first_row": first_nik[nik]},
                            ),
                            where,
                            names,
                        )
                    )
                    r.outcome = Outcome.REJECT
                    continue
                first_nik[nik] = r.row
            kpj = r.data.kpj
            if kpj:
                if kpj in first_kpj:
                    r.issues.append(
                        _issue(
                            Finding(
                                "kpj",
                                "excel.kpj_duplicate_in_file",
                                Severity.ERROR,
                                {"kpj": kpj, "first_row": first_kpj[kpj]},
                            ),
                            where,
                            names,
                        )
                    )
                    r.outcome = Outcome.REJECT
                    continue
                first_kpj[kpj] = r.row

        candidates = [r for r in candidates if r.outcome is Outcome.IMPORT]
        by_nik = uow.workers.ids_by_niks(r.data.nik for r in candidates if r.data and r.data.nik)
        existing = {w.id: w for w in uow.workers.get_many(sorted(set(by_nik.values())))}
        by_kpj = uow.workers.ids_by_kpjs(r.data.kpj for r in candidates if r.data and r.data.kpj)
        for r in candidates:
            assert r.data is not None
            worker_id = by_nik.get(r.data.nik or "")
            if r.data.kpj:
                owner = by_kpj.get(r.data.kpj)
                if owner is not None and owner != worker_id:
                    holder = existing.get(owner) or next(iter(uow.workers.get_many([owner])), None)
                    r.issues.append(
                        _issue(
                            Finding(
                                "kpj",
                                "kpj.duplicate",
                                Severity.ERROR,
                                {"kpj": r.data.kpj, "name": holder.name if holder else "?"},
                            ),
                            where,
                            names,
                        )
                    )
                    r.outcome = Outcome.REJECT
                    continue
            if worker_id is None:
                continue
            current = existing[worker_id]
            merged, changed = _merge(current, r.data, r.present, regions, regency, today)
            r.existing_id = worker_id
            r.existing_version = current.version
            if merged is None:
                r.outcome = Outcome.UNCHANGED
            else:
                r.outcome = Outcome.UPDATE
                r.data = merged
                r.changed = changed


_CLASSIFICATION_CODES = frozenset(
    {"excel.duplicate_in_file", "excel.kpj_duplicate_in_file", "nik.duplicate", "kpj.duplicate"}
)


def _where_names(
    columns: dict[int, Column], headers: Sequence[str]
) -> tuple[dict[Column, int], dict[int, str]]:
    """Column -> index, and index -> the header text the clerk sees (or the column's label)."""
    where = {column: index for index, column in columns.items()}
    names = {
        index: (headers[index] if index < len(headers) and headers[index] else COLUMN_LABELS[c][0])
        for index, c in columns.items()
    }
    return where, names


def _issue(finding: Finding, where: dict[Column, int], names: dict[int, str]) -> CellIssue:
    index = -1
    for column in _FIELD_COLUMNS.get(_field_of(finding), ()):
        if column in where:
            index = where[column]
            break
    name = names.get(index, "") if index >= 0 else ""
    if index < 0:
        wanted = _FIELD_COLUMNS.get(_field_of(finding), ())
        name = COLUMN_LABELS[wanted[0]][0] if wanted else ""
    params = {k: v for k, v in finding.params.items() if k != "existing_id"}
    return CellIssue(index, name, finding.code, finding.severity, params)


#: Each column's number, so that a row's cells can be looked up by position (see :func:`_parse_row`).
_COLUMN_NUMBER: dict[Column, int] = {column: number for number, column in enumerate(Column)}
_COLUMN_COUNT = len(_COLUMN_NUMBER)
_I_ADDRESS = _COLUMN_NUMBER[Column.ADDRESS]
_I_BIRTH_DATE = _COLUMN_NUMBER[Column.BIRTH_DATE]
_I_BIRTH_PLACE = _COLUMN_NUMBER[Column.BIRTH_PLACE]
_I_BIRTH_PLACE_DATE = _COLUMN_NUMBER[Column.BIRTH_PLACE_DATE]
_I_DISTRICT = _COLUMN_NUMBER[Column.DISTRICT]
_I_HEIR_NAME = _COLUMN_NUMBER[Column.HEIR_NAME]
_I_HEIR_NIK = _COLUMN_NUMBER[Column.HEIR_NIK]
_I_HEIR_PHONE = _COLUMN_NUMBER[Column.HEIR_PHONE]
_I_HEIR_RELATIONSHIP = _COLUMN_NUMBER[Column.HEIR_RELATIONSHIP]
_I_INCOME = _COLUMN_NUMBER[Column.INCOME]
_I_KK = _COLUMN_NUMBER[Column.KK]
_I_KPJ = _COLUMN_NUMBER[Column.KPJ]
_I_NAME = _COLUMN_NUMBER[Column.NAME]
_I_NIK = _COLUMN_NUMBER[Column.NIK]
_I_NOTES = _COLUMN_NUMBER[Column.NOTES]
_I_OCCUPATION = _COLUMN_NUMBER[Column.OCCUPATION]
_I_PHONE = _COLUMN_NUMBER[Column.PHONE]
_I_RT = _COLUMN_NUMBER[Column.RT]
_I_RT_RW = _COLUMN_NUMBER[Column.RT_RW]
_I_RW = _COLUMN_NUMBER[Column.RW]
_I_SEX = _COLUMN_NUMBER[Column.SEX]
_I_VILLAGE = _COLUMN_NUMBER[Column.VILLAGE]


class _Memo:
    """Results of the pure per-cell rules for the texts of one import, keyed by the text as read.

    A village list repeats the same few texts thousands of times (sexes, places, villages, addresses,
    occupations, relationships), so each distinct text is normalised once per import. Only ``str`` cells
    are remembered: ``1``, ``1.0`` and ``True`` are equal as keys but are not the same cell.
    """

    LIMIT = 50_000  # distinct texts per rule; beyond that (a list of unique values) just compute

    def __init__(self, where: dict[Column, int]) -> None:
        self.where = where
        self.slots = tuple((_COLUMN_NUMBER[column], index) for column, index in where.items())
        self.has = tuple(column in where for column in Column)
        self.present = _present(frozenset(where))
        self.names: dict[str, str] = {}
        self.sexes: dict[str, tuple[Sex | None, Finding | None]] = {}
        self.addresses: dict[str, tuple[str, str, str]] = {}
        self.relationships: dict[str, HeirRelationship | None] = {}
        self.occupations: dict[str, str] = {}

    def name(self, value: CellValue) -> str:
        """``normalize_name(cell_text(value))``."""
        if value.__class__ is not str:
            return "" if value is None else normalize_name(cell_text(value))
        found = self.names.get(value)  # type: ignore[arg-type]
        if found is None:
            found = normalize_name(value)  # type: ignore[arg-type]
            if len(self.names) < self.LIMIT:
                self.names[value] = found  # type: ignore[index]
        return found

    def sex(self, value: CellValue) -> tuple[Sex | None, Finding | None]:
        """``read_sex_cell(value)``."""
        if value.__class__ is not str:
            return read_sex_cell(value)
        found = self.sexes.get(value)  # type: ignore[arg-type]
        if found is None:
            found = self.sexes[value] = read_sex_cell(value)  # type: ignore[index]
        return found

    def address(self, address: str) -> tuple[str, str, str]:
        """``extract_rt_rw(address)``."""
        found = self.addresses.get(address)
        if found is None:
            found = extract_rt_rw(address)
            if len(self.addresses) < self.LIMIT:
                self.addresses[address] = found
        return found

    def relationship(self, text: str) -> HeirRelationship | None:
        """``parse_relationship(text)``."""
        if text in self.relationships:
            return self.relationships[text]
        found = parse_relationship(text)
        if len(self.relationships) < self.LIMIT:
            self.relationships[text] = found
        return found

    def occupation(self, text: str) -> str:
        """``canonical_occupation(text)``."""
        found = self.occupations.get(text)
        if found is None:
            found = canonical_occupation(text)
            if len(self.occupations) < self.LIMIT:
                self.occupations[text] = found
        return found


def _worker_data_factory() -> Callable[..., WorkerData]:
    """``WorkerData(**values)`` without the frozen dataclass's ``__init__`` (a guarded ``object.__setattr__``
    per field: ~18 µs, a tenth of a second per 10,000 rows): the defaults of a blank record, then the
    values. The result compares equal to the constructor's (a test checks). Should ``WorkerData`` ever get
    a ``__post_init__`` or slots, the real constructor is used."""
    if hasattr(WorkerData, "__post_init__") or hasattr(WorkerData, "__slots__"):  # pragma: no cover
        return WorkerData
    blank = vars(WorkerData(name="", sex=None, birth_date=None, village_code="")).copy()
    known = frozenset(blank)
    new = object.__new__

    def build(**values: object) -> WorkerData:
        if not values.keys() <= known:  # pragma: no cover - a misspelt field: let the constructor say so
            return WorkerData(**values)  # type: ignore[arg-type]
        data = new(WorkerData)
        state = data.__dict__
        state.update(blank)
        state.update(values)
        return data

    return build


_worker_data = _worker_data_factory()


def _parse_row(
    cells: Sequence[CellValue],
    where: dict[Column, int],
    matcher: VillageMatcher,
    regions: RegionTable,
    regency: str,
    today: date,
    memo: _Memo | None = None,
) -> _Parsed:
    """One spreadsheet row -> validated worker data, the fields the file gave, and every finding."""
    if memo is None or memo.where is not where:
        memo = _Memo(where)
    width = len(cells)
    # The row's cells by column number, once: list indexing instead of hashing an enum per lookup.
    v: list[CellValue] = [None] * _COLUMN_COUNT
    for number, index in memo.slots:
        if index < width:
            v[number] = cells[index]
    has = memo.has
    name_of = memo.name

    findings: list[Finding] = []
    present = memo.present

    nik_cell = read_nik_cell(v[_I_NIK])
    if nik_cell.error is not None:
        findings.append(nik_cell.error)

    sex, problem = memo.sex(v[_I_SEX])
    if problem:
        findings.append(problem)

    birth_place = name_of(v[_I_BIRTH_PLACE])
    born: date | None = None
    if has[_I_BIRTH_DATE]:
        born, problem = read_date_cell(v[_I_BIRTH_DATE], today)
        if problem:
            findings.append(problem)
    if has[_I_BIRTH_PLACE_DATE]:
        place, found, date_text = split_place_date(v[_I_BIRTH_PLACE_DATE], today)
        birth_place = birth_place or place
        if born is None and found is not None:
            born = found
        elif born is None and date_text:
            findings.append(
                Finding("birth_date", "excel.date_unreadable", Severity.ERROR, {"value": date_text})
            )

    address = name_of(v[_I_ADDRESS])
    rt, rw = name_of(v[_I_RT]), name_of(v[_I_RW])
    if has[_I_RT_RW] and name_of(v[_I_RT_RW]):
        pair = split_rt_rw(name_of(v[_I_RT_RW]))
        if pair is None:
            findings.append(Finding("rt_rw", "rt_rw.format", Severity.ERROR, {}))
        else:
            rt, rw = pair
    if not rt and not rw and address:
        address, rt, rw = memo.address(address)

    village_code = ""
    if has[_I_VILLAGE]:
        match = matcher.match(cell_text(v[_I_VILLAGE]), cell_text(v[_I_DISTRICT]))
        findings.extend(match.findings)
        village_code = match.code or ""

    kk, damaged = read_identifier(v[_I_KK], 16)
    if damaged:
        findings.append(Finding("kk", "excel.kk_number", Severity.ERROR, {"value": kk}))
        kk = ""
    kpj, _ = read_identifier(v[_I_KPJ], 11)

    income = DEFAULT_INCOME
    if has[_I_INCOME] and v[_I_INCOME] is not None:
        read = read_income(v[_I_INCOME])
        if read is None:
            findings.append(
                Finding(
                    "income",
                    "excel.income_unreadable",
                    Severity.ERROR,
                    {"value": cell_text(v[_I_INCOME])},
                )
            )
        else:
            income = read

    heirs: tuple[Heir, ...] = ()
    heir_name = name_of(v[_I_HEIR_NAME])
    if heir_name:
        relation_text = name_of(v[_I_HEIR_RELATIONSHIP])
        relation = memo.relationship(relation_text)
        if relation is None:
            findings.append(
                Finding(
                    "heirs",
                    "excel.heir_relationship_unknown",
                    Severity.WARNING,
                    {"value": relation_text or "-"},
                )
            )
        else:
            heirs = (
                Heir(
                    heir_name,
                    relation,
                    clean_nik(cell_text(v[_I_HEIR_NIK])) or None,
                    cell_text(v[_I_HEIR_PHONE]),
                ),
            )

    nik_text = nik_cell.text
    # A NIK that can be read fills a missing sex or birth date (with a warning); typed values always win.
    if (
        nik_text
        and (sex is None or born is None)
        and not any(f.field in ("sex", "birth_date") for f in findings)
    ):
        check = check_nik(nik_text, regions, today=today)
        if check.info is not None:
            if sex is None:
                sex = check.info.sex
                findings.append(Finding("sex", "excel.from_nik", Severity.WARNING, {"value": sex.value}))
            if born is None:
                born = check.info.birth_date
                findings.append(
                    Finding("birth_date", "excel.from_nik", Severity.WARNING, {"value": f"{born:%d-%m-%Y}"})
                )

    data = _worker_data(
        name=name_of(v[_I_NAME]),
        sex=sex,
        birth_date=born,
        village_code=village_code,
        nik=nik_text or None,
        no_nik=nik_cell.no_nik,
        kk=kk,
        birth_place=birth_place,
        address=address,
        rt=rt,
        rw=rw,
        occupation=memo.occupation(name_of(v[_I_OCCUPATION])),
        phone=cell_text(v[_I_PHONE]).strip(),
        income=income,
        kpj=kpj,
        heirs=heirs,
        notes=name_of(v[_I_NOTES]),
    )
    validated = validate_worker(data, regions, regency_code=regency, today=today)
    if not findings:  # a clean row (most): nothing the validation found is explained already
        findings.extend(validated.findings)
        return _Parsed(validated.data, present, findings)
    parsed_fields = {_field_of(f) for f in findings if f.is_error}
    if any(f.field in ("village", "district") and f.is_error for f in findings):
        parsed_fields.add("village_code")
    for finding in validated.findings:
        if _field_of(finding) in parsed_fields:
            continue  # already explained by the parsing finding (e.g. "NIK stored as a number")
        if finding.code == "nik.required" and nik_cell.error is not None:
            continue
        findings.append(finding)
    return _Parsed(validated.data, present, findings)


@lru_cache(maxsize=64)
def _present(columns: frozenset[Column]) -> frozenset[str]:
    """The worker fields a file with these columns sets."""
    return frozenset(name for name, cols in _FIELD_COLUMNS.items() if any(c in columns for c in cols))


def _heir_key(heir: Heir) -> str:
    return search_key(heir.name)


def _merge(
    current: Worker,
    incoming: WorkerData,
    present: frozenset[str],
    regions: RegionTable,
    regency: str,
    today: date,
) -> tuple[WorkerData | None, tuple[str, ...]]:
    """The existing worker with the fields the file gave; (None, ()) when nothing would change.

    Fields the file does not have keep their stored value; status, KPJ (unless given) and the consent
    record are never touched by a village list. A heir in the file is put first; stored heirs with other
    names are kept, so importing the same list twice changes nothing.
    """
    changes: dict[str, object] = {}
    for name in _COMPARED:
        if name not in present and name not in ("rt", "rw"):
            continue
        if name in ("rt", "rw") and "rt_rw" not in present:
            continue
        new = getattr(incoming, name)
        if name == "kpj" and not new:
            continue  # an empty KPJ cell never erases a number BPJS issued
        if name in ("birth_place", "address", "occupation", "phone", "kk", "notes", "rt", "rw") and not new:
            continue  # an empty cell does not erase what the office already knows
        if new != getattr(current, name):
            changes[name] = new
    if "heirs" in present and incoming.heirs:
        keys = {_heir_key(h) for h in incoming.heirs}
        kept = tuple(h for h in current.heirs if _heir_key(h) not in keys)
        heirs = tuple(incoming.heirs) + kept
        same = {(_heir_key(h), h.relationship) for h in current.heirs}
        if not all((_heir_key(h), h.relationship) in same for h in incoming.heirs):
            changes["heirs"] = heirs
    if not changes:
        return None, ()
    merged = replace(current, **changes)
    validated = validate_worker(merged, regions, regency_code=regency, today=today)
    labels = tuple(_LABELS.get(k, k) for k in changes)
    return validated.data, labels


_LABELS = {
    "name": "nama",
    "sex": "jenis kelamin",
    "birth_date": "tanggal lahir",
    "birth_place": "tempat lahir",
    "address": "alamat",
    "rt": "RT",
    "rw": "RW",
    "village_code": "desa",
    "occupation": "pekerjaan",
    "phone": "no. HP",
    "kk": "KK",
    "kpj": "KPJ",
    "income": "penghasilan",
    "notes": "keterangan",
    "heirs": "ahli waris",
}


# -- the row-level report -----------------------------------------------------------------------------
_FILLS = {
    Outcome.IMPORT: "C6EFCE",
    Outcome.UPDATE: "DDEBF7",
    Outcome.UNCHANGED: "EDEDED",
    Outcome.REJECT: "FFC7CE",
    Outcome.SKIP: "FFFFFF",
}
_TEXT_COLUMNS = (Column.NIK, Column.KK, Column.KPJ, Column.PHONE, Column.HEIR_NIK, Column.HEIR_PHONE)


def write_report(preview: ImportPreview, target: str | Path, *, lang: str = "id") -> Path:
    """An .xlsx copy of the rows read, with the result and the reasons per row (temp file, then rename)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill

    target = Path(target)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Laporan Impor" if lang == "id" else "Import report")
    width = max([len(preview.headers)] + [len(r.values) for r in preview.rows])
    headers = list(preview.headers) + [""] * (width - len(preview.headers))
    titles = (
        ["Baris"] + [h or column_letter(i) for i, h in enumerate(headers)] + ["Hasil", "Keterangan"]
        if lang == "id"
        else ["Row"] + [h or column_letter(i) for i, h in enumerate(headers)] + ["Result", "Message"]
    )
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 7
    for i, title in enumerate(titles[1:-2], start=1):
        sheet.column_dimensions[column_letter(i)].width = min(max(len(str(title)) + 2, 12), 30)
    sheet.column_dimensions[column_letter(len(titles) - 2)].width = 14
    sheet.column_dimensions[column_letter(len(titles) - 1)].width = 90
    sheet.auto_filter.ref = f"A1:{column_letter(len(titles) - 1)}{len(preview.rows) + 1}"
    bold = Font(bold=True)
    header_cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=safe_text(str(title)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    text_indexes = {i for i, c in preview.columns.items() if c in _TEXT_COLUMNS}
    fills = {o: PatternFill("solid", start_color=c, end_color=c) for o, c in _FILLS.items()}
    wrap = Alignment(wrap_text=True, vertical="top")
    for r in preview.rows:
        cells: list[object] = [r.row]
        for i in range(width):
            raw = r.values[i] if i < len(r.values) else None
            if raw is None:
                cells.append(None)
            elif i in text_indexes or isinstance(raw, str):
                cell = WriteOnlyCell(sheet, value=safe_text(cell_text(raw)))
                cell.number_format = "@"
                cells.append(cell)
            elif isinstance(raw, datetime | date):
                cell = WriteOnlyCell(sheet, value=raw)
                cell.number_format = "DD-MM-YYYY"
                cells.append(cell)
            else:
                cells.append(raw)
        result = WriteOnlyCell(sheet, value=r.outcome.label(lang))
        result.fill = fills[r.outcome]
        message = WriteOnlyCell(sheet, value=safe_text(r.message(lang)))
        message.alignment = wrap
        cells.extend([result, message])
        sheet.append(cells)
    summary = workbook.create_sheet("Ringkasan" if lang == "id" else "Summary")
    summary.column_dimensions["A"].width = 28
    summary.column_dimensions["B"].width = 60
    counts = preview.summary(lang)
    labels = [
        ("Berkas" if lang == "id" else "File", str(preview.path.name)),
        ("Lembar" if lang == "id" else "Sheet", preview.sheet),
        ("Baris judul" if lang == "id" else "Header row", preview.header_row),
        ("Baris dibaca" if lang == "id" else "Rows read", counts["read"]),
        (Outcome.IMPORT.label(lang), counts["imported"]),
        (Outcome.UPDATE.label(lang), counts["updated"]),
        (Outcome.UNCHANGED.label(lang), counts["unchanged"]),
        (Outcome.REJECT.label(lang), counts["rejected"]),
        ("NIK ganda dalam berkas" if lang == "id" else "Duplicate NIKs in file", counts["duplicates"]),
    ]
    for label, amount in labels:
        summary.append([safe_text(label), safe_text(amount) if isinstance(amount, str) else amount])
    with atomic_output(target) as temp:
        workbook.save(temp)
    return target


def parse_mapping(items: Iterable[str], headers: Sequence[str]) -> dict[int, Column]:
    """``["Nama Ibu=ignore", "F=birth_date"]`` -> {index: Column}; a header text or a column letter."""
    mapping: dict[int, Column] = {}
    letters = {column_letter(i): i for i in range(max(len(headers), 1) + 26)}
    for item in items:
        left, sep, right = item.partition("=")
        if not sep:
            raise UsageError("usage.value", value=item, option="--map")
        try:
            column = Column(right.strip().lower())
        except ValueError:
            raise UsageError("usage.value", value=right, option="--map") from None
        key = left.strip()
        index = next((i for i, h in enumerate(headers) if h and h.casefold() == key.casefold()), None)
        if index is None:
            index = letters.get(key.upper())
        if index is None:
            raise UsageError("excel.mapping", column=key)
        mapping[index] = column
    return mapping


__all__ = [
    "CellIssue",
    "ImportPreview",
    "ImportResult",
    "Outcome",
    "PreviewRow",
    "WorkerImporter",
    "parse_mapping",
    "write_report",
]
