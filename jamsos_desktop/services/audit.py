"""The audit trail (*jejak audit*): every change with who, when, what, old and new values.

Service code calls :func:`record` inside the unit of work that makes the change, so the entry commits
or rolls back with it. Entries are hash-chained (``domain.safety``): editing, inserting or deleting an
entry in the middle breaks the chain and ``check`` reports it (exit 3). The latest chain hash travels in
sync packages (:meth:`AuditService.latest_chain_hash`), so the office also notices a trail cut short.
"""

from __future__ import annotations

import hashlib
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from jamsos_desktop.domain.safety import AuditEntry, AuditQuery, canonical_json, mask_values, verify_chain
from jamsos_desktop.services.ports import UnitOfWorkFactory

#: Fields of a worker that are bookkeeping, not values a clerk changed.
_NOISE = {"version", "updated_at", "updated_by", "created_at", "created_by"}


def values(obj: Any) -> dict[str, Any] | None:
    """A record as plain JSON-able values (dataclasses flattened, bookkeeping fields dropped)."""
    if obj is None:
        return None
    data = flat(obj) if is_dataclass(obj) and not isinstance(obj, type) else dict(obj)
    return {k: v for k, v in data.items() if k not in _NOISE}


_FIELDS: dict[type, tuple[str, ...]] = {}
_JSON = frozenset({str, int, float, bool, type(None)})


def flat(value: Any) -> Any:
    """The JSON form ``canonical_json`` gives a record (dataclasses as dicts, enums as their values, dates
    in ISO form), built directly: no deep copy as in ``dataclasses.asdict`` and no callback per value in
    the JSON encoder, so an import can audit thousands of workers in a fraction of a second."""
    cls = type(value)
    if cls in _JSON:
        return value
    names = _FIELDS.get(cls)
    if names is None and is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[cls] = tuple(f.name for f in fields(value))
    if names is not None:
        out = {}
        for name in names:
            v = getattr(value, name)
            out[name] = v if type(v) in _JSON else flat(v)
        return out
    if cls is list or cls is tuple or isinstance(value, set | frozenset):
        return [flat(v) for v in value]
    if isinstance(value, dict):
        return {k: flat(v) for k, v in value.items()}
    if isinstance(value, Enum):
        return flat(value.value)
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, int | float | str):
        return value
    return str(value)  # what canonical_json writes for anything else


def file_digest(path: Path) -> str:
    """SHA-256 of an imported file, so the trail names exactly which file was read ("" if unreadable)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def record(
    uow: Any,
    actor: str,
    action: str,
    entity: str,
    entity_id: object,
    old: Any = None,
    new: Any = None,
    *,
    at: datetime | None = None,
) -> None:
    """Add one entry to the trail in ``uow``'s transaction (chained at commit; a no-op without a trail)."""
    store = getattr(uow, "audit", None)
    if store is None:
        return
    old_json = canonical_json(values(old) if is_dataclass(old) else old) if old is not None else None
    new_json = canonical_json(values(new) if is_dataclass(new) else new) if new is not None else None
    store.append(
        at=at or datetime.now(),
        actor=actor,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        old=old_json,
        new=new_json,
    )


def record_many(
    uow: Any,
    actor: str,
    entries: list[tuple[str, str, object, Any, Any]],
    *,
    at: datetime | None = None,
) -> int:
    """Append many entries ``(action, entity, entity_id, old, new)`` in ``uow``'s transaction at once
    (imports); the same chain as :func:`record` one by one."""
    store = getattr(uow, "audit", None)
    if store is None or not entries:
        return 0

    def text(value: Any) -> str | None:
        if value is None:
            return None
        return canonical_json(values(value) if is_dataclass(value) else value)

    return int(
        store.append_many(
            at=at or datetime.now(),
            actor=actor,
            entries=[(a, e, str(i), text(old), text(new)) for a, e, i, old, new in entries],
        )
    )


class AuditService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def search(self, query: AuditQuery, *, mask: bool = False) -> list[AuditEntry]:
        with self._uow() as uow:
            found = uow.audit.search(query)
        if not mask:
            return found
        from dataclasses import replace

        return [
            replace(
                e,
                old=canonical_json(mask_values(e.old_values())) if e.old else e.old,
                new=canonical_json(mask_values(e.new_values())) if e.new else e.new,
            )
            for e in found
        ]

    def actors(self) -> list[str]:
        with self._uow() as uow:
            return uow.audit.actors()

    def entities(self) -> list[str]:
        with self._uow() as uow:
            return uow.audit.entities()

    def count(self) -> int:
        with self._uow() as uow:
            return uow.audit.count()

    def latest_chain_hash(self) -> str:
        """The hash of the newest entry (64 zeros for an empty trail), for sync packages."""
        with self._uow() as uow:
            return uow.audit.latest_hash()

    def verify(self) -> tuple[int, list[str]]:
        """(entries checked, problems as sentences' parameters) over the whole chain."""
        with self._uow() as uow:
            count = 0

            def counted():  # type: ignore[no-untyped-def]
                nonlocal count
                for entry in uow.audit.iterate():
                    count += 1
                    yield entry

            problems = verify_chain(counted())
        return count, [f"#{p.seq}: {p.reason}" for p in problems]
