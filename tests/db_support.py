"""Reading (or tampering with) the database behind a data directory from a test, on either engine.

``raw_db(data_dir)`` behaves like ``sqlite3.connect(data_dir / "jamsos.sqlite3")`` used as a context
manager (``execute`` with ``?`` placeholders, rows by index or by column name, commit on leaving), but
goes to whatever database the data directory opens — the SQLite file, or in a PostgreSQL run the
server database the test's data directory maps to (tests/integration/conftest.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, inspect


class Row(tuple):  # type: ignore[type-arg]
    """A result row readable by position and by column name (like ``sqlite3.Row``)."""

    _names: tuple[str, ...] = ()

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)

    def keys(self) -> tuple[str, ...]:
        return self._names


class Result:
    def __init__(self, rows: list[Row]) -> None:
        self._rows = rows

    def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return list(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


class RawDb:
    def __init__(self, connection: Any) -> None:
        self._conn = connection
        self.engine_name: str = connection.dialect.name
        self.row_factory: object = None  # accepted for sqlite3 compatibility; rows always have names

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Result:
        if self.engine_name == "postgresql":
            sql = sql.replace("?", "%s")
        result = self._conn.exec_driver_sql(sql, tuple(params))
        if not result.returns_rows:
            return Result([])
        names = tuple(result.keys())
        rows = []
        for values in result:
            row = Row(tuple(values))
            row._names = names
            rows.append(row)
        return Result(rows)

    def tables(self) -> list[str]:
        return sorted(inspect(self._conn).get_table_names())


def database_url(data_dir: Path) -> str:
    from jamsos_desktop.paths import resolve
    from jamsos_desktop.persistence.engine import parse_target

    _, target = resolve(data_dir, None)
    return parse_target(target).url


@contextmanager
def raw_db(data_dir: Path) -> Iterator[RawDb]:
    engine = create_engine(database_url(data_dir))
    try:
        with engine.begin() as conn:
            yield RawDb(conn)
    finally:
        engine.dispose()
