"""Unit of work: one short session, one transaction, committed or rolled back as a whole."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from jamsos_desktop.persistence.engine import WriteLock

if TYPE_CHECKING:
    from jamsos_desktop.persistence.card_repositories import CardRepository, HandoverRepository
    from jamsos_desktop.persistence.programme_repository import (
        CalendarRepository,
        EnrolmentRepository,
        EventRepository,
        HolidayRepository,
        PaymentRepository,
        ProgrammeRepository,
    )
    from jamsos_desktop.persistence.report_repository import ReportRepository
    from jamsos_desktop.persistence.repositories import (
        RegionRepository,
        SettingsRepository,
        WorkerRepository,
    )
    from jamsos_desktop.persistence.safety_repositories import (
        AuditRepository,
        PrivacyRepository,
        UserRepository,
    )
    from jamsos_desktop.persistence.sync_repository import SyncRepository

#: Each repository of a unit of work: attribute -> (module under ``jamsos_desktop.persistence``, class).
#: A repository is made, and its module imported, when a unit of work first uses it: opening the
#: database and the workers list need three of them, and the others' modules (with their domain
#: modules and queries) cost every start of the application and of each command a tenth of a second.
REPOSITORIES: dict[str, tuple[str, str]] = {
    "cards": ("card_repositories", "CardRepository"),
    "handovers": ("card_repositories", "HandoverRepository"),
    "workers": ("repositories", "WorkerRepository"),
    "regions": ("repositories", "RegionRepository"),
    "settings": ("repositories", "SettingsRepository"),
    "programmes": ("programme_repository", "ProgrammeRepository"),
    "enrolments": ("programme_repository", "EnrolmentRepository"),
    "payments": ("programme_repository", "PaymentRepository"),
    "calendar": ("programme_repository", "CalendarRepository"),
    "holidays": ("programme_repository", "HolidayRepository"),
    "events": ("programme_repository", "EventRepository"),
    "reports": ("report_repository", "ReportRepository"),
    "audit": ("safety_repositories", "AuditRepository"),
    "users": ("safety_repositories", "UserRepository"),
    "privacy": ("safety_repositories", "PrivacyRepository"),
    "sync": ("sync_repository", "SyncRepository"),
}


def repository_class(name: str) -> type:
    """The class of the repository ``name`` (see :data:`REPOSITORIES`), its module imported now."""
    module, cls = REPOSITORIES[name]
    return getattr(importlib.import_module(f"jamsos_desktop.persistence.{module}"), cls)  # type: ignore[no-any-return]


class SqlUnitOfWork:
    """``with db.unit_of_work(write=True) as uow: ...; uow.commit()``.

    Leaving the block without :meth:`commit` rolls back. Write units hold the single-writer lock.
    """

    cards: CardRepository
    handovers: HandoverRepository
    workers: WorkerRepository
    regions: RegionRepository
    settings: SettingsRepository
    programmes: ProgrammeRepository
    enrolments: EnrolmentRepository
    payments: PaymentRepository
    calendar: CalendarRepository
    holidays: HolidayRepository
    events: EventRepository
    reports: ReportRepository
    audit: AuditRepository
    users: UserRepository
    privacy: PrivacyRepository
    sync: SyncRepository
    #: Who acts (a domain ``Actor``), set by the composition root; None for internal callers.
    actor: Any = None

    def __init__(
        self,
        make_session: Callable[[bool], Session],
        *,
        write: bool,
        lock: WriteLock,
        guard: Callable[[], AbstractContextManager[Any]],
    ) -> None:
        self._make_session = make_session
        self._write = write
        self._lock = lock
        self._guard = guard
        self._stack: ExitStack | None = None
        self.session: Session | None = None

    def __enter__(self) -> SqlUnitOfWork:
        for name in REPOSITORIES:  # a unit of work entered again gets repositories of its new session
            self.__dict__.pop(name, None)
        stack = ExitStack()
        stack.enter_context(self._guard())
        if self._write:
            stack.enter_context(self._lock.held())
        self._stack = stack
        try:
            self.session = self._make_session(self._write)
        except BaseException:
            # Let the guard translate the failure (e.g. "database is locked") before it propagates.
            if not stack.__exit__(*sys.exc_info()):
                raise
        return self

    def __getattr__(self, name: str) -> Any:
        """A repository, made on first use within this unit of work (only called for missing attributes)."""
        session = self.__dict__.get("session")
        if name not in REPOSITORIES or session is None:
            raise AttributeError(f"{type(self).__name__!s} has no attribute {name!r}")
        repository = repository_class(name)(session)
        setattr(self, name, repository)
        return repository

    def __exit__(self, exc_type, exc, tb):  # type: ignore[no-untyped-def]
        assert self.session is not None and self._stack is not None
        stack, self._stack = self._stack, None
        with stack:  # the guard sees any exception and may turn it into a DatabaseError
            try:
                self.session.rollback()
            finally:
                self.session.close()
            if exc is not None:
                raise exc
        return False

    def commit(self) -> None:
        assert self.session is not None
        self.session.commit()

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()
