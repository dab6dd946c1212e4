"""Backup of the 100,000-worker database <= 2 s (issue 7), against floors of the same run.

Floors: a plain file copy of the same database (the I/O nobody can avoid; never a way to back up a live
file) and the insert floor's machine factor, which scales the 2 s target on a slower machine. The backup
measured is the product's: SQLite backup API, full ``integrity_check`` of the copy, fsync, rename,
rotation. The desktop application runs it on its background executor, off the UI thread.
"""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from bench_support import best_of, record

from jamsos_desktop.app import open_context

pytestmark = pytest.mark.benchmark

BACKUP_TARGET_S = 2.0


def test_backup_of_100k_workers_within_target(demo_database, machine_factor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, _ = demo_database
    db = folder / "jamsos.sqlite3"
    ctx = open_context(data_dir=folder)
    try:
        ctx.backups.backup_dir = tmp_path / "backups"
        copy_floor = best_of(3, lambda: shutil.copyfile(db, tmp_path / "plain-copy.sqlite3"))
        times = []
        made = None
        for _ in range(3):
            start = time.perf_counter()
            made = ctx.backups.backup_now("bench")
            times.append(time.perf_counter() - start)
        seconds = min(times)
        quick_start = time.perf_counter()
        ctx.check(full=False)
        quick_s = time.perf_counter() - quick_start
    finally:
        ctx.close()
    assert made is not None
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("SELECT count(*) FROM worker").fetchone()[0] == 100_000
    size_mb = db.stat().st_size / 1e6
    target = BACKUP_TARGET_S * max(1.0, machine_factor)
    record("backup_db_mb", round(size_mb, 1))
    record("backup_copy_floor_s", round(copy_floor, 3))
    record("backup_s", round(seconds, 3))
    record("backup_vs_copy", round(seconds / max(copy_floor, 1e-6), 1))
    record("backup_target_s", round(target, 2))
    record("quick_check_s", round(quick_s, 3))
    assert seconds <= target, (
        f"backup took {seconds:.2f} s (target {target:.2f} s, copy floor {copy_floor:.3f} s)"
    )


LOGIN_TARGET_S = 0.5


def test_login_within_target(tmp_path, machine_factor) -> None:  # type: ignore[no-untyped-def]
    """One argon2id verification and the account's update: <= 0.5 s (scaled like the others)."""
    ctx = open_context(data_dir=tmp_path / "login")
    try:
        ctx.users.create_first_administrator("admin", "Admin", "kata-sandi-admin")
        seconds = best_of(3, lambda: ctx.users.login("admin", "kata-sandi-admin"))
    finally:
        ctx.close()
    target = LOGIN_TARGET_S * max(1.0, machine_factor)
    record("login_s", round(seconds, 3))
    assert seconds <= target
