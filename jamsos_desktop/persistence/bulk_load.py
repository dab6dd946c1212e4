"""Loading many rows into a few tables in one transaction: the demo's 100,000 workers and their heirs.

Inserting 100,000 rows into a table with secondary indexes updates every index row by row, at random
places of B-trees far bigger than SQLite's default page cache (2 MB): pages are evicted and written to
the WAL again and again. Building an index afterwards is one sort. So, on SQLite, inside
:func:`bulk_load`:

- the connection's page cache is raised (``PRAGMA cache_size``, a per-connection memory setting that
  changes nothing on disk: journal mode WAL and ``synchronous = FULL`` stay as they are, so the commit
  is as durable as any other);
- the secondary indexes of the loaded tables (those with SQL in ``sqlite_master``; the indexes of
  UNIQUE and PRIMARY KEY constraints stay, they enforce the rules) are dropped, and created again from
  their own SQL on leaving;
- the name search index is filled once for all the new workers (:func:`search_index.bulk_insert`)
  instead of once per batch.

Everything happens inside the caller's transaction: DDL is transactional in SQLite, so if the load
fails and the transaction is rolled back, the indexes and the trigger come back with it, and a
committed load holds exactly the indexes it had before. Other engines load as they always do.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext

from sqlalchemy import Connection

from jamsos_desktop.persistence import search_index

#: Page cache during a load, in KiB (SQLite's negative ``cache_size``): enough for the indexes of
#: 100,000 workers; given back when the load ends.
LOAD_CACHE_KIB = 262_144


@contextmanager
def bulk_load(connection: Connection, tables: Sequence[str], *, first_worker_id: int | None = None) -> Iterator[None]:
    """Load rows into ``tables`` inside the block; indexes are rebuilt when it ends without error.

    ``first_worker_id``: when ``worker`` is loaded, the id of its first new row (the search index
    is filled from there on leaving the block).
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    previous_cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
    connection.exec_driver_sql(f"PRAGMA cache_size = {-LOAD_CACHE_KIB}")
    try:
        marks = ", ".join("?" * len(tables))
        indexes = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master "
            f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY name",
            tuple(tables),
        ).all()
        for name, _ in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        searching = "worker" in tables and first_worker_id is not None
        with search_index.bulk_insert(connection, first_worker_id) if searching else nullcontext():  # type: ignore[arg-type]
            yield
            for _, sql in indexes:
                connection.exec_driver_sql(sql)
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {previous_cache}")


def growing(connection: Connection, table: str, adding: int) -> AbstractContextManager[None]:
    """:func:`bulk_load` of ``table`` when ``adding`` rows at least double it, else a plain block.

    Building an index again costs in proportion to the whole table: worth it for a first big load
    (the demo's enrolments and payments), not for a few thousand rows added to a large table.
    """
    if connection.dialect.name != "sqlite":
        return nullcontext()
    present = int(connection.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
    return bulk_load(connection, (table,)) if adding >= present else nullcontext()
