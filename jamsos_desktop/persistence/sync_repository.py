"""Sync storage: stations, the set of changes, field outcomes, packages, conflicts, and the worker rows
as the merge writes them (``uow.sync``). Values travel as JSON; this module maps them to columns."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, String, any_, bindparam, delete, func, select
from sqlalchemy.orm import Session, aliased

from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.domain.sync import (
    WORKER_FIELDS,
    Conflict,
    Edit,
    PackageRecord,
    RecordOutcome,
    Refusal,
    Station,
    TextsAhead,
    stored_text,
    value_text,
)
from jamsos_desktop.persistence import checkpoints, search_index
from jamsos_desktop.persistence.concurrency import copy_tuples, reserve_ids
from jamsos_desktop.persistence.models import HeirRow, WorkerRow
from jamsos_desktop.persistence.repositories import _sqlite_time
from jamsos_desktop.persistence.sync_models import (
    SyncConflictRow,
    SyncEditRow,
    SyncMergeRow,
    SyncOutcomeRow,
    SyncPackageRow,
    SyncRecordRow,
    SyncRefusalRow,
    SyncStationRow,
)

_CHUNK = 400
#: Page cache while a package is merged, in KiB (given back afterwards).
MERGE_CACHE_KIB = 131_072
#: IN lists of the driver-level lookups (SQLite allows 32,766 parameters; compiling them is free).
_BATCH = 900
_loads = json.JSONDecoder().decode
#: Stored JSON (not canonical: comparisons go through ``value_text``).
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
#: Columns a new worker row cannot do without.
_REQUIRED = ("name", "sex", "birth_date", "village_code", "status", "consent")


def _station(row: SyncStationRow) -> Station:
    return Station(
        id=row.id,
        name=row.name,
        is_office=row.is_office,
        sign_public=row.sign_public,
        box_public=row.box_public,
        villages=tuple(json.loads(row.villages or "[]")),
        is_self=row.is_self,
        last_seq_in=row.last_seq_in,
        last_package_at=row.last_package_at,
        last_seq_out=row.last_seq_out,
        acked_hlc=row.acked_hlc,
        clock=row.clock,
        code=row.code or "",
        card_keys=tuple(json.loads(row.card_keys or "[]")),
    )


def _edit_columns(table: Any) -> tuple[Any, ...]:
    c = table.c
    return (c.uid, c.hlc, c.origin, c.kind, c.data, c.supersedes)


def _edit(row: Sequence[Any]) -> Edit:
    uid, hlc, origin, kind, data, supersedes = row
    sup = {} if supersedes == "{}" else {f: tuple(h) for f, h in _loads(supersedes).items()}
    return Edit(uid, hlc, origin, kind, _loads(data), sup)


def _date(value: Any) -> str | None:
    return date.fromisoformat(value).isoformat() if value else None


#: Worker columns the batched merge writes, in statement order (``id`` last in the UPDATE).
_SYNC_COLUMNS = (
    "nik", "no_nik", "kk", "name", "name_key", "sex", "birth_place", "birth_date", "address", "rt", "rw",
    "village_code", "occupation", "phone", "income", "kpj", "status", "end_date", "end_reason", "notes",
    "consent_purpose", "consent_given", "consent_by", "consent_at",
)  # fmt: skip
_SYNC_VALUES = itemgetter(*_SYNC_COLUMNS)
_INSERT_WORKER_COLUMNS = (
    "id", "uid", *_SYNC_COLUMNS, "created_at", "created_by", "updated_at", "updated_by", "version",
)  # fmt: skip
_INSERT_WORKER = (
    f"INSERT INTO worker ({', '.join(_INSERT_WORKER_COLUMNS)}) VALUES ({', '.join('?' * len(_INSERT_WORKER_COLUMNS))})"
)
_UPDATE_WORKER = (
    "UPDATE worker SET " + ", ".join(f"{c} = ?" for c in _SYNC_COLUMNS)
    + ", updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?"
)
#: Same without the name: the search index trigger fires on every UPDATE naming ``name_key``.
_NAMELESS = tuple(c for c in _SYNC_COLUMNS if c not in ("name", "name_key"))
_UPDATE_WORKER_NAMELESS = (
    "UPDATE worker SET " + ", ".join(f"{c} = ?" for c in _NAMELESS)
    + ", updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?"
)
_DIRTY_COLUMNS = (
    "id", "uid", "version", "updated_at", "nik", "no_nik", "kk", "name", "sex", "birth_place", "birth_date",
    "address", "rt", "rw", "village_code", "occupation", "phone", "income", "kpj", "status", "end_date",
    "end_reason", "notes", "consent_purpose", "consent_given", "consent_by", "consent_at",
)  # fmt: skip
_INSERT_HEIR = "INSERT INTO heir (worker_id, position, name, relationship, nik, phone) VALUES (?, ?, ?, ?, ?, ?)"
_DEFAULTS = (("kk", ""), ("birth_place", ""), ("address", ""), ("rt", ""), ("rw", ""), ("occupation", ""),
             ("phone", ""), ("income", 1_000_000), ("notes", ""), ("end_reason", ""), ("no_nik", False))  # fmt: skip


def _column_values(values: dict[str, Any], consent_at: str | None) -> dict[str, Any]:
    """Synced JSON ``values`` (all fields) as the worker columns, in SQLAlchemy's SQLite storage form."""
    purpose, given, by, at = values["consent"]
    return {
        "nik": values["nik"] or None,
        "no_nik": int(bool(values["no_nik"])),
        "kk": values["kk"],
        "name": values["name"],
        "name_key": search_key(values["name"]),
        "sex": values["sex"],
        "birth_place": values["birth_place"],
        "birth_date": _date(values["birth_date"]),
        "address": values["address"],
        "rt": values["rt"],
        "rw": values["rw"],
        "village_code": values["village_code"],
        "occupation": values["occupation"],
        "phone": values["phone"],
        "income": int(values["income"]),
        "kpj": values["kpj"] or None,
        "status": values["status"],
        "end_date": _date(values["end_date"]),
        "end_reason": values["end_reason"],
        "notes": values["notes"],
        "consent_purpose": purpose,
        "consent_given": int(bool(given)),
        "consent_by": by,
        "consent_at": _sqlite_time(datetime.fromisoformat(at)) if at else consent_at,
    }


def worker_values(row: Any, heirs: Sequence[Any]) -> dict[str, Any]:
    """The synced fields of a worker row as JSON values."""
    return {
        "nik": row.nik,
        "no_nik": bool(row.no_nik),
        "kk": row.kk,
        "name": row.name,
        "sex": row.sex,
        "birth_place": row.birth_place,
        "birth_date": row.birth_date.isoformat() if row.birth_date else None,
        "address": row.address,
        "rt": row.rt,
        "rw": row.rw,
        "village_code": row.village_code,
        "occupation": row.occupation,
        "phone": row.phone,
        "income": int(row.income),
        "kpj": row.kpj,
        "status": row.status,
        "end_date": row.end_date.isoformat() if row.end_date else None,
        "end_reason": row.end_reason,
        "notes": row.notes,
        "consent": [
            row.consent_purpose,
            bool(row.consent_given),
            row.consent_by,
            row.consent_at.isoformat() if row.consent_at else None,
        ],
        "heirs": [[h.name, h.relation, h.nik, h.phone] for h in heirs],
    }


def _set_column(row: WorkerRow, field: str, value: Any) -> None:
    if field in ("birth_date", "end_date"):
        setattr(row, field, date.fromisoformat(value) if value else None)
    elif field == "name":
        row.name = value
        row.name_key = search_key(value)
    elif field == "consent":
        purpose, given, by, at = value
        row.consent_purpose, row.consent_given, row.consent_by = purpose, bool(given), by
        row.consent_at = datetime.fromisoformat(at) if at else row.consent_at
    elif field == "heirs":
        row.heirs = [
            HeirRow(position=i, name=h[0], relation=h[1], nik=h[2], phone=h[3] or "")
            for i, h in enumerate(value)
        ]
    elif field in ("nik", "kpj"):
        setattr(row, field, value or None)
    elif field == "income":
        row.income = int(value)
    else:
        setattr(row, field, value)


class SyncRepository:
    def __init__(self, session: Session) -> None:
        self.session = session
        from jamsos_desktop.persistence.sync_records_repository import SyncRecordRepository

        #: Programmes, calendar, enrolments, payments and card prints as they travel.
        self.records = SyncRecordRepository(self)

    # -- driver-level helpers (the merge handles tens of thousands of rows per package) ---------------
    def _is_pg(self) -> bool:
        return bool(self.session.connection().dialect.name == "postgresql")

    def in_clauses(self, column: Any, values: Sequence[Any]) -> Iterator[Any]:
        """``column IN values`` as WHERE clauses: on PostgreSQL one (``= ANY`` of one array parameter:
        a statement per batch cost ~35 ms there), elsewhere one per batch of :data:`_BATCH`."""
        if not values:
            return
        if self._is_pg():
            from sqlalchemy.dialects.postgresql import ARRAY

            kind = Integer if all(type(v) is int for v in values) else String
            yield column == any_(bindparam(None, list(values), type_=ARRAY(kind)))
            return
        for start in range(0, len(values), _BATCH):
            yield column.in_(values[start : start + _BATCH])

    def _raw(self) -> Any:
        """The DB-API cursor of the session's connection (same transaction), or None off SQLite."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return None
        return connection.connection.driver_connection.cursor()

    def _in(self, sql: str, values: Sequence[Any], *params: Any) -> list[tuple[Any, ...]]:
        """Run ``sql`` (holding one ``{}`` for an IN list, after ``params``) over ``values`` in batches.

        On PostgreSQL the list goes as one array parameter (``IN (SELECT unnest(…))``): one statement,
        however long the list."""
        if self._is_pg():
            if not values:
                return []
            raw = self.session.connection().connection.driver_connection
            with raw.cursor() as pg_cursor:
                kind = "bigint[]" if all(isinstance(v, int) for v in values) else "text[]"
                pg_cursor.execute(
                    sql.replace("?", "%s").format(f"SELECT unnest(%s::{kind})"), (*params, list(values))
                )
                return list(pg_cursor.fetchall()) if pg_cursor.description else []
        cursor = self._raw()
        assert cursor is not None
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(values), _BATCH):
            chunk = list(values[start : start + _BATCH])
            out.extend(cursor.execute(sql.format(", ".join("?" * len(chunk))), (*params, *chunk)))
        return out

    @contextmanager
    def large_write(self) -> Iterator[None]:
        """One package merged or written (the transaction commits inside the block), on SQLite:

        - a large page cache (a per-connection memory setting that changes nothing on disk): a package's
          rows go to random places of the worker, edit and index B-trees, far bigger than the default
          2 MB cache of a 100,000-worker database;
        - the write-ahead log copied back into the database file after the commit by a thread of its
          own instead of in the committing call (:mod:`~jamsos_desktop.persistence.checkpoints`).
        """
        connection = self.session.connection()
        database = connection.engine.url.database
        if connection.dialect.name != "sqlite" or not database or database == ":memory:":
            yield
            return
        driver = connection.connection.driver_connection
        previous = int(driver.execute("PRAGMA cache_size").fetchone()[0])
        driver.execute(f"PRAGMA cache_size = {-MERGE_CACHE_KIB}")
        try:
            with checkpoints.deferred(driver, Path(database)):
                yield
        finally:
            driver.execute(f"PRAGMA cache_size = {previous}")

    # -- stations -----------------------------------------------------------------------------------
    def own(self) -> Station | None:
        row = self.session.scalar(select(SyncStationRow).where(SyncStationRow.is_self.is_(True)))
        return _station(row) if row is not None else None

    def station(self, station_id: str) -> Station | None:
        row = self.session.get(SyncStationRow, station_id)
        return _station(row) if row is not None else None

    def station_by_name(self, name: str) -> Station | None:
        row = self.session.scalar(select(SyncStationRow).where(SyncStationRow.name == name))
        return _station(row) if row is not None else None

    def stations(self) -> list[Station]:
        rows = self.session.scalars(select(SyncStationRow).order_by(SyncStationRow.name))
        return [_station(r) for r in rows]

    def count_stations(self) -> int:
        """Stations other than this database itself."""
        stmt = select(func.count()).select_from(SyncStationRow).where(SyncStationRow.is_self.is_(False))
        return int(self.session.scalar(stmt) or 0)

    def add_station(self, station: Station, *, now: datetime) -> None:
        self.session.add(
            SyncStationRow(
                id=station.id,
                name=station.name,
                is_self=station.is_self,
                is_office=station.is_office,
                sign_public=station.sign_public,
                box_public=station.box_public,
                villages=json.dumps(list(station.villages)),
                registered_at=now,
                last_seq_in=0,
                last_seq_out=0,
                acked_hlc="",
                clock="",
                code=station.code or None,
                card_keys=json.dumps(list(station.card_keys)),
            )
        )
        self.session.flush()

    def set_station_cards(self, station_id: str, *, code: str | None = None, card_keys: Sequence[str] | None = None) -> None:
        """A station's card serial code and/or the public keys it signs cards with."""
        row = self.session.get(SyncStationRow, station_id)
        assert row is not None
        if code is not None:
            row.code = code or None
        if card_keys is not None:
            row.card_keys = json.dumps(list(card_keys))
        self.session.flush()

    def update_station(self, station_id: str, **values: Any) -> None:
        row = self.session.get(SyncStationRow, station_id)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)
        self.session.flush()

    # -- capture ------------------------------------------------------------------------------------
    def dirty_workers(self, uids: Iterable[str] | None = None) -> list[tuple[str, int, datetime, dict[str, Any]]]:
        """Workers changed here since sync last saw them: (uid, version, updated_at, values); among
        ``uids`` only, when given (an import looks at the records it touches, not the whole database)."""
        stmt = (
            select(WorkerRow.id)
            .outerjoin(SyncRecordRow, SyncRecordRow.uid == WorkerRow.uid)
            .where((SyncRecordRow.uid.is_(None)) | (SyncRecordRow.seen_version != WorkerRow.version))
        )
        cursor = self._raw()
        if cursor is not None:
            if uids is None:
                return self._dirty_workers_raw(cursor, "", ())
            wanted = sorted(set(uids))
            out_raw: list[tuple[str, int, datetime, dict[str, Any]]] = []
            for start in range(0, len(wanted), _BATCH):
                chunk = wanted[start : start + _BATCH]
                out_raw.extend(self._dirty_workers_raw(cursor, f"w.uid IN ({', '.join('?' * len(chunk))}) AND ", chunk))
            return out_raw
        if uids is not None:
            ids = [i for clause in self.in_clauses(WorkerRow.uid, sorted(set(uids)))
                   for i in self.session.scalars(stmt.where(clause))]  # fmt: skip
        else:
            ids = list(self.session.scalars(stmt))
        out: list[tuple[str, int, datetime, dict[str, Any]]] = []
        columns = list(WorkerRow.__table__.columns)
        heir_columns = (HeirRow.worker_id, HeirRow.name, HeirRow.relation, HeirRow.nik, HeirRow.phone)
        for start in range(0, len(ids), _BATCH):
            chunk = ids[start : start + _BATCH]
            heirs: dict[int, list[Any]] = {}
            heir_stmt = select(*heir_columns).where(HeirRow.worker_id.in_(chunk)).order_by(HeirRow.position)
            for heir in self.session.execute(heir_stmt):
                heirs.setdefault(heir.worker_id, []).append(heir)
            for row in self.session.execute(select(*columns).where(WorkerRow.id.in_(chunk))):
                out.append((row.uid, row.version, row.updated_at, worker_values(row, heirs.get(row.id, []))))
        return out

    def _dirty_workers_raw(
        self, cursor: Any, only: str, params: Sequence[Any]
    ) -> list[tuple[str, int, datetime, dict[str, Any]]]:
        """:meth:`dirty_workers` on SQLite: two plain queries, values read as stored (dates are ISO text);
        ``only``: an extra condition (ending in AND) with its ``params``."""
        self.session.flush()
        dirty = f"LEFT JOIN sync_record r ON r.uid = w.uid WHERE {only}(r.uid IS NULL OR r.seen_version != w.version)"
        heirs: dict[int, list[list[Any]]] = {}
        for worker_id, name, relation, nik, phone in cursor.execute(
            f"SELECT h.worker_id, h.name, h.relationship, h.nik, h.phone FROM heir h JOIN worker w ON w.id = h.worker_id "
            f"{dirty} ORDER BY h.worker_id, h.position",
            tuple(params),
        ):
            heirs.setdefault(worker_id, []).append([name, relation, nik, phone])
        moment = datetime.fromisoformat
        out: list[tuple[str, int, datetime, dict[str, Any]]] = []
        for (wid, uid, version, updated_at, nik, no_nik, kk, name, sex, birth_place, birth_date, address, rt, rw,
             village, occupation, phone, income, kpj, status, end_date, end_reason, notes, purpose, given, by,
             at) in cursor.execute(f"SELECT {', '.join('w.' + c for c in _DIRTY_COLUMNS)} FROM worker w {dirty}",
                                   tuple(params)):  # fmt: skip
            values = {
                "nik": nik, "no_nik": bool(no_nik), "kk": kk, "name": name, "sex": sex, "birth_place": birth_place,
                "birth_date": birth_date[:10] if birth_date else None, "address": address, "rt": rt, "rw": rw,
                "village_code": village, "occupation": occupation, "phone": phone, "income": int(income),
                "kpj": kpj, "status": status, "end_date": end_date[:10] if end_date else None,
                "end_reason": end_reason, "notes": notes,
                "consent": [purpose, bool(given), by, moment(at).isoformat() if at else None],
                "heirs": heirs.get(wid, []),
            }  # fmt: skip
            out.append((uid, version, moment(updated_at), values))
        return out

    def mark_seen(self, versions: Iterable[tuple[str, int]]) -> None:
        rows = {uid: version for uid, version in versions}
        if not rows:
            return
        if self._is_pg():
            # One statement for the whole package: the pairs as two arrays.
            uids = list(rows)
            raw = self.session.connection().connection.driver_connection
            with raw.cursor() as cursor:
                cursor.execute(
                    "INSERT INTO sync_record (uid, seen_version) SELECT * FROM unnest(%s::text[], %s::int[]) "
                    "ON CONFLICT (uid) DO UPDATE SET seen_version = excluded.seen_version",
                    (uids, [rows[u] for u in uids]),
                )
            return
        cursor = self._raw()
        if cursor is not None:
            cursor.executemany(
                "INSERT INTO sync_record (uid, seen_version) VALUES (?, ?) "
                "ON CONFLICT (uid) DO UPDATE SET seen_version = excluded.seen_version",
                list(rows.items()),
            )
            return
        uids = sorted(rows)
        for start in range(0, len(uids), _CHUNK):
            self.session.execute(
                delete(SyncRecordRow).where(SyncRecordRow.uid.in_(uids[start : start + _CHUNK]))
            )
        self.session.execute(
            SyncRecordRow.__table__.insert(), [{"uid": u, "seen_version": v} for u, v in rows.items()]
        )

    # -- edits and outcomes -------------------------------------------------------------------------
    def _select_in(self, columns: Sequence[Any], column: Any, values: Iterable[Any], *where: Any) -> list[Any]:
        """Core SELECT of ``columns`` where ``column`` IN ``values`` (in batches), plus ``where``.

        On SQLite without extra conditions the statement is plain SQL run by the driver: SQLAlchemy's
        processing of 900 bound values per batch costs more than the query."""
        wanted = sorted(set(values))
        if not where and (self._raw() is not None or self._is_pg()):
            names = [c.expression.name for c in columns]
            key = column.expression
            sql = f"SELECT {', '.join(names)} FROM {key.table.name} WHERE {key.name} IN ({{}})"
            return self._in(sql, wanted)
        out: list[Any] = []
        for start in range(0, len(wanted), _BATCH):
            stmt = select(*columns).where(column.in_(wanted[start : start + _BATCH]), *where)
            out.extend(self.session.execute(stmt))
        return out

    def outcomes(self, uids: Iterable[str]) -> dict[str, RecordOutcome]:
        """uid -> stored outcome, for the records among ``uids`` that have one. An outcome stored as a
        reference to its record's one edit (see :meth:`set_outcomes`) takes that edit's values."""
        table = SyncOutcomeRow.__table__
        out: dict[str, RecordOutcome] = {}
        whole: dict[str, dict[str, Any]] = {}
        for uid, fields in self._select_in((table.c.uid, table.c.fields), table.c.uid, uids):
            data = _loads(fields)
            if "e" in data:
                whole[uid] = data
            else:
                out[uid] = RecordOutcome.from_json(data)
        if whole:
            edits = SyncEditRow.__table__
            for uid, hlc, values in self._select_in((edits.c.uid, edits.c.hlc, edits.c.data), edits.c.uid, whole):
                data = whole[uid]
                if hlc == data["d"]:
                    out[uid] = RecordOutcome(_loads(values), {}, hlc, data.get("w", ()))
            missing = set(whole) - set(out)
            if missing:  # never: the edit an outcome names is rewritten in full before it may go
                raise LookupError(f"sync outcome without its edit: {sorted(missing)[:3]}")
        return out

    def set_outcomes(
        self, outcomes: dict[str, RecordOutcome], *, existing: Iterable[str] = (), whole: Iterable[str] = ()
    ) -> None:
        """Store the outcome of each record in ``outcomes``; ``existing`` names those that have a row
        already. ``whole``: records whose outcome is exactly their one edit stored now (a new worker: every
        field from that edit, nothing withheld), stored as a reference to the edit (``"e"``) instead of a
        second copy of its values — a package of 10,000 new workers wrote 9 MB less."""
        if not outcomes:
            return
        whole = set(whole)
        table = SyncOutcomeRow.__table__
        rows = [
            {"uid": uid, "fields": '{"d":' + _dump(o.default_hlc) + ',"e":1,"h":{},"w":[]}' if uid in whole and not o.hlcs
             and not o.withheld else _dump(o.to_json())}
            for uid, o in outcomes.items()
        ]  # fmt: skip
        old = sorted(set(existing) & set(outcomes))
        for start in range(0, len(old), _BATCH):
            self.session.execute(delete(table).where(table.c.uid.in_(old[start : start + _BATCH])))
        self._insert(table, rows)

    def _insert(self, table: Any, rows: list[dict[str, Any]]) -> None:
        """executemany of plain rows (the DB-API's own on SQLite: no per-row parameter processing)."""
        if not rows:
            return
        if self._is_pg():
            names = list(rows[0])
            self.session.flush()
            copy_tuples(self.session, table.name, names, (tuple(r[n] for n in names) for r in rows))
            return
        cursor = self._raw()
        if cursor is None:
            self.session.execute(table.insert(), rows)
            return
        names = list(rows[0])
        sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        self.session.flush()
        values = itemgetter(*names) if len(names) > 1 else (lambda r: (r[names[0]],))
        cursor.executemany(sql, map(values, rows))

    def add_edits(
        self, edits: Iterable[Edit], texts: dict[tuple[str, str], str] | None = None, ahead: TextsAhead | None = None
    ) -> list[Edit]:
        """Store the edits not known yet and return those (an edit is known by record and clock);
        ``texts`` receives the stored JSON of each new edit's values, by (uid, hlc); ``ahead``: those
        texts already encoded (by the package checker's helper process)."""
        encode = ahead.text if ahead is not None else stored_text
        batch = {(e.uid, e.hlc): e for e in edits}
        if not batch:
            return []
        table = SyncEditRow.__table__
        known = {(u, h) for u, h in self._select_in((table.c.uid, table.c.hlc), table.c.uid, (k[0] for k in batch))}
        new = [e for k, e in batch.items() if k not in known]
        rows = []
        for e in new:
            data = encode(e.values)
            if texts is not None:
                texts[(e.uid, e.hlc)] = data
            sup = _dump({f: list(h) for f, h in e.supersedes.items()}) if e.supersedes else "{}"
            rows.append({"uid": e.uid, "hlc": e.hlc, "origin": e.origin, "kind": e.kind, "data": data, "supersedes": sup})
        self._insert(table, rows)
        return new

    def edits_of(self, uids: Iterable[str]) -> dict[str, list[Edit]]:
        """Every stored edit of ``uids``, by record."""
        table = SyncEditRow.__table__
        out: dict[str, list[Edit]] = {}
        for row in self._select_in(_edit_columns(table), table.c.uid, uids):
            out.setdefault(row[0], []).append(_edit(row))
        return out

    def edits_by_origin(self, origin: str, after_hlc: str = "") -> list[tuple[Any, ...]]:
        """Stored rows (uid, hlc, origin, kind, data, supersedes) of an origin after a clock, in clock order:
        raw, so that a package is written without decoding and encoding every edit again."""
        table = SyncEditRow.__table__
        stmt = select(*_edit_columns(table)).where(table.c.origin == origin, table.c.hlc > after_hlc)
        return [tuple(r) for r in self.session.execute(stmt.order_by(table.c.hlc))]

    def edits_of_uids(self, uids: Iterable[str], *, exclude_origin: str) -> list[tuple[Any, ...]]:
        """Stored rows of the edits of ``uids`` made elsewhere than ``exclude_origin``, in clock order."""
        table = SyncEditRow.__table__
        rows = [tuple(r) for r in self._select_in(_edit_columns(table), table.c.uid, uids, table.c.origin != exclude_origin)]
        rows.sort(key=lambda r: (r[1], r[0]))
        return rows

    def max_hlc(self, origin: str) -> str:
        stmt = select(func.max(SyncEditRow.hlc)).where(SyncEditRow.origin == origin)
        return self.session.scalar(stmt) or ""

    def uids_of(self, origin: str) -> set[str]:
        return set(self.session.scalars(select(SyncEditRow.uid).where(SyncEditRow.origin == origin).distinct()))

    def uids_in_villages(self, villages: Sequence[str]) -> set[str]:
        if not villages:
            return set()
        return set(
            self.session.scalars(select(WorkerRow.uid).where(WorkerRow.village_code.in_(list(villages))))
        )

    def conflict_keys(self, uids: Iterable[str]) -> set[tuple[str, str]]:
        """(uid, field) of the open conflicts of ``uids``."""
        table = SyncConflictRow.__table__
        return {(u, f) for u, f in self._select_in((table.c.uid, table.c.field), table.c.uid, uids)}

    def conflict_keys_involving(self, uids: Iterable[str]) -> set[tuple[str, str]]:
        """(uid, field) of the open conflicts of ``uids`` and of the records whose unique value one of
        ``uids`` took (such a conflict is kept with the record that lost the value)."""
        uids = list(uids)
        table = SyncConflictRow.__table__
        theirs = self._select_in((table.c.uid, table.c.field), table.c.other_uid, uids)
        return self.conflict_keys(uids) | {(u, f) for u, f in theirs}

    # -- worker rows --------------------------------------------------------------------------------
    def holder(self, field: str, value: Any, *, other_than: str) -> str | None:
        """The uid of another worker row holding a unique ``value`` (NIK, KPJ)."""
        column = WorkerRow.nik if field == "nik" else WorkerRow.kpj
        return self.session.scalar(select(WorkerRow.uid).where(column == value, WorkerRow.uid != other_than))

    def holders(self, field: str, values: Iterable[Any]) -> dict[Any, str]:
        """value -> uid of the worker row holding it, for many unique values (NIK, KPJ) at once."""
        wanted = sorted({v for v in values if v})
        column = "nik" if field == "nik" else "kpj"
        if self._raw() is not None or self._is_pg():
            return {v: u for v, u in self._in(f"SELECT {column}, uid FROM worker WHERE {column} IN ({{}})", wanted)}
        col = WorkerRow.nik if field == "nik" else WorkerRow.kpj
        out: dict[Any, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            stmt = select(col, WorkerRow.uid).where(col.in_(wanted[start : start + _CHUNK]))
            out.update({v: u for v, u in self.session.execute(stmt)})
        return out

    def write_workers(
        self, items: dict[str, dict[str, Any]], *, user: str, now: datetime
    ) -> dict[str, tuple[str, int]]:
        """:meth:`write_worker` for many records at once: one read per batch of records, then one
        ``executemany`` per statement (insert, update, heirs) and one search-index pass for new rows."""
        pg = self.session.connection().dialect.name == "postgresql"
        if self._raw() is None and not pg:
            return {uid: self.write_worker(uid, v, user=user, now=now) for uid, v in sorted(items.items())}
        self.session.flush()
        uids = sorted(items)
        columns = list(WorkerRow.__table__.columns)
        existing: dict[str, Any] = {}
        heirs: dict[int, list[Any]] = {}
        for where in self.in_clauses(WorkerRow.uid, uids):
            rows = list(self.session.execute(select(*columns).where(where)))
            existing.update((r.uid, r) for r in rows)
            for heir_where in self.in_clauses(HeirRow.worker_id, [r.id for r in rows]):
                stmt = (
                    select(HeirRow.worker_id, HeirRow.name, HeirRow.relation, HeirRow.nik, HeirRow.phone)
                    .where(heir_where)
                    .order_by(HeirRow.worker_id, HeirRow.position)
                )
                for h in self.session.execute(stmt):
                    heirs.setdefault(h.worker_id, []).append(h)
        stamp = _sqlite_time(now)
        out: dict[str, tuple[str, int]] = {}
        inserts: list[tuple[Any, ...]] = []
        new_heirs: list[tuple[Any, ...]] = []
        named: list[tuple[Any, ...]] = []
        nameless: list[tuple[Any, ...]] = []
        replaced_heirs: list[int] = []
        creatable = [
            uid for uid in uids if uid not in existing and not any(items[uid].get(f) is None for f in _REQUIRED)
        ]
        # Ids for the new rows: on a server other desktops insert at the same time (the sequence).
        new_ids = iter(reserve_ids(self.session, WorkerRow.__table__, len(creatable)))
        first_id = 0
        for uid in uids:
            values = items[uid]
            row = existing.get(uid)
            if row is None:
                if any(values.get(f) is None for f in _REQUIRED):
                    out[uid] = ("incomplete", 0)
                    continue
                full = {f: values.get(f) for f in WORKER_FIELDS}
                for column, default in _DEFAULTS:
                    if full.get(column) is None:
                        full[column] = default
                if full["heirs"] is None:
                    full["heirs"] = []
                cols = _column_values(full, None)
                if pg:
                    cols["no_nik"], cols["consent_given"] = bool(cols["no_nik"]), bool(cols["consent_given"])
                next_id = next(new_ids)
                first_id = first_id or next_id
                inserts.append(
                    (next_id, uid, *_SYNC_VALUES(cols), stamp, user, stamp, user, 1)
                )
                new_heirs.extend(
                    (next_id, i, h[0], h[1], h[2], h[3] or "") for i, h in enumerate(full["heirs"])
                )
                out[uid] = ("inserted", 1)
                continue
            current = worker_values(row, heirs.get(row.id, []))
            changed = [f for f, v in values.items() if value_text(current.get(f)) != value_text(v)]
            if not changed:
                out[uid] = ("unchanged", row.version)
                continue
            full = dict(current)
            full.update({f: values[f] for f in changed})
            cols = _column_values(full, _sqlite_time(row.consent_at) if row.consent_at else None)
            if pg:
                cols["no_nik"], cols["consent_given"] = bool(cols["no_nik"]), bool(cols["consent_given"])
            if "name" in changed:
                named.append((*_SYNC_VALUES(cols), stamp, user, row.id))
            else:
                nameless.append((*(cols[c] for c in _NAMELESS), stamp, user, row.id))
            if "heirs" in changed:
                replaced_heirs.append(row.id)
                new_heirs.extend((row.id, i, h[0], h[1], h[2], h[3] or "") for i, h in enumerate(full["heirs"]))
            out[uid] = ("updated", row.version + 1)
        connection = self.session.connection()
        if pg:
            # psycopg's executemany (pipelined) with its own placeholders; dates and times go as text.
            cursor = connection.connection.driver_connection.cursor()

            def run_many(sql: str, rows: list[tuple[Any, ...]]) -> None:
                cursor.executemany(sql.replace("?", "%s"), rows)
        else:
            cursor = self._raw()
            run_many = cursor.executemany
        # Updates first: a row giving up a unique value (NIK, KPJ) frees it for a new row.
        if named:
            run_many(_UPDATE_WORKER, named)
        if nameless:
            run_many(_UPDATE_WORKER_NAMELESS, nameless)
        if inserts and pg:
            copy_tuples(self.session, "worker", _INSERT_WORKER_COLUMNS, inserts)
        elif inserts:
            with search_index.bulk_insert(connection, first_id):
                run_many(_INSERT_WORKER, inserts)
        if replaced_heirs:
            if pg:
                for start in range(0, len(replaced_heirs), _BATCH):
                    chunk = replaced_heirs[start : start + _BATCH]
                    self.session.execute(delete(HeirRow).where(HeirRow.worker_id.in_(chunk)))
            else:
                self._in("DELETE FROM heir WHERE worker_id IN ({})", replaced_heirs)
        if new_heirs and pg:
            copy_tuples(self.session, "heir", ("worker_id", "position", "name", "relationship", "nik", "phone"), new_heirs)
        elif new_heirs:
            run_many(_INSERT_HEIR, new_heirs)
        # Rows written behind the ORM's back: nothing loaded earlier may be trusted any more.
        self.session.expire_all()
        return out

    def write_worker(self, uid: str, values: dict[str, Any], *, user: str, now: datetime) -> tuple[str, int]:
        """Write merged ``values`` into the worker row: ("inserted" | "updated" | "unchanged" |
        "incomplete", row version). A record whose required fields have not all arrived is not created."""
        row = self.session.scalar(select(WorkerRow).where(WorkerRow.uid == uid))
        if row is None:
            if any(values.get(f) is None for f in _REQUIRED):
                return "incomplete", 0
            row = WorkerRow(uid=uid, created_at=now, created_by=user, updated_at=now, updated_by=user)
            for field in WORKER_FIELDS:
                if field in values:
                    _set_column(row, field, values[field])
            for column, default in (("kk", ""), ("birth_place", ""), ("address", ""), ("rt", ""), ("rw", ""),
                                    ("occupation", ""), ("phone", ""), ("income", 1_000_000), ("notes", ""),
                                    ("end_reason", ""), ("no_nik", False)):  # fmt: skip
                if getattr(row, column) is None:
                    setattr(row, column, default)
            self.session.add(row)
            self.session.flush()
            return "inserted", row.version
        current = worker_values(row, row.heirs)
        changed = [f for f, v in values.items() if value_text(current.get(f)) != value_text(v)]
        if not changed:
            return "unchanged", row.version
        for field in changed:
            _set_column(row, field, values[field])
        row.updated_at, row.updated_by = now, user
        self.session.flush()
        return "updated", row.version

    def clear_unique(self, uid: str, field: str) -> int:
        """Take a unique value away from a record that lost it; returns the new row version."""
        row = self.session.scalar(select(WorkerRow).where(WorkerRow.uid == uid))
        assert row is not None
        setattr(row, field, None)
        self.session.flush()
        return row.version

    def worker_names(self, uids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(uids))
        out: dict[str, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            stmt = select(WorkerRow.uid, WorkerRow.name).where(
                WorkerRow.uid.in_(wanted[start : start + _CHUNK])
            )
            out.update((u, n) for u, n in self.session.execute(stmt))
        return out

    def status_and_kpj(self, uids: Iterable[str]) -> list[tuple[str, str, str | None]]:
        wanted = sorted(set(uids))
        out: list[tuple[str, str, str | None]] = []
        for start in range(0, len(wanted), _CHUNK):
            stmt = select(WorkerRow.uid, WorkerRow.status, WorkerRow.kpj).where(
                WorkerRow.uid.in_(wanted[start : start + _CHUNK])
            )
            out.extend((u, s, k) for u, s, k in self.session.execute(stmt))
        return sorted(out)

    # -- conflicts ----------------------------------------------------------------------------------
    def replace_conflicts_many(self, conflicts: dict[tuple[str, str], Sequence[Conflict]]) -> None:
        """:meth:`replace_conflicts` for many fields: one DELETE per batch of records, one INSERT."""
        if not conflicts:
            return
        table = SyncConflictRow.__table__
        keys = set(conflicts)
        ids = [
            i for i, u, f in self._select_in((table.c.id, table.c.uid, table.c.field), table.c.uid, (k[0] for k in keys))
            if (u, f) in keys
        ]
        for start in range(0, len(ids), _BATCH):
            self.session.execute(delete(table).where(table.c.id.in_(ids[start : start + _BATCH])))
        rows = [
            {"uid": c.uid, "field": c.field, "kind": c.kind, "winner_hlc": c.winner_hlc,
             "winner_value": value_text(c.winner_value), "loser_hlc": c.loser_hlc,
             "loser_value": value_text(c.loser_value), "loser_origin": c.loser_origin, "other_uid": c.other_uid}
            for key in sorted(conflicts) for c in conflicts[key]
        ]  # fmt: skip
        if rows:
            self.session.execute(table.insert(), rows)

    def replace_conflicts(self, uid: str, field: str, conflicts: Sequence[Conflict]) -> None:
        self.session.execute(
            delete(SyncConflictRow).where(SyncConflictRow.uid == uid, SyncConflictRow.field == field)
        )
        for c in conflicts:
            self.session.add(
                SyncConflictRow(
                    uid=c.uid,
                    field=c.field,
                    kind=c.kind,
                    winner_hlc=c.winner_hlc,
                    winner_value=value_text(c.winner_value),
                    loser_hlc=c.loser_hlc,
                    loser_value=value_text(c.loser_value),
                    loser_origin=c.loser_origin,
                    other_uid=c.other_uid,
                )
            )
        self.session.flush()

    def unique_conflicts(self, uid: str, field: str) -> list[Conflict]:
        return [c for c in self.conflicts(uid=uid) if c.field == field and c.kind == "unique"]

    def conflicts(self, *, uid: str | None = None, limit: int | None = None) -> list[Conflict]:
        other = aliased(WorkerRow)
        stmt = (
            select(SyncConflictRow, WorkerRow.name, other.name)
            .outerjoin(WorkerRow, WorkerRow.uid == SyncConflictRow.uid)
            .outerjoin(other, other.uid == SyncConflictRow.other_uid)
            .order_by(SyncConflictRow.id)
        )
        if uid is not None:
            stmt = stmt.where(SyncConflictRow.uid == uid)
        if limit is not None:
            stmt = stmt.limit(limit)
        return [
            Conflict(
                id=r.id,
                uid=r.uid,
                field=r.field,
                kind=r.kind,
                winner_hlc=r.winner_hlc,
                winner_value=json.loads(r.winner_value),
                loser_hlc=r.loser_hlc,
                loser_value=json.loads(r.loser_value),
                loser_origin=r.loser_origin,
                other_uid=r.other_uid,
                worker_name=name or "",
                other_name=other_name or "",
            )
            for r, name, other_name in self.session.execute(stmt)
        ]

    def conflict(self, conflict_id: int) -> Conflict | None:
        row = self.session.get(SyncConflictRow, conflict_id)
        if row is None:
            return None
        return next((c for c in self.conflicts(uid=row.uid) if c.id == conflict_id), None)

    def count_conflicts(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(SyncConflictRow)) or 0)

    # -- merges of duplicate records ----------------------------------------------------------------
    def merges(self, *, origin: str | None = None, not_origin: str | None = None, after_hlc: str = "") -> list[tuple[str, str, str, str]]:
        """(loser, winner, hlc, origin) of the merges known here, in clock order."""
        table = SyncMergeRow.__table__
        stmt = select(table.c.loser, table.c.winner, table.c.hlc, table.c.origin).where(table.c.hlc > after_hlc)
        if origin is not None:
            stmt = stmt.where(table.c.origin == origin)
        if not_origin is not None:
            stmt = stmt.where(table.c.origin != not_origin)
        return [tuple(r) for r in self.session.execute(stmt.order_by(table.c.hlc, table.c.loser))]  # type: ignore[misc]

    def merged(self, uids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """loser -> (winner, merge clock) for the records among ``uids`` merged into another."""
        table = SyncMergeRow.__table__
        if self.session.execute(select(table.c.loser).limit(1)).first() is None:
            return {}  # no merge at all (most databases): no lookup per batch of records
        columns = (table.c.loser, table.c.winner, table.c.hlc)
        return {loser: (w, h) for loser, w, h in self._select_in(columns, table.c.loser, uids)}

    def add_merge(self, loser: str, winner: str, hlc: str, origin: str) -> bool:
        """Record a merge; False when it was known already."""
        if self.session.get(SyncMergeRow, loser) is not None:
            return False
        self.session.add(SyncMergeRow(loser=loser, winner=winner, hlc=hlc, origin=origin))
        self.session.flush()
        return True

    def worker_ids(self, uids: Iterable[str]) -> dict[str, int]:
        return {u: i for u, i in self._select_in((WorkerRow.uid, WorkerRow.id), WorkerRow.uid, uids)}

    def move_worker_data(self, loser_id: int, winner_id: int) -> dict[str, int]:
        """Enrolments (with their payments) and events of one worker row moved to another; an enrolment in
        a programme the winner is already in gives its payments to the winner's enrolment. Counts moved."""
        from jamsos_desktop.persistence.programme_models import EnrolmentRow, SelfPaymentRow, WorkerEventRow

        enrol, pay, event = EnrolmentRow.__table__, SelfPaymentRow.__table__, WorkerEventRow.__table__
        self.session.flush()
        winners = dict(self.session.execute(select(enrol.c.programme_id, enrol.c.id).where(enrol.c.worker_id == winner_id)).all())
        moved = {"enrolments": 0, "payments": 0, "events": 0}
        for enrolment_id, programme_id in self.session.execute(
            select(enrol.c.id, enrol.c.programme_id).where(enrol.c.worker_id == loser_id)
        ).all():
            target = winners.get(programme_id)
            if target is None:
                self.session.execute(enrol.update().where(enrol.c.id == enrolment_id).values(worker_id=winner_id))
                target = enrolment_id
                moved["enrolments"] += 1
            result = self.session.execute(
                pay.update().where(pay.c.enrolment_id == enrolment_id).values(enrolment_id=target, worker_id=winner_id)
            )
            moved["payments"] += int(result.rowcount or 0)
            if target != enrolment_id:
                self.session.execute(delete(enrol).where(enrol.c.id == enrolment_id))
        result = self.session.execute(event.update().where(event.c.worker_id == loser_id).values(worker_id=winner_id))
        moved["events"] = int(result.rowcount or 0)
        self.session.expire_all()
        return moved

    def delete_edits(self, uid: str, hlcs: Sequence[str]) -> None:
        # An outcome stored as a reference to one of these edits is written out in full first.
        outcome = self.outcomes([uid]).get(uid)
        if outcome is not None and not outcome.hlcs and outcome.default_hlc in hlcs:
            self.set_outcomes({uid: outcome}, existing=[uid])
        table = SyncEditRow.__table__
        for start in range(0, len(hlcs), _BATCH):
            self.session.execute(
                delete(table).where(table.c.uid == uid, table.c.hlc.in_(list(hlcs[start : start + _BATCH])))
            )

    def worker_values_of(self, uids: Iterable[str]) -> list[tuple[str, int, datetime, dict[str, Any]]]:
        """(uid, version, updated_at, synced values) of the worker rows of ``uids``."""
        self.session.flush()
        out = []
        for row in self.session.scalars(select(WorkerRow).where(WorkerRow.uid.in_(sorted(set(uids))))):
            out.append((row.uid, row.version, row.updated_at, worker_values(row, row.heirs)))
        return out

    def set_heirs(self, uid: str, heirs: Sequence[Sequence[Any]], *, user: str, now: datetime) -> None:
        """Replace a worker's heirs as a clerk's edit would (the row's version moves: sync captures it)."""
        row = self.session.scalar(select(WorkerRow).where(WorkerRow.uid == uid))
        assert row is not None
        _set_column(row, "heirs", [list(h) for h in heirs])
        row.updated_at, row.updated_by = now, user
        self.session.flush()

    def tombstone(self, uid: str, reason: str) -> int | None:
        """Make a merged record's row a tombstone (withdrawn, no NIK or KPJ so they are free for the
        survivor); returns the row version (None: no row here)."""
        row = self.session.scalar(select(WorkerRow).where(WorkerRow.uid == uid))
        if row is None:
            return None
        if (row.status, row.nik, row.kpj, row.end_reason) != ("withdrawn", None, None, reason):
            row.status, row.nik, row.kpj, row.end_reason = "withdrawn", None, None, reason
            self.session.flush()
        return row.version

    def drop_conflicts_of(self, uid: str) -> None:
        """Conflicts of a record, and unique conflicts naming it as the other holder."""
        table = SyncConflictRow.__table__
        self.session.execute(delete(table).where((table.c.uid == uid) | (table.c.other_uid == uid)))

    # -- refusals -----------------------------------------------------------------------------------
    def add_refusals(self, package_id: str, sender: str, refusals: Sequence[Refusal]) -> None:
        rows = [
            {"package_id": package_id, "sender": sender, "uid": r.uid, "hlc": r.hlc, "name": r.name[:100],
             "field": r.field[:32], "code": r.code[:64], "params": _dump(dict(r.params))}
            for r in refusals
        ]  # fmt: skip
        if rows:
            self.session.execute(SyncRefusalRow.__table__.insert(), rows)

    def refusals(self, sender: str) -> list[Refusal]:
        stmt = select(SyncRefusalRow).where(SyncRefusalRow.sender == sender).order_by(SyncRefusalRow.id)
        return [
            Refusal(r.uid, r.hlc, r.name, r.field, r.code, _loads(r.params)) for r in self.session.scalars(stmt)
        ]

    def clear_refusals(self, sender: str | None = None, uids: Iterable[str] | None = None) -> None:
        """Forget refusals (of ``sender``; of ``uids`` only, when given)."""
        table = SyncRefusalRow.__table__
        where = [table.c.sender == sender] if sender is not None else []
        if uids is None:
            self.session.execute(delete(table).where(*where))
            return
        wanted = sorted(set(uids))
        if not wanted or self.session.scalar(select(table.c.uid).where(*where).limit(1)) is None:
            return  # most senders have no refusals: nothing to look up 10,000 records for
        for clause in self.in_clauses(table.c.uid, wanted):
            self.session.execute(delete(table).where(clause, *where))

    def refused_uids(self) -> set[str]:
        return set(self.session.scalars(select(SyncRefusalRow.uid).distinct()))

    # -- packages -----------------------------------------------------------------------------------
    def package(self, package_id: str) -> PackageRecord | None:
        row = self.session.get(SyncPackageRow, package_id)
        return _package(row) if row is not None else None

    def seqs_from(self, sender: str) -> list[int]:
        stmt = select(SyncPackageRow.seq).where(
            SyncPackageRow.sender == sender, SyncPackageRow.direction == "in"
        )
        return list(self.session.scalars(stmt))

    def package_with_seq(self, sender: str, seq: int) -> PackageRecord | None:
        stmt = select(SyncPackageRow).where(
            SyncPackageRow.sender == sender, SyncPackageRow.seq == seq, SyncPackageRow.direction == "in"
        )
        row = self.session.scalar(stmt)
        return _package(row) if row is not None else None

    def add_package(self, record: PackageRecord) -> None:
        self.session.add(SyncPackageRow(**record.__dict__))
        self.session.flush()

    def packages(self, limit: int = 200) -> list[PackageRecord]:
        stmt = select(SyncPackageRow).order_by(SyncPackageRow.at.desc()).limit(limit)
        return [_package(r) for r in self.session.scalars(stmt)]


def _package(row: SyncPackageRow) -> PackageRecord:
    return PackageRecord(
        package_id=row.package_id,
        digest=row.digest,
        direction=row.direction,
        sender=row.sender,
        recipient=row.recipient,
        seq=row.seq,
        at=row.at,
        records=row.records,
        inserted=row.inserted,
        updated=row.updated,
        conflicts=row.conflicts,
    )
