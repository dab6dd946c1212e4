"""Repositories: SQL behind domain-shaped methods. They return domain dataclasses, never ORM rows."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, literal_column, or_, select, table
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.domain.regions import Level, Region
from jamsos_desktop.domain.worker import (
    Consent,
    Heir,
    RegistryStats,
    SortKey,
    Worker,
    WorkerData,
    WorkerQuery,
    WorkerSummary,
)
from jamsos_desktop.domain.worker_record import WorkerRecord
from jamsos_desktop.domain.worker_types import HeirRelationship, Sex, WorkerStatus
from jamsos_desktop.persistence import bulk_load as bulk
from jamsos_desktop.persistence import search_index, worker_records
from jamsos_desktop.persistence.concurrency import copy_rows, reserve_ids
from jamsos_desktop.persistence.models import HeirRow, RegionRow, Setting, WorkerRow
from jamsos_desktop.persistence.worker_rows import HEIR_INSERT as _HEIR_INSERT
from jamsos_desktop.persistence.worker_rows import WORKER_INSERT as _WORKER_INSERT
from jamsos_desktop.persistence.worker_rows import SqliteWorkerRows
from jamsos_desktop.persistence.worker_rows import sqlite_time as _sqlite_time  # noqa: F401 - sync imports it here

_village = aliased(RegionRow, name="village")
_district = aliased(RegionRow, name="district")


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class WorkerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- single records ---------------------------------------------------------------------------
    def get(self, worker_id: int) -> Worker | None:
        row = self.session.get(WorkerRow, worker_id)
        return _to_worker(row) if row is not None else None

    def id_by_nik(self, nik: str) -> int | None:
        return self.session.scalar(select(WorkerRow.id).where(WorkerRow.nik == nik))

    def id_by_kpj(self, kpj: str) -> int | None:
        return self.session.scalar(select(WorkerRow.id).where(WorkerRow.kpj == kpj))

    def ids_by_niks(self, niks: Iterable[str]) -> dict[str, int]:
        """NIK -> worker id for those of ``niks`` already registered (looked up in chunks)."""
        wanted = sorted({n for n in niks if n})
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stmt = select(WorkerRow.nik, WorkerRow.id).where(WorkerRow.nik.in_(chunk))
            found.update({nik: worker_id for nik, worker_id in self.session.execute(stmt) if nik})
        return found

    def ids_by_kpjs(self, kpjs: Iterable[str]) -> dict[str, int]:
        """KPJ -> worker id for those of ``kpjs`` already used (looked up in chunks)."""
        wanted = sorted({k for k in kpjs if k})
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            stmt = select(WorkerRow.kpj, WorkerRow.id).where(WorkerRow.kpj.in_(chunk))
            found.update({kpj: worker_id for kpj, worker_id in self.session.execute(stmt) if kpj})
        return found

    def records(self, ids: Sequence[int]) -> list[WorkerRecord]:
        """Flat export rows (with the first heir) for ``ids``, in the same order.

        Run on the session's connection (Core), not through ``Session.execute``: the ORM's row loading
        costs more than the query itself for 100,000 rows of plain columns.
        """
        connection = self.session.connection()
        out: list[WorkerRecord] = []
        heir = aliased(HeirRow, name="first_heir")
        columns = (
            WorkerRow.id, WorkerRow.nik, WorkerRow.kk, WorkerRow.name, WorkerRow.sex, WorkerRow.birth_place,
            WorkerRow.birth_date, WorkerRow.address, WorkerRow.rt, WorkerRow.rw, WorkerRow.village_code,
            WorkerRow.occupation, WorkerRow.phone, WorkerRow.income, WorkerRow.kpj, WorkerRow.status,
            heir.name, heir.relation, heir.nik, heir.phone,
        )  # fmt: skip
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            stmt = (
                select(*columns)
                .outerjoin(heir, and_(heir.worker_id == WorkerRow.id, heir.position == 0))
                .where(WorkerRow.id.in_(chunk))
            )
            found = {r[0]: WorkerRecord._make(r) for r in connection.execute(stmt)}
            out.extend(found[i] for i in chunk if i in found)
        return out

    def record_batches(self, query: WorkerQuery, *, batch: int = 2000) -> Iterator[list[WorkerRecord]]:
        """Flat export rows of every worker ``query`` filters, in its order, ``batch`` at a time (one
        streamed statement: see :mod:`~jamsos_desktop.persistence.worker_records`)."""
        return worker_records.batches(self.session.connection(), self._conditions(query)[0], query, batch)

    def get_many(self, ids: Sequence[int]) -> list[Worker]:
        """Full workers (with heirs) for ``ids``, in the same order, read in two queries per chunk.

        Exports of 100,000 workers use this instead of :meth:`get`, which loads one ORM row at a time.
        """
        out: list[Worker] = []
        columns = [c for c in WorkerRow.__table__.columns]
        for start in range(0, len(ids), 900):
            chunk = list(ids[start : start + 900])
            rows = {r.id: r for r in self.session.execute(select(*columns).where(WorkerRow.id.in_(chunk)))}
            heirs: dict[int, list[Heir]] = {}
            heir_stmt = (
                select(HeirRow.worker_id, HeirRow.name, HeirRow.relation, HeirRow.nik, HeirRow.phone)
                .where(HeirRow.worker_id.in_(chunk))
                .order_by(HeirRow.worker_id, HeirRow.position)
            )
            for worker_id, name, relation, nik, phone in self.session.execute(heir_stmt):
                heirs.setdefault(worker_id, []).append(Heir(name, HeirRelationship(relation), nik, phone))
            for worker_id in chunk:
                row = rows.get(worker_id)
                if row is not None:
                    out.append(_to_worker(row, tuple(heirs.get(worker_id, ()))))
        return out

    def add(self, data: WorkerData, *, uid: str, user: str, now: datetime) -> int:
        row = WorkerRow(uid=uid, created_at=now, created_by=user)
        _apply(row, data, user=user, now=now)
        self.session.add(row)
        self.session.flush()
        return row.id

    def update(
        self, worker_id: int, data: WorkerData, *, expected_version: int, user: str, now: datetime
    ) -> bool:
        """Apply ``data``; False when somebody else saved a newer version in between."""
        row = self.session.get(WorkerRow, worker_id)
        if row is None or row.version != expected_version:
            return False
        _apply(row, data, user=user, now=now)
        try:
            # The UPDATE carries "WHERE version = expected": on a server another desktop may have saved
            # between our read and this write, and then no row matches.
            self.session.flush()
        except StaleDataError:
            return False
        return True

    def set_status(
        self,
        worker_id: int,
        status: WorkerStatus,
        *,
        end_date: date | None,
        reason: str,
        user: str,
        now: datetime,
        expected_version: int | None = None,
    ) -> bool:
        row = self.session.get(WorkerRow, worker_id)
        if row is None or (expected_version is not None and row.version != expected_version):
            return False
        row.status = status.value
        row.end_date = end_date
        row.end_reason = reason
        row.updated_at = now
        row.updated_by = user
        try:
            self.session.flush()
        except StaleDataError:
            return False
        return True

    # -- lists --------------------------------------------------------------------------------------
    def search_ids(
        self, query: WorkerQuery, *, offset: int = 0, limit: int | None = None
    ) -> list[int]:
        """Ids of the matching workers in the asked order, ``limit`` of them from ``offset``.

        Filtering and sorting happen in SQL. Two plans, chosen per query: when one search word
        matches few workers (found through the trigram or a unique index), those few rows are fetched
        and ordered; when every word is common, the covering index is walked in list order and SQL
        stops after ``offset + limit`` rows. Either way a keystroke never reads 100,000 rows.
        """
        conditions, selective = self._conditions(query)
        order = _ORDER[query.sort]
        columns = [W.id, *order]
        stmt = select(*columns).where(*conditions)
        if query.sort is SortKey.VILLAGE:
            village = RegionRow.__table__.alias("sort_village")
            stmt = (
                select(W.id, village.c.name, W.name_key)
                .select_from(WorkerRow.__table__.outerjoin(village, village.c.code == W.village_code))
                .where(*conditions)
            )
        connection = self.session.connection()
        if selective:
            rows = connection.execute(stmt).all()
            # Ascending, SQLite puts NULLs first and PostgreSQL last: the Python order follows the engine.
            nulls_first = connection.dialect.name == "sqlite"
            rows.sort(key=lambda row: _sort_key(row, nulls_first=nulls_first), reverse=query.descending)
            ids = [r[0] for r in rows]
            return ids[offset:] if limit is None else ids[offset : offset + limit]
        sort_columns = [stmt.selected_columns[i] for i in range(1, len(stmt.selected_columns))]
        direction = [c.desc() if query.descending else c.asc() for c in sort_columns]
        stmt = stmt.order_by(*direction, W.id.desc() if query.descending else W.id.asc())
        if offset:
            stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [r[0] for r in connection.execute(stmt)]

    def count(self, query: WorkerQuery | None = None) -> int:
        stmt = select(func.count()).select_from(WorkerRow.__table__)
        if query is not None:
            stmt = stmt.where(*self._conditions(query)[0])
        return int(self.session.connection().execute(stmt).scalar() or 0)

    #: a search word matching fewer workers than this is "selective": its rows are fetched and sorted
    SELECTIVE = 3000

    def _conditions(self, query: WorkerQuery) -> tuple[list[Any], bool]:
        """SQL conditions for ``query``, and whether one of them is selective (see :meth:`search_ids`)."""
        connection = self.session.connection()
        fts = connection.dialect.name == "sqlite"
        trigram = connection.dialect.name == "postgresql"
        conditions: list[Any] = []
        selective = False
        for token in search_key(query.text).split():
            digits = token.replace(".", "").replace("-", "")
            if digits.isdigit():
                upper = digits[:-1] + chr(ord(digits[-1]) + 1)
                condition = or_(
                    and_(W.nik >= digits, W.nik < upper),
                    and_(W.kpj >= digits, W.kpj < upper),
                    and_(W.phone >= digits, W.phone < upper),
                )
                indexed = True
            else:
                pattern = "%" + _like_escape(token) + "%"
                places = self._places(token)
                if trigram and len(token) >= search_index.MIN_TOKEN:
                    # pg_trgm's GIN index serves LIKE '%…%' (backslash is PostgreSQL's default escape).
                    names = W.name_key.like(pattern)
                    indexed = True
                elif fts and len(token) >= search_index.MIN_TOKEN and not set(token) & {"%", "_", "\\"}:
                    # FTS5 serves LIKE only without an ESCAPE clause; tokens with wildcards scan instead.
                    names = W.id.in_(
                        select(literal_column("rowid"))
                        .select_from(table(search_index.TABLE))
                        .where(literal_column("name_key").like(f"%{token}%"))
                    )
                    indexed = True
                else:
                    names = W.name_key.like(pattern, escape="\\")
                    indexed = False
                condition = or_(names, W.village_code.in_(places)) if places else names
            if indexed and not trigram:
                # (PostgreSQL needs no probe: with the words as parameters its planner estimates, from
                # pg_trgm's statistics, whether to walk the list index in order or gather the matches.)
                probe = select(func.count()).select_from(
                    select(W.id).where(condition).limit(self.SELECTIVE).subquery()
                )
                rare = int(connection.execute(probe).scalar() or 0) < self.SELECTIVE
                selective = selective or rare
                if not rare and not digits.isdigit():
                    # A common word: walking the list index in order finds a page within a few
                    # hundred entries; reading all its trigram matches first would cost more.
                    plain = W.name_key.like(pattern, escape="\\")
                    condition = or_(plain, W.village_code.in_(places)) if places else plain
            conditions.append(condition)
        if query.village_codes:
            conditions.append(W.village_code.in_(query.village_codes))
            selective = selective or len(query.village_codes) <= 3
        if query.statuses:
            conditions.append(W.status.in_([s.value for s in query.statuses]))
        return conditions, selective

    def _places(self, token: str) -> list[str]:
        """Codes of the villages whose name, or whose district's name, contains ``token``."""
        pattern = "%" + _like_escape(token) + "%"
        districts = select(RegionRow.code).where(
            RegionRow.level == int(Level.DISTRICT), RegionRow.name_key.like(pattern, escape="\\")
        )
        stmt = select(RegionRow.code).where(
            RegionRow.level == int(Level.VILLAGE),
            or_(RegionRow.name_key.like(pattern, escape="\\"), RegionRow.parent.in_(districts)),
        )
        return list(self.session.connection().execute(stmt).scalars())

    def summaries(self, ids: Sequence[int]) -> list[WorkerSummary]:
        """The list rows for ``ids``, in the same order (missing ids are skipped)."""
        if not ids:
            return []
        stmt = (
            select(
                WorkerRow.id,
                WorkerRow.nik,
                WorkerRow.name,
                WorkerRow.sex,
                WorkerRow.birth_date,
                WorkerRow.village_code,
                func.coalesce(_village.name, ""),
                func.coalesce(_district.name, ""),
                WorkerRow.occupation,
                WorkerRow.phone,
                WorkerRow.kpj,
                WorkerRow.status,
                WorkerRow.version,
            )
            .outerjoin(_village, _village.code == WorkerRow.village_code)
            .outerjoin(_district, _district.code == _village.parent)
            .where(WorkerRow.id.in_(list(ids)))
        )
        by_id = {}
        for r in self.session.execute(stmt):
            by_id[r[0]] = WorkerSummary(
                id=r[0],
                nik=r[1],
                name=r[2],
                sex=Sex(r[3]),
                birth_date=r[4],
                village_code=r[5],
                village_name=r[6],
                district_name=r[7],
                occupation=r[8],
                phone=r[9],
                kpj=r[10],
                status=WorkerStatus(r[11]),
                version=r[12],
            )
        return [by_id[i] for i in ids if i in by_id]

    def stats(self) -> RegistryStats:
        by_status = {
            status: int(n)
            for status, n in self.session.execute(
                select(WorkerRow.status, func.count()).group_by(WorkerRow.status)
            )
        }
        total = sum(by_status.values())
        active = sum(n for s, n in by_status.items() if WorkerStatus(s).is_active)
        without_nik = self.session.scalar(select(func.count()).where(WorkerRow.nik.is_(None))) or 0
        without_kpj = self.session.scalar(select(func.count()).where(WorkerRow.kpj.is_(None))) or 0
        return RegistryStats(total, active, by_status, int(without_nik), int(without_kpj))

    # -- bulk ---------------------------------------------------------------------------------------
    def bulk_add(self, items: Iterable[tuple[WorkerData, str]], *, user: str, now: datetime) -> int:
        """Insert many already-validated workers (``(data, uid)`` pairs); returns how many."""
        return len(self.bulk_add_ids(items, user=user, now=now))

    def bulk_add_ids(self, items: Iterable[tuple[WorkerData, str]], *, user: str, now: datetime) -> list[int]:
        """Insert many already-validated workers (``(data, uid)`` pairs); their new ids, in order.

        One driver-level ``executemany`` per table, with values in the form SQLAlchemy stores them
        (ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff`` times, 0/1 booleans; a test reads them back through
        the ORM): the ORM's bulk path splits rows into thousands of statements whenever a nullable
        column switches between NULL and a value, ten times slower for a 100,000-worker demo.
        """
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return self.bulk_insert(
                (
                    dict(worker_columns(d, user=user, now=now), uid=u, created_at=now, created_by=user, version=1),
                    [heir_columns(h) for h in d.heirs],
                )
                for d, u in items
            )
        rows = SqliteWorkerRows(self._next_id(), user=user, now=now)(items)
        self.bulk_add_rows(rows)
        return [row[0] for row in rows[0]]

    def row_encoder(self, *, user: str, now: datetime) -> SqliteWorkerRows | None:
        """What :meth:`bulk_add_rows` stores, made from ``(data, uid)`` pairs by a picklable callable
        (so another process can prepare the rows while this one stores them); its ids follow the
        highest one now in the table. None where the engine has no such path (PostgreSQL: COPY)."""
        if self.session.connection().dialect.name != "sqlite":
            return None
        return SqliteWorkerRows(self._next_id(), user=user, now=now)

    def bulk_add_rows(self, rows: tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]) -> int:
        """Store rows made by :meth:`row_encoder` (worker rows, heir rows); returns how many workers."""
        workers, heirs = rows
        connection = self.session.connection()
        if workers:
            with search_index.bulk_insert(connection, workers[0][0]):
                connection.exec_driver_sql(_WORKER_INSERT, workers)
                search_index.index_added(connection, workers[-1][0])  # now, not all after the last batch
        if heirs:
            connection.exec_driver_sql(_HEIR_INSERT, heirs)
        return len(workers)

    def _next_id(self) -> int:
        return int(self.session.scalar(select(func.coalesce(func.max(WorkerRow.id), 0))) or 0) + 1

    def bulk_insert(self, workers: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]]) -> list[int]:
        """Insert many prepared rows at once; each item is (worker columns, heir columns). Returns the ids.

        Ids are reserved up front (from the table's sequence on a server, where other desktops insert at
        the same time) so that heirs can reference them without a round trip per worker.
        """
        items = list(workers)
        ids = reserve_ids(self.session, WorkerRow.__table__, len(items))
        worker_rows: list[dict[str, Any]] = []
        heir_rows: list[dict[str, Any]] = []
        for worker_id, (worker, heirs) in zip(ids, items, strict=True):
            worker_rows.append(dict(worker, id=worker_id))
            for position, heir in enumerate(heirs):
                heir_rows.append(dict(heir, worker_id=worker_id, position=position))
        if self.session.get_bind().dialect.name == "postgresql":
            copy_rows(self.session, WorkerRow, worker_rows)
            copy_rows(self.session, HeirRow, heir_rows)
            return ids
        if worker_rows:
            self.session.execute(insert(WorkerRow), worker_rows)
        if heir_rows:
            self.session.execute(insert(HeirRow), heir_rows)
        return ids

    def bulk_load(self) -> AbstractContextManager[None]:
        """A block in which many workers are added (with :meth:`bulk_add`, in the same transaction):
        the secondary indexes of workers and heirs are built once at its end instead of row by row,
        and the name search index is filled once (see :mod:`jamsos_desktop.persistence.bulk_load`)."""
        first = int(self.session.scalar(select(func.coalesce(func.max(WorkerRow.id), 0))) or 0) + 1
        return bulk.bulk_load(self.session.connection(), ("worker", "heir"), first_worker_id=first)


W = WorkerRow.__table__.c

#: Columns each sort key orders by (after them, ``id`` breaks ties). VILLAGE joins the region table.
_ORDER = {
    SortKey.NAME: [W.name_key],
    SortKey.NIK: [W.nik],
    SortKey.VILLAGE: [W.village_code, W.name_key],  # replaced by the village's name in search_ids
    SortKey.BIRTH_DATE: [W.birth_date],
    SortKey.OCCUPATION: [W.occupation, W.name_key],
    SortKey.STATUS: [W.status, W.name_key],
    SortKey.PHONE: [W.phone],
    SortKey.KPJ: [W.kpj],
    SortKey.CREATED: [W.created_at],
}


def _sort_key(row: Any, *, nulls_first: bool = True) -> tuple[Any, ...]:
    """Python ordering equal to SQL's for the selective plan (NULLs first on SQLite, last on PostgreSQL).

    Text compares by code point, as SQL does under the "C" collation (SQLite's BINARY; the PostgreSQL
    migration gives the sorted columns ``COLLATE "C"``), then by id.
    """
    return tuple(
        ((value is not None) == nulls_first, value if value is not None else "") for value in row[1:]
    ) + (row[0],)


def worker_columns(data: WorkerData, *, user: str, now: datetime) -> dict[str, Any]:
    """Column values for a worker (shared by single saves and bulk inserts)."""
    consent = data.consent
    return {
        "nik": data.nik or None,
        "no_nik": data.no_nik,
        "kk": data.kk,
        "name": data.name,
        "name_key": search_key(data.name),
        "sex": data.sex.value if data.sex else "",
        "birth_place": data.birth_place,
        "birth_date": data.birth_date,
        "address": data.address,
        "rt": data.rt,
        "rw": data.rw,
        "village_code": data.village_code,
        "occupation": data.occupation,
        "phone": data.phone,
        "income": int(data.income),
        "kpj": data.kpj or None,
        "status": data.status.value,
        "consent_purpose": consent.purpose,
        "consent_given": consent.given,
        "consent_by": consent.recorded_by or user,
        "consent_at": consent.recorded_at or now,
        "notes": data.notes,
        "updated_at": now,
        "updated_by": user,
    }


def heir_columns(heir: Heir) -> dict[str, Any]:
    return {
        "name": heir.name,
        "relation": heir.relationship.value,
        "nik": heir.nik or None,
        "phone": heir.phone,
    }


def _apply(row: WorkerRow, data: WorkerData, *, user: str, now: datetime) -> None:
    for key, value in worker_columns(data, user=user, now=now).items():
        setattr(row, key, value)
    row.heirs = [HeirRow(position=i, **heir_columns(h)) for i, h in enumerate(data.heirs)]


def _to_worker(row: Any, heirs: tuple[Heir, ...] | None = None) -> Worker:
    """A domain worker from an ORM row (heirs loaded lazily) or a Core row with ``heirs`` given."""
    if heirs is None:
        heirs = tuple(Heir(h.name, HeirRelationship(h.relation), h.nik, h.phone) for h in row.heirs)
    return Worker(
        id=row.id,
        uid=row.uid,
        version=row.version,
        nik=row.nik,
        no_nik=row.no_nik,
        kk=row.kk,
        name=row.name,
        sex=Sex(row.sex),
        birth_place=row.birth_place,
        birth_date=row.birth_date,
        address=row.address,
        rt=row.rt,
        rw=row.rw,
        village_code=row.village_code,
        occupation=row.occupation,
        phone=row.phone,
        income=row.income,
        kpj=row.kpj or "",
        status=WorkerStatus(row.status),
        heirs=heirs,
        consent=Consent(row.consent_purpose, row.consent_given, row.consent_by, row.consent_at),
        notes=row.notes,
        end_date=row.end_date,
        end_reason=row.end_reason,
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


class RegionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def replace_all(self, regions: Iterable[Region]) -> int:
        self.session.execute(delete(RegionRow))
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "level": int(r.level),
                "parent": r.parent_code,
                "name_key": search_key(r.name),
            }
            for r in regions
        ]
        if rows:
            self.session.execute(insert(RegionRow), rows)
        return len(rows)

    def children(self, parent: str) -> list[Region]:
        stmt = select(RegionRow.code, RegionRow.name).where(RegionRow.parent == parent).order_by(RegionRow.code)
        return [Region(c, n) for c, n in self.session.execute(stmt)]

    def name(self, code: str) -> str | None:
        return self.session.scalar(select(RegionRow.name).where(RegionRow.code == code))

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(RegionRow)) or 0)


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        return self.session.scalar(select(Setting.value).where(Setting.key == key))

    def set(self, key: str, value: str) -> None:
        row = self.session.get(Setting, key)
        if row is None:
            self.session.add(Setting(key=key, value=value))
        else:
            row.value = value
        self.session.flush()

    def all(self) -> dict[str, str]:
        return {k: v for k, v in self.session.execute(select(Setting.key, Setting.value))}
