"""Anonymisation reaching the sync history (UU 27/2022; issue 6): once a worker is anonymised, the copies
of its personal values that sync keeps are replaced too.

Sync keeps, per record, every edit ever stored (``sync_edit.data``), the outcome of each field
(``sync_outcome``), the losing values of conflicts (``sync_conflict``), refused edits with the worker's
name (``sync_refusal``) and the travelling versions of worker events with the heir's contact
(``sync_fact``). The anonymisation itself is an edit like any other (kind ``anonymise``), so it travels
and every site converges; each site that stores it (and each import that brings an older edit of an
anonymised record) rewrites that history here:

* stored edits **older** than the anonymisation keep their record, clock, origin and supersedes; the
  personal fields they set get the anonymised values (:func:`~jamsos_desktop.domain.safety.anonymous_values`).
  The newest clock still wins, and an older value now equals the anonymisation's, so the merge decides
  as before and no old value is ever sent again (packages are written from these rows). Edits *newer*
  than the anonymisation (a clerk typing new data afterwards) are left alone;
* outcomes: the personal fields settled at or before the anonymisation get those values (read and
  written through :class:`~jamsos_desktop.persistence.sync_repository.SyncRepository`, whatever its
  storage of outcomes);
* conflicts of personal fields whose losing value is older than the anonymisation are dropped (both
  sides are the same value now: nothing left to review); refused edits older than it are forgotten;
* worker events of the worker: heir's name, phone and notes emptied in the rows and in every stored
  version;
* duplicates merged into the record (tombstones: the same person, never sent again) are anonymised with
  it at every site that knows the merge, their whole history rewritten;
* SQLite: the name search index (FTS5) is merged, so the trigrams of the old names are gone too.

Not rewritten here: unique-value conflicts of *another* record that claims the NIK this one held (the
value is that record's own), package files already written, backups, and free pages of the database file
until SQLite reuses them.

Every statement works on batches of records (IN lists of ``_BATCH``), plain SQLAlchemy Core: the same on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from jamsos_desktop.domain.safety import (
    ANONYMOUS_PREFIX,
    PERSONAL_EVENT_FIELDS,
    PERSONAL_FIELDS,
    anonymous_name,
    anonymous_record,
    anonymous_values,
)
from jamsos_desktop.domain.sync import ChangeKind, stored_text, value_text
from jamsos_desktop.persistence.models import HeirRow, WorkerRow
from jamsos_desktop.persistence.programme_models import WorkerEventRow
from jamsos_desktop.persistence.sync_models import (
    SyncConflictRow,
    SyncEditRow,
    SyncFactRow,
    SyncMergeRow,
    SyncRefusalRow,
)

_BATCH = 500
_loads = json.JSONDecoder().decode
_PERSONAL = frozenset(PERSONAL_FIELDS)
_WORKER_EVENT = "worker_event"  # the kind of worker events in ``sync_fact`` (domain.sync_records)


#: A clock after every clock: the whole history of a record is older.
WHOLE_HISTORY = "9999999999999.999999.~"


def anonymise_rows(session: Session, worker_ids: Sequence[int], *, user: str, now: datetime) -> int:
    """Names, NIK, KK, KPJ, birth place, address, RT/RW, phone, notes and heirs of these worker rows
    replaced (the birth year stays, for age statistics): one executemany UPDATE per batch of 500."""
    table = _table(WorkerRow)
    statement = (
        update(table)
        .where(table.c.id == bindparam("wid"))
        .values(
            name=bindparam("label"), name_key=bindparam("key"), nik=None, no_nik=True, kk="", kpj=None,
            birth_place="", address="", rt="", rw="", phone="", notes="", birth_date=bindparam("born"),
            updated_at=now, updated_by=user[:64], version=table.c.version + 1,
        )  # fmt: skip
    )
    session.flush()
    done = 0
    for chunk in _chunks(worker_ids):
        session.execute(delete(_table(HeirRow)).where(_table(HeirRow).c.worker_id.in_(chunk)))
        rows = [
            {"wid": worker_id, "label": anonymous_name(worker_id), "key": anonymous_name(worker_id).lower(),
             "born": date(born.year, 1, 1)}
            for worker_id, born in session.execute(select(table.c.id, table.c.birth_date).where(table.c.id.in_(chunk)))
        ]  # fmt: skip
        if rows:
            session.execute(statement, rows, execution_options={"synchronize_session": False})
        done += len(rows)
    session.expire_all()  # rows held by the session are stale now
    return done


@dataclass(frozen=True)
class ScrubCounts:
    """What one pass rewrote; ``worker_ids``/``event_ids``: local rows whose audit values go too."""

    edits: int = 0
    outcomes: int = 0
    conflicts: int = 0
    refusals: int = 0
    event_versions: int = 0
    events: int = 0
    worker_ids: tuple[int, ...] = ()
    event_ids: tuple[int, ...] = ()
    uids: tuple[str, ...] = ()  # every record rewritten (with merged duplicates)
    losers: int = 0  # merged duplicates of anonymised records, anonymised with them


def _table(model: Any) -> Table:
    return cast(Table, model.__table__)


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    items = sorted(set(values))
    for start in range(0, len(items), _BATCH):
        yield items[start : start + _BATCH]


class SyncPrivacy:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _sync(self) -> Any:
        from jamsos_desktop.persistence.sync_repository import SyncRepository

        return SyncRepository(self.session)

    # -- which records ----------------------------------------------------------------------------------
    def newest_edits(self, uids: Iterable[str]) -> dict[str, str]:
        """uid -> clock of its newest stored edit (records without edits are left out)."""
        table = _table(SyncEditRow)
        out: dict[str, str] = {}
        for chunk in _chunks(uids):
            stmt = select(table.c.uid, func.max(table.c.hlc)).where(table.c.uid.in_(chunk)).group_by(table.c.uid)
            out.update((u, h) for u, h in self.session.execute(stmt))
        return out

    def mark_anonymisations(self, uids: Iterable[str], before: dict[str, str]) -> dict[str, str]:
        """After the anonymised rows were captured: each record's new newest edit (``before``: the newest
        clocks before the capture) becomes kind ``anonymise``, the sign other sites act on. Returns
        uid -> clock of the anonymisation (none without a sync identity: nothing was captured)."""
        fresh = {u: h for u, h in self.newest_edits(uids).items() if before.get(u) != h}
        if fresh:
            table = _table(SyncEditRow)
            self.session.execute(
                update(table)
                .where(table.c.uid == bindparam("u"), table.c.hlc == bindparam("h"))
                .values(kind=ChangeKind.ANONYMISE)
                .execution_options(synchronize_session=False),
                [{"u": u, "h": h} for u, h in fresh.items()],
            )
        return fresh

    def anonymised(self, uids: Iterable[str]) -> dict[str, str]:
        """uid -> clock of the newest anonymisation stored here, for the records among ``uids`` that
        have one. Only records whose row carries an anonymous name are looked up (a seek on the name
        index finds none in most databases)."""
        wanted = set(uids)
        if not wanted:
            return {}
        self.session.flush()
        prefix = ANONYMOUS_PREFIX.lower().strip()  # "anonim": a range of the name index, then the pattern
        after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        names = select(WorkerRow.uid).where(
            WorkerRow.name_key >= prefix, WorkerRow.name_key < after, WorkerRow.name_key.like(ANONYMOUS_PREFIX.lower() + "%")
        )
        candidates = wanted & set(self.session.scalars(names))
        if not candidates:
            return {}
        table = _table(SyncEditRow)
        out: dict[str, str] = {}
        for chunk in _chunks(candidates):
            stmt = (
                select(table.c.uid, func.max(table.c.hlc))
                .where(table.c.uid.in_(chunk), table.c.kind == ChangeKind.ANONYMISE)
                .group_by(table.c.uid)
            )
            out.update((u, h) for u, h in self.session.execute(stmt))
        return out

    def compact_search_index(self) -> None:
        """SQLite: merge the segments of the name search index (FTS5, ``persistence.search_index``); until
        a merge it keeps the trigrams of replaced names beside their delete markers. Milliseconds for
        tens of thousands of workers. (PostgreSQL's trigram index forgets dead rows at vacuum.)"""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            return
        from jamsos_desktop.persistence.search_index import TABLE

        if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).first() is not None:
            connection.exec_driver_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('optimize')")

    # -- the rewrite ------------------------------------------------------------------------------------
    def scrub(
        self, anonymised: dict[str, str], *, user: str, now: datetime, local: Iterable[str] = ()
    ) -> ScrubCounts:
        """Replace the personal values that sync keeps of the records ``anonymised`` (uid -> clock of
        the anonymisation) as the module docstring says. ``local``: records anonymised here without an
        edit of their own (a tombstone: merged into another record, it never travels again), whose whole
        history is rewritten. Tombstones merged into an anonymised record are the same person: their
        rows are anonymised here too (every site knows the same merges) and their whole history goes."""
        anonymised = dict(anonymised) | {u: WHOLE_HISTORY for u in local if u not in anonymised}
        if not anonymised:
            return ScrubCounts()
        self.session.flush()
        losers = {u for u in self._losers_of(anonymised) if u not in anonymised}
        if losers:
            rows = self._rows(losers)
            anonymise_rows(self.session, [i for i, _n, _b in rows.values()], user=user, now=now)
            anonymised.update((u, WHOLE_HISTORY) for u in losers)
        rows = self._rows(anonymised)
        edits_table = _table(SyncEditRow)
        history: dict[str, list[tuple[str, str]]] = {}
        for chunk in _chunks(anonymised):
            stmt = select(edits_table.c.uid, edits_table.c.hlc, edits_table.c.data).where(edits_table.c.uid.in_(chunk))
            for uid, hlc, data in self.session.execute(stmt):
                history.setdefault(uid, []).append((hlc, data))
        sync = self._sync()
        targets: dict[str, dict[str, Any]] = {}
        for uid, limit in anonymised.items():
            # The values: those of the anonymisation's own edit; a field it did not set was anonymous
            # already, as the row (anonymised here by now) shows.
            own: dict[str, Any] = next((_loads(d) for h, d in history.get(uid, ()) if h == limit), {})
            _id, row_name, row_born = rows.get(uid, (0, "", None))
            name = own.get("name") or (row_name if row_name.lower().startswith(ANONYMOUS_PREFIX.lower()) else "")
            if not isinstance(name, str) or not name:
                continue  # not anonymous here (yet): nothing to copy
            targets[uid] = anonymous_values(name, own.get("birth_date") or row_born)
        rewritten = []
        for uid, target in targets.items():
            for hlc, data in history.get(uid, ()):
                if hlc >= anonymised[uid]:
                    continue
                values = anonymous_record(_loads(data), target)
                if values is not None:
                    rewritten.append({"u": uid, "h": hlc, "d": stored_text(values)})
        if rewritten:
            self.session.execute(
                update(edits_table)
                .where(edits_table.c.uid == bindparam("u"), edits_table.c.hlc == bindparam("h"))
                .values(data=bindparam("d"))
                .execution_options(synchronize_session=False),
                rewritten,
            )
        # Outcomes after the edits: one stored as a reference to an edit reads the rewritten values.
        changed = {}
        for uid, outcome in sync.outcomes(targets).items():
            target, limit, dirty = targets[uid], anonymised[uid], False
            for name in PERSONAL_FIELDS:
                if name in outcome and outcome.hlc(name) <= limit and value_text(outcome.values[name]) != value_text(target[name]):
                    outcome.values[name] = target[name]
                    dirty = True
            if dirty:
                changed[uid] = outcome
        if changed:
            sync.set_outcomes(changed, existing=changed)
        conflicts = self._drop_conflicts(anonymised)
        refusals = self._drop_refusals(anonymised)
        worker_ids = {u: row[0] for u, row in rows.items()}
        event_ids, events = self.clear_events(list(worker_ids.values()), user=user, now=now)
        versions = self._scrub_event_versions(anonymised)
        if rewritten or losers:  # an anonymisation new here: old names left the search index just now
            self.compact_search_index()
        return ScrubCounts(
            edits=len(rewritten), outcomes=len(changed), conflicts=conflicts, refusals=refusals,
            event_versions=versions, events=events, worker_ids=tuple(sorted(worker_ids.values())),
            event_ids=tuple(event_ids), uids=tuple(sorted(anonymised)), losers=len(losers),
        )  # fmt: skip

    def _drop_conflicts(self, anonymised: dict[str, str]) -> int:
        table = _table(SyncConflictRow)
        ids: list[int] = []
        for chunk in _chunks(anonymised):
            stmt = select(table.c.id, table.c.uid, table.c.field, table.c.loser_hlc).where(table.c.uid.in_(chunk))
            ids.extend(i for i, u, f, h in self.session.execute(stmt) if f in _PERSONAL and h < anonymised[u])
        for chunk in _chunks(ids):
            self.session.execute(delete(table).where(table.c.id.in_(chunk)))
        return len(ids)

    def _drop_refusals(self, anonymised: dict[str, str]) -> int:
        table = _table(SyncRefusalRow)
        ids: list[int] = []
        for chunk in _chunks(anonymised):
            stmt = select(table.c.id, table.c.uid, table.c.hlc).where(table.c.uid.in_(chunk))
            ids.extend(i for i, u, h in self.session.execute(stmt) if h < anonymised[u])
        for chunk in _chunks(ids):
            self.session.execute(delete(table).where(table.c.id.in_(chunk)))
        return len(ids)

    def _rows(self, uids: Iterable[str]) -> dict[str, tuple[int, str, Any]]:
        """uid -> (id, name, birth date) of the worker rows held here."""
        out: dict[str, tuple[int, str, Any]] = {}
        for chunk in _chunks(uids):
            stmt = select(WorkerRow.uid, WorkerRow.id, WorkerRow.name, WorkerRow.birth_date).where(WorkerRow.uid.in_(chunk))
            out.update((u, (i, n, b)) for u, i, n, b in self.session.execute(stmt))
        return out

    def _losers_of(self, winners: Iterable[str]) -> set[str]:
        table = _table(SyncMergeRow)
        out: set[str] = set()
        for chunk in _chunks(winners):
            out.update(self.session.scalars(select(table.c.loser).where(table.c.winner.in_(chunk))))
        return out

    def event_ids(self, worker_ids: Sequence[int]) -> list[int]:
        table = _table(WorkerEventRow)
        out: list[int] = []
        for chunk in _chunks(worker_ids):
            out.extend(self.session.scalars(select(table.c.id).where(table.c.worker_id.in_(chunk))))
        return sorted(out)

    def clear_events(self, worker_ids: Sequence[int], *, user: str, now: datetime) -> tuple[list[int], int]:
        """Heir's contact and notes of the workers' events emptied (rows already empty untouched: an
        import of the anonymisation writes the emptied versions itself). (event ids, rows changed)."""
        table = _table(WorkerEventRow)
        ids: list[int] = []
        cleared = 0
        for chunk in _chunks(worker_ids):
            ids.extend(self.session.scalars(select(table.c.id).where(table.c.worker_id.in_(chunk))))
            result = self.session.execute(
                update(table)
                .where(table.c.worker_id.in_(chunk), or_(*(table.c[f] != "" for f in PERSONAL_EVENT_FIELDS)))
                .values({**{f: "" for f in PERSONAL_EVENT_FIELDS}, "updated_at": now, "updated_by": user[:64]})
                .execution_options(synchronize_session=False)
            )
            cleared += int(result.rowcount or 0)  # type: ignore[attr-defined]
        return sorted(ids), cleared

    def _scrub_event_versions(self, anonymised: dict[str, str]) -> int:
        """Every stored version of the workers' events with the heir's contact emptied (the newest clock
        still decides; the versions are written to packages from these rows)."""
        table = _table(SyncFactRow)
        rewritten = []
        for chunk in _chunks(anonymised):
            stmt = select(table.c.gid, table.c.hlc, table.c.data).where(
                and_(table.c.worker.in_(chunk), table.c.kind == _WORKER_EVENT)
            )
            for gid, hlc, data in self.session.execute(stmt):
                body = _loads(data)  # {"data": {…}, "office": …} (sync_records_repository)
                values = body.get("data")
                if isinstance(values, dict) and any(values.get(f) for f in PERSONAL_EVENT_FIELDS):
                    values.update({f: "" for f in PERSONAL_EVENT_FIELDS if f in values})
                    rewritten.append({"g": gid, "h": hlc, "d": stored_text(body)})  # as insert_facts writes it
        if rewritten:
            self.session.execute(
                update(table)
                .where(table.c.gid == bindparam("g"), table.c.hlc == bindparam("h"))
                .values(data=bindparam("d"))
                .execution_options(synchronize_session=False),
                rewritten,
            )
        return len(rewritten)
