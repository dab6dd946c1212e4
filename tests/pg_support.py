"""A PostgreSQL server for the test suite: one fresh database per test, cloned from a migrated template.

The server comes from ``JAMSOS_TEST_POSTGRES_URL`` (an administrator URL such as
``postgresql+psycopg://jamsos_test@127.0.0.1:54329/postgres``; ``eval "$(bash .ci/start-postgres)"``
starts a throw-away one). Without it the suite runs on SQLite only, unless
``JAMSOS_TEST_REQUIRE_POSTGRES=1`` (CI) turns the missing server into an error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

URL_VARIABLE = "JAMSOS_TEST_POSTGRES_URL"
REQUIRE_VARIABLE = "JAMSOS_TEST_REQUIRE_POSTGRES"


def server_url() -> str | None:
    return os.environ.get(URL_VARIABLE) or None


def required() -> bool:
    return os.environ.get(REQUIRE_VARIABLE, "") not in ("", "0")


def engines() -> list[str]:
    """The database engines the integration tests run on."""
    if server_url():
        return ["sqlite", "postgresql"]
    if required():
        raise RuntimeError(f"{REQUIRE_VARIABLE} is set but {URL_VARIABLE} is not: start .ci/start-postgres")
    return ["sqlite"]


class PostgresServer:
    """Creates and drops test databases on the server (administrator connection, autocommit)."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT", pool_size=1)
        self._template: str | None = None
        self._prefix = f"jt{os.getpid()}_{uuid.uuid4().hex[:6]}"

    def database_url(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def template(self) -> str:
        """A database migrated to the current head, cloned for each test (much faster than migrating)."""
        if self._template is None:
            from jamsos_desktop.persistence.database import Database

            name = f"{self._prefix}_template"
            with self.admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            Database.open(self.database_url(name)).close()
            self._template = name
        return self._template

    def create(self, *, migrated: bool = True) -> str:
        name = f"{self._prefix}_{uuid.uuid4().hex[:10]}"
        clause = f' TEMPLATE "{self.template()}" STRATEGY FILE_COPY' if migrated else ""
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    @contextmanager
    def database(self, *, migrated: bool = True) -> Iterator[str]:
        name = self.create(migrated=migrated)
        try:
            yield self.database_url(name)
        finally:
            self.drop(name)

    def close(self) -> None:
        if self._template is not None:
            self.drop(self._template)
        self.admin.dispose()
