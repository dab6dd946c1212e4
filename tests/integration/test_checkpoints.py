"""A large transaction's write-ahead log is copied back into the database file by a thread of its own
(persistence/checkpoints.py): not by the committing call, completely once the thread ends, never after
a transaction that failed; and the database's close waits for it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from jamsos_desktop.app import open_context
from jamsos_desktop.persistence import checkpoints

pytestmark = pytest.mark.sqlite_only  # SQLite's write-ahead log (a server keeps its own)

ROWS = 3_000  # ~1,500 pages: past SQLite's automatic checkpoint (1,000 pages)


def _database(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    return connection


def _fill(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN")
    connection.executemany("INSERT INTO t (body) VALUES (?)", (("x" * 2_000,) for _ in range(ROWS)))
    connection.execute("COMMIT")


def test_the_log_is_copied_back_after_the_commit_by_a_thread_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "jamsos.sqlite3"
    connection = _database(path)
    try:
        before = path.stat().st_size
        with checkpoints.deferred(connection, path):
            _fill(connection)
            # Committed and safe in the log, not yet in the file: the commit made no checkpoint.
            assert path.stat().st_size == before
            assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
        assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        checkpoints.wait(path)
        assert path.stat().st_size > before + ROWS * 2_000
        # Everything was copied: a checkpoint now finds no frame left to copy.
        busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert busy == 0 and frames == copied
    finally:
        connection.close()
    with sqlite3.connect(path) as reader:
        assert reader.execute("SELECT count(*) FROM t").fetchone()[0] == ROWS


def test_no_checkpoint_after_a_transaction_that_failed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "jamsos.sqlite3"
    started: list[Path] = []
    monkeypatch.setattr(checkpoints, "start", started.append)
    connection = _database(path)
    try:
        with pytest.raises(RuntimeError), checkpoints.deferred(connection, path):
            connection.execute("BEGIN")
            connection.execute("INSERT INTO t (body) VALUES ('half')")
            connection.execute("ROLLBACK")
            raise RuntimeError("the import failed")
        assert connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
        with checkpoints.deferred(connection, path):
            _fill(connection)
    finally:
        connection.close()
    assert started == [path]


def test_closing_the_database_waits_for_its_checkpoint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    context = open_context(data_dir=tmp_path)
    path = context.database.target.path
    assert path is not None
    thread = checkpoints.start(path)
    events: list[tuple[object, ...]] = []
    wait, dispose = checkpoints.wait, context.database.engine.dispose

    def waiting(where: Path) -> None:
        wait(where)
        events.append(("waited", where, thread.is_alive()))

    def disposing(*args: object, **kwargs: object) -> None:
        events.append(("disposed",))
        dispose(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checkpoints, "wait", waiting)
    monkeypatch.setattr(context.database.engine, "dispose", disposing)
    context.close()
    assert events == [("waited", path, False), ("disposed",)]
