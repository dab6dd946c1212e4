"""Card prints and handover events in SQL (issue 4). Methods return domain dataclasses, never rows.

A card's programme facts (name, funders, funded months) are read straight from the programme tables of
migration ``0002_programmes``: a worker's card shows the enrolment asked for, or his latest one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.orm import Session, aliased

from jamsos_desktop.domain.cards import (
    CardLayout,
    CardPrint,
    CardReason,
    CardSubject,
    HandoverEvent,
    HandoverEventData,
    HandoverRecipient,
    PendingCard,
)
from jamsos_desktop.domain.worker_types import WorkerStatus
from jamsos_desktop.persistence.card_models import CardPrintRow, HandoverEventRow, HandoverRecipientRow
from jamsos_desktop.persistence.concurrency import serialize
from jamsos_desktop.persistence.models import RegionRow, WorkerRow
from jamsos_desktop.persistence.programme_models import EnrolmentRow, FunderRow, ProgrammeRow

_village = aliased(RegionRow, name="card_village")
_district = aliased(RegionRow, name="card_district")
_ACTIVE = [s.value for s in WorkerStatus if s.is_active]
_CHUNK = 900


def _month(index: int | None) -> tuple[int, int] | None:
    return None if index is None else (index // 12, index % 12 + 1)


def _handout_order() -> list[Any]:
    return [
        func.coalesce(_district.name, ""),
        func.coalesce(_village.name, ""),
        WorkerRow.name_key,
        WorkerRow.id,
    ]


class CardRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- choosing whom to print ---------------------------------------------------------------------
    def select_ids(
        self,
        *,
        programme_id: int | None = None,
        village_codes: Sequence[str] = (),
        niks: Sequence[str] = (),
        worker_ids: Sequence[int] = (),
        pending_only: bool = False,
        active_only: bool = True,
    ) -> list[int]:
        """Worker ids matching every given filter, in handout order (kecamatan, village, name)."""
        stmt = (
            select(WorkerRow.id)
            .outerjoin(_village, _village.code == WorkerRow.village_code)
            .outerjoin(_district, _district.code == _village.parent)
        )
        conditions: list[Any] = []
        if active_only:
            conditions.append(WorkerRow.status.in_(_ACTIVE))
        if programme_id is not None:
            enrolled = select(EnrolmentRow.worker_id).where(
                EnrolmentRow.programme_id == programme_id, EnrolmentRow.exit_date.is_(None)
            )
            conditions.append(WorkerRow.id.in_(enrolled))
        if village_codes:
            conditions.append(WorkerRow.village_code.in_(list(village_codes)))
        if niks:
            conditions.append(WorkerRow.nik.in_(list(niks)))
        if worker_ids:
            conditions.append(WorkerRow.id.in_(list(worker_ids)))
        if pending_only:
            printed = select(CardPrintRow.worker_id)
            if programme_id is not None:
                printed = printed.where(CardPrintRow.programme_id == programme_id)
            conditions.append(WorkerRow.id.not_in(printed))
        if conditions:
            stmt = stmt.where(and_(*conditions))
        return list(self.session.scalars(stmt.order_by(*_handout_order())))

    def pending(
        self, *, programme_id: int | None = None, village_codes: Sequence[str] = ()
    ) -> list[PendingCard]:
        ids = self.select_ids(programme_id=programme_id, village_codes=village_codes, pending_only=True)
        return self.pending_rows(ids)

    def pending_preview(self, *, programme_id: int | None = None, limit: int) -> tuple[int, list[PendingCard]]:
        """How many cards are not printed yet, and the first ``limit`` of them in handout order."""
        ids = self.select_ids(programme_id=programme_id, village_codes=(), pending_only=True)
        return len(ids), self.pending_rows(ids[:limit])

    def pending_rows(self, ids: Sequence[int]) -> list[PendingCard]:
        out: list[PendingCard] = []
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            stmt = (
                select(
                    WorkerRow.id,
                    WorkerRow.name,
                    WorkerRow.nik,
                    WorkerRow.kpj,
                    WorkerRow.village_code,
                    func.coalesce(_village.name, ""),
                    func.coalesce(_district.name, ""),
                )
                .outerjoin(_village, _village.code == WorkerRow.village_code)
                .outerjoin(_district, _district.code == _village.parent)
                .where(WorkerRow.id.in_(chunk))
            )
            rows = {r[0]: r for r in self.session.execute(stmt)}
            out.extend(
                PendingCard(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6])
                for r in (rows[i] for i in chunk if i in rows)
            )
        return out

    # -- what the cards say ---------------------------------------------------------------------------
    def subjects(self, worker_ids: Sequence[int], *, programme_id: int | None = None) -> list[CardSubject]:
        """Card facts for ``worker_ids`` in the same order; the programme asked for or the latest one."""
        programmes = {
            row.id: row
            for row in self.session.execute(
                select(ProgrammeRow.id, ProgrammeRow.name, ProgrammeRow.monthly_amount)
            )
        }
        funders: dict[int, list[tuple[int, str]]] = {}
        for fid, pid, name in self.session.execute(
            select(FunderRow.id, FunderRow.programme_id, FunderRow.name).order_by(
                FunderRow.programme_id, FunderRow.position, FunderRow.id
            )
        ):
            funders.setdefault(pid, []).append((fid, name))
        out: list[CardSubject] = []
        for start in range(0, len(worker_ids), _CHUNK):
            chunk = list(worker_ids[start : start + _CHUNK])
            stmt = (
                select(
                    WorkerRow.id,
                    WorkerRow.name,
                    WorkerRow.nik,
                    WorkerRow.kpj,
                    WorkerRow.village_code,
                    func.coalesce(_village.name, ""),
                    func.coalesce(_district.name, ""),
                )
                .outerjoin(_village, _village.code == WorkerRow.village_code)
                .outerjoin(_district, _district.code == _village.parent)
                .where(WorkerRow.id.in_(chunk))
            )
            workers = {r[0]: r for r in self.session.execute(stmt)}
            enrol_stmt = select(
                EnrolmentRow.worker_id,
                EnrolmentRow.programme_id,
                EnrolmentRow.funder_id,
                EnrolmentRow.start_month,
                EnrolmentRow.funded_from,
                EnrolmentRow.funded_to,
                EnrolmentRow.exit_date,
            ).where(EnrolmentRow.worker_id.in_(chunk))
            if programme_id is not None:
                enrol_stmt = enrol_stmt.where(EnrolmentRow.programme_id == programme_id)
            best: dict[int, Any] = {}
            for e in self.session.execute(enrol_stmt):
                current = best.get(e.worker_id)
                # Prefer an enrolment still running, then the latest start.
                key = (e.exit_date is None, e.start_month, e.programme_id)
                if current is None or key > (
                    current.exit_date is None,
                    current.start_month,
                    current.programme_id,
                ):
                    best[e.worker_id] = e
            for worker_id in chunk:
                w = workers.get(worker_id)
                if w is None:
                    continue
                e = best.get(worker_id)
                if e is None:
                    out.append(CardSubject(w[0], w[1], w[2], w[3] or "", w[5], w[6], village_code=w[4]))
                    continue
                prog = programmes.get(e.programme_id)
                names = [n for fid, n in funders.get(e.programme_id, []) if e.funder_id in (None, fid)]
                funded = e.funded_to >= e.funded_from
                out.append(
                    CardSubject(
                        w[0],
                        w[1],
                        w[2],
                        w[3] or "",
                        w[5],
                        w[6],
                        programme_id=e.programme_id,
                        programme_name=prog.name if prog else "",
                        funders=tuple(names),
                        funded_from=_month(e.funded_from) if funded else None,
                        funded_to=_month(e.funded_to) if funded else None,
                        monthly_amount=prog.monthly_amount if prog else 16_800,
                        village_code=w[4],
                    )
                )
        return out

    # -- print records ----------------------------------------------------------------------------------
    def serials_in_year(self, year: int, station_code: str = "") -> int:
        """The highest running number used in ``year`` in one serial namespace: the office's
        (``25-000123``) or a station's (``25-TL-000123``); 0 when none.

        Inside a write, the year's counter stays with this transaction until it ends (other desktops on
        a server wait), so two prints never take the same numbers.
        """
        serialize(self.session, f"card-serial-{year}")  # a no-op on SQLite, whose writer is alone anyway
        middle = f"{station_code}-" if station_code else ""
        # Six single-character wildcards: exactly this namespace (a station's longer serials, or the
        # office's shorter ones, have another length).
        pattern = f"{year % 100:02d}-{middle}" + "_" * 6
        last = self.session.scalar(select(func.max(CardPrintRow.serial)).where(CardPrintRow.serial.like(pattern)))
        return int(last[-6:]) if last and last[-6:].isdigit() else 0

    def printed_worker_ids(self, worker_ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for start in range(0, len(worker_ids), _CHUNK):
            chunk = list(worker_ids[start : start + _CHUNK])
            found.update(
                self.session.scalars(
                    select(CardPrintRow.worker_id).where(CardPrintRow.worker_id.in_(chunk)).distinct()
                )
            )
        return found

    def record(self, prints: Iterable[CardPrint]) -> int:
        rows = [
            {
                "serial": p.serial,
                "worker_id": p.worker_id,
                "programme_id": p.programme_id,
                "printed_at": p.printed_at,
                "printed_by": p.printed_by,
                "reason": p.reason.value,
                "layout": p.layout.value,
            }
            for p in prints
        ]
        if rows:
            self.session.execute(insert(CardPrintRow), rows)
        return len(rows)

    def by_serial(self, serial: str) -> CardPrint | None:
        row = self.session.execute(
            select(CardPrintRow, WorkerRow.name)
            .join(WorkerRow, WorkerRow.id == CardPrintRow.worker_id)
            .where(CardPrintRow.serial == serial)
        ).first()
        return _to_print(row[0], row[1]) if row else None

    def history(self, worker_id: int) -> list[CardPrint]:
        rows = self.session.execute(
            select(CardPrintRow, WorkerRow.name)
            .join(WorkerRow, WorkerRow.id == CardPrintRow.worker_id)
            .where(CardPrintRow.worker_id == worker_id)
            .order_by(CardPrintRow.printed_at, CardPrintRow.id)
        )
        return [_to_print(r, name) for r, name in rows]

    def latest_serial(self, worker_id: int) -> str | None:
        return self.session.scalar(
            select(CardPrintRow.serial)
            .where(CardPrintRow.worker_id == worker_id)
            .order_by(CardPrintRow.printed_at.desc(), CardPrintRow.id.desc())
            .limit(1)
        )

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(CardPrintRow)) or 0)


def _to_print(row: CardPrintRow, name: str) -> CardPrint:
    return CardPrint(
        serial=row.serial,
        worker_id=row.worker_id,
        programme_id=row.programme_id,
        printed_at=row.printed_at,
        printed_by=row.printed_by,
        reason=CardReason(row.reason),
        layout=CardLayout(row.layout),
        worker_name=name,
    )


class HandoverRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, data: HandoverEventData, *, user: str, now: datetime) -> int:
        row = HandoverEventRow(
            name=data.name,
            event_date=data.event_date,
            place=data.place,
            officials=data.officials,
            programme_id=data.programme_id,
            created_at=now,
            created_by=user,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def update(self, event_id: int, data: HandoverEventData) -> bool:
        result = self.session.execute(
            update(HandoverEventRow)
            .where(HandoverEventRow.id == event_id)
            .values(
                name=data.name,
                event_date=data.event_date,
                place=data.place,
                officials=data.officials,
                programme_id=data.programme_id,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def get(self, event_id: int) -> HandoverEvent | None:
        return next(iter(self._events(HandoverEventRow.id == event_id)), None)

    def list(self) -> list[HandoverEvent]:
        return self._events(None)

    def _events(self, condition: Any) -> list[HandoverEvent]:
        counts = (
            select(HandoverRecipientRow.event_id, func.count().label("n"))
            .group_by(HandoverRecipientRow.event_id)
            .subquery()
        )
        stmt = select(HandoverEventRow, func.coalesce(counts.c.n, 0)).outerjoin(
            counts, counts.c.event_id == HandoverEventRow.id
        )
        if condition is not None:
            stmt = stmt.where(condition)
        stmt = stmt.order_by(HandoverEventRow.event_date.desc(), HandoverEventRow.id.desc())
        return [
            HandoverEvent(
                name=r.name,
                event_date=r.event_date,
                place=r.place,
                officials=r.officials,
                programme_id=r.programme_id,
                id=r.id,
                recipients=int(n),
            )
            for r, n in self.session.execute(stmt)
        ]

    def add_recipient(self, event_id: int, worker_id: int) -> bool:
        """Append ``worker_id`` to the event's recipients; False when already there."""
        exists = self.session.scalar(
            select(HandoverRecipientRow.id).where(
                HandoverRecipientRow.event_id == event_id, HandoverRecipientRow.worker_id == worker_id
            )
        )
        if exists is not None:
            return False
        position = self.session.scalar(
            select(func.coalesce(func.max(HandoverRecipientRow.position), 0)).where(
                HandoverRecipientRow.event_id == event_id
            )
        )
        self.session.execute(
            insert(HandoverRecipientRow),
            [{"event_id": event_id, "worker_id": worker_id, "position": int(position or 0) + 1}],
        )
        return True

    def remove_recipient(self, event_id: int, worker_id: int) -> bool:
        result = self.session.execute(
            delete(HandoverRecipientRow).where(
                HandoverRecipientRow.event_id == event_id, HandoverRecipientRow.worker_id == worker_id
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def recipients(self, event_id: int) -> list[HandoverRecipient]:
        stmt = (
            select(
                HandoverRecipientRow.worker_id,
                HandoverRecipientRow.position,
                WorkerRow.name,
                WorkerRow.nik,
                WorkerRow.kpj,
                func.coalesce(_village.name, ""),
                WorkerRow.occupation,
                func.coalesce(_district.name, ""),
            )
            .join(WorkerRow, WorkerRow.id == HandoverRecipientRow.worker_id)
            .outerjoin(_village, _village.code == WorkerRow.village_code)
            .outerjoin(_district, _district.code == _village.parent)
            .where(HandoverRecipientRow.event_id == event_id)
            .order_by(HandoverRecipientRow.position, HandoverRecipientRow.id)
        )
        return [
            HandoverRecipient(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7])
            for r in self.session.execute(stmt)
        ]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(HandoverEventRow)) or 0)
