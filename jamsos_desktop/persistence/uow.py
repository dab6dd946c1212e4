"""Unit of work: one short session, one transaction, committed or rolled back as a whole."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from typing import Any

from sqlalchemy.orm import Session

from jamsos_desktop.persistence.card_repositories import CardRepository, HandoverRepository
from jamsos_desktop.persistence.engine import WriteLock
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
from jamsos_desktop.persistence.safety_repositories import AuditRepository, PrivacyRepository, UserRepository
from jamsos_desktop.persistence.sync_repository import SyncRepository


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
        self.cards = CardRepository(self.session)
        self.handovers = HandoverRepository(self.session)
        self.workers = WorkerRepository(self.session)
        self.regions = RegionRepository(self.session)
        self.settings = SettingsRepository(self.session)
        self.programmes = ProgrammeRepository(self.session)
        self.enrolments = EnrolmentRepository(self.session)
        self.payments = PaymentRepository(self.session)
        self.calendar = CalendarRepository(self.session)
        self.holidays = HolidayRepository(self.session)
        self.events = EventRepository(self.session)
        self.reports = ReportRepository(self.session)
        self.audit = AuditRepository(self.session)
        self.users = UserRepository(self.session)
        self.privacy = PrivacyRepository(self.session)
        self.sync = SyncRepository(self.session)
        return self

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
