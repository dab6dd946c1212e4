"""Repositories of data safety (issue 7): user accounts and the audit trail."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import event, func, insert, select, text, update
from sqlalchemy.orm import Session

from jamsos_desktop.domain.safety import (
    ANONYMOUS_PREFIX,
    GENESIS_HASH,
    AuditEntry,
    AuditQuery,
    Role,
    User,
    entry_hash,
    values_digest,
)
from jamsos_desktop.persistence.concurrency import copy_tuples
from jamsos_desktop.persistence.models import WorkerRow
from jamsos_desktop.persistence.safety_models import AuditRow, UserRow

if TYPE_CHECKING:
    from jamsos_desktop.persistence.sync_privacy import ScrubCounts, SyncPrivacy

#: PostgreSQL advisory lock serialising the end of transactions that extend the audit chain ("AUDIT").
AUDIT_CHAIN_LOCK_KEY = 0x4155444954


_AUDIT_COLUMNS = (
    "seq", "at", "actor", "action", "entity", "entity_id", "old_values", "new_values", "digest",
    "prev_hash", "hash", "erased",
)  # fmt: skip
_AUDIT_INSERT = (
    f"INSERT INTO audit_entry ({', '.join(_AUDIT_COLUMNS)}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})"
)


class AuditRepository:
    """Entries are collected during the transaction and chained at its commit.

    Chaining needs the previous entry's hash, so two transactions must not chain at the same moment.
    On SQLite the single writer already guarantees it. On PostgreSQL several desktops write at once:
    the chain is extended in the ``before_commit`` step under an advisory lock, so the lock is held only
    for the last moments of a transaction, never for the whole of a long import.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._pending: list[dict[str, object]] = []
        self._listening = False
        #: (entity, entity_id) whose values this transaction erased: entries about them chain without.
        self._erased: set[tuple[str, str]] = set()

    def tail(self) -> tuple[int, str]:
        """(last sequence number, its hash), or (0, genesis) for an empty trail (committed entries)."""
        row = self.session.execute(
            select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
        ).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)

    def append(
        self,
        *,
        at: datetime,
        actor: str,
        action: str,
        entity: str,
        entity_id: str,
        old: str | None,
        new: str | None,
    ) -> None:
        """Record one change; it joins the chain when the transaction commits (and vanishes on rollback)."""
        self._pending.append(
            {
                "at": at.replace(microsecond=0).isoformat(),
                "actor": actor[:64],
                "action": action[:32],
                "entity": entity[:32],
                "entity_id": str(entity_id)[:64],
                "old_values": old,
                "new_values": new,
            }
        )
        if not self._listening:
            event.listen(self.session, "before_commit", self._chain_pending)
            event.listen(self.session, "after_rollback", self._drop_pending)
            self._listening = True

    def _drop_pending(self, _session: Session) -> None:
        self._pending.clear()
        self._erased.clear()

    def _chain_pending(self, _session: Session) -> None:
        if not self._pending:
            self._erased.clear()
            return
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": AUDIT_CHAIN_LOCK_KEY})
        seq, prev = self.tail()
        rows: list[tuple[object, ...]] = []
        for pending in self._pending:
            seq += 1
            at, actor, action, entity, entity_id = (
                pending["at"], pending["actor"], pending["action"], pending["entity"], pending["entity_id"]
            )  # fmt: skip
            old, new = pending["old_values"], pending["new_values"]
            digest = values_digest(old, new)  # type: ignore[arg-type]
            digest_hash = entry_hash(
                prev, seq=seq, at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, digest=digest  # type: ignore[arg-type]
            )
            erased = (entity, entity_id) in self._erased
            if erased:
                old = new = None
            rows.append((seq, at, actor, action, entity, entity_id, old, new, digest, prev, digest_hash, erased))
            prev = digest_hash
        self._pending.clear()
        self._erased.clear()
        if connection.dialect.name == "postgresql" and len(rows) > 50:
            copy_tuples(self.session, "audit_entry", _AUDIT_COLUMNS, rows)
            return
        if connection.dialect.name == "sqlite" and len(rows) > 50:
            # Thousands of entries (an import): one driver-level executemany, several times faster than
            # the ORM's insert of dicts; the flag is stored as the ORM would (0/1).
            connection.exec_driver_sql(_AUDIT_INSERT, [(*row[:-1], int(bool(row[-1]))) for row in rows])
            return
        connection.execute(insert(AuditRow), [dict(zip(_AUDIT_COLUMNS, row, strict=True)) for row in rows])

    def append_many(
        self, *, at: datetime, actor: str, entries: Sequence[tuple[str, str, str, str | None, str | None]]
    ) -> int:
        """Record many changes (action, entity, entity_id, old, new) by one actor at one time (an
        import of thousands of workers); they are chained and inserted together at the commit."""
        if not entries:
            return 0
        first, *rest = entries
        action, entity, entity_id, old, new = first
        self.append(at=at, actor=actor, action=action, entity=entity, entity_id=entity_id, old=old, new=new)
        stamp, who = at.replace(microsecond=0).isoformat(), actor[:64]
        self._pending.extend(
            {
                "at": stamp,
                "actor": who,
                "action": action[:32],
                "entity": entity[:32],
                "entity_id": str(entity_id)[:64],
                "old_values": old,
                "new_values": new,
            }
            for action, entity, entity_id, old, new in rest
        )
        return len(entries)

    def latest_hash(self) -> str:
        return self.tail()[1]

    def count(self) -> int:
        return int(self.session.scalar(select(func.count()).select_from(AuditRow)) or 0)

    def iterate(self, batch: int = 5000) -> Iterator[AuditEntry]:
        """Every entry in sequence order, read in batches (for verification)."""
        last = 0
        while True:
            rows = self.session.scalars(
                select(AuditRow).where(AuditRow.seq > last).order_by(AuditRow.seq).limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _entry(row)
            last = rows[-1].seq

    def search(self, query: AuditQuery) -> list[AuditEntry]:
        stmt = select(AuditRow)
        if query.actor:
            stmt = stmt.where(AuditRow.actor == query.actor)
        if query.entity:
            stmt = stmt.where(AuditRow.entity == query.entity)
        if query.entity_id:
            stmt = stmt.where(AuditRow.entity_id == query.entity_id)
        if query.since is not None:
            stmt = stmt.where(AuditRow.at >= query.since.isoformat())
        if query.until is not None:
            stmt = stmt.where(AuditRow.at < (query.until + timedelta(days=1)).isoformat())
        stmt = stmt.order_by(AuditRow.seq.desc()).offset(query.offset).limit(query.limit)
        return [_entry(r) for r in self.session.scalars(stmt)]

    def actors(self) -> list[str]:
        return list(self.session.scalars(select(AuditRow.actor).distinct().order_by(AuditRow.actor)))

    def entities(self) -> list[str]:
        return list(self.session.scalars(select(AuditRow.entity).distinct().order_by(AuditRow.entity)))

    def erase_values(self, entity: str, entity_ids: Sequence[str]) -> int:
        """Remove the values (not the entries) about these records: the chain keeps their digests.
        Entries recorded in this transaction and not chained yet are chained with the digest of their
        values, then stored without them — also those recorded later in this transaction (an import
        that brings an anonymisation records the values it replaced after it has learnt they must go)."""
        total = 0
        keys = {(entity[:32], str(i)[:64]) for i in entity_ids}
        self._erased |= keys
        total += sum(1 for p in self._pending if (p["entity"], p["entity_id"]) in keys)
        for start in range(0, len(entity_ids), 500):
            chunk = list(entity_ids[start : start + 500])
            result = self.session.execute(
                update(AuditRow)
                .where(AuditRow.entity == entity, AuditRow.entity_id.in_(chunk), AuditRow.erased.is_(False))
                .values(old_values=None, new_values=None, erased=True)
            )
            total += int(result.rowcount or 0)  # type: ignore[attr-defined]
        return total


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        seq=row.seq,
        at=row.at,
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        old=row.old_values,
        new=row.new_values,
        digest=row.digest,
        prev_hash=row.prev_hash,
        hash=row.hash,
        erased=bool(row.erased),
    )


class UserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def count(self, *, active_only: bool = False) -> int:
        stmt = select(func.count()).select_from(UserRow)
        if active_only:
            stmt = stmt.where(UserRow.active.is_(True))
        return int(self.session.scalar(stmt) or 0)

    def add(
        self, *, username: str, full_name: str, role: Role, password_hash: str, now: datetime, by: str
    ) -> int:
        row = UserRow(
            username=username,
            full_name=full_name,
            role=role.value,
            password_hash=password_hash,
            active=True,
            failed_attempts=0,
            created_at=now,
            created_by=by,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def get(self, user_id: int) -> User | None:
        row = self.session.get(UserRow, user_id)
        return _user(row) if row is not None else None

    def by_username(self, username: str) -> User | None:
        row = self.session.scalar(select(UserRow).where(UserRow.username == username))
        return _user(row) if row is not None else None

    def password_hash(self, user_id: int) -> str | None:
        return self.session.scalar(select(UserRow.password_hash).where(UserRow.id == user_id))

    def list(self) -> list[User]:
        return [_user(r) for r in self.session.scalars(select(UserRow).order_by(UserRow.username))]

    def update(self, user_id: int, **values: object) -> bool:
        allowed = {
            "full_name",
            "role",
            "password_hash",
            "active",
            "failed_attempts",
            "locked_until",
            "last_login_at",
        }
        unknown = set(values) - allowed
        if unknown:
            raise ValueError(f"not a user field: {sorted(unknown)}")
        if "role" in values and isinstance(values["role"], Role):
            values["role"] = values["role"].value
        result = self.session.execute(update(UserRow).where(UserRow.id == user_id).values(**values))
        return bool(result.rowcount)  # type: ignore[attr-defined]


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        username=row.username,
        full_name=row.full_name,
        role=Role(row.role),
        active=bool(row.active),
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        last_login_at=row.last_login_at,
        created_at=row.created_at,
    )


class PrivacyRepository:
    """Anonymisation of long-inactive workers (UU 27/2022 retention): names, NIK and heirs go; the
    worker row, its enrolments and payments stay, so counts and money still add up. The copies sync
    keeps are rewritten by :mod:`jamsos_desktop.persistence.sync_privacy` (methods below)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._sync_privacy: SyncPrivacy | None = None

    @property
    def sync(self) -> SyncPrivacy:
        if self._sync_privacy is None:
            from jamsos_desktop.persistence.sync_privacy import SyncPrivacy

            self._sync_privacy = SyncPrivacy(self.session)
        return self._sync_privacy

    def due(self, cutoff: date, statuses: Sequence[str]) -> list[int]:
        stmt = (
            select(WorkerRow.id)
            .where(
                WorkerRow.status.in_(list(statuses)),
                WorkerRow.end_date.is_not(None),
                WorkerRow.end_date < cutoff,
                WorkerRow.name_key.not_like(ANONYMOUS_PREFIX.lower() + "%"),
            )
            .order_by(WorkerRow.id)
        )
        return list(self.session.scalars(stmt))

    def uids(self, worker_ids: Sequence[int]) -> list[str]:
        out: list[str] = []
        for start in range(0, len(worker_ids), 500):
            chunk = list(worker_ids[start : start + 500])
            out.extend(self.session.scalars(select(WorkerRow.uid).where(WorkerRow.id.in_(chunk))))
        return out

    def anonymise(self, worker_ids: Sequence[int], *, user: str, now: datetime) -> int:
        """One UPDATE statement (executemany) per batch of 500 workers: thousands at once."""
        from jamsos_desktop.persistence.sync_privacy import anonymise_rows

        done = anonymise_rows(self.session, worker_ids, user=user, now=now)
        # The heir's contact in the workers' events (deaths, accidents) goes with the heirs.
        self.sync.clear_events(worker_ids, user=user, now=now)
        self.sync.compact_search_index()
        return done

    def event_ids(self, worker_ids: Sequence[int]) -> list[int]:
        """Ids of the events (deaths, accidents) of these workers."""
        return self.sync.event_ids(worker_ids)

    # -- the copies sync keeps (persistence.sync_privacy) -------------------------------------------------
    def newest_edits(self, uids: Sequence[str]) -> dict[str, str]:
        return self.sync.newest_edits(uids)

    def mark_anonymisations(self, uids: Sequence[str], before: dict[str, str]) -> dict[str, str]:
        return self.sync.mark_anonymisations(uids, before)

    def anonymised(self, uids: Iterable[str]) -> dict[str, str]:
        return self.sync.anonymised(uids)

    def scrub_sync(
        self, anonymised: dict[str, str], *, user: str, now: datetime, local: Iterable[str] = ()
    ) -> ScrubCounts:
        return self.sync.scrub(anonymised, user=user, now=now, local=local)
