"""Sync storage of worker events (deaths, work accidents) and handover events (``uow.sync.records.events``):
the rows as capture reads them and as an import writes them (issue 6). The travelling versions and the
bindings of global ids are those of :mod:`jamsos_desktop.persistence.sync_records_repository`.

Both tables are small (a regency records tens to hundreds of events a year): capture reads them whole,
two queries when they are empty."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Select, Table, delete, select, update

from jamsos_desktop.persistence.card_models import HandoverEventRow, HandoverRecipientRow
from jamsos_desktop.persistence.concurrency import reserve_ids
from jamsos_desktop.persistence.models import WorkerRow
from jamsos_desktop.persistence.programme_models import WorkerEventRow

if TYPE_CHECKING:
    from jamsos_desktop.persistence.sync_repository import SyncRepository

_BATCH = 900
#: The values of a worker event as they travel (besides the worker's uid and the programme).
EVENT_FIELDS = ("kind", "event_date", "claim_status", "heir_name", "heir_relationship", "heir_phone", "notes",
                "created_at", "created_by", "updated_at", "updated_by")  # fmt: skip
#: The values of a handover event as they travel (besides the programme and the recipients).
HANDOVER_FIELDS = ("name", "event_date", "place", "officials", "created_at", "created_by")


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _stored(data: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    """Travelling values as columns: ISO dates and times back to Python values."""
    out: dict[str, Any] = {}
    for key in fields:
        value = data[key]
        if key == "event_date":
            value = date.fromisoformat(value)
        elif key in ("created_at", "updated_at"):
            value = datetime.fromisoformat(value)
        out[key] = value
    return out


class SyncEventRecords:
    def __init__(self, sync: SyncRepository) -> None:
        self.sync = sync
        self.session = sync.session

    def _rows(self, stmt: Select[Any], column: Any, ids: Iterable[int] | None) -> list[Any]:
        if ids is None:
            return list(self.session.execute(stmt))
        values = sorted(set(ids))
        rows: list[Any] = []
        for start in range(0, len(values), _BATCH):
            rows.extend(self.session.execute(stmt.where(column.in_(values[start : start + _BATCH]))))
        return rows

    # -- worker events ------------------------------------------------------------------------------
    def worker_events(
        self, ids: Iterable[int] | None = None
    ) -> dict[int, tuple[str, int | None, dict[str, Any]]]:
        """event id -> (worker uid, programme id, the travelling values without the programme)."""
        e, w = _table(WorkerEventRow), _table(WorkerRow)
        stmt = select(e.c.id, w.c.uid, e.c.programme_id, *(e.c[k] for k in EVENT_FIELDS)).join(
            w, w.c.id == e.c.worker_id
        )
        out = {}
        for row in self._rows(stmt, e.c.id, ids):
            values = {k: _iso(v) if v is not None else "" for k, v in zip(EVENT_FIELDS, row[3:], strict=True)}
            out[row[0]] = (row[1], row[2], values)
        return out

    def write_worker_event(self, local_id: int | None, worker_id: int, programme_id: int | None,
                           data: dict[str, Any]) -> int:  # fmt: skip
        """Insert (``local_id`` None) or overwrite one worker event with travelling values."""
        e = _table(WorkerEventRow)
        values = {"worker_id": worker_id, "programme_id": programme_id, **_stored(data, EVENT_FIELDS)}
        if local_id is None:
            local_id = reserve_ids(self.session, e, 1)[0]
            self.session.execute(e.insert().values(id=local_id, **values))
        else:
            self.session.execute(update(e).where(e.c.id == local_id).values(**values))
        return local_id

    # -- handover events ----------------------------------------------------------------------------
    def handovers(
        self, ids: Iterable[int] | None = None
    ) -> dict[int, tuple[int | None, dict[str, Any], list[str]]]:
        """event id -> (programme id, the travelling values without programme and recipients, the
        recipients' uids in the order they are called)."""
        h, r, w = _table(HandoverEventRow), _table(HandoverRecipientRow), _table(WorkerRow)
        stmt = select(h.c.id, h.c.programme_id, *(h.c[k] for k in HANDOVER_FIELDS))
        out: dict[int, tuple[int | None, dict[str, Any], list[str]]] = {}
        for row in self._rows(stmt, h.c.id, ids):
            values = {
                k: _iso(v) if v is not None else "" for k, v in zip(HANDOVER_FIELDS, row[2:], strict=True)
            }
            out[row[0]] = (row[1], values, [])
        if not out:
            return out
        people = (
            select(r.c.event_id, w.c.uid)
            .join(w, w.c.id == r.c.worker_id)
            .order_by(r.c.event_id, r.c.position, r.c.id)
        )
        for event_id, uid in self._rows(people, r.c.event_id, None if ids is None else out):
            if event_id in out:
                out[event_id][2].append(uid)
        return out

    def handovers_naming(self, worker_id: int) -> list[int]:
        """The handover events with this worker row among their recipients."""
        r = _table(HandoverRecipientRow)
        return sorted(self.session.scalars(select(r.c.event_id).where(r.c.worker_id == worker_id).distinct()))

    def move_recipients(self, loser_id: int, winner_id: int) -> int:
        """The loser's places in handover lists go to the winner; where both are named, the winner keeps
        one place, the earlier of the two (as an import names a merged record's survivor). Rows moved."""
        r = _table(HandoverRecipientRow)
        moved = 0
        places = self.session.execute(
            select(r.c.event_id, r.c.worker_id, r.c.position).where(r.c.worker_id.in_((loser_id, winner_id)))
        ).all()
        winners = {event: position for event, worker, position in places if worker == winner_id}
        for event, worker, position in places:
            if worker != loser_id:
                continue
            if event in winners:
                self.session.execute(
                    update(r).where(r.c.event_id == event, r.c.worker_id == winner_id)
                    .values(position=min(position, winners[event]))
                )  # fmt: skip
                self.session.execute(delete(r).where(r.c.event_id == event, r.c.worker_id == loser_id))
            else:
                self.session.execute(
                    update(r).where(r.c.event_id == event, r.c.worker_id == loser_id).values(worker_id=winner_id)
                )
            moved += 1
        return moved

    def write_handover(self, local_id: int | None, programme_id: int | None, data: dict[str, Any],
                       worker_ids: Sequence[int]) -> int:  # fmt: skip
        """Insert or overwrite one handover event and replace its recipients (in this order)."""
        h, r = _table(HandoverEventRow), _table(HandoverRecipientRow)
        values = {"programme_id": programme_id, **_stored(data, HANDOVER_FIELDS)}
        if local_id is None:
            local_id = reserve_ids(self.session, h, 1)[0]
            self.session.execute(h.insert().values(id=local_id, **values))
        else:
            self.session.execute(update(h).where(h.c.id == local_id).values(**values))
            self.session.execute(delete(r).where(r.c.event_id == local_id))
        if worker_ids:
            ids = reserve_ids(self.session, r, len(worker_ids))
            self.session.execute(r.insert(), [
                {"id": i, "event_id": local_id, "worker_id": wid, "position": n}
                for n, (i, wid) in enumerate(zip(ids, worker_ids, strict=True), start=1)
            ])  # fmt: skip
        return local_id
