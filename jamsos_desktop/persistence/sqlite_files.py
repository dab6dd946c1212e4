"""File-level safety of the SQLite database: consistent copies, integrity checks, restore.

* A copy is taken with SQLite's online backup API (a consistent snapshot, even while clerks save), into
  ``NAME.partial`` beside the target; the copy is checked (``PRAGMA integrity_check``: a page-exact image
  of the source, so checking it is a full check of the database at that moment, without holding the
  live file), flushed to disk, and only then renamed to its final name. A live file is never copied.
* A restore writes the checked backup *into* the live database with the same API, in one write
  transaction of the destination: killed half-way, SQLite rolls it back and the database is as it was.
  No file is renamed under the open connections and no ``-wal`` file is left behind to replay.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from jamsos_desktop.domain.errors import DatabaseError, IntegrityError
from jamsos_desktop.persistence import migrate
from jamsos_desktop.persistence.engine import busy_timeout_ms, inspect_sqlite_file

if TYPE_CHECKING:
    from jamsos_desktop.persistence.database import Database

log = logging.getLogger(__name__)

#: Tests kill the process at these points: with JAMSOS_TRACE_POINTS=1 each is printed to stderr and the
#: process waits for a line on stdin (the test sends one to go on, or kills it there).
_TRACE = os.environ.get("JAMSOS_TRACE_POINTS") == "1"
RESTORE_STEP_PAGES = 1024  # restore in steps (one destination transaction) so a kill can land mid-way


def trace(point: str) -> None:
    if _TRACE:
        import sys

        sys.stderr.write(f"@@point {point}\n")
        sys.stderr.flush()
        sys.stdin.readline()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return  # Windows has no directory fsync; MoveFileEx is journaled by NTFS
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problems(conn: sqlite3.Connection, *, full: bool) -> list[str]:
    pragma = "integrity_check" if full else "quick_check"
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)")]
    problems = [] if rows == ["ok"] else rows
    if full:
        problems.extend(
            f"foreign key: {r[0]} row {r[1]} -> {r[2]}" for r in conn.execute("PRAGMA foreign_key_check")
        )
    return problems


def snapshot(source: Path, dest: Path, *, full_check: bool = True) -> None:
    """Consistent copy of ``source`` at ``dest`` (checked, synced, renamed). Raises IntegrityError
    (exit 3) when the copy, hence the database, fails the check; nothing is left at ``dest`` then.

    The copy is written without a journal (it is a new file nobody reads until it is renamed), and
    flushed to disk while it is being checked, so a 90 MB database is copied and fully checked in ~2 s.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)
        try:
            out = sqlite3.connect(partial)
            try:
                out.execute("PRAGMA journal_mode = OFF")
                out.execute("PRAGMA synchronous = OFF")
                out.execute("PRAGMA cache_size = -65536")
                trace("backup-copy")
                src.backup(out)  # all pages in one step: one read transaction, one consistent snapshot
                trace("backup-copied")
                out.execute("PRAGMA journal_mode = DELETE")  # a self-contained file, no -wal beside it
            finally:
                out.close()
        finally:
            src.close()
        problems = _check_while_syncing(partial, full=full_check)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError("db.unreachable", path=str(source), detail=str(exc)) from None
    if problems:
        partial.unlink(missing_ok=True)
        raise IntegrityError("backup.check_failed", path=str(source), detail="; ".join(problems[:3]))
    trace("backup-checked")
    os.replace(partial, dest)
    _fsync_dir(dest.parent)
    trace("backup-renamed")
    log.info("backed up %s to %s", source, dest)


def _check_while_syncing(path: Path, *, full: bool) -> list[str]:
    """Integrity problems of the copy at ``path``; its pages go to disk in parallel (fsync)."""
    import threading

    failure: list[BaseException] = []

    def sync() -> None:
        try:
            _fsync(path)
        except OSError as exc:  # pragma: no cover - a disk error
            failure.append(exc)

    flusher = threading.Thread(target=sync, name="jamsos-backup-fsync")
    flusher.start()
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA mmap_size = 268435456")
        conn.execute("PRAGMA cache_size = -65536")
        return integrity_problems(conn, full=full)
    finally:
        conn.close()
        flusher.join()
        if failure:
            raise failure[0]


class SqliteFiles:
    """The :class:`~jamsos_desktop.services.ports.DatabaseFiles` port over an open :class:`Database`."""

    def __init__(self, database: Database) -> None:
        self._db = database

    @property
    def path(self) -> Path | None:
        return self._db.target.path

    def _require_path(self) -> Path:
        if self._db.target.path is None:
            raise DatabaseError("backup.not_sqlite", path=self._db.target.display)
        return self._db.target.path

    def copy_to(self, dest: Path, *, full_check: bool = True) -> None:
        snapshot(self._require_path(), dest, full_check=full_check)

    def check(self, *, full: bool) -> list[str]:
        path = self._require_path()
        with self._db.guard():
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=busy_timeout_ms() / 1000)
            try:
                return integrity_problems(conn, full=full)
            except sqlite3.DatabaseError as exc:
                return [str(exc)]
            finally:
                conn.close()

    def inspect_copy(self, path: Path) -> tuple[str | None, list[str]]:
        """(schema revision, integrity problems) of a backup file, read-only; refuses foreign files."""
        try:
            revision = inspect_sqlite_file(path)
        except DatabaseError as exc:
            if exc.code in ("db.not_sqlite", "db.not_jamsos"):
                raise IntegrityError("backup.not_jamsos", path=str(path)) from None
            raise
        if revision is None:
            raise IntegrityError("backup.not_jamsos", path=str(path))
        if revision not in migrate.KNOWN_REVISIONS:
            raise DatabaseError("db.newer", path=str(path), revision=revision)
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return revision, integrity_problems(conn, full=True)
        except sqlite3.DatabaseError as exc:
            return revision, [str(exc)]
        finally:
            conn.close()

    def restore_from(self, path: Path) -> None:
        """Replace the live database's content with the checked file at ``path``, atomically."""
        live = self._require_path()
        db = self._db
        with db.guard(), db._write_lock.held():
            db.engine.dispose()  # no pooled connection keeps the old schema cached
            src = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
            try:
                dest = sqlite3.connect(live, timeout=busy_timeout_ms() / 1000)
                try:
                    trace("restore-copy")
                    # One write transaction on the destination across all steps: all or nothing.
                    src.backup(dest, pages=RESTORE_STEP_PAGES, progress=lambda *_: trace("restore-step"))
                    trace("restore-copied")
                    dest.execute("PRAGMA journal_mode = WAL")
                    problems = integrity_problems(dest, full=False)
                finally:
                    dest.close()
            finally:
                src.close()
            if problems:  # pragma: no cover - the file was checked before; a disk fault
                raise IntegrityError("backup.check_failed", path=str(live), detail="; ".join(problems[:3]))
            db.engine.dispose()
        revision = inspect_sqlite_file(live)
        if revision != migrate.HEAD:
            db._upgrade()
