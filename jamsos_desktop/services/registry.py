"""The worker registry (*pendaftaran pekerja rentan*): register, edit, find, deactivate.

Every action is one unit of work. Rules that need only the record live in the domain
(:func:`~jamsos_desktop.domain.worker.validate_worker`); rules that need the database (a NIK or KPJ
already used by someone else, a record changed by another clerk) are checked here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from jamsos_desktop.domain.errors import (
    ConflictError,
    DuplicateError,
    Finding,
    JamsosError,
    NotFoundError,
    Severity,
    ValidationError,
)
from jamsos_desktop.domain.nik import NikCheck, check_nik
from jamsos_desktop.domain.regions import Region, RegionTable
from jamsos_desktop.domain.safety import Permission
from jamsos_desktop.domain.worker import (
    RegistryStats,
    Validated,
    Worker,
    WorkerData,
    WorkerQuery,
    WorkerSummary,
    validate_worker,
)
from jamsos_desktop.domain.worker_types import END_STATUSES, Sex, WorkerStatus
from jamsos_desktop.services.access import require
from jamsos_desktop.services.audit import record
from jamsos_desktop.services.ports import Clock, UnitOfWorkFactory

#: Statuses only a verifier or administrator may set (approving a registration).
_APPROVED = (WorkerStatus.VERIFIED, WorkerStatus.REGISTERED)


@dataclass(frozen=True)
class SaveResult:
    worker: Worker
    warnings: tuple[Finding, ...]


class WorkerRegistry:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        regions: Callable[[], RegionTable],
        *,
        regency: Callable[[], str],
        user: Callable[[], str],
        clock: Clock = datetime.now,
    ) -> None:
        self._uow = uow
        self._regions = regions
        self._regency = regency
        self._user = user
        self._clock = clock

    # -- checking -----------------------------------------------------------------------------------
    def today(self) -> date:
        return self._clock().date()

    def check_nik(
        self, text: str, *, birth_date: date | None = None, sex: Sex | None = None
    ) -> NikCheck:
        """What a NIK encodes and what is wrong with it, for live feedback while typing."""
        return check_nik(
            text,
            self._regions(),
            today=self.today(),
            regency_code=self._regency(),
            birth_date=birth_date,
            sex=sex,
        )

    def find_by_nik(self, nik: str) -> WorkerSummary | None:
        with self._uow() as uow:
            worker_id = uow.workers.id_by_nik(nik)
            if worker_id is None:
                return None
            found = uow.workers.summaries([worker_id])
        return found[0] if found else None

    def validate(self, data: WorkerData, *, worker_id: int | None = None) -> Validated:
        """Every finding for ``data``, including duplicates in the database."""
        result = validate_worker(
            data, self._regions(), regency_code=self._regency(), today=self.today()
        )
        extra: list[Finding] = []
        with self._uow() as uow:
            extra.extend(self._duplicates(uow, result.data, worker_id))
        return replace(result, findings=result.findings + tuple(extra)) if extra else result

    def _duplicates(self, uow, data: WorkerData, worker_id: int | None) -> list[Finding]:  # type: ignore[no-untyped-def]
        found: list[Finding] = []
        if data.nik:
            other = uow.workers.id_by_nik(data.nik)
            if other is not None and other != worker_id:
                who = uow.workers.summaries([other])
                found.append(
                    Finding(
                        "nik",
                        "nik.duplicate",
                        Severity.ERROR,
                        {"nik": data.nik, "name": who[0].name if who else "?", "existing_id": other},
                    )
                )
        if data.kpj:
            other = uow.workers.id_by_kpj(data.kpj)
            if other is not None and other != worker_id:
                who = uow.workers.summaries([other])
                found.append(
                    Finding(
                        "kpj",
                        "kpj.duplicate",
                        Severity.ERROR,
                        {"kpj": data.kpj, "name": who[0].name if who else "?", "existing_id": other},
                    )
                )
        return found

    # -- saving -------------------------------------------------------------------------------------
    def register(self, data: WorkerData) -> SaveResult:
        """Save a new worker. Raises :class:`ValidationError` or :class:`DuplicateError`."""
        result = validate_worker(
            data, self._regions(), regency_code=self._regency(), today=self.today()
        )
        if not result.ok:
            raise ValidationError(list(result.findings))
        now, user = self._clock(), self._user()
        clean = result.data
        if not clean.consent.recorded_by:
            clean = replace(clean, consent=replace(clean.consent, recorded_by=user, recorded_at=now))
        with self._uow(write=True) as uow:
            require(uow, Permission.APPROVE if clean.status in _APPROVED else Permission.ENTER_DATA)
            self._raise_duplicates(uow, clean, None)
            worker_id = uow.workers.add(clean, uid=str(uuid.uuid4()), user=user, now=now)
            saved = uow.workers.get(worker_id)
            record(uow, user, "register", "worker", worker_id, None, saved, at=now)
            uow.commit()
        assert saved is not None
        return SaveResult(saved, tuple(result.warnings))

    def update(self, worker_id: int, data: WorkerData, *, expected_version: int) -> SaveResult:
        """Save changes to a worker read at ``expected_version``.

        Raises :class:`ConflictError` when another clerk saved in between: nothing is overwritten.
        """
        result = validate_worker(
            data, self._regions(), regency_code=self._regency(), today=self.today()
        )
        if not result.ok:
            raise ValidationError(list(result.findings))
        now, user = self._clock(), self._user()
        with self._uow(write=True) as uow:
            current = uow.workers.get(worker_id)
            if current is None:
                raise NotFoundError("worker.not_found", worker_id=worker_id)
            if current.version != expected_version:
                raise ConflictError("worker.changed", by=current.updated_by or "?")
            approving = result.data.status is not current.status and result.data.status in _APPROVED
            require(uow, Permission.APPROVE if approving else Permission.ENTER_DATA)
            if result.data.status is not current.status:
                _check_transition(current.status, result.data.status)
            self._raise_duplicates(uow, result.data, worker_id)
            if not uow.workers.update(
                worker_id, result.data, expected_version=expected_version, user=user, now=now
            ):
                raise ConflictError("worker.changed", by=current.updated_by or "?")
            saved = uow.workers.get(worker_id)
            record(uow, user, "update", "worker", worker_id, current, saved, at=now)
            uow.commit()
        assert saved is not None
        return SaveResult(saved, tuple(result.warnings))

    def _raise_duplicates(self, uow, data: WorkerData, worker_id: int | None) -> None:  # type: ignore[no-untyped-def]
        for finding in self._duplicates(uow, data, worker_id):
            params = dict(finding.params)
            existing = int(params.pop("existing_id"))
            raise DuplicateError(finding.code, existing, **params)

    def deactivate(
        self,
        worker_id: int,
        status: WorkerStatus,
        *,
        end_date: date,
        reason: str = "",
        expected_version: int | None = None,
    ) -> Worker:
        """End a worker's membership (moved away, withdrew, died). Records are never deleted."""
        if status not in END_STATUSES:
            raise JamsosError("status.transition", old="?", new=status.label)
        with self._uow(write=True) as uow:
            require(uow, Permission.ENTER_DATA)
            current = uow.workers.get(worker_id)
            if current is None:
                raise NotFoundError("worker.not_found", worker_id=worker_id)
            if not current.status.is_active and current.status is status:
                raise JamsosError("worker.already_inactive", status=current.status.label)
            if current.status is WorkerStatus.DECEASED:
                raise JamsosError("status.transition", old=current.status.label, new=status.label)
            if not uow.workers.set_status(
                worker_id,
                status,
                end_date=end_date,
                reason=reason.strip(),
                user=self._user(),
                now=self._clock(),
                expected_version=expected_version,
            ):
                raise ConflictError("worker.changed", by=current.updated_by or "?")
            uow.enrolments.end_for_worker(worker_id, exit_date=end_date, reason=status.value)  # future months end
            saved = uow.workers.get(worker_id)
            record(uow, self._user(), "deactivate", "worker", worker_id, current, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    def reactivate(self, worker_id: int) -> Worker:
        with self._uow(write=True) as uow:
            require(uow, Permission.APPROVE)
            current = uow.workers.get(worker_id)
            if current is None:
                raise NotFoundError("worker.not_found", worker_id=worker_id)
            _check_transition(current.status, WorkerStatus.VERIFIED)
            uow.workers.set_status(
                worker_id,
                WorkerStatus.VERIFIED,
                end_date=None,
                reason="",
                user=self._user(),
                now=self._clock(),
            )
            saved = uow.workers.get(worker_id)
            record(uow, self._user(), "reactivate", "worker", worker_id, current, saved, at=self._clock())
            uow.commit()
        assert saved is not None
        return saved

    # -- reading ------------------------------------------------------------------------------------
    def get(self, worker_id: int) -> Worker:
        with self._uow() as uow:
            worker = uow.workers.get(worker_id)
        if worker is None:
            raise NotFoundError("worker.not_found", worker_id=worker_id)
        return worker

    def search_ids(
        self, query: WorkerQuery, *, offset: int = 0, limit: int | None = None
    ) -> list[int]:
        """Ids of matching workers in the list's order (a page of them with ``limit``)."""
        with self._uow() as uow:
            return uow.workers.search_ids(query, offset=offset, limit=limit)

    def count(self, query: WorkerQuery) -> int:
        with self._uow() as uow:
            return uow.workers.count(query)

    def summaries(self, ids: Sequence[int]) -> list[WorkerSummary]:
        with self._uow() as uow:
            return uow.workers.summaries(ids)

    def list(self, query: WorkerQuery) -> list[WorkerSummary]:
        with self._uow() as uow:
            ids = uow.workers.search_ids(query)
            out: list[WorkerSummary] = []
            for start in range(0, len(ids), 500):
                out.extend(uow.workers.summaries(ids[start : start + 500]))
            return out

    def stats(self) -> RegistryStats:
        with self._uow() as uow:
            return uow.workers.stats()


def _check_transition(old: WorkerStatus, new: WorkerStatus) -> None:
    from jamsos_desktop.domain.worker_types import ALLOWED_TRANSITIONS

    if new is not old and new not in ALLOWED_TRANSITIONS[old]:
        raise JamsosError("status.transition", old=old.label, new=new.label)


class RegionDirectory:
    """The office's regions as stored in the database (districts and villages of its regency)."""

    def __init__(self, uow: UnitOfWorkFactory, regency: Callable[[], str]) -> None:
        self._uow = uow
        self._regency = regency

    def regency_code(self) -> str:
        return self._regency()

    def regency_name(self) -> str:
        with self._uow() as uow:
            return uow.regions.name(self._regency()) or self._regency()

    def districts(self) -> list[Region]:
        with self._uow() as uow:
            return uow.regions.children(self._regency())

    def villages(self, district_code: str) -> list[Region]:
        with self._uow() as uow:
            return uow.regions.children(district_code)

    def all_villages(self) -> list[tuple[Region, Region]]:
        """(district, village) pairs of the regency, in code order."""
        with self._uow() as uow:
            return [
                (d, v) for d in uow.regions.children(self._regency()) for v in uow.regions.children(d.code)
            ]

    def name(self, code: str) -> str | None:
        with self._uow() as uow:
            return uow.regions.name(code)
