"""Sync storage: stations, the set of changes, field outcomes, packages, conflicts, and the worker rows
as the merge writes them (``uow.sync``). Values travel as JSON; this module maps them to columns."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, tuple_
from sqlalchemy.orm import Session

from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.domain.sync import (
    WORKER_FIELDS,
    Change,
    Conflict,
    FieldState,
    PackageRecord,
    Station,
    value_text,
)
from jamsos_desktop.persistence import search_index
from jamsos_desktop.persistence.models import HeirRow, WorkerRow
from jamsos_desktop.persistence.repositories import _sqlite_time
from jamsos_desktop.persistence.sync_models import (
    SyncChangeRow,
    SyncConflictRow,
    SyncFieldRow,
    SyncPackageRow,
    SyncRecordRow,
    SyncStationRow,
)

_CHUNK = 400
#: IN lists of the driver-level lookups (SQLite allows 32,766 parameters; compiling them is free).
_BATCH = 900
_CHANGE_COLUMNS = "uid, field, value, hlc, origin, kind, supersedes"
_loads = json.JSONDecoder().decode
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
    )


def _change(row: Any) -> Change:
    return Change(
        row.uid,
        row.field,
        json.loads(row.value),
        row.hlc,
        row.origin,
        row.kind,
        tuple(json.loads(row.supersedes)),
    )


def _change_tuple(row: Sequence[Any]) -> Change:
    """A change from a driver row in ``_CHANGE_COLUMNS`` order."""
    uid, field, value, hlc, origin, kind, supersedes = row
    heads = () if supersedes == "[]" else tuple(json.loads(supersedes))
    return Change(uid, field, _loads(value), hlc, origin, kind, heads)


def _date(value: Any) -> str | None:
    return date.fromisoformat(value).isoformat() if value else None


#: Worker columns the batched merge writes, in statement order (``id`` last in the UPDATE).
_SYNC_COLUMNS = (
    "nik", "no_nik", "kk", "name", "name_key", "sex", "birth_place", "birth_date", "address", "rt", "rw",
    "village_code", "occupation", "phone", "income", "kpj", "status", "end_date", "end_reason", "notes",
    "consent_purpose", "consent_given", "consent_by", "consent_at",
)  # fmt: skip
_INSERT_WORKER = (
    "INSERT INTO worker (id, uid, " + ", ".join(_SYNC_COLUMNS) + ", created_at, created_by, updated_at, "
    "updated_by, version) VALUES (" + ", ".join("?" * (len(_SYNC_COLUMNS) + 7)) + ")"
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

    # -- driver-level helpers (the merge handles tens of thousands of rows per package) ---------------
    def _raw(self) -> Any:
        """The DB-API cursor of the session's connection (same transaction), or None off SQLite."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return None
        return connection.connection.driver_connection.cursor()

    def _in(self, sql: str, values: Sequence[Any], *params: Any) -> list[tuple[Any, ...]]:
        """Run ``sql`` (holding one ``{}`` for an IN list, after ``params``) over ``values`` in batches."""
        cursor = self._raw()
        assert cursor is not None
        out: list[tuple[Any, ...]] = []
        for start in range(0, len(values), _BATCH):
            chunk = list(values[start : start + _BATCH])
            out.extend(cursor.execute(sql.format(", ".join("?" * len(chunk))), (*params, *chunk)))
        return out

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
            )
        )
        self.session.flush()

    def update_station(self, station_id: str, **values: Any) -> None:
        row = self.session.get(SyncStationRow, station_id)
        assert row is not None
        for key, value in values.items():
            setattr(row, key, value)
        self.session.flush()

    # -- capture ------------------------------------------------------------------------------------
    def dirty_workers(self) -> list[tuple[str, int, datetime, dict[str, Any]]]:
        """Workers changed here since sync last saw them: (uid, version, updated_at, values)."""
        stmt = (
            select(WorkerRow.id)
            .outerjoin(SyncRecordRow, SyncRecordRow.uid == WorkerRow.uid)
            .where((SyncRecordRow.uid.is_(None)) | (SyncRecordRow.seen_version != WorkerRow.version))
        )
        ids = list(self.session.scalars(stmt))
        out: list[tuple[str, int, datetime, dict[str, Any]]] = []
        columns = list(WorkerRow.__table__.columns)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            heirs: dict[int, list[Any]] = {}
            heir_stmt = select(HeirRow).where(HeirRow.worker_id.in_(chunk)).order_by(HeirRow.position)
            for heir in self.session.scalars(heir_stmt):
                heirs.setdefault(heir.worker_id, []).append(heir)
            for row in self.session.execute(select(*columns).where(WorkerRow.id.in_(chunk))):
                out.append((row.uid, row.version, row.updated_at, worker_values(row, heirs.get(row.id, []))))
        return out

    def mark_seen(self, versions: Iterable[tuple[str, int]]) -> None:
        rows = {uid: version for uid, version in versions}
        if not rows:
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

    # -- changes and outcomes -----------------------------------------------------------------------
    def fields(self, uids: Iterable[str]) -> dict[tuple[str, str], FieldState]:
        wanted = sorted(set(uids))
        out: dict[tuple[str, str], FieldState] = {}
        if self._raw() is not None:
            sql = "SELECT uid, field, hlc, value, applied FROM sync_field WHERE uid IN ({})"
            for uid, field, hlc, value, applied in self._in(sql, wanted):
                out[(uid, field)] = FieldState(hlc, value, applied)
            return out
        for start in range(0, len(wanted), _CHUNK):
            stmt = select(SyncFieldRow).where(SyncFieldRow.uid.in_(wanted[start : start + _CHUNK]))
            for row in self.session.scalars(stmt):
                out[(row.uid, row.field)] = FieldState(row.hlc, row.value, row.applied)
        return out

    def add_changes(self, changes: Iterable[Change]) -> list[Change]:
        """Store the changes not known yet; returns those (a change is known by record, field and clock)."""
        batch = {c.identity: c for c in changes}
        if not batch:
            return []
        known: set[tuple[str, str, str]] = set()
        cursor = self._raw()
        if cursor is not None:
            uids = sorted({k[0] for k in batch})
            known.update(self._in("SELECT uid, field, hlc FROM sync_change WHERE uid IN ({})", uids))  # type: ignore[arg-type]
        else:
            keys = list(batch)
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                stmt = select(SyncChangeRow.uid, SyncChangeRow.field, SyncChangeRow.hlc).where(
                    tuple_(SyncChangeRow.uid, SyncChangeRow.field, SyncChangeRow.hlc).in_(chunk)
                )
                known.update((u, f, h) for u, f, h in self.session.execute(stmt))
        new = [c for k, c in batch.items() if k not in known]
        if new and cursor is not None:
            cursor.executemany(
                f"INSERT INTO sync_change ({_CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (c.uid, c.field, value_text(c.value), c.hlc, c.origin, c.kind, json.dumps(list(c.supersedes)))
                    for c in new
                ],
            )
        elif new:
            self.session.execute(
                SyncChangeRow.__table__.insert(),
                [
                    {
                        "uid": c.uid,
                        "field": c.field,
                        "hlc": c.hlc,
                        "value": value_text(c.value),
                        "origin": c.origin,
                        "kind": c.kind,
                        "supersedes": json.dumps(list(c.supersedes)),
                    }
                    for c in new
                ],
            )
        return new

    def changes_for(self, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[Change]]:
        wanted = sorted(set(keys))
        out: dict[tuple[str, str], list[Change]] = {}
        if self._raw() is not None:
            # By record (one IN list per batch), then keep the wanted fields.
            keyset = set(wanted)
            sql = f"SELECT {_CHANGE_COLUMNS} FROM sync_change WHERE uid IN ({{}})"
            for row in self._in(sql, sorted({uid for uid, _f in wanted})):
                if (row[0], row[1]) in keyset:
                    out.setdefault((row[0], row[1]), []).append(_change_tuple(row))
            return out
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            stmt = select(SyncChangeRow).where(tuple_(SyncChangeRow.uid, SyncChangeRow.field).in_(chunk))
            for row in self.session.scalars(stmt):
                out.setdefault((row.uid, row.field), []).append(_change(row))
        return out

    def changes_by_origin(self, origin: str, after_hlc: str = "") -> list[Change]:
        cursor = self._raw()
        if cursor is not None:
            sql = f"SELECT {_CHANGE_COLUMNS} FROM sync_change WHERE origin = ? AND hlc > ? ORDER BY hlc"
            return [_change_tuple(r) for r in cursor.execute(sql, (origin, after_hlc))]
        stmt = (
            select(SyncChangeRow)
            .where(SyncChangeRow.origin == origin, SyncChangeRow.hlc > after_hlc)
            .order_by(SyncChangeRow.hlc)
        )
        return [_change(r) for r in self.session.scalars(stmt)]

    def max_hlc(self, origin: str) -> str:
        stmt = select(func.max(SyncChangeRow.hlc)).where(SyncChangeRow.origin == origin)
        return self.session.scalar(stmt) or ""

    def uids_of(self, origin: str) -> set[str]:
        return set(
            self.session.scalars(select(SyncChangeRow.uid).where(SyncChangeRow.origin == origin).distinct())
        )

    def uids_in_villages(self, villages: Sequence[str]) -> set[str]:
        if not villages:
            return set()
        return set(
            self.session.scalars(select(WorkerRow.uid).where(WorkerRow.village_code.in_(list(villages))))
        )

    def changes_of_uids(self, uids: Iterable[str], *, exclude_origin: str) -> list[Change]:
        wanted = sorted(set(uids))
        out: list[Change] = []
        if self._raw() is not None:
            sql = f"SELECT {_CHANGE_COLUMNS} FROM sync_change WHERE origin != ? AND uid IN ({{}})"
            out = [_change_tuple(r) for r in self._in(sql, wanted, exclude_origin)]
        else:
            for start in range(0, len(wanted), _CHUNK):
                stmt = select(SyncChangeRow).where(
                    SyncChangeRow.uid.in_(wanted[start : start + _CHUNK]), SyncChangeRow.origin != exclude_origin
                )
                out.extend(_change(r) for r in self.session.scalars(stmt))
        out.sort(key=lambda c: c.hlc)
        return out

    def set_fields(self, states: Iterable[tuple[str, str, FieldState]]) -> None:
        rows = {(uid, field): state for uid, field, state in states}
        if not rows:
            return
        cursor = self._raw()
        if cursor is not None:
            cursor.executemany(
                "INSERT INTO sync_field (uid, field, hlc, value, applied) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (uid, field) DO UPDATE SET hlc = excluded.hlc, value = excluded.value, "
                "applied = excluded.applied",
                [(u, f, st.hlc, st.value, st.applied) for (u, f), st in rows.items()],
            )
            return
        keys = sorted(rows)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            self.session.execute(
                delete(SyncFieldRow).where(tuple_(SyncFieldRow.uid, SyncFieldRow.field).in_(chunk))
            )
        self.session.execute(
            SyncFieldRow.__table__.insert(),
            [
                {"uid": u, "field": f, "hlc": st.hlc, "value": st.value, "applied": st.applied}
                for (u, f), st in rows.items()
            ],
        )

    def conflict_keys(self, uids: Iterable[str]) -> set[tuple[str, str]]:
        """(uid, field) of the open conflicts of ``uids``."""
        wanted = sorted(set(uids))
        out: set[tuple[str, str]] = set()
        for start in range(0, len(wanted), _CHUNK):
            stmt = select(SyncConflictRow.uid, SyncConflictRow.field).where(
                SyncConflictRow.uid.in_(wanted[start : start + _CHUNK])
            )
            out.update((u, f) for u, f in self.session.execute(stmt))
        return out

    # -- worker rows --------------------------------------------------------------------------------
    def holder(self, field: str, value: Any, *, other_than: str) -> str | None:
        """The uid of another worker row holding a unique ``value`` (NIK, KPJ)."""
        column = WorkerRow.nik if field == "nik" else WorkerRow.kpj
        return self.session.scalar(select(WorkerRow.uid).where(column == value, WorkerRow.uid != other_than))

    def holders(self, field: str, values: Iterable[Any]) -> dict[Any, str]:
        """value -> uid of the worker row holding it, for many unique values (NIK, KPJ) at once."""
        wanted = sorted({v for v in values if v})
        column = "nik" if field == "nik" else "kpj"
        if self._raw() is not None:
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
        if self._raw() is None:
            return {uid: self.write_worker(uid, v, user=user, now=now) for uid, v in sorted(items.items())}
        self.session.flush()
        uids = sorted(items)
        columns = list(WorkerRow.__table__.columns)
        existing: dict[str, Any] = {}
        heirs: dict[int, list[Any]] = {}
        for start in range(0, len(uids), _BATCH):
            chunk = uids[start : start + _BATCH]
            rows = list(self.session.execute(select(*columns).where(WorkerRow.uid.in_(chunk))))
            existing.update((r.uid, r) for r in rows)
            ids = [r.id for r in rows]
            if ids:
                stmt = (
                    select(HeirRow.worker_id, HeirRow.name, HeirRow.relation, HeirRow.nik, HeirRow.phone)
                    .where(HeirRow.worker_id.in_(ids))
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
        next_id = int(self.session.scalar(select(func.coalesce(func.max(WorkerRow.id), 0))) or 0) + 1
        first_id = next_id
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
                inserts.append(
                    (next_id, uid, *(cols[c] for c in _SYNC_COLUMNS), stamp, user, stamp, user, 1)
                )
                new_heirs.extend(
                    (next_id, i, h[0], h[1], h[2], h[3] or "") for i, h in enumerate(full["heirs"])
                )
                out[uid] = ("inserted", 1)
                next_id += 1
                continue
            current = worker_values(row, heirs.get(row.id, []))
            changed = [f for f, v in values.items() if value_text(current.get(f)) != value_text(v)]
            if not changed:
                out[uid] = ("unchanged", row.version)
                continue
            full = dict(current)
            full.update({f: values[f] for f in changed})
            cols = _column_values(full, _sqlite_time(row.consent_at) if row.consent_at else None)
            if "name" in changed:
                named.append((*(cols[c] for c in _SYNC_COLUMNS), stamp, user, row.id))
            else:
                nameless.append((*(cols[c] for c in _NAMELESS), stamp, user, row.id))
            if "heirs" in changed:
                replaced_heirs.append(row.id)
                new_heirs.extend((row.id, i, h[0], h[1], h[2], h[3] or "") for i, h in enumerate(full["heirs"]))
            out[uid] = ("updated", row.version + 1)
        connection = self.session.connection()
        cursor = self._raw()
        if inserts:
            with search_index.bulk_insert(connection, first_id):
                cursor.executemany(_INSERT_WORKER, inserts)
        if named:
            cursor.executemany(_UPDATE_WORKER, named)
        if nameless:
            cursor.executemany(_UPDATE_WORKER_NAMELESS, nameless)
        if replaced_heirs:
            self._in("DELETE FROM heir WHERE worker_id IN ({})", replaced_heirs)
        if new_heirs:
            cursor.executemany(_INSERT_HEIR, new_heirs)
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
            out.update(dict(self.session.execute(stmt)))
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
        stmt = (
            select(SyncConflictRow, WorkerRow.name)
            .outerjoin(WorkerRow, WorkerRow.uid == SyncConflictRow.uid)
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
            )
            for r, name in self.session.execute(stmt)
        ]

    def conflict(self, conflict_id: int) -> Conflict | None:
        row = self.session.get(SyncConflictRow, conflict_id)
        if row is None:
            return None
        return next((c for c in self.conflicts(uid=row.uid) if c.id == conflict_id), None)

    def count_conflicts(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(SyncConflictRow)) or 0)

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
