"""The name search index: SQLite FTS5 with the trigram tokenizer over ``worker.name_key``.

A trigram index answers ``name_key LIKE '%abd%'`` without reading 100,000 names, so a rare name is found
in milliseconds (a plain scan costs 30–60 ms a keystroke at that size). It is an *external content* table
kept in step by triggers. SQLite's batch migrations rebuild a table by copy-and-rename, which drops its
triggers: a migration that rebuilds ``worker`` must call :func:`install` again (a test checks the
triggers exist at head).

On PostgreSQL the same query shape is served by a GIN index with ``pg_trgm``'s trigram operator class
(:data:`PG_INDEX`); the extension is created by the migration when the role may (a database owner may:
pg_trgm is a trusted extension), otherwise the opening fails with a message saying what the server's
administrator has to run.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

TABLE = "worker_fts"
TRIGGERS = ("worker_fts_ai", "worker_fts_ad", "worker_fts_au")
#: Tokens shorter than a trigram cannot use the index; they are matched by scanning names in order.
MIN_TOKEN = 3

_CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "name_key, content='worker', content_rowid='id', tokenize='trigram', detail='none')",
    f"CREATE TRIGGER IF NOT EXISTS worker_fts_ai AFTER INSERT ON worker BEGIN "
    f"INSERT INTO {TABLE}(rowid, name_key) VALUES (new.id, new.name_key); END",
    f"CREATE TRIGGER IF NOT EXISTS worker_fts_ad AFTER DELETE ON worker BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, name_key) VALUES ('delete', old.id, old.name_key); END",
    f"CREATE TRIGGER IF NOT EXISTS worker_fts_au AFTER UPDATE OF name_key ON worker BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, name_key) VALUES ('delete', old.id, old.name_key); "
    f"INSERT INTO {TABLE}(rowid, name_key) VALUES (new.id, new.name_key); END",
]


_INSERT_TRIGGER = _CREATE[1]

#: The PostgreSQL trigram index over ``worker.name_key`` (``LIKE '%abd%'`` uses it).
PG_INDEX = "ix_worker_name_trgm"
PG_REGION_INDEX = "ix_region_name_trgm"
#: Text columns lists are sorted by. On PostgreSQL they get ``COLLATE "C"`` whatever the database's locale,
#: so the list order is the same on both engines and in Python, and the indexes serve ORDER BY.
SORTED_TEXT_COLUMNS = (
    ("worker", "name_key"),
    ("worker", "occupation"),
    ("worker", "status"),
    ("worker", "nik"),
    ("worker", "kpj"),
    ("worker", "phone"),
    ("region", "name"),
    ("region", "name_key"),
)


@contextmanager
def bulk_insert(connection: Connection, first_id: int) -> Iterator[None]:
    """Index many new workers at once instead of row by row.

    The per-row insert trigger writes one FTS segment per worker (3 s per 20,000 workers here); inside
    this block the trigger is dropped, and on leaving it the new rows (ids from ``first_id``) are
    indexed with one statement and the trigger restored — all in the caller's transaction, so a
    rollback brings the trigger back too. Nested in another bulk insert on the same connection, it
    leaves the indexing to the outer one.
    """
    if connection.dialect.name != "sqlite" or connection.info.get(_BULK_MARK) is not None:
        # Inside an enclosing bulk insert (a whole demo load), that one indexes every new row at its end.
        yield
        return
    connection.execute(text("DROP TRIGGER IF EXISTS worker_fts_ai"))
    connection.info[_BULK_MARK] = first_id
    try:
        yield
    finally:
        first_id = connection.info.pop(_BULK_MARK, first_id)  # rows before it indexed by index_added
    connection.execute(
        text(f"INSERT INTO {TABLE}(rowid, name_key) SELECT id, name_key FROM worker WHERE id >= :first"),
        {"first": first_id},
    )
    connection.execute(text(_INSERT_TRIGGER))


def index_added(connection: Connection, last_id: int) -> None:
    """Inside :func:`bulk_insert`: index the new rows up to ``last_id`` now rather than at its end.

    Costs the same in total (one statement per batch instead of one for all), but a load whose batches
    arrive from elsewhere (the demo's helper process) does it while waiting for the next batch instead
    of after the last one. Outside a bulk insert, nothing to do: the trigger indexes every row.
    """
    first_id = connection.info.get(_BULK_MARK)
    if first_id is None or last_id < first_id:
        return
    connection.execute(
        text(
            f"INSERT INTO {TABLE}(rowid, name_key) SELECT id, name_key FROM worker "
            "WHERE id >= :first AND id <= :last"
        ),
        {"first": first_id, "last": last_id},
    )
    connection.info[_BULK_MARK] = last_id + 1


#: In a connection's ``info`` while a bulk insert has the trigger suspended: the first new row not
#: indexed yet.
_BULK_MARK = "jamsos_search_bulk_insert"


def install(connection: Connection) -> None:
    """Create the index and its triggers (idempotent) and fill it from the existing rows."""
    if connection.dialect.name == "postgresql":
        _install_postgresql(connection)
        return
    if connection.dialect.name != "sqlite":
        return
    for statement in _CREATE:
        connection.execute(text(statement))
    connection.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"))


def _install_postgresql(connection: Connection) -> None:
    from sqlalchemy.exc import DBAPIError

    from jamsos_desktop.domain.errors import DatabaseError

    present = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
    if not present:
        try:
            with connection.begin_nested():
                connection.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        except DBAPIError as exc:
            raise DatabaseError(
                "db.pg_trgm_missing", path=connection.engine.url.database or "", detail=str(exc.orig)
            ) from None
    for table_name, column in SORTED_TEXT_COLUMNS:
        length = connection.execute(
            text(
                "SELECT character_maximum_length FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :t AND column_name = :c"
            ),
            {"t": table_name, "c": column},
        ).scalar()
        kind = f"VARCHAR({int(length)})" if length else "TEXT"
        connection.execute(text(f'ALTER TABLE {table_name} ALTER COLUMN {column} TYPE {kind} COLLATE "C"'))
    connection.execute(text(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON worker USING gin (name_key gin_trgm_ops)"))
    # Place names typed in the search box ("rias", "toboali") are looked up among ~84,000 villages.
    connection.execute(
        text(f"CREATE INDEX IF NOT EXISTS {PG_REGION_INDEX} ON region USING gin (name_key gin_trgm_ops)")
    )


def is_search_index(name: str | None) -> bool:
    """Tables and indexes the ORM metadata does not describe (FTS table and shadow tables, trigram index)."""
    return bool(name) and (str(name).startswith(TABLE) or str(name) in (PG_INDEX, PG_REGION_INDEX))
