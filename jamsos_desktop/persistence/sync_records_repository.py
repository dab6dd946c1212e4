"""Sync storage of programmes, the calendar, enrolments, payments and card prints (``uow.sync.records``):
the travelling versions (``sync_fact``), the binding of global ids to local rows with the digest of each
row as last captured (``sync_local``), the rows as capture reads them and as an import writes them.

Change tracking needs no hook in any write path: a snapshot record (programme, calendar, enrolment) is
changed when the digest of its row differs from the one bound (every path that writes the table is seen,
forms, Excel, demo, merges); an append-only record (payment, reversal, funder payment, card print) is new
when its local id is above the kind's mark and not bound to a global id (rows an import wrote are bound).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, delete, func, select, update

from jamsos_desktop.domain.sync import TextsAhead, stored_text
from jamsos_desktop.domain.sync_records import (
    APPLIED,
    CARD_PRINT,
    FUNDER_PAYMENT,
    SELF_PAYMENT,
    Fact,
)
from jamsos_desktop.persistence import dashboard_totals
from jamsos_desktop.persistence.card_models import CardPrintRow
from jamsos_desktop.persistence.concurrency import reserve_ids
from jamsos_desktop.persistence.models import WorkerRow
from jamsos_desktop.persistence.programme_models import (
    EnrolmentRow,
    FunderPaymentLineRow,
    FunderPaymentRow,
    FunderRow,
    HolidayRow,
    ProgrammeRow,
    SelfPaymentRow,
)
from jamsos_desktop.persistence.sync_event_records import SyncEventRecords
from jamsos_desktop.persistence.sync_models import SyncFactRow, SyncLocalRow

if TYPE_CHECKING:
    from jamsos_desktop.persistence.sync_repository import SyncRepository

_BATCH = 900
#: From this many self-payments in one package, their month totals are added in one statement.
BULK_PAYMENTS = 100
_loads = json.JSONDecoder().decode
_dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
#: The table of each append-only kind (its new rows are found by id).
_APPEND_TABLES = {SELF_PAYMENT: SelfPaymentRow, FUNDER_PAYMENT: FunderPaymentRow, CARD_PRINT: CardPrintRow}


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class SyncRecordRepository:
    def __init__(self, sync: SyncRepository) -> None:
        self.sync = sync
        self.session = sync.session
        self.events = SyncEventRecords(sync)

    # -- travelling versions ------------------------------------------------------------------------
    def unknown(self, facts: Iterable[Fact]) -> list[Fact]:
        """The versions not stored yet (a version is known by gid and clock), each once."""
        batch = {(f.gid, f.hlc): f for f in facts}
        if not batch:
            return []
        table = SyncFactRow.__table__
        known = {(g, h) for g, h in self.sync._select_in((table.c.gid, table.c.hlc), table.c.gid, (k[0] for k in batch))}
        return [f for k, f in batch.items() if k not in known]

    def insert_facts(self, new: Sequence[Fact], state: str = APPLIED, ahead: TextsAhead | None = None) -> list[str]:
        """Store versions known not to be stored yet; the stored data texts, in order (the audit trail
        takes their digest). ``ahead``: data texts already encoded (by the package checker's helper)."""
        table = SyncFactRow.__table__
        encode = ahead.text if ahead is not None else stored_text
        rows = [
            {"gid": f.gid, "hlc": f.hlc, "kind": f.kind, "origin": f.origin, "worker": f.worker,
             "data": '{"data":' + encode(f.data) + (',"office":true}' if f.office else ',"office":false}'),
             "state": state}
            for f in new
        ]  # fmt: skip
        self.sync._insert(table, rows)
        return [row["data"] for row in rows]

    @staticmethod
    def _fact(row: Sequence[Any]) -> Fact:
        gid, hlc, kind, origin, worker, data = row[:6]
        body = _loads(data)
        return Fact(gid, hlc, kind, origin, worker, body["data"], bool(body["office"]))

    def _columns(self) -> tuple[Any, ...]:
        t = SyncFactRow.__table__
        return (t.c.gid, t.c.hlc, t.c.kind, t.c.origin, t.c.worker, t.c.data, t.c.state)

    def versions(self, gids: Iterable[str]) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = {}
        table = SyncFactRow.__table__
        for row in self.sync._select_in(self._columns(), table.c.gid, gids):
            out.setdefault(row[0], []).append(self._fact(row))
        return out

    def set_state(self, keys: Sequence[tuple[str, str]], state: str) -> None:
        if not keys:
            return
        table = SyncFactRow.__table__
        self.session.execute(
            update(table).where(table.c.gid == bindparam("g"), table.c.hlc == bindparam("h")).values(state=state),
            [{"g": g, "h": h} for g, h in keys],
        )

    def waiting(self) -> list[Fact]:
        """Versions stored but not applied yet (their references had not arrived)."""
        table = SyncFactRow.__table__
        stmt = select(*self._columns()).where(table.c.state == "pending")
        return [self._fact(r) for r in self.session.execute(stmt)]

    @staticmethod
    def _text(row: Sequence[Any]) -> tuple[str, str]:
        """(kind, the version as its JSON object in a package) without decoding the stored data."""
        gid, hlc, kind, origin, worker, data = row[:6]
        head = f'{{"gid":{_dump(gid)},"hlc":{_dump(hlc)},"kind":{_dump(kind)},"origin":{_dump(origin)},"worker":{_dump(worker)},'
        return kind, head + data[1:]  # data: {"data":{…},"office":…}

    def texts_by_origin(self, origin: str, after_hlc: str = "") -> list[tuple[str, str]]:
        """(kind, package JSON) of the versions made at ``origin`` after a clock, in clock order."""
        table = SyncFactRow.__table__
        stmt = select(*self._columns()).where(table.c.origin == origin, table.c.hlc > after_hlc)
        return [self._text(r) for r in self.session.execute(stmt.order_by(table.c.hlc, table.c.gid))]

    def by_origin(self, origin: str, after_hlc: str = "") -> list[Fact]:
        table = SyncFactRow.__table__
        stmt = select(*self._columns()).where(table.c.origin == origin, table.c.hlc > after_hlc)
        return [self._fact(r) for r in self.session.execute(stmt.order_by(table.c.hlc, table.c.gid))]

    def for_station(self, uids: Iterable[str], kinds: Iterable[str], *, exclude_origin: str) -> list[tuple[str, str]]:
        """(kind, package JSON) of the versions of the kinds every station gets and of those naming one of
        ``uids``, made elsewhere than ``exclude_origin``, in clock order."""
        table = SyncFactRow.__table__
        rows = list(self.session.execute(
            select(*self._columns()).where(table.c.kind.in_(list(kinds)), table.c.origin != exclude_origin)
        ))  # fmt: skip
        rows += self.sync._select_in(self._columns(), table.c.worker, uids, table.c.origin != exclude_origin)
        unique = {(r[1], r[0]): r for r in rows}
        return [self._text(unique[k]) for k in sorted(unique)]

    def max_hlc(self, origin: str) -> str:
        table = SyncFactRow.__table__
        return self.session.scalar(select(func.max(table.c.hlc)).where(table.c.origin == origin)) or ""

    def counts(self, *, origin: str | None = None, after_hlc: str = "") -> dict[str, int]:
        """Versions made at ``origin`` after a clock, per kind; without ``origin``: how many are ``pending``
        and ``held``."""
        table = SyncFactRow.__table__
        if origin is not None:
            stmt = select(table.c.kind, func.count()).where(table.c.origin == origin, table.c.hlc > after_hlc)
            return {k: int(n) for k, n in self.session.execute(stmt.group_by(table.c.kind))}
        out: dict[str, int] = {}
        for state in ("pending", "held"):  # seeks of the state index: a few rows, whatever the size
            out[state] = int(self.session.scalar(select(func.count()).where(table.c.state == state)) or 0)
        return out

    # -- bindings -----------------------------------------------------------------------------------
    def bound(self, kind: str) -> dict[int, list[tuple[str, str, str]]]:
        """local id -> [(gid, digest, rank)] of one kind (the marks excluded)."""
        table = SyncLocalRow.__table__
        out: dict[int, list[tuple[str, str, str]]] = {}
        stmt = select(table.c.local_id, table.c.gid, table.c.digest, table.c.hlc).where(
            table.c.kind == kind, ~table.c.gid.startswith("~")
        )
        for local_id, gid, dg, rank in self.session.execute(stmt):
            out.setdefault(local_id, []).append((gid, dg, rank))
        return out

    def bound_for(self, kind: str, local_ids: Iterable[int]) -> dict[int, list[tuple[str, str, str]]]:
        table = SyncLocalRow.__table__
        out: dict[int, list[tuple[str, str, str]]] = {}
        rows = self.sync._select_in(
            (table.c.local_id, table.c.gid, table.c.digest, table.c.hlc), table.c.local_id, local_ids, table.c.kind == kind
        )
        for local_id, gid, dg, rank in rows:
            out.setdefault(local_id, []).append((gid, dg, rank))
        return out

    def local_ids(self, gids: Iterable[str]) -> dict[str, int]:
        table = SyncLocalRow.__table__
        return {g: i for g, i in self.sync._select_in((table.c.gid, table.c.local_id), table.c.gid, gids)}

    def bind(self, rows: Sequence[tuple[str, str, int, str, str]], *, fresh: bool = False) -> None:
        """(gid, kind, local id, digest, rank) bindings, replacing those of the same gids (``fresh``: none
        of these gids is bound yet)."""
        if not rows:
            return
        table = SyncLocalRow.__table__
        gids = [r[0] for r in rows]
        for start in range(0, 0 if fresh else len(gids), _BATCH):
            self.session.execute(delete(table).where(table.c.gid.in_(gids[start : start + _BATCH])))
        self.sync._insert(table, [
            {"gid": g, "kind": k, "local_id": i, "digest": d, "hlc": r} for g, k, i, d, r in {r[0]: r for r in rows}.values()
        ])  # fmt: skip

    def set_digests(self, kind: str, digests: dict[int, str]) -> None:
        """Every binding of these local rows takes the row's digest as written here."""
        if not digests:
            return
        table = SyncLocalRow.__table__
        self.session.execute(
            update(table).where(table.c.kind == kind, table.c.local_id == bindparam("i")).values(digest=bindparam("d")),
            [{"i": i, "d": d} for i, d in digests.items()],
        )

    def mark(self, kind: str) -> int:
        table = SyncLocalRow.__table__
        return int(self.session.scalar(select(table.c.local_id).where(table.c.gid == f"~mark/{kind}")) or 0)

    def set_mark(self, kind: str, local_id: int) -> None:
        self.bind([(f"~mark/{kind}", kind, local_id, "", "")])

    # -- rows as captured -----------------------------------------------------------------------------
    def programmes(self) -> dict[int, dict[str, Any]]:
        p, f = ProgrammeRow.__table__, FunderRow.__table__
        funders: dict[int, list[list[Any]]] = {}
        for pid, name, kind, share, quota in self.session.execute(
            select(f.c.programme_id, f.c.name, f.c.kind, f.c.share_percent, f.c.quota).order_by(f.c.programme_id, f.c.position, f.c.id)
        ):
            funders.setdefault(pid, []).append([name, kind, share, quota])
        out = {}
        for r in self.session.execute(select(p)).mappings():
            out[r["id"]] = {
                "name": r["name"], "start_month": r["start_month"], "funded_months": r["funded_months"],
                "income": r["income"], "include_jht": bool(r["include_jht"]), "monthly_amount": r["monthly_amount"],
                "quota": r["quota"], "lapse_threshold": r["lapse_threshold"], "funding_window": r["funding_window"],
                "horizon_months": r["horizon_months"], "notes": r["notes"] or "", "funders": funders.get(r["id"], []),
            }  # fmt: skip
        return out

    def programme_by_name(self) -> dict[str, int]:
        p = ProgrammeRow.__table__
        return {name: pid for pid, name in self.session.execute(select(p.c.id, p.c.name))}

    def calendar(self) -> dict[str, Any]:
        h = HolidayRow.__table__
        return {"holidays": [[_iso(d), n or ""] for d, n in self.session.execute(select(h.c.day, h.c.name).order_by(h.c.day))]}

    def enrolments(self, worker_uids: Iterable[str] | None = None, ids: Iterable[int] | None = None) -> dict[int, tuple[int, str, dict[str, Any]]]:
        """enrolment id -> (programme id, worker uid, data without the programme's gid)."""
        e, w, f = EnrolmentRow.__table__, WorkerRow.__table__, FunderRow.__table__
        stmt = (
            select(e.c.id, e.c.programme_id, w.c.uid, e.c.start_month, e.c.end_month, e.c.funded_from, e.c.funded_to,
                   e.c.exit_date, e.c.exit_reason, f.c.name, e.c.created_at, e.c.created_by)  # fmt: skip
            .join(w, w.c.id == e.c.worker_id)
            .outerjoin(f, f.c.id == e.c.funder_id)
        )
        rows: list[Any] = []
        if worker_uids is None and ids is None:
            rows = list(self.session.execute(stmt))
        else:
            column, values = (w.c.uid, sorted(set(worker_uids))) if worker_uids is not None else (e.c.id, sorted(set(ids or ())))
            for where in self.sync.in_clauses(column, values):
                rows.extend(self.session.execute(stmt.where(where)))
        out = {}
        for eid, pid, uid, start_m, end_m, ffrom, fto, exit_date, reason, funder, created_at, created_by in rows:
            out[eid] = (pid, uid, {
                "start_month": start_m, "end_month": end_m, "funded_from": ffrom, "funded_to": fto,
                "exit_date": _iso(exit_date), "exit_reason": reason or "", "funder": funder,
                "created_at": _iso(created_at), "created_by": created_by,
            })  # fmt: skip
        return out

    def new_rows(self, kind: str) -> list[dict[str, Any]]:
        """Rows of an append-only kind above its mark not bound to a global id, in id order, with the
        worker's uid (and a funder payment's funder name and lines)."""
        model = _APPEND_TABLES[kind]
        t, w, loc = model.__table__, WorkerRow.__table__, SyncLocalRow.__table__
        mark = self.mark(kind)
        bound_ids = select(loc.c.local_id).where(loc.c.kind == kind, loc.c.local_id > mark)
        stmt = select(t).where(t.c.id > mark, t.c.id.not_in(bound_ids))
        if kind != FUNDER_PAYMENT:
            stmt = select(t, w.c.uid.label("worker_uid")).join(w, w.c.id == t.c.worker_id).where(
                t.c.id > mark, t.c.id.not_in(bound_ids)
            )
        rows = [dict(r) for r in self.session.execute(stmt.order_by(t.c.id)).mappings()]
        if kind == FUNDER_PAYMENT and rows:
            f, lines = FunderRow.__table__, FunderPaymentLineRow.__table__
            names = dict(self.session.execute(select(f.c.id, f.c.name)).all())
            per: dict[int, list[list[int]]] = {}
            for pid, m, wk, exp, amt in self.session.execute(
                select(lines.c.payment_id, lines.c.month, lines.c.workers, lines.c.expected, lines.c.amount)
                .where(lines.c.payment_id >= rows[0]["id"]).order_by(lines.c.payment_id, lines.c.month, lines.c.id)
            ):
                per.setdefault(pid, []).append([m, wk, exp, amt])
            for r in rows:
                r["funder_name"] = names.get(r["funder_id"], "")
                r["lines"] = per.get(r["id"], [])
        return rows

    def max_id(self, kind: str) -> int:
        t = _APPEND_TABLES[kind].__table__
        return int(self.session.scalar(select(func.max(t.c.id))) or 0)

    # -- rows as an import writes them ------------------------------------------------------------------
    def write_programme(self, local_id: int | None, data: dict[str, Any], *, user: str, now: datetime) -> int:
        """Insert or update a programme and its funders (funders no longer named are kept: payments and
        enrolments may use them)."""
        p, f = ProgrammeRow.__table__, FunderRow.__table__
        values = {k: data[k] for k in ("name", "start_month", "funded_months", "income", "include_jht",
                                       "monthly_amount", "quota", "lapse_threshold", "funding_window",
                                       "horizon_months", "notes")}  # fmt: skip
        if local_id is None:
            clash = self.session.scalar(select(p.c.id).where(p.c.name == data["name"]))
            local_id = clash
        if local_id is None:
            local_id = reserve_ids(self.session, p, 1)[0]
            self.session.execute(p.insert().values(id=local_id, created_at=now, created_by=user, updated_at=now,
                                                   updated_by=user, version=1, **values))  # fmt: skip
        else:
            other = self.session.scalar(select(p.c.id).where(p.c.name == data["name"], p.c.id != local_id))
            if other is not None:  # another programme here has the name: it keeps it, this one is marked
                values["name"] = (data["name"] + f" ({local_id})")[:120]
            self.session.execute(update(p).where(p.c.id == local_id).values(
                updated_at=now, updated_by=user, version=p.c.version + 1, **values))  # fmt: skip
        existing = dict(self.session.execute(select(f.c.name, f.c.id).where(f.c.programme_id == local_id)).all())
        for position, (name, kind, share, quota) in enumerate(data["funders"]):
            row = {"position": position, "kind": kind, "share_percent": share, "quota": quota}
            if name in existing:
                self.session.execute(update(f).where(f.c.id == existing[name]).values(**row))
            else:
                self.session.execute(f.insert().values(programme_id=local_id, name=name, **row))
        return local_id

    def write_calendar(self, data: dict[str, Any]) -> None:
        h = HolidayRow.__table__
        self.session.execute(delete(h))
        rows = [{"day": date.fromisoformat(d), "name": n} for d, n in data["holidays"]]
        if rows:
            self.session.execute(h.insert(), rows)

    def funder_ids(self, programme_ids: Iterable[int]) -> dict[tuple[int, str], int]:
        f = FunderRow.__table__
        ids = sorted(set(programme_ids))
        if not ids:
            return {}
        return {(p, n): i for i, p, n in self.session.execute(select(f.c.id, f.c.programme_id, f.c.name).where(f.c.programme_id.in_(ids)))}

    def enrolment_ids(self, worker_ids: Iterable[int]) -> dict[tuple[int, int], int]:
        """(programme id, worker id) -> enrolment id of these workers."""
        e = EnrolmentRow.__table__
        out = {}
        for eid, pid, wid in self.sync._select_in((e.c.id, e.c.programme_id, e.c.worker_id), e.c.worker_id, worker_ids):
            out[(pid, wid)] = eid
        return out

    def insert_enrolments(self, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        e = EnrolmentRow.__table__
        ids = reserve_ids(self.session, e, len(rows))
        # The worker's village as the dashboard's trigger would set it, in the insert itself (the
        # trigger's UPDATE of each new row cost as much as the insert).
        w = WorkerRow.__table__
        village = dict(self.sync._select_in((w.c.id, w.c.village_code), w.c.id, {r["worker_id"] for r in rows}))
        for i, row in zip(ids, rows, strict=True):
            row["id"] = i
            row["village_code"] = village.get(row["worker_id"])
        self.sync._insert(e, rows)
        return ids

    def update_enrolment(self, enrolment_id: int, values: dict[str, Any]) -> None:
        e = EnrolmentRow.__table__
        self.session.execute(update(e).where(e.c.id == enrolment_id).values(**values))

    def receipts_taken(self, receipts: Iterable[str]) -> set[str]:
        t = SelfPaymentRow.__table__
        return {r for (r,) in self.sync._select_in((t.c.receipt,), t.c.receipt, [r for r in receipts if r])}

    def serials_taken(self, serials: Iterable[str]) -> set[str]:
        t = CardPrintRow.__table__
        return {s for (s,) in self.sync._select_in((t.c.serial,), t.c.serial, serials)}

    def insert_rows(self, kind: str, rows: list[dict[str, Any]]) -> list[int]:
        """Insert rows of an append-only kind (a funder payment's ``lines`` go to their own table)."""
        if not rows:
            return []
        table = _APPEND_TABLES[kind].__table__
        ids = reserve_ids(self.session, table, len(rows))
        lines = []
        for i, row in zip(ids, rows, strict=True):
            row["id"] = i
            for m, wk, exp, amt in row.pop("lines", ()):
                lines.append({"payment_id": i, "month": m, "workers": wk, "expected": exp, "amount": amt})
        if kind == SELF_PAYMENT and len(rows) >= BULK_PAYMENTS:
            # The month totals of many payments in one grouped statement instead of the per-row trigger
            # (on SQLite it cost as much as the rows themselves: 0.15 s of 6,955 payments).
            with dashboard_totals.bulk_payments(self.session.connection(), ids[0]):
                self.sync._insert(table, rows)
        else:
            self.sync._insert(table, rows)
        if lines:
            self.session.execute(FunderPaymentLineRow.__table__.insert(), lines)
        return ids
