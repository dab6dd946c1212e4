"""Opening databases: pragmas, and the files we must refuse without touching them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from jamsos_desktop.domain.errors import DatabaseError, UsageError
from jamsos_desktop.persistence import migrate
from jamsos_desktop.persistence.database import Database

# SQLite files: pragmas, refusing foreign/locked/read-only files (server databases: test_postgresql.py)
pytestmark = pytest.mark.sqlite_only


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def siblings(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_a_new_database_is_created_current_with_safe_pragmas(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "new.sqlite3")
    try:
        assert db.schema_version() == migrate.HEAD
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() > 0
    finally:
        db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Database.open(path).close()
    db = Database.open(path)
    assert db.schema_version() == migrate.HEAD
    db.close()


def test_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Daftar pekerja desa Rias\n" * 10)
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert caught.value.code == "db.not_sqlite"
    assert digest(path) == before
    assert siblings(path) == {"notes.sqlite3"}


def test_another_programs_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert caught.value.code == "db.not_jamsos"
    assert digest(path) == before
    assert siblings(path) == {"other.db"}


def test_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert caught.value.code == "db.newer"
    assert "9999_future" in caught.value.message("id")
    assert digest(path) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    Database.open(path).close()
    path.chmod(stat.S_IRUSR)
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert caught.value.code == "db.readonly"


def test_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated for root (who may write anywhere): os.access is what the check consults.
    path = tmp_path / "ro.sqlite3"
    Database.open(path).close()
    before = digest(path)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode))
    with pytest.raises(DatabaseError) as caught:
        Database.open(path)
    assert caught.value.code == "db.readonly"
    assert digest(path) == before


def test_a_locked_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    Database.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError) as caught:
            Database.open(path)
        assert caught.value.code == "db.locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_writes_while_another_process_holds_the_write_lock_report_locked(tmp_path: Path) -> None:
    from datetime import date

    from jamsos_desktop.app import open_context
    from jamsos_desktop.domain.worker import WorkerData
    from jamsos_desktop.domain.worker_types import Sex

    ctx = open_context(data_dir=tmp_path)
    holder = sqlite3.connect(tmp_path / "jamsos.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as caught:
            ctx.registry.register(
                WorkerData(name="Irman", sex=Sex.MALE, birth_date=date(1980, 1, 1), village_code="19.03.01.2008", no_nik=True)
            )
        assert caught.value.code == "db.locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        ctx.close()


@pytest.mark.parametrize("target", ["mysql://u@h/db", "oracle://x", "foo://bar", "sqlite://"])
def test_unknown_schemes_are_usage_errors(target: str) -> None:
    with pytest.raises(UsageError) as caught:
        Database.open(target)
    assert caught.value.code == "db.scheme"


def test_sqlite_url_is_accepted(tmp_path: Path) -> None:
    db = Database.open(f"sqlite:///{tmp_path / 'url.sqlite3'}")
    assert db.target.path == tmp_path / "url.sqlite3"
    db.close()


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError) as caught:
        Database.open(tmp_path / "no" / "such" / "db.sqlite3")
    assert caught.value.code == "db.missing_dir"
