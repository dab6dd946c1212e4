"""Worker and heir rows as SQLite stores them, made without SQLAlchemy: the demo's helper process
imports only this (and the domain), not the ORM, so it starts in a fraction of the time."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any

from jamsos_desktop.domain.normalize import search_key
from jamsos_desktop.domain.worker import WorkerData

WORKER_COLUMNS = (
    "id", "uid", "nik", "no_nik", "kk", "name", "name_key", "sex", "birth_place", "birth_date", "address",
    "rt", "rw", "village_code", "occupation", "phone", "income", "kpj", "status", "consent_purpose",
    "consent_given", "consent_by", "consent_at", "notes", "end_reason", "created_at", "created_by",
    "updated_at", "updated_by", "version",
)  # fmt: skip
WORKER_INSERT = (
    f"INSERT INTO worker ({', '.join(WORKER_COLUMNS)}) VALUES ({', '.join('?' * len(WORKER_COLUMNS))})"
)
HEIR_INSERT = "INSERT INTO heir (worker_id, position, name, relationship, nik, phone) VALUES (?, ?, ?, ?, ?, ?)"


class SqliteWorkerRows:
    """``(data, uid)`` pairs as the values of ``WORKER_INSERT`` and ``HEIR_INSERT``, ids counting up
    from ``next_id`` over every call; picklable, for the demo's helper process.

    Values are in the form SQLAlchemy stores them (ISO dates, ``YYYY-MM-DD HH:MM:SS.ffffff`` times, 0/1
    booleans; a test reads them back through the ORM): the ORM's bulk path splits rows into thousands
    of statements whenever a nullable column switches between NULL and a value, ten times slower for a
    100,000-worker demo.
    """

    def __init__(self, next_id: int, *, user: str, now: datetime) -> None:
        self.next_id = next_id
        self.user = user
        self.now = now

    def __call__(
        self, items: Iterable[tuple[WorkerData, str]]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        next_id, user, now = self.next_id, self.user, self.now
        stamp = sqlite_time(now)
        times: dict[datetime, str] = {now: stamp}
        workers: list[tuple[Any, ...]] = []
        heirs: list[tuple[Any, ...]] = []
        # Enum values through ``_value_`` (a plain attribute; ``.value`` is a descriptor call, 300,000 of them).
        for data, uid in items:
            consent = data.consent
            workers.append(
                (
                    next_id, uid, data.nik or None, int(data.no_nik), data.kk, data.name, name_key(data.name),
                    data.sex._value_ if data.sex else "", data.birth_place,
                    data.birth_date.isoformat() if data.birth_date else None, data.address, data.rt, data.rw,
                    data.village_code, data.occupation, data.phone, int(data.income), data.kpj or None,
                    data.status._value_, consent.purpose, int(consent.given), consent.recorded_by or user,
                    times.get(consent.recorded_at) or times.setdefault(consent.recorded_at, sqlite_time(consent.recorded_at))
                    if consent.recorded_at else stamp, data.notes, "",
                    stamp, user, stamp, user, 1,
                )
            )  # fmt: skip
            for position, heir in enumerate(data.heirs):
                heirs.append((next_id, position, heir.name, heir.relationship._value_, heir.nik or None, heir.phone))
            next_id += 1
        self.next_id = next_id
        return workers, heirs


def sqlite_time(value: datetime) -> str:
    """A datetime as SQLAlchemy's SQLite DateTime type stores it (``YYYY-MM-DD HH:MM:SS.ffffff``)."""
    if value.tzinfo is None:
        return value.isoformat(" ", "microseconds")  # the same text, without strftime's cost
    return f"{value:%Y-%m-%d %H:%M:%S.%f}"


#: ``search_key`` of names in bulk inserts: 100,000 demo workers share a few thousand names.
name_key = lru_cache(maxsize=1 << 16)(search_key)
