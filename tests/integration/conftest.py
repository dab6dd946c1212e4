"""Every integration test runs once per database engine (SQLite always; PostgreSQL when a server is given)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def db_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """``"sqlite"`` or ``"postgresql"``; on PostgreSQL each data directory maps to a fresh server database."""
    kind: str = getattr(request, "param", "sqlite")
    if kind != "postgresql":
        yield kind
        return
    server = request.getfixturevalue("pg_server")
    import jamsos_desktop.app as app_module
    import jamsos_desktop.paths as paths_module

    original = paths_module.resolve
    databases: dict[Path, str] = {}

    def resolve(data_dir, db):  # type: ignore[no-untyped-def]
        directory, target = original(data_dir, db)
        if db or os.environ.get("JAMSOS_DB"):
            return directory, target
        key = directory.expanduser().resolve()
        if key not in databases:
            databases[key] = server.create()
        return directory, server.database_url(databases[key])

    monkeypatch.setattr(paths_module, "resolve", resolve)
    monkeypatch.setattr(app_module, "resolve", resolve)
    try:
        yield kind
    finally:
        for name in databases.values():
            server.drop(name)
