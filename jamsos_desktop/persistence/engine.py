"""Opening a database: target parsing, safety checks before anything is written, SQLite pragmas.

SQLite runs in WAL with ``synchronous=FULL`` (a committed registration survives a power cut),
``foreign_keys=ON`` and a busy timeout. There is one writer: write transactions take SQLite's write lock
up front (``BEGIN IMMEDIATE``) and, inside the process, a lock, so two writes never interleave and a
reader never blocks a writer. The target may also be an SQLAlchemy URL, so an office server
(PostgreSQL) can come later without changing callers.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from jamsos_desktop.domain.errors import DatabaseError, UsageError

SQLITE_HEADER = b"SQLite format 3\x00"
SUPPORTED_SCHEMES = ("sqlite", "postgresql")


def busy_timeout_ms() -> int:
    try:
        return max(0, int(os.environ.get("JAMSOS_BUSY_TIMEOUT_MS", "5000")))
    except ValueError:
        return 5000


@dataclass(frozen=True)
class Target:
    """Where the database lives: an SQLite file (``path``) or a server URL."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    @property
    def display(self) -> str:
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def parse_target(target: str | os.PathLike[str]) -> Target:
    """An SQLite path, ``sqlite:///path`` or a server URL such as ``postgresql+psycopg://user@host/db``."""
    text = os.fspath(target)
    if "://" not in text:
        path = Path(text).expanduser().resolve()
        return Target(f"sqlite:///{path}", path)
    try:
        url = make_url(text)
    except ArgumentError:
        raise UsageError("db.scheme", scheme=text.split("://", 1)[0]) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_SCHEMES:
        raise UsageError("db.scheme", scheme=url.drivername)
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise UsageError("db.scheme", scheme=text)
        path = Path(url.database).expanduser().resolve()
        return Target(f"sqlite:///{path}", path)
    return Target(text, None)


def inspect_sqlite_file(path: Path) -> str | None:
    """Check an SQLite file *without writing to it* and return its Alembic revision.

    ``None`` means a new (missing or empty) database. Raises :class:`DatabaseError` for a file that is
    not SQLite, not ours, read-only or locked.
    """
    if path.is_dir():
        raise DatabaseError("db.not_sqlite", path=str(path))
    if not path.parent.is_dir():
        raise DatabaseError("db.missing_dir", path=str(path.parent))
    if not path.exists() or path.stat().st_size == 0:
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise DatabaseError("db.readonly", path=str(path))
        return None
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except PermissionError:
        raise DatabaseError("db.readonly", path=str(path)) from None
    if header != SQLITE_HEADER:
        raise DatabaseError("db.not_sqlite", path=str(path))
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        # WAL needs to write the file and its -wal/-shm companions beside it.
        raise DatabaseError("db.readonly", path=str(path))

    uri = f"{path.absolute().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000)
    except sqlite3.Error as exc:
        raise DatabaseError("db.unreachable", path=str(path), detail=str(exc)) from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "alembic_version" not in tables or "worker" not in tables:
            raise DatabaseError("db.not_jamsos", path=str(path))
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise DatabaseError("db.not_jamsos", path=str(path))
        return str(row[0])
    except sqlite3.DatabaseError as exc:
        message = str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseError("db.locked", path=str(path)) from None
        if "not a database" in message or "malformed" in message:
            raise DatabaseError("db.not_sqlite", path=str(path)) from None
        raise DatabaseError("db.unreachable", path=str(path), detail=str(exc)) from None
    finally:
        conn.close()


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event decide how transactions start (see WriteLock below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # Reads of big lists go through the OS page cache without copying (no effect on durability).
    cursor.execute("PRAGMA mmap_size = 268435456")
    cursor.close()


def _sqlite_begin(conn):  # type: ignore[no-untyped-def]
    write = bool(conn.get_execution_options().get("jamsos_write"))
    conn.connection.info[_WRITING] = write  # read by ConnectionsInUse.interrupt_reads
    conn.exec_driver_sql(f"BEGIN {'IMMEDIATE' if write else 'DEFERRED'}")


_WRITING = "jamsos_writing"
_STOPPED = "jamsos_reads_stopped"


class ConnectionsInUse:
    """The SQLite connections checked out of an engine's pool, so that running reads can be stopped.

    A window that closes while a page's list or count still runs in the background would otherwise
    keep the process alive until that query ends (seconds at 100,000 workers). Only reads are
    interrupted: a connection that began a write transaction is left to finish.
    """

    def __init__(self, engine: Engine) -> None:
        self._lock = threading.Lock()
        self._connections: dict[int, tuple[sqlite3.Connection, dict[str, object]]] = {}
        event.listen(engine, "checkout", self._checkout)
        event.listen(engine, "checkin", self._checkin)
        event.listen(engine, "before_cursor_execute", self._refuse_if_stopped)

    def _checkout(self, dbapi_connection, record, _proxy) -> None:  # type: ignore[no-untyped-def]
        record.info[_WRITING] = False
        record.info[_STOPPED] = False
        with self._lock:
            self._connections[id(dbapi_connection)] = (dbapi_connection, record.info)

    def _checkin(self, dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        with self._lock:
            self._connections.pop(id(dbapi_connection), None)
        if record is not None:
            record.info[_STOPPED] = False

    @staticmethod
    def _refuse_if_stopped(conn, _cursor, _statement, _parameters, _context, _executemany) -> None:  # type: ignore[no-untyped-def]
        info = conn.connection.info
        if info.get(_STOPPED) and not info.get(_WRITING):
            raise sqlite3.OperationalError("interrupted")

    def interrupt_reads(self) -> int:
        """Stop the reads of the connections checked out now; how many were stopped.

        The statement running on each fails with "interrupted" in its own thread, and so does any
        further statement before the connection goes back to the pool (a page load of several queries
        ends at once). Connections that began a write transaction are left alone; connections checked
        out afterwards are not affected."""
        with self._lock:
            current = list(self._connections.values())
        asked = 0
        for connection, info in current:
            if not info.get(_WRITING):
                info[_STOPPED] = True
                connection.interrupt()
                asked += 1
        return asked


def create_db_engine(target: Target) -> Engine:
    try:
        if target.is_sqlite:
            engine = create_engine(target.url, connect_args={"timeout": busy_timeout_ms() / 1000})
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "begin", _sqlite_begin)
            return engine
        return create_engine(target.url, pool_pre_ping=True)
    except (NoSuchModuleError, ModuleNotFoundError, ImportError) as exc:
        raise DatabaseError("db.driver_missing", scheme=target.url.split("://")[0], detail=str(exc)) from None


class WriteLock:
    """The single writer inside this process (SQLite allows one anyway; this keeps threads in order)."""

    def __init__(self) -> None:
        self._lock = threading.RLock()

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            yield


def translate_operational_error(exc: BaseException, display: str) -> DatabaseError | None:
    """Map a driver error to one of our codes, or None if it is a bug we should not hide."""
    message = str(getattr(exc, "orig", exc)).lower()
    if "permission denied" in message or "must be owner" in message:
        # A desktop's least-privilege role on the office server (see the README): e.g. an upgrade of
        # the schema, which only the owner role may do.
        detail = " ".join(str(getattr(exc, "orig", exc)).split())
        return DatabaseError("db.server_permission", path=display, detail=detail[:300])
    if "database is locked" in message or "database is busy" in message:
        return DatabaseError("db.locked", path=display)
    if "readonly" in message or "read-only" in message:
        return DatabaseError("db.readonly", path=display)
    if "not a database" in message or "malformed" in message:
        return DatabaseError("db.not_sqlite", path=display)
    if (
        "unable to open" in message
        or "could not connect" in message
        or "connection refused" in message
        or "connection failed" in message
        or "timeout expired" in message
        or "password authentication failed" in message
        or "does not exist" in message and "database" in message
    ):
        # Drivers write several lines (libpq: one per address tried); the clerk gets one sentence.
        detail = " ".join(str(getattr(exc, "orig", exc)).split())
        return DatabaseError("db.unreachable", path=display, detail=detail[:300])
    return None
