"""Opening, creating and upgrading a JamSos database, and handing out units of work.

Nothing is written to a file until it has been checked to be a JamSos database of a version this
build understands; an older one is backed up (SQLite backup API) before it is upgraded.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from jamsos_desktop.domain.errors import DatabaseError
from jamsos_desktop.persistence import checkpoints, migrate
from jamsos_desktop.persistence.engine import (
    ConnectionsInUse,
    Target,
    WriteLock,
    create_db_engine,
    inspect_sqlite_file,
    parse_target,
    translate_operational_error,
)
from jamsos_desktop.persistence.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

# Key of the PostgreSQL advisory lock held while one desktop upgrades the shared schema ("JAMSOS").
MIGRATION_LOCK_KEY = 0x4A414D534F53


class Database:
    """An open, current JamSos database. Create with :meth:`open`."""

    def __init__(self, target: Target, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._write_lock = WriteLock()
        self._in_use = ConnectionsInUse(engine) if engine.dialect.name == "sqlite" else None

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        backup_dir: Path | None = None,
        create: bool = True,
    ) -> Database:
        """Check, then open (and create or upgrade) the database at ``target``.

        Raises :class:`DatabaseError` (exit 2) without touching the file when it is locked,
        read-only, newer than this build, or not a JamSos database.
        """
        parsed = parse_target(target)
        revision: str | None = None
        if parsed.path is not None:
            revision = inspect_sqlite_file(parsed.path)
            if revision is not None and revision not in migrate.KNOWN_REVISIONS:
                raise DatabaseError("db.newer", path=parsed.display, revision=revision)
            if revision is None and not create:
                raise DatabaseError("db.not_jamsos", path=parsed.display)
            if revision is not None and revision != migrate.HEAD and backup_dir is not None:
                backup_sqlite(parsed.path, backup_dir, reason=f"before-upgrade-{revision}")
        engine = create_db_engine(parsed)
        db = cls(parsed, engine)
        try:
            if parsed.path is None or revision != migrate.HEAD:
                db._upgrade()
        except DatabaseError:
            engine.dispose()
            raise
        return db

    def _upgrade(self) -> None:
        with self.guard(), self._write_lock.held(), self.engine.connect() as raw:
            conn = raw.execution_options(jamsos_write=True)
            with conn.begin():
                if self.target.path is None:
                    # Several desktops may start at once against the office server: the first one
                    # upgrades, the others wait here and then find the schema current.
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                    current = _server_revision(conn)
                    if current is not None and current not in migrate.KNOWN_REVISIONS:
                        raise DatabaseError("db.newer", path=self.target.display, revision=current)
                    if current == migrate.HEAD:
                        return
                log.info("upgrading database schema of %s to %s", self.target.display, migrate.HEAD)
                migrate.upgrade_to_head(conn)

    def schema_version(self) -> str:
        with self.guard(), self.engine.connect() as conn:
            return str(conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one())

    def unit_of_work(self, *, write: bool = False) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._make_session, write=write, lock=self._write_lock, guard=self.guard)

    def _make_session(self, write: bool) -> Session:
        session = self._sessions()
        if write:
            session.connection(execution_options={"jamsos_write": True})
        return session

    def guard(self) -> _Guard:
        """Turn driver errors (locked, read-only…) into :class:`DatabaseError` with our codes."""
        return _Guard(self.target.display)

    def interrupt_reads(self) -> int:
        """Stop the reads running on other threads (a closing window's page loads); SQLite only."""
        in_use = self._in_use
        return in_use.interrupt_reads() if in_use is not None else 0

    def close(self) -> None:
        if self.target.path is not None:
            checkpoints.wait(self.target.path)  # a large import's log still being copied back
        self.engine.dispose()


class _Guard:
    def __init__(self, display: str) -> None:
        self.display = display

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type, exc, tb):  # type: ignore[no-untyped-def]
        if exc is not None and isinstance(exc, OperationalError | DBAPIError | sqlite3.Error):
            mapped = translate_operational_error(exc, self.display)
            if mapped is not None:
                raise mapped from None
        return False


def _server_revision(conn) -> str | None:  # type: ignore[no-untyped-def]
    from sqlalchemy import inspect

    if "alembic_version" not in inspect(conn).get_table_names():
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, backup_dir: Path, *, reason: str) -> Path:
    """A consistent copy via SQLite's backup API, checked, then renamed into place.

    Used before schema upgrades; the full backup service (rotation, USB) builds on it.
    """
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    final = backup_dir / f"{path.stem}-{stamp}-{reason}.sqlite3"
    partial = final.with_suffix(".partial")
    source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        dest = sqlite3.connect(partial)
        try:
            source.backup(dest)
            ok = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
    finally:
        source.close()
    if ok != "ok":
        partial.unlink(missing_ok=True)
        raise DatabaseError("db.unreachable", path=str(path), detail=f"backup check: {ok}")
    partial.replace(final)
    log.info("backed up %s to %s", path, final)
    return final


SessionFactory = Callable[[bool], Session]
