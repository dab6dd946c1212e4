"""Composition root: paths, logging, database and services, wired once for the CLI and the GUI.

This is the only module that knows both ``persistence`` and ``services``; the UI and the CLI receive an
:class:`AppContext` and talk to services only.
"""

from __future__ import annotations

import getpass
import logging
import logging.handlers
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from jamsos_desktop.domain.errors import DatabaseError
from jamsos_desktop.domain.regions import RegionTable, default_table
from jamsos_desktop.paths import resolve
from jamsos_desktop.persistence.database import Database
from jamsos_desktop.persistence.sqlite_files import SqliteFiles
from jamsos_desktop.services.access import AccessControl, local_administrator
from jamsos_desktop.services.audit import AuditService
from jamsos_desktop.services.backup import BackupService, CheckReport, check_database
from jamsos_desktop.services.ports import UnitOfWork
from jamsos_desktop.services.registry import RegionDirectory, WorkerRegistry
from jamsos_desktop.services.settings import SettingsService
from jamsos_desktop.services.setup import InitResult, initialize

if TYPE_CHECKING:
    from jamsos_desktop.services.calendar import CalendarService
    from jamsos_desktop.services.cards import CardService
    from jamsos_desktop.services.dashboard import DashboardService
    from jamsos_desktop.services.payments import PaymentService
    from jamsos_desktop.services.privacy import PrivacyService
    from jamsos_desktop.services.programmes import ProgrammeService
    from jamsos_desktop.services.reports import ReportService
    from jamsos_desktop.services.sync import SyncService
    from jamsos_desktop.services.users import UserService

log = logging.getLogger(__name__)
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some service accounts
        return "operator"


@dataclass
class AppContext:
    """Everything a front end needs: the open database and the services over it."""

    data_dir: Path
    database: Database
    clock: Callable[[], datetime] = datetime.now
    user: Callable[[], str] = current_user
    settings: SettingsService = field(init=False)
    registry: WorkerRegistry = field(init=False)
    regions: RegionDirectory = field(init=False)
    access: AccessControl = field(init=False)
    audit: AuditService = field(init=False)
    backups: BackupService = field(init=False)

    def __post_init__(self) -> None:
        self._regency_cache: str | None = None
        # Data safety (issue 7): without a login the actor is the local administrator (CLI, selftest,
        # demo, tests); the GUI logs a user in once accounts exist.
        self.access = AccessControl(local_administrator(current_user()))
        if self.user is current_user:
            self.user = lambda: self.access.actor.username
        self.audit = AuditService(self.unit_of_work)
        self.backups = BackupService(
            SqliteFiles(self.database),
            self.data_dir / "backups",
            clock=lambda: self.clock(),
            require=self.access.require,
            restored=self._audit_restore,
        )
        self.settings = SettingsService(self.unit_of_work, user=lambda: self.user())
        self.regions = RegionDirectory(self.unit_of_work, self.regency)
        self.registry = WorkerRegistry(
            self.unit_of_work,
            self.region_table,
            regency=self.regency,
            user=lambda: self.user(),
            clock=lambda: self.clock(),
        )
        # Programmes, calendar, payments, cards, sync, dashboard and reports are made on first use (their
        # modules cost the workers list and most commands nothing).

    @property
    def programmes(self) -> ProgrammeService:
        if getattr(self, "_programmes", None) is None:
            from jamsos_desktop.services.programmes import ProgrammeService

            self._programmes = ProgrammeService(self.unit_of_work, user=lambda: self.user(), clock=lambda: self.clock())
        return self._programmes

    @property
    def calendar(self) -> CalendarService:
        if getattr(self, "_calendar", None) is None:
            from jamsos_desktop.services.calendar import CalendarService

            self._calendar = CalendarService(self.unit_of_work, clock=lambda: self.clock())
        return self._calendar

    @property
    def payments(self) -> PaymentService:
        if getattr(self, "_payments", None) is None:
            from jamsos_desktop.services.payments import PaymentService

            self._payments = PaymentService(self.unit_of_work, user=lambda: self.user(), clock=lambda: self.clock())
        return self._payments

    def unit_of_work(self, *, write: bool = False) -> UnitOfWork:
        uow = self.database.unit_of_work(write=write)
        uow.actor = self.access.actor  # permissions are checked against it inside services
        return uow

    @property
    def users(self) -> UserService:
        """Accounts and login (argon2 is imported on first use)."""
        if getattr(self, "_users", None) is None:
            from jamsos_desktop.services.users import UserService

            self._users = UserService(
                self.unit_of_work, self.access, clock=lambda: self.clock(), setting=self.settings.get
            )
        return self._users

    @property
    def privacy(self) -> PrivacyService:
        if getattr(self, "_privacy", None) is None:
            from jamsos_desktop.services.privacy import PrivacyService

            self._privacy = PrivacyService(
                self.unit_of_work,
                user=lambda: self.user(),
                clock=lambda: self.clock(),
                setting=self.settings.get,
                capture=lambda uow, uids: self.sync.capture_workers(uow, uids),
            )
        return self._privacy

    def _audit_restore(self, source: Path) -> None:
        """The restored database's trail says who restored it, when, and from which file."""
        from jamsos_desktop.services.audit import file_digest, record

        with self.unit_of_work(write=True) as uow:
            digest = file_digest(source)
            new = {"file": source.name, "sha256": digest}
            record(uow, self.user(), "restore", "database", source.name, None, new)
            uow.commit()

    def backup_before(self, reason: str) -> Path | None:
        """A checked backup before a risky operation (import, package import, restore); for callers."""
        made = self.backups.backup_before(reason)
        return made.path if made is not None else None

    def check(self, *, full: bool = True) -> CheckReport:
        """Integrity of the database file and of the audit chain, and where the file lives."""
        return check_database(self.backups.files, self.audit, full=full)

    def latest_chain_hash(self) -> str:
        """The audit trail's newest hash, carried in sync packages."""
        return self.audit.latest_chain_hash()

    @staticmethod
    def region_table() -> RegionTable:
        return default_table()

    def regency(self) -> str:
        if self._regency_cache is None:
            self._regency_cache = self.settings.regency
        return self._regency_cache

    def initialize(self, regency: str | None = None) -> InitResult:
        result = initialize(self.unit_of_work, self.region_table(), regency)
        self._regency_cache = result.regency
        return result

    @property
    def cards(self) -> CardService:
        """Cards and handover events (imported on first use: reportlab and cryptography are heavy)."""
        if getattr(self, "_cards", None) is None:
            from jamsos_desktop.services.cards import CardService

            self._cards = CardService(
                self.unit_of_work,
                data_dir=self.data_dir,
                user=lambda: self.user(),
                clock=lambda: self.clock(),
                regency=self.regency,
            )
        return self._cards

    @property
    def dashboard(self) -> DashboardService:
        """The dashboard's snapshot (issue 9)."""
        if getattr(self, "_dashboard", None) is None:
            from jamsos_desktop.services.dashboard import DashboardService

            self._dashboard = DashboardService(self.unit_of_work, clock=lambda: self.clock())
        return self._dashboard

    @property
    def reports(self) -> ReportService:
        """Reports as PDF (letterhead of the cards' office) and Excel (issue 9)."""
        if getattr(self, "_reports", None) is None:
            from jamsos_desktop.services.reports import ReportService

            self._reports = ReportService(
                self.unit_of_work, office=lambda: self.cards.office(), clock=lambda: self.clock()
            )
        return self._reports

    @property
    def sync(self) -> SyncService:
        """Stations and sync packages (issue 6; cryptography is imported on first use)."""
        if getattr(self, "_sync", None) is None:
            from jamsos_desktop.services.sync import SyncService

            self._sync = SyncService(
                self.unit_of_work,
                data_dir=self.data_dir,
                user=lambda: self.user(),
                clock=lambda: self.clock(),
                regency=self.regency,
            )
        return self._sync

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    def close(self) -> None:
        self.database.close()


def open_context(
    *,
    data_dir: str | Path | None = None,
    db: str | None = None,
    regency: str | None = None,
) -> AppContext:
    """Open (creating if needed) the database and build the services.

    A new database is initialised for ``regency`` (default 19.03); an existing one keeps its own.
    """
    directory, target = resolve(data_dir, db)
    if "://" not in target or target.startswith("sqlite"):
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError("db.unreachable", path=str(directory), detail=exc.strerror or str(exc)) from None
    database = Database.open(target, backup_dir=directory / "backups")
    context = AppContext(directory, database)
    try:
        with context.unit_of_work() as uow:
            needs_init = uow.settings.get("regency") is None or uow.regions.count() == 0
        if needs_init or regency:
            context.initialize(regency)
    except BaseException:
        database.close()
        raise
    return context


def setup_logging(data_dir: Path, *, verbose: bool = False, console: bool = True) -> Path | None:
    """A rotating log file in ``data_dir/logs`` (1 MB × 5) and, for commands, stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_jamsos", False):
            root.removeHandler(handler)
    path: Path | None = data_dir / "logs" / "jamsos.log"
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        file_handler._jamsos = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    except OSError:
        path = None
    if console:
        stream = logging.StreamHandler()
        stream.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stream.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        stream._jamsos = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    return path
