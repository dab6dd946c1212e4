"""What services need from storage and the world, as protocols (implemented in ``persistence``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Protocol

from jamsos_desktop.domain.regions import Region
from jamsos_desktop.domain.worker import (
    RegistryStats,
    Worker,
    WorkerData,
    WorkerQuery,
    WorkerSummary,
)
from jamsos_desktop.domain.worker_types import WorkerStatus


class WorkerStore(Protocol):
    def get(self, worker_id: int) -> Worker | None: ...
    def id_by_nik(self, nik: str) -> int | None: ...
    def id_by_kpj(self, kpj: str) -> int | None: ...
    def add(self, data: WorkerData, *, uid: str, user: str, now: datetime) -> int: ...
    def update(
        self, worker_id: int, data: WorkerData, *, expected_version: int, user: str, now: datetime
    ) -> bool: ...
    def set_status(
        self,
        worker_id: int,
        status: WorkerStatus,
        *,
        end_date: date | None,
        reason: str,
        user: str,
        now: datetime,
        expected_version: int | None = None,
    ) -> bool: ...
    def search_ids(self, query: WorkerQuery, *, limit: int | None = None) -> list[int]: ...
    def count(self, query: WorkerQuery | None = None) -> int: ...
    def summaries(self, ids: Sequence[int]) -> list[WorkerSummary]: ...
    def stats(self) -> RegistryStats: ...
    def bulk_add(self, items: Iterable[tuple[WorkerData, str]], *, user: str, now: datetime) -> int: ...
    def ids_by_niks(self, niks: Iterable[str]) -> dict[str, int]: ...
    def ids_by_kpjs(self, kpjs: Iterable[str]) -> dict[str, int]: ...
    def get_many(self, ids: Sequence[int]) -> list[Worker]: ...


class RegionStore(Protocol):
    def replace_all(self, regions: Iterable[Region]) -> int: ...
    def children(self, parent: str) -> list[Region]: ...
    def name(self, code: str) -> str | None: ...
    def count(self) -> int: ...


class SettingsStore(Protocol):
    def get(self, key: str) -> str | None: ...
    def set(self, key: str, value: str) -> None: ...
    def all(self) -> dict[str, str]: ...


class UnitOfWork(Protocol):
    workers: WorkerStore
    regions: RegionStore
    settings: SettingsStore

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(self, *exc: object) -> bool | None: ...
    def commit(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, write: bool = False) -> UnitOfWork: ...


class Progress(Protocol):
    """Long operations report here; ``cancelled`` is polled between steps."""

    def update(self, done: int, total: int, message: str = "") -> None: ...

    @property
    def cancelled(self) -> bool: ...


class NullProgress:
    def update(self, done: int, total: int, message: str = "") -> None:
        return None

    @property
    def cancelled(self) -> bool:
        return False


Clock = Callable[[], datetime]
