"""A large transaction's write-ahead log copied back into the database file in the background.

SQLite in WAL mode appends every page a transaction changes to ``jamsos.sqlite3-wal``; the commit
writes and flushes that log (``synchronous = FULL``: from then on the transaction survives a power
cut). By default the committing connection then also copies the log back into the database file as
soon as it passes 1,000 pages — an automatic *checkpoint*, in the same call as the commit. After a
sync package of 10,000 workers that is 16,000 pages (65 MB) and 0.3 s the clerk waits for although
the data is already safe and visible.

SQLite's documentation describes the alternative used here, around one large write transaction
(:func:`deferred`): the committing connection makes no automatic checkpoint, and a thread of its own
(its own connection; SQLite releases Python's lock while it copies) runs a PASSIVE checkpoint after the
commit. A PASSIVE checkpoint neither waits for nor blocks readers and writers; what it cannot copy yet
is copied by a later one. A crash in the middle of a checkpoint loses nothing (the log stays until it
is copied). The database's :meth:`~jamsos_desktop.persistence.database.Database.close` waits for the
thread (:func:`wait`), so a command-line import still ends with the file written back.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jamsos_desktop.persistence.engine import busy_timeout_ms

log = logging.getLogger(__name__)

_lock = threading.Lock()
#: The latest checkpoint thread per database file (each new one waits for the one before it).
_threads: dict[Path, threading.Thread] = {}


@contextmanager
def deferred(connection: sqlite3.Connection, path: Path) -> Iterator[None]:
    """No automatic checkpoint by ``connection`` inside the block (the transaction commits in it); when
    the block ends without an error, the log is copied back in the background (:func:`start`)."""
    previous = int(connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA wal_autocheckpoint = {previous}")
    start(path)


def start(path: Path) -> threading.Thread:
    """A PASSIVE checkpoint of the database file ``path`` in a thread of its own, after any still running."""
    key = path.absolute()
    with _lock:
        before = _threads.get(key)
        thread = threading.Thread(target=_checkpoint, args=(key, before), name="jamsos-checkpoint", daemon=True)
        _threads[key] = thread
        thread.start()
    return thread


def wait(path: Path) -> None:
    """Return when no checkpoint of ``path`` started here is running any more."""
    with _lock:
        thread = _threads.get(path.absolute())
    if thread is not None:
        thread.join()
    with _lock:
        if _threads.get(path.absolute()) is thread:
            _threads.pop(path.absolute(), None)


def _checkpoint(path: Path, before: threading.Thread | None) -> None:
    if before is not None:
        before.join()  # two at once: the second would find the checkpoint busy and copy nothing
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=busy_timeout_ms() / 1000)
        try:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as exc:  # the next automatic checkpoint (or the last connection's close) copies it
        log.warning("background checkpoint of %s failed: %s", path, exc)


__all__ = ["deferred", "start", "wait"]
