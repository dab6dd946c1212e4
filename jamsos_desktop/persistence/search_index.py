"""The name search index: SQLite FTS5 with the trigram tokenizer over ``worker.name_key``.

A trigram index answers ``name_key LIKE '%abd%'`` without reading 100,000 names, so a rare name is found
in milliseconds (a plain scan costs 30–60 ms a keystroke at that size). It is an *external content* table
kept in step by triggers. SQLite's batch migrations rebuild a table by copy-and-rename, which drops its
triggers: a migration that rebuilds ``worker`` must call :func:`install` again (a test checks the
triggers exist at head). PostgreSQL will use pg_trgm for the same query shape.
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


@contextmanager
def bulk_insert(connection: Connection, first_id: int) -> Iterator[None]:
    """Index many new workers at once instead of row by row.

    The per-row insert trigger writes one FTS segment per worker (3 s per 20,000 workers here); inside
    this block the trigger is dropped, and on leaving it the new rows (ids from ``first_id``) are
    indexed with one statement and the trigger restored — all in the caller's transaction, so a
    rollback brings the trigger back too.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.execute(text("DROP TRIGGER IF EXISTS worker_fts_ai"))
    yield
    connection.execute(
        text(f"INSERT INTO {TABLE}(rowid, name_key) SELECT id, name_key FROM worker WHERE id >= :first"),
        {"first": first_id},
    )
    connection.execute(text(_INSERT_TRIGGER))


def install(connection: Connection) -> None:
    """Create the index and its triggers (idempotent) and fill it from the existing rows."""
    if connection.dialect.name != "sqlite":
        return
    for statement in _CREATE:
        connection.execute(text(statement))
    connection.execute(text(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')"))


def is_search_index(name: str | None) -> bool:
    """Tables the ORM metadata does not describe (the FTS table and its shadow tables)."""
    return bool(name) and str(name).startswith(TABLE)
