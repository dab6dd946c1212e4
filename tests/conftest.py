"""Shared fixtures: a real SQLite database in a temporary data directory, a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

# Qt runs headless in tests; set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests that provoke a locked database should not wait the full production busy timeout.
os.environ.setdefault("JAMSOS_BUSY_TIMEOUT_MS", "300")

TODAY = date(2026, 11, 24)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    return directory


@pytest.fixture
def context(data_dir: Path) -> Iterator[object]:
    """An AppContext over a fresh SQLite file, regency 19.03, clock fixed at 24 Nov 2026 09:00."""
    from jamsos_desktop.app import open_context

    ctx = open_context(data_dir=data_dir)
    ctx.clock = lambda: datetime(2026, 11, 24, 9, 0)
    ctx.user = lambda: "petugas.uji"
    yield ctx
    ctx.close()


# --- Database engines ------------------------------------------------------------------------------
# Integration tests run on SQLite and, when a PostgreSQL server is given (see tests/pg_support.py), on
# PostgreSQL too: every data directory a test opens without an explicit ``--db`` then gets its own fresh
# database on the server. Tests about SQLite files themselves carry ``@pytest.mark.sqlite_only``.

import pg_support  # noqa: E402


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db_engine" in metafunc.fixturenames:
        engines = pg_support.engines()
        if metafunc.definition.get_closest_marker("sqlite_only") is not None:
            engines = ["sqlite"]
        elif metafunc.definition.get_closest_marker("postgresql_only") is not None:
            engines = [e for e in engines if e == "postgresql"]
        # With no server the PostgreSQL-only tests get no case (pytest reports them as skipped).
        metafunc.parametrize("db_engine", engines, indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg_support.PostgresServer]:
    url = pg_support.server_url()
    if url is None:
        pytest.skip("no PostgreSQL server (set JAMSOS_TEST_POSTGRES_URL; see .ci/start-postgres)")
    server = pg_support.PostgresServer(url)
    yield server
    server.close()
