"""Repositories of programmes, enrolments, payments, the calendar and events.

Everything that touches many enrolments is one SQL statement: enrolling is ``INSERT … SELECT``-like
bulk work, the grid and the budget are ``GROUP BY`` over the enrolments' month ranges joined with a
recursive CTE of months, and the action lists are paged queries. Python never loops over 100,000 rows.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    Integer,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session, aliased

from jamsos_desktop.domain.calendar import ActionList, ActionRow, MonthTotals
from jamsos_desktop.domain.payments import (
    FunderPayment,
    FunderPaymentLine,
    SelfPayment,
)
from jamsos_desktop.domain.programme import (
    ClaimStatus,
    Enrolment,
    EnrolmentExit,
    EventKind,
    ExitReason,
    Funder,
    FunderKind,
    FundingWindow,
    Month,
    Programme,
    ProgrammeData,
    WorkerEvent,
)
from jamsos_desktop.persistence import bulk_load as bulk
from jamsos_desktop.persistence import dashboard_totals
from jamsos_desktop.persistence.concurrency import copy_rows
from jamsos_desktop.persistence.models import RegionRow, WorkerRow
from jamsos_desktop.persistence.programme_models import (
    EnrolmentRow,
    FunderPaymentLineRow,
    FunderPaymentRow,
    FunderRow,
    HolidayRow,
    ProgrammeRow,
    SelfPaymentRow,
    WorkerEventRow,
)

ACTIVE_STATUSES = ("draft", "verified", "registered")
_FAR = 10**7  # a month index beyond any calendar: "open-ended"


def least(a: Any, b: Any) -> Any:
    """Portable two-argument minimum (SQLite ``min(a,b)``, PostgreSQL ``LEAST``)."""
    return case((a < b, a), else_=b)


def greatest(a: Any, b: Any) -> Any:
    return case((a > b, a), else_=b)


def months_cte(first: int, last: int, name: str = "months") -> Any:
    """A recursive CTE with one row per month index from ``first`` to ``last``."""
    base = select(literal(first, Integer).label("m")).cte(name, recursive=True)
    return base.union_all(select((base.c.m + 1).label("m")).where(base.c.m < last))


# -- programmes -------------------------------------------------------------------------------------
class ProgrammeRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, data: ProgrammeData, *, user: str, now: datetime) -> int:
        row = ProgrammeRow(created_at=now, created_by=user, version=1)
        _apply_programme(row, data, user=user, now=now)
        self.session.add(row)
        self.session.flush()
        for position, f in enumerate(data.funders):
            self.session.add(_funder_row(row.id, position, f))
        self.session.flush()
        return row.id

    def update(
        self, programme_id: int, data: ProgrammeData, *, expected_version: int, user: str, now: datetime
    ) -> bool:
        row = self.session.get(ProgrammeRow, programme_id)
        if row is None or row.version != expected_version:
            return False
        _apply_programme(row, data, user=user, now=now)
        row.version += 1
        existing = {
            f.id: f
            for f in self.session.scalars(select(FunderRow).where(FunderRow.programme_id == programme_id))
        }
        kept: set[int] = set()
        for position, f in enumerate(data.funders):
            if f.id is not None and f.id in existing:
                fr = existing[f.id]
                fr.position, fr.name, fr.kind = position, f.name.strip(), f.kind.value
                fr.share_percent, fr.quota = f.share_percent, f.quota
                kept.add(f.id)
            else:
                self.session.add(_funder_row(programme_id, position, f))
        for fid in set(existing) - kept:
            self.session.delete(existing[fid])
        self.session.flush()
        return True

    def funder_in_use(self, funder_id: int) -> bool:
        used = self.session.scalar(
            select(EnrolmentRow.id).where(EnrolmentRow.funder_id == funder_id).limit(1)
        )
        paid = self.session.scalar(
            select(FunderPaymentRow.id).where(FunderPaymentRow.funder_id == funder_id).limit(1)
        )
        return used is not None or paid is not None

    def get(self, programme_id: int) -> Programme | None:
        row = self.session.get(ProgrammeRow, programme_id)
        return self._to_programme(row) if row is not None else None

    def list(self) -> list[Programme]:
        rows = self.session.scalars(
            select(ProgrammeRow).order_by(ProgrammeRow.start_month.desc(), ProgrammeRow.id)
        )
        return [self._to_programme(r) for r in rows]

    def id_by_name(self, name: str) -> int | None:
        return self.session.scalar(
            select(ProgrammeRow.id).where(func.lower(ProgrammeRow.name) == name.strip().lower())
        )

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(ProgrammeRow)) or 0)

    def _to_programme(self, row: ProgrammeRow) -> Programme:
        funders = tuple(
            Funder(f.name, FunderKind(f.kind), f.share_percent, f.quota, f.id)
            for f in self.session.scalars(
                select(FunderRow).where(FunderRow.programme_id == row.id).order_by(FunderRow.position)
            )
        )
        return Programme(
            name=row.name,
            funders=funders,
            start=Month(row.start_month),
            funded_months=row.funded_months,
            income=row.income,
            include_jht=row.include_jht,
            quota=row.quota,
            lapse_threshold=row.lapse_threshold,
            window=FundingWindow(row.funding_window),
            horizon_months=row.horizon_months,
            notes=row.notes,
            id=row.id,
            version=row.version,
        )


def _apply_programme(row: ProgrammeRow, data: ProgrammeData, *, user: str, now: datetime) -> None:
    row.name = data.name.strip()
    row.start_month = data.start.index
    row.funded_months = data.funded_months
    row.income = data.income
    row.include_jht = data.include_jht
    row.monthly_amount = data.monthly_amount
    row.quota = data.quota
    row.lapse_threshold = data.lapse_threshold
    row.funding_window = data.window.value
    row.horizon_months = data.horizon_months
    row.notes = data.notes
    row.updated_at = now
    row.updated_by = user


def _funder_row(programme_id: int, position: int, f: Funder) -> FunderRow:
    return FunderRow(
        programme_id=programme_id,
        position=position,
        name=f.name.strip(),
        kind=f.kind.value,
        share_percent=f.share_percent,
        quota=f.quota,
    )


# -- enrolments -------------------------------------------------------------------------------------
class EnrolmentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def candidate_ids(
        self,
        programme_id: int,
        *,
        village_codes: Sequence[str] | None = None,
        worker_ids: Sequence[int] | None = None,
    ) -> tuple[list[int], list[int], list[int]]:
        """(eligible, already enrolled here, not active) worker ids for the selection, in id order."""
        sel = select(WorkerRow.id, WorkerRow.status)
        if village_codes:
            sel = sel.where(WorkerRow.village_code.in_(list(village_codes)))
        if worker_ids is not None:
            sel = sel.where(WorkerRow.id.in_(list(worker_ids)))
        # Read on the connection (plain rows, not the ORM's result machinery): enrolling everyone
        # reads 100,000 of them.
        self.session.flush()
        connection = self.session.connection()
        here = set(
            connection.execute(
                select(EnrolmentRow.worker_id).where(EnrolmentRow.programme_id == programme_id)
            )
            .scalars()
            .all()
        )
        eligible, already, inactive = [], [], []
        for wid, status in connection.execute(sel.order_by(WorkerRow.id)).all():
            if wid in here:
                already.append(wid)
            elif status not in ACTIVE_STATUSES:
                inactive.append(wid)
            else:
                eligible.append(wid)
        return eligible, already, inactive

    def overlapping(
        self, programme_id: int, start: int, end: int | None, worker_ids: Sequence[int] | None
    ) -> dict[int, str]:
        """Workers (among ``worker_ids``, or all) enrolled in another programme over the same months."""
        stmt = (
            select(EnrolmentRow.worker_id, ProgrammeRow.name)
            .join(ProgrammeRow, ProgrammeRow.id == EnrolmentRow.programme_id)
            .where(
                EnrolmentRow.programme_id != programme_id,
                or_(EnrolmentRow.end_month.is_(None), EnrolmentRow.end_month >= start),
            )
        )
        if end is not None:
            stmt = stmt.where(EnrolmentRow.start_month <= end)
        if worker_ids is not None and len(worker_ids) <= 500:
            stmt = stmt.where(EnrolmentRow.worker_id.in_(list(worker_ids)))
        found = {wid: name for wid, name in self.session.execute(stmt)}
        if worker_ids is not None and len(worker_ids) > 500:
            wanted = set(worker_ids)
            found = {k: v for k, v in found.items() if k in wanted}
        return found

    def funder_counts(self, programme_id: int) -> dict[int, int]:
        return {
            fid: int(n)
            for fid, n in self.session.execute(
                select(EnrolmentRow.funder_id, func.count())
                .where(EnrolmentRow.programme_id == programme_id)
                .group_by(EnrolmentRow.funder_id)
            )
            if fid is not None
        }

    def bulk_enrol(
        self,
        programme_id: int,
        assignments: Sequence[tuple[int, int | None]],
        *,
        start: int,
        funded_from: int,
        funded_to: int,
        user: str,
        now: datetime,
    ) -> int:
        """Insert enrolments for ``(worker_id, funder_id)`` pairs, in their order.

        On SQLite one ``INSERT … SELECT`` per run of pairs with the same funder, the worker ids passed
        as one JSON array (``json_each``): SQLite reads them itself, so 100,000 enrolments cost no
        Python per row (a third of an ``executemany``'s time, which binds eight values a row). The
        statement also copies each worker's village (what the ``enrolment_village_ai`` trigger of
        :mod:`dashboard_totals` would set row by row with an UPDATE per enrolment; it only acts on a
        missing village). On PostgreSQL the same with ``unnest``; elsewhere the ORM's insert, and the trigger
        sets the village.
        """
        if not assignments:
            return 0
        table = EnrolmentRow.__table__
        if self.session.bind.dialect.name == "sqlite":  # type: ignore[union-attr]
            self.session.flush()
            connection = self.session.connection()
            stamp = now.isoformat(sep=" ")  # as SQLAlchemy's DateTime stores it
            for fid, run in itertools.groupby(assignments, key=itemgetter(1)):
                connection.exec_driver_sql(
                    "INSERT INTO enrolment (programme_id, worker_id, funder_id, start_month, end_month, "
                    "funded_from, funded_to, exit_date, exit_reason, created_at, created_by, village_code) "
                    "SELECT ?, j.value, ?, ?, NULL, ?, ?, NULL, '', ?, ?, w.village_code "
                    "FROM json_each(?) AS j LEFT JOIN worker AS w ON w.id = j.value ORDER BY j.key",
                    (programme_id, fid, start, funded_from, funded_to, stamp, user,
                     json.dumps([int(wid) for wid, _ in run])),
                )  # fmt: skip
        elif self.session.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
            # The same on PostgreSQL with the ids as one array (``unnest``): one statement per funder
            # instead of a statement per enrolment, and the village copied, so the trigger's function
            # is not called for each row (~55 µs a row on the test machine).
            self.session.flush()
            connection = self.session.connection()
            for fid, run in itertools.groupby(assignments, key=itemgetter(1)):
                connection.execute(
                    text(
                        "INSERT INTO enrolment (programme_id, worker_id, funder_id, start_month, funded_from, "
                        "funded_to, exit_reason, created_at, created_by, village_code) "
                        "SELECT :programme, j.id, CAST(:funder AS integer), :start, :funded_from, :funded_to, '', "
                        ":now, :user, w.village_code "
                        "FROM unnest(CAST(:ids AS integer[])) WITH ORDINALITY AS j(id, n) "
                        "LEFT JOIN worker AS w ON w.id = j.id ORDER BY j.n"
                    ),
                    {"programme": programme_id, "funder": fid, "start": start, "funded_from": funded_from,
                     "funded_to": funded_to, "now": now, "user": user, "ids": [int(wid) for wid, _ in run]},
                )  # fmt: skip
        else:
            self.session.execute(
                insert(table),
                [
                    {
                        "programme_id": programme_id,
                        "worker_id": wid,
                        "funder_id": fid,
                        "start_month": start,
                        "end_month": None,
                        "funded_from": funded_from,
                        "funded_to": funded_to,
                        "exit_date": None,
                        "exit_reason": "",
                        "created_at": now,
                        "created_by": user,
                    }
                    for wid, fid in assignments
                ],
            )
        return len(assignments)

    def get(self, programme_id: int, worker_id: int) -> Enrolment | None:
        row = self.session.scalar(
            select(EnrolmentRow).where(
                EnrolmentRow.programme_id == programme_id, EnrolmentRow.worker_id == worker_id
            )
        )
        return _to_enrolment(row) if row is not None else None

    def get_by_id(self, enrolment_id: int) -> Enrolment | None:
        row = self.session.get(EnrolmentRow, enrolment_id)
        return _to_enrolment(row) if row is not None else None

    def for_worker(self, worker_id: int) -> list[tuple[Enrolment, str]]:
        stmt = (
            select(EnrolmentRow, ProgrammeRow.name)
            .join(ProgrammeRow, ProgrammeRow.id == EnrolmentRow.programme_id)
            .where(EnrolmentRow.worker_id == worker_id)
            .order_by(EnrolmentRow.start_month)
        )
        return [(_to_enrolment(r), name) for r, name in self.session.execute(stmt)]

    def count(self, programme_id: int | None = None) -> int:
        stmt = select(func.count()).select_from(EnrolmentRow)
        if programme_id is not None:
            stmt = stmt.where(EnrolmentRow.programme_id == programme_id)
        return int(self.session.scalar(stmt) or 0)

    def exits(self, programme_id: int) -> list[EnrolmentExit]:
        """Enrolments of the programme that ended other than by death (deaths are events), newest first."""
        stmt = (
            select(EnrolmentRow.worker_id, WorkerRow.name, EnrolmentRow.exit_date, EnrolmentRow.exit_reason,
                   EnrolmentRow.end_month)
            .join(WorkerRow, WorkerRow.id == EnrolmentRow.worker_id)
            .where(
                EnrolmentRow.programme_id == programme_id,
                EnrolmentRow.exit_reason != "",
                EnrolmentRow.exit_reason != ExitReason.DECEASED.value,
            )
            .order_by(EnrolmentRow.exit_date.desc(), WorkerRow.name_key, EnrolmentRow.worker_id)
        )  # fmt: skip
        return [
            EnrolmentExit(wid, name, exit_date, reason, Month(end) if end is not None else None)
            for wid, name, exit_date, reason, end in self.session.execute(stmt)
        ]

    def end_for_worker(self, worker_id: int, *, exit_date: date, reason: str) -> int:
        """End every enrolment of the worker with the month of ``exit_date`` (future months drop)."""
        month = Month.containing(exit_date).index
        result = self.session.execute(
            update(EnrolmentRow)
            .where(
                EnrolmentRow.worker_id == worker_id,
                or_(EnrolmentRow.end_month.is_(None), EnrolmentRow.end_month > month),
            )
            .values(
                end_month=greatest(literal(month, Integer), EnrolmentRow.start_month - 1),
                exit_date=exit_date,
                exit_reason=reason,
            )
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def refund_window(
        self, programme_id: int, *, window: FundingWindow, start: int, funded_months: int
    ) -> int:
        """Recompute every enrolment's funded range after the programme's months changed (one UPDATE)."""
        if window is FundingWindow.CALENDAR:
            values = {
                "funded_from": greatest(EnrolmentRow.start_month, literal(start, Integer)),
                "funded_to": literal(start + funded_months - 1, Integer),
            }
        else:
            first = greatest(EnrolmentRow.start_month, literal(start, Integer))
            values = {"funded_from": first, "funded_to": first + (funded_months - 1)}
        result = self.session.execute(
            update(EnrolmentRow)
            .where(EnrolmentRow.programme_id == programme_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def worker_enrolments(self, programme_id: int) -> list[tuple[int, int]]:
        """(enrolment id, worker id) of the programme, in worker order."""
        stmt = (
            select(EnrolmentRow.id, EnrolmentRow.worker_id)
            .where(EnrolmentRow.programme_id == programme_id)
            .order_by(EnrolmentRow.worker_id)
        )
        self.session.flush()
        return [(e, w) for e, w in self.session.connection().execute(stmt).all()]

    def worker_ids(self, programme_id: int) -> list[int]:
        self.session.flush()
        return list(
            self.session.connection()
            .execute(
                select(EnrolmentRow.worker_id)
                .where(EnrolmentRow.programme_id == programme_id)
                .order_by(EnrolmentRow.worker_id)
            )
            .scalars()
            .all()
        )

    def search(self, programme_id: int, text: str, limit: int = 50) -> list[tuple[int, str, str, str]]:
        """(worker_id, name, nik, village) of enrolled workers matching a NIK prefix or a name part."""
        stmt = (
            select(
                WorkerRow.id,
                WorkerRow.name,
                func.coalesce(WorkerRow.nik, ""),
                func.coalesce(RegionRow.name, ""),
            )
            .join(EnrolmentRow, EnrolmentRow.worker_id == WorkerRow.id)
            .outerjoin(RegionRow, RegionRow.code == WorkerRow.village_code)
            .where(EnrolmentRow.programme_id == programme_id)
        )
        t = text.strip()
        if t.isdigit():
            stmt = stmt.where(or_(WorkerRow.nik.like(t + "%"), WorkerRow.kpj.like(t + "%")))
        elif t:
            stmt = stmt.where(WorkerRow.name_key.like("%" + t.lower() + "%"))
        return [tuple(r) for r in self.session.execute(stmt.order_by(WorkerRow.name_key).limit(limit))]  # type: ignore[misc]


def _to_enrolment(row: EnrolmentRow) -> Enrolment:
    return Enrolment(
        id=row.id,
        programme_id=row.programme_id,
        worker_id=row.worker_id,
        funder_id=row.funder_id,
        start=Month(row.start_month),
        end=Month(row.end_month) if row.end_month is not None else None,
        funded_from=Month(row.funded_from),
        funded_to=Month(row.funded_to),
        exit_date=row.exit_date,
        exit_reason=row.exit_reason,
    )


# -- holidays ---------------------------------------------------------------------------------------
class HolidayRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def all(self) -> list[tuple[date, str]]:
        return [
            (d, n)
            for d, n in self.session.execute(select(HolidayRow.day, HolidayRow.name).order_by(HolidayRow.day))
        ]

    def set(self, day: date, name: str) -> None:
        row = self.session.get(HolidayRow, day)
        if row is None:
            self.session.add(HolidayRow(day=day, name=name))
        else:
            row.name = name
        self.session.flush()

    def remove(self, day: date) -> bool:
        result = self.session.execute(delete(HolidayRow).where(HolidayRow.day == day))
        return bool(result.rowcount)  # type: ignore[attr-defined]


# -- payments ---------------------------------------------------------------------------------------
_reversal = aliased(SelfPaymentRow, name="reversal")
_freversal = aliased(FunderPaymentRow, name="freversal")


class PaymentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # self-payments
    def self_payment_by_receipt(self, receipt: str) -> SelfPayment | None:
        row = self.session.scalar(select(SelfPaymentRow).where(SelfPaymentRow.receipt == receipt))
        return self._self(row) if row is not None else None

    def self_payment(self, payment_id: int) -> SelfPayment | None:
        row = self.session.get(SelfPaymentRow, payment_id)
        return self._self(row) if row is not None else None

    def paid_overlap(self, programme_id: int, enrolment_id: int, first: int, last: int) -> SelfPayment | None:
        """An effective (not reversed) payment of this enrolment covering any of ``first``..``last``."""
        row = self.session.scalar(
            select(SelfPaymentRow)
            .outerjoin(_reversal, _reversal.reversal_of == SelfPaymentRow.id)
            .where(
                SelfPaymentRow.programme_id == programme_id,
                SelfPaymentRow.enrolment_id == enrolment_id,
                SelfPaymentRow.reversal_of.is_(None),
                _reversal.id.is_(None),
                SelfPaymentRow.first_month <= last,
                SelfPaymentRow.last_month >= first,
            )
            .limit(1)
        )
        return self._self(row) if row is not None else None

    def add_self_payment(
        self,
        *,
        programme_id: int,
        enrolment_id: int,
        worker_id: int,
        receipt: str | None,
        first: int,
        last: int,
        amount: int,
        paid_on: date,
        source: str,
        reversal_of: int | None,
        reason: str,
        user: str,
        now: datetime,
    ) -> int:
        row = SelfPaymentRow(
            programme_id=programme_id,
            enrolment_id=enrolment_id,
            worker_id=worker_id,
            receipt=receipt,
            first_month=first,
            last_month=last,
            amount=amount,
            paid_on=paid_on,
            source=source,
            reversal_of=reversal_of,
            reason=reason,
            created_at=now,
            created_by=user,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def bulk_self_rows(
        self,
        programme_id: int,
        rows: Sequence[tuple[int, int, str, int, int, int, date]],
        *,
        user: str,
        now: datetime,
    ) -> int:
        """Insert prepared self-payments ``(enrolment, worker, receipt, first, last, amount, paid_on)``.

        On SQLite, when the rows at least double the table (the demo's 70,000 payments), its secondary
        indexes are dropped and built again once the rows are in (:func:`bulk_load.bulk_load`, in this
        transaction): five indexes kept row by row cost more than the rows themselves.
        """
        if not rows:
            return 0
        self.session.flush()
        stamp = now.isoformat(sep=" ")
        if self.session.bind.dialect.name == "sqlite":  # type: ignore[union-attr]
            connection = self.session.connection()
            last_id = int(
                connection.execute(select(func.coalesce(func.max(SelfPaymentRow.id), 0))).scalar() or 0
            )
            with (
                bulk.growing(connection, "self_payment", len(rows)),
                dashboard_totals.bulk_payments(connection, last_id + 1),  # month totals in one statement
            ):
                connection.connection.driver_connection.executemany(  # type: ignore[union-attr]
                    "INSERT INTO self_payment (programme_id, enrolment_id, worker_id, receipt, first_month, "
                    "last_month, amount, paid_on, source, reversal_of, reason, created_at, created_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'demo', NULL, '', ?, ?)",
                    [
                        (programme_id, e, w, r, a, b, amt, d.isoformat(), stamp, user)
                        for e, w, r, a, b, amt, d in rows
                    ],
                )
            return len(rows)
        return self.bulk_self_payments(
            [
                {
                    "programme_id": programme_id,
                    "enrolment_id": e,
                    "worker_id": w,
                    "receipt": r,
                    "first_month": a,
                    "last_month": b,
                    "amount": amt,
                    "paid_on": d,
                    "source": "demo",
                    "reversal_of": None,
                    "reason": "",
                    "created_at": now,
                    "created_by": user,
                }
                for e, w, r, a, b, amt, d in rows
            ]
        )

    def bulk_self_payments(self, rows: Sequence[dict[str, Any]]) -> int:
        """Insert self-payments given as dicts. On PostgreSQL one ``COPY``: the month totals' statement
        trigger (``dashboard_totals``) then runs once for all of them, not once per row as it would for
        an ``executemany`` (a statement per row)."""
        if rows:
            if self.session.bind.dialect.name == "postgresql":  # type: ignore[union-attr]
                self.session.flush()
                copy_rows(self.session, SelfPaymentRow, list(rows))
            else:
                self.session.execute(insert(SelfPaymentRow), list(rows))
        return len(rows)

    def self_paid_months(self, programme_id: int, enrolment_id: int) -> set[int]:
        out: set[int] = set()
        stmt = (
            select(SelfPaymentRow.first_month, SelfPaymentRow.last_month)
            .outerjoin(_reversal, _reversal.reversal_of == SelfPaymentRow.id)
            .where(
                SelfPaymentRow.programme_id == programme_id,
                SelfPaymentRow.enrolment_id == enrolment_id,
                SelfPaymentRow.reversal_of.is_(None),
                _reversal.id.is_(None),
            )
        )
        for a, b in self.session.execute(stmt):
            out.update(range(a, b + 1))
        return out

    def self_payments(
        self, programme_id: int, *, worker_id: int | None = None, limit: int = 200, offset: int = 0
    ) -> list[SelfPayment]:
        stmt = (
            select(SelfPaymentRow, WorkerRow.name, func.coalesce(WorkerRow.nik, ""), _reversal.id)
            .join(WorkerRow, WorkerRow.id == SelfPaymentRow.worker_id)
            .outerjoin(_reversal, _reversal.reversal_of == SelfPaymentRow.id)
            .where(SelfPaymentRow.programme_id == programme_id)
        )
        if worker_id is not None:
            stmt = stmt.where(SelfPaymentRow.worker_id == worker_id)
        stmt = stmt.order_by(SelfPaymentRow.id.desc()).limit(limit).offset(offset)
        return [self._self(r, name, nik, rev) for r, name, nik, rev in self.session.execute(stmt)]

    def count_self_payments(self, programme_id: int | None = None) -> int:
        stmt = select(func.count()).select_from(SelfPaymentRow).where(SelfPaymentRow.reversal_of.is_(None))
        if programme_id is not None:
            stmt = stmt.where(SelfPaymentRow.programme_id == programme_id)
        return int(self.session.scalar(stmt) or 0)

    def _self(
        self, row: SelfPaymentRow, name: str = "", nik: str = "", reversed_by: int | None = -1
    ) -> SelfPayment:
        if reversed_by == -1:
            reversed_by = self.session.scalar(
                select(SelfPaymentRow.id).where(SelfPaymentRow.reversal_of == row.id)
            )
        return SelfPayment(
            id=row.id,
            enrolment_id=row.enrolment_id,
            worker_id=row.worker_id,
            receipt=row.receipt,
            first=Month(row.first_month),
            last=Month(row.last_month),
            amount=row.amount,
            paid_on=row.paid_on,
            source=row.source,
            reversal_of=row.reversal_of,
            reversed_by=reversed_by,
            reason=row.reason,
            worker_name=name,
            nik=nik,
        )

    # funder payments
    def add_funder_payment(
        self,
        *,
        programme_id: int,
        funder_id: int,
        invoice: str,
        first: int,
        last: int,
        amount: int,
        expected: int,
        paid_on: date,
        lines: Sequence[tuple[int, int, int, int]],
        reversal_of: int | None,
        reason: str,
        user: str,
        now: datetime,
    ) -> int:
        row = FunderPaymentRow(
            programme_id=programme_id,
            funder_id=funder_id,
            invoice_number=invoice,
            first_month=first,
            last_month=last,
            amount=amount,
            expected=expected,
            paid_on=paid_on,
            reversal_of=reversal_of,
            reason=reason,
            created_at=now,
            created_by=user,
        )
        self.session.add(row)
        self.session.flush()
        if lines:
            self.session.execute(
                insert(FunderPaymentLineRow),
                [
                    {"payment_id": row.id, "month": m, "workers": w, "expected": e, "amount": a}
                    for m, w, e, a in lines
                ],
            )
        return row.id

    def funder_payment(self, payment_id: int) -> FunderPayment | None:
        return next(iter(self._funder_payments(FunderPaymentRow.id == payment_id)), None)

    def funder_payments(self, programme_id: int) -> list[FunderPayment]:
        return self._funder_payments(FunderPaymentRow.programme_id == programme_id)

    def effective_invoice(self, funder_id: int, invoice: str) -> FunderPayment | None:
        for p in self._funder_payments(
            and_(FunderPaymentRow.funder_id == funder_id, FunderPaymentRow.invoice_number == invoice)
        ):
            if p.effective:
                return p
        return None

    def funder_paid_months(self, funder_id: int, first: int, last: int) -> dict[int, str]:
        """Months in the range already paid (net) by the funder, with the invoice number."""
        stmt = (
            select(
                FunderPaymentLineRow.month,
                func.sum(FunderPaymentLineRow.workers),
                func.max(FunderPaymentRow.invoice_number),
            )
            .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
            .where(
                FunderPaymentRow.funder_id == funder_id,
                FunderPaymentLineRow.month.between(first, last),
            )
            .group_by(FunderPaymentLineRow.month)
        )
        return {m: inv for m, w, inv in self.session.execute(stmt) if (w or 0) > 0}

    def _funder_payments(self, where: Any) -> list[FunderPayment]:
        stmt = (
            select(FunderPaymentRow, FunderRow.name, _freversal.id)
            .join(FunderRow, FunderRow.id == FunderPaymentRow.funder_id)
            .outerjoin(_freversal, _freversal.reversal_of == FunderPaymentRow.id)
            .where(where)
            .order_by(FunderPaymentRow.first_month, FunderPaymentRow.id)
        )
        rows = list(self.session.execute(stmt))
        ids = [r.id for r, _, _ in rows]
        lines: dict[int, list[FunderPaymentLine]] = {}
        if ids:
            for pid, m, w, e, a in self.session.execute(
                select(
                    FunderPaymentLineRow.payment_id,
                    FunderPaymentLineRow.month,
                    FunderPaymentLineRow.workers,
                    FunderPaymentLineRow.expected,
                    FunderPaymentLineRow.amount,
                )
                .where(FunderPaymentLineRow.payment_id.in_(ids))
                .order_by(FunderPaymentLineRow.month)
            ):
                lines.setdefault(pid, []).append(FunderPaymentLine(Month(m), w, e, a))
        return [
            FunderPayment(
                id=r.id,
                programme_id=r.programme_id,
                funder_id=r.funder_id,
                funder_name=fname,
                invoice_number=r.invoice_number,
                first=Month(r.first_month),
                last=Month(r.last_month),
                amount=r.amount,
                expected=r.expected,
                paid_on=r.paid_on,
                reversal_of=r.reversal_of,
                reversed_by=rev,
                reason=r.reason,
                lines=tuple(lines.get(r.id, ())),
            )
            for r, fname, rev in rows
        ]

    def bulk_funder_payments(self, payments: Sequence[tuple[dict[str, Any], list[dict[str, Any]]]]) -> int:
        for head, lines in payments:
            row = FunderPaymentRow(**head)
            self.session.add(row)
            self.session.flush()
            self.session.execute(
                insert(FunderPaymentLineRow), [dict(line, payment_id=row.id) for line in lines]
            )
        return len(payments)

    def count_all(self) -> int:
        """Payments recorded (funder batches and self-payments, reversals not counted)."""
        s = self.session.scalar(
            select(func.count()).select_from(SelfPaymentRow).where(SelfPaymentRow.reversal_of.is_(None))
        )
        f = self.session.scalar(
            select(func.count()).select_from(FunderPaymentRow).where(FunderPaymentRow.reversal_of.is_(None))
        )
        return int(s or 0) + int(f or 0)


# -- calendar and budget (aggregates) -----------------------------------------------------------------
class CalendarRepository:
    """The SQL behind the programme grid, the month view, the action lists and the budget."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def funder_month_counts(
        self, programme_id: int, first: int, last: int
    ) -> dict[tuple[int, int | None], int]:
        """(month, funder_id) -> enrolments the funder pays for in that month."""
        return {
            (m, fid): int(nf or 0)
            for m, fid, nf, _ in self.session.execute(self._per_funder(programme_id, first, last))
            if nf
        }

    def funder_paid_by_month(self, programme_id: int) -> dict[tuple[int, int], int]:
        """(month, funder_id) -> net amount paid by invoices (reversals subtract)."""
        stmt = (
            select(
                FunderPaymentLineRow.month, FunderPaymentRow.funder_id, func.sum(FunderPaymentLineRow.amount)
            )
            .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
            .where(FunderPaymentRow.programme_id == programme_id)
            .group_by(FunderPaymentLineRow.month, FunderPaymentRow.funder_id)
        )
        return {(m, fid): int(a or 0) for m, fid, a in self.session.execute(stmt)}

    def _per_funder(self, programme_id: int, first: int, last: int) -> Any:
        """Per month and funder: enrolments in funded months and in self-paid months (one GROUP BY)."""
        months = months_cte(first, last)
        e = EnrolmentRow
        groups = (
            select(
                e.funder_id.label("funder_id"),
                e.start_month.label("start"),
                func.coalesce(e.end_month, _FAR).label("end"),
                e.funded_from.label("ffrom"),
                e.funded_to.label("fto"),
                func.count().label("n"),
            )
            .where(e.programme_id == programme_id)
            .group_by(e.funder_id, e.start_month, e.end_month, e.funded_from, e.funded_to)
            .cte("groups")
        )
        funded = and_(groups.c.ffrom <= months.c.m, months.c.m <= groups.c.fto)
        per_funder = (
            select(
                months.c.m.label("m"),
                groups.c.funder_id.label("funder_id"),
                func.sum(case((funded, groups.c.n), else_=0)).label("funded"),
                func.sum(case((funded, 0), else_=groups.c.n)).label("self"),
            )
            .select_from(months.join(groups, and_(groups.c.start <= months.c.m, months.c.m <= groups.c.end)))
            .group_by(months.c.m, groups.c.funder_id)
        )
        return per_funder

    def month_totals(self, programme_id: int, first: int, last: int) -> list[MonthTotals]:
        """Per month from ``first`` to ``last``: enrolments by payer and how many are paid."""
        counts: dict[int, list[int]] = {}
        funder_counts: dict[tuple[int, int | None], int] = {}
        for m, fid, nf, ns in self.session.execute(self._per_funder(programme_id, first, last)):
            c = counts.setdefault(m, [0, 0])
            c[0] += int(nf or 0)
            c[1] += int(ns or 0)
            funder_counts[(m, fid)] = int(nf or 0)

        # Funder months paid: net workers and amounts billed per funder and month (reversals negative).
        paid_f: dict[int, list[int]] = {}
        stmt = (
            select(
                FunderPaymentLineRow.month,
                FunderPaymentRow.funder_id,
                func.sum(FunderPaymentLineRow.workers),
                func.sum(FunderPaymentLineRow.amount),
            )
            .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
            .where(
                FunderPaymentRow.programme_id == programme_id, FunderPaymentLineRow.month.between(first, last)
            )
            .group_by(FunderPaymentLineRow.month, FunderPaymentRow.funder_id)
        )
        for m, fid, workers, amount in self.session.execute(stmt):
            p = paid_f.setdefault(m, [0, 0])
            p[0] += min(int(workers or 0), funder_counts.get((m, fid), 0)) if (workers or 0) > 0 else 0
            p[1] += int(amount or 0)

        paid_s = self._self_paid_counts(programme_id, first, last)
        return [
            MonthTotals(
                Month(m),
                funder_count=counts.get(m, [0, 0])[0],
                funder_paid_count=paid_f.get(m, [0, 0])[0],
                funder_paid_amount=paid_f.get(m, [0, 0])[1],
                self_count=counts.get(m, [0, 0])[1],
                self_paid_count=min(paid_s.get(m, 0), counts.get(m, [0, 0])[1]),
            )
            for m in range(first, last + 1)
        ]

    def _self_paid_counts(self, programme_id: int, first: int, last: int) -> dict[int, int]:
        """Net self-paid enrolments per month: originals count +1, reversals −1 (no anti-join).

        Reads only the covering index ``ix_self_payment_months``; months paid ahead beyond an
        enrolment's exit are taken off with a second, small query over ended enrolments.
        """
        sp, e = SelfPaymentRow, EnrolmentRow
        sign = case((sp.reversal_of.is_(None), 1), else_=-1)
        months = months_cte(first, last, "pmonths")
        groups = (
            select(sp.first_month.label("a"), sp.last_month.label("b"), func.sum(sign).label("n"))
            .where(sp.programme_id == programme_id, sp.last_month >= first, sp.first_month <= last)
            .group_by(sp.first_month, sp.last_month)
            .cte("pgroups")
            .prefix_with("MATERIALIZED", dialect="sqlite")
        )
        stmt = (
            select(months.c.m, func.sum(groups.c.n))
            .select_from(months.join(groups, and_(groups.c.a <= months.c.m, months.c.m <= groups.c.b)))
            .group_by(months.c.m)
        )
        out = {m: int(n or 0) for m, n in self.session.execute(stmt)}
        # Ended enrolments are few: fetch them from the covering index, then their payments by key,
        # so the planner never walks every payment to find them.
        ended = dict(
            self.session.execute(
                select(e.id, e.end_month).where(
                    e.programme_id == programme_id, e.end_month.is_not(None), e.end_month < last
                )
            ).all()
        )
        ids = list(ended)
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            stmt2 = select(sp.enrolment_id, sp.first_month, sp.last_month, sign).where(
                sp.programme_id == programme_id, sp.enrolment_id.in_(part)
            )
            for eid, a, b, n in self.session.execute(stmt2):
                for m in range(max(a, ended[eid] + 1, first), min(b, last) + 1):
                    out[m] = out.get(m, 0) - int(n)
        return out

    # -- streaks: late and inactive members ------------------------------------------------------------
    def _streaks(self, programme_id: int, as_of: int) -> Any:
        """A subquery: enrolments still running at ``as_of`` with their unpaid self-paid streak."""
        sp, e = SelfPaymentRow, EnrolmentRow
        sign = case((sp.reversal_of.is_(None), 1), else_=-1)
        # Payments net of reversals, per (enrolment, months): streams over ix_self_payment_enrolment.
        effective = (
            select(sp.enrolment_id.label("enrolment_id"), sp.last_month.label("b"))
            .where(sp.programme_id == programme_id, sp.first_month <= as_of)
            .group_by(sp.enrolment_id, sp.first_month, sp.last_month)
            .having(func.sum(sign) > 0)
            .subquery("effective")
        )
        last_paid = (
            select(
                effective.c.enrolment_id.label("enrolment_id"),
                func.max(least(effective.c.b, literal(as_of, Integer))).label("lp"),
            )
            .group_by(effective.c.enrolment_id)
            .subquery("last_paid")
        )
        first_self = greatest(e.start_month, e.funded_to + 1)
        base = greatest(func.coalesce(last_paid.c.lp, -1), first_self - 1)
        streak = (literal(as_of, Integer) - base).label("streak")
        return (
            select(
                e.worker_id.label("worker_id"),
                e.funded_to.label("funded_to"),
                last_paid.c.lp.label("lp"),
                streak,
            )
            .outerjoin(last_paid, last_paid.c.enrolment_id == e.id)
            .where(
                e.programme_id == programme_id,
                first_self <= as_of,
                or_(e.end_month.is_(None), e.end_month >= as_of),
            )
            .subquery("streaks")
        )

    def inactive_count(self, programme_id: int, as_of: int, threshold: int) -> int:
        s = self._streaks(programme_id, as_of)
        return int(
            self.session.scalar(select(func.count()).select_from(s).where(s.c.streak >= threshold)) or 0
        )

    def _action_query(
        self, kind: ActionList, programme_id: int, current: int, as_of: int, threshold: int
    ) -> Any:
        village = aliased(RegionRow, name="v")
        district = aliased(RegionRow, name="d")
        if kind is ActionList.FUNDING_ENDS:
            e = EnrolmentRow
            src = (
                select(
                    e.worker_id.label("worker_id"),
                    e.funded_to.label("funded_to"),
                    literal(None, Integer).label("lp"),
                    literal(0, Integer).label("streak"),
                )
                .where(
                    e.programme_id == programme_id,
                    e.funded_to.between(current, current + 1),
                    e.funded_to >= e.funded_from,
                    or_(e.end_month.is_(None), e.end_month > e.funded_to),
                )
                .subquery("ending")
            )
            cond = None
        else:
            src = self._streaks(programme_id, as_of)
            cond = (
                src.c.streak >= threshold
                if kind is ActionList.INACTIVE
                else and_(src.c.streak >= 1, src.c.streak < threshold)
            )
        stmt = (
            select(
                WorkerRow.id,
                WorkerRow.name,
                func.coalesce(WorkerRow.nik, ""),
                WorkerRow.phone,
                WorkerRow.village_code,
                func.coalesce(village.name, ""),
                func.coalesce(district.name, ""),
                src.c.funded_to,
                src.c.streak,
                src.c.lp,
            )
            .select_from(src)
            .join(WorkerRow, WorkerRow.id == src.c.worker_id)
            .outerjoin(village, village.code == WorkerRow.village_code)
            .outerjoin(district, district.code == village.parent)
        )
        return stmt.where(cond) if cond is not None else stmt

    def action_count(
        self, kind: ActionList, programme_id: int, current: int, as_of: int, threshold: int
    ) -> int:
        stmt = self._action_query(kind, programme_id, current, as_of, threshold).subquery()
        return int(self.session.scalar(select(func.count()).select_from(stmt)) or 0)

    def action_rows(
        self,
        kind: ActionList,
        programme_id: int,
        current: int,
        as_of: int,
        threshold: int,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[ActionRow]:
        stmt = self._action_query(kind, programme_id, current, as_of, threshold).order_by(
            WorkerRow.village_code, WorkerRow.name_key, WorkerRow.id
        )
        if limit is not None:
            stmt = stmt.limit(limit).offset(offset)
        return [
            ActionRow(
                worker_id=r[0],
                name=r[1],
                nik=r[2],
                phone=r[3],
                village_code=r[4],
                village=r[5],
                district=r[6],
                funded_to=Month(r[7]) if r[7] is not None else None,
                unpaid_months=int(r[8] or 0),
                last_paid=Month(r[9]) if r[9] is not None and r[9] >= 0 else None,
            )
            for r in self.session.execute(stmt)
        ]

    # -- budget ---------------------------------------------------------------------------------------
    def planned_by_funder(self, programme_id: int) -> dict[int | None, tuple[int, int]]:
        """funder_id -> (enrolments, funded months) over all enrolments (ended ones up to their end)."""
        e = EnrolmentRow
        last = least(e.funded_to, func.coalesce(e.end_month, _FAR))
        months = greatest(last - e.funded_from + 1, literal(0, Integer))
        stmt = (
            select(e.funder_id, func.count(), func.sum(months))
            .where(e.programme_id == programme_id)
            .group_by(e.funder_id)
        )
        return {fid: (int(n), int(m or 0)) for fid, n, m in self.session.execute(stmt)}

    def funder_paid(self, programme_id: int) -> dict[int, int]:
        stmt = (
            select(FunderPaymentRow.funder_id, func.sum(FunderPaymentRow.amount))
            .where(FunderPaymentRow.programme_id == programme_id)
            .group_by(FunderPaymentRow.funder_id)
        )
        return {fid: int(a or 0) for fid, a in self.session.execute(stmt)}

    def by_district(self, programme_id: int) -> list[tuple[str, str, int, int, int]]:
        """(kecamatan code, name, enrolments, planned funded months, paid funded months) per kecamatan.

        Paid months are the funded months whose funder month has been paid (net) by an invoice.
        """
        return self.budget_breakdown(programme_id)[1]

    def budget_breakdown(
        self, programme_id: int
    ) -> tuple[dict[int | None, tuple[int, int]], list[tuple[str, str, int, int, int]]]:
        """``planned_by_funder`` and ``by_district`` from one pass over the enrolments.

        The database groups the enrolments by kecamatan, funder and funded range (a few dozen groups
        for 100,000 enrolments); the paid funder months are a short list. Planned and paid months per
        kecamatan and per funder are then summed over those groups, so the enrolments (joined to their
        workers for the kecamatan) are read once instead of once per figure.
        """
        e = EnrolmentRow
        district_code = func.substr(WorkerRow.village_code, 1, 8)
        last = least(e.funded_to, func.coalesce(e.end_month, _FAR))
        groups = self.session.execute(
            select(district_code, e.funder_id, e.funded_from, last, func.count())
            .join(WorkerRow, WorkerRow.id == e.worker_id)
            .where(e.programme_id == programme_id)
            .group_by(district_code, e.funder_id, e.funded_from, last)
        ).all()
        paid_months = set(
            self.session.execute(
                select(FunderPaymentRow.funder_id, FunderPaymentLineRow.month)
                .join(FunderPaymentRow, FunderPaymentRow.id == FunderPaymentLineRow.payment_id)
                .where(FunderPaymentRow.programme_id == programme_id)
                .group_by(FunderPaymentRow.funder_id, FunderPaymentLineRow.month)
                .having(func.sum(FunderPaymentLineRow.workers) > 0)
            ).all()
        )
        funders: dict[int | None, list[int]] = {}
        districts: dict[str, list[int]] = {}
        for code, fid, ffrom, flast, n in groups:
            n, ffrom, flast = int(n), int(ffrom), int(flast)
            months = max(0, flast - ffrom + 1)
            paid = (
                sum(1 for m in range(ffrom, flast + 1) if (fid, m) in paid_months) if fid is not None else 0
            )
            f = funders.setdefault(fid, [0, 0])
            f[0] += n
            f[1] += n * months
            d = districts.setdefault(code, [0, 0, 0])
            d[0] += n
            d[1] += n * months
            d[2] += n * paid
        names = {
            c: n
            for c, n in self.session.execute(
                select(RegionRow.code, RegionRow.name).where(RegionRow.level == 3)
            )
        }
        return (
            {fid: (n, m) for fid, (n, m) in funders.items()},
            [(code, names.get(code, code), n, m, paid) for code, (n, m, paid) in sorted(districts.items())],
        )

    def self_paid_total(self, programme_id: int) -> int:
        """Net self-paid money of a programme (reversals are negative amounts)."""
        programme = SelfPaymentRow.programme_id
        if self.session.get_bind().dialect.name == "sqlite":
            # Nearly every payment belongs to the programme asked about: reading the table in order
            # (``+ 0`` keeps SQLite off the programme indexes) is 5x faster than fetching 400,000 rows
            # one by one in index order, since ``amount`` is in no index.
            programme = programme + 0  # type: ignore[assignment]
        stmt = select(func.sum(SelfPaymentRow.amount)).where(programme == programme_id)
        return int(self.session.scalar(stmt) or 0)


# -- events -----------------------------------------------------------------------------------------
class EventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, event: WorkerEvent, *, user: str, now: datetime) -> int:
        row = WorkerEventRow(
            worker_id=event.worker_id,
            programme_id=event.programme_id,
            kind=event.kind.value,
            event_date=event.event_date,
            claim_status=event.claim_status.value,
            heir_name=event.heir_name,
            heir_relationship=event.heir_relationship,
            heir_phone=event.heir_phone,
            notes=event.notes,
            created_at=now,
            created_by=user,
            updated_at=now,
            updated_by=user,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def set_claim_status(
        self, event_id: int, status: ClaimStatus, *, notes: str | None, user: str, now: datetime
    ) -> bool:
        row = self.session.get(WorkerEventRow, event_id)
        if row is None:
            return False
        row.claim_status = status.value
        if notes is not None:
            row.notes = notes
        row.updated_at, row.updated_by = now, user
        self.session.flush()
        return True

    def list(self, *, worker_id: int | None = None, programme_id: int | None = None) -> list[WorkerEvent]:
        first_start = (
            select(EnrolmentRow.worker_id.label("wid"), func.min(EnrolmentRow.start_month).label("since"))
            .group_by(EnrolmentRow.worker_id)
            .subquery()
        )
        stmt = (
            select(WorkerEventRow, WorkerRow.name, first_start.c.since)
            .join(WorkerRow, WorkerRow.id == WorkerEventRow.worker_id)
            .outerjoin(first_start, first_start.c.wid == WorkerEventRow.worker_id)
            .order_by(WorkerEventRow.event_date.desc(), WorkerEventRow.id.desc())
        )
        if worker_id is not None:
            stmt = stmt.where(WorkerEventRow.worker_id == worker_id)
        if programme_id is not None:
            stmt = stmt.where(WorkerEventRow.programme_id == programme_id)
        return [
            WorkerEvent(
                worker_id=r.worker_id,
                kind=EventKind(r.kind),
                event_date=r.event_date,
                programme_id=r.programme_id,
                claim_status=ClaimStatus(r.claim_status),
                heir_name=r.heir_name,
                heir_relationship=r.heir_relationship,
                heir_phone=r.heir_phone,
                notes=r.notes,
                id=r.id,
                worker_name=name,
                member_since=Month(since) if since is not None else None,
            )
            for r, name, since in self.session.execute(stmt)
        ]

    def bulk_add(self, rows: Sequence[dict[str, Any]]) -> int:
        if rows:
            self.session.execute(insert(WorkerEventRow), list(rows))
        return len(rows)
