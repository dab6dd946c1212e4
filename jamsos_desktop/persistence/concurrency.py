"""What several desktops writing to one PostgreSQL server need, and SQLite's single writer gives for free.

On SQLite every write transaction holds the database's write lock (``BEGIN IMMEDIATE``), so reading
``max(id)`` or ``max(serial)`` and writing the next one cannot race. On PostgreSQL two clerks commit at
the same time, so:

* :func:`reserve_ids` takes primary keys from the table's own sequence (never handed out twice);
* :func:`copy_rows` and :func:`copy_tuples` load many rows at once with ``COPY`` (demo data, packages,
  audit batches) — a server is also slower per statement than a local file;
* :func:`serialize` takes a transaction-scoped advisory lock named after a counter (card serials)
  until the commit or rollback, so "the next number" is computed by one
  transaction at a time — and only by those that need that counter.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session


def reserve_ids(session: Session, table: Table, count: int) -> list[int]:
    """``count`` fresh primary keys for ``table`` (whose integer key column is ``id``)."""
    if count <= 0:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        rows = connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
            {"table": table.name, "n": count},
        )
        return [int(r[0]) for r in rows]
    first = int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar() or 0) + 1
    return list(range(first, first + count))


def lock_key(name: str) -> int:
    """A stable 63-bit key for an advisory lock named ``name``."""
    return (0x4A5300000000 << 16) | zlib.crc32(name.encode("utf-8"))


def serialize(session: Session, name: str) -> None:
    """Until this transaction ends, no other transaction passes ``serialize`` with the same ``name``."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})


def copy_rows(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by the model's attribute names) with PostgreSQL's ``COPY``.

    An order of magnitude faster than INSERT statements for thousands of rows, in the caller's
    transaction. Only for PostgreSQL connections (psycopg 3).
    """
    if not rows:
        return
    mapper = sa_inspect(model)
    keys: list[str] = list(dict.fromkeys(key for row in rows for key in row))
    # INSERT would apply the model's Python-side defaults to absent values; COPY must be told them.
    defaults: dict[str, Any] = {}
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if attr.key not in keys and column.default is not None and column.default.is_scalar:
            defaults[attr.key] = column.default.arg
    keys += list(defaults)
    columns = [mapper.attrs[key].columns[0].name for key in keys]
    values = ([row.get(key, defaults.get(key)) for key in keys] for row in rows)
    copy_tuples(session, mapper.local_table.name, columns, values)


def copy_tuples(session: Session, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """``COPY table (columns) FROM STDIN`` of plain value tuples (PostgreSQL, psycopg 3)."""
    raw = session.connection().connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)

