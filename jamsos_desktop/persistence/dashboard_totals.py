"""Figures kept ready for the dashboard (issue 9), in step with their sources by database triggers.

Two things the dashboard would otherwise recompute from 100,000 rows on every refresh:

* ``enrolment.village_code`` — the village of the enrolment's worker, so enrolments per village are one
  range of ``ix_enrolment_village`` instead of a join of every enrolment to its worker (~120 ms);
* ``self_payment_month`` — per programme and (first month, last month) the net number of self-payments
  (an original counts +1, a reversal −1), so the payments chart reads a few dozen rows instead of every
  payment of the last 18 months (~120 ms for 380,000 payments).

Both are kept by triggers, not by the code that writes: enrolments, workers and payments are written by
many paths (a clerk's form, enrol-everyone, the demo's bulk load, Excel import, sync packages with their
merges of duplicate workers, COPY on PostgreSQL), and a trigger sees every one of them:

* an enrolment inserted without a village gets its worker's; one moved to another worker (a sync merge)
  takes the new worker's village; a worker who moves village takes its enrolments along;
* every inserted, deleted or updated self-payment adds to / takes from its ``self_payment_month`` row.

On SQLite these are row triggers (the insert trigger costs ~4 µs a payment; a bulk load can suspend it
with :func:`bulk_payments` and add its rows in one statement, as the search index does). On PostgreSQL
the payment triggers are *statement* triggers over transition tables — one grouped upsert per
statement, so a COPY of 100,000 payments costs one ``GROUP BY`` — and the village triggers are row
triggers that run only when a village is missing or a worker id / village actually changes.

SQLite's batch migrations rebuild a table by copy-and-rename, which drops its triggers: a migration that
rebuilds ``enrolment``, ``worker`` or ``self_payment`` must call :func:`install` again (a test checks the
triggers exist at head).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

#: Trigger names (both engines).
TRIGGERS = (
    "enrolment_village_ai",
    "enrolment_village_au",
    "worker_village_au",
    "self_payment_month_ai",
    "self_payment_month_ad",
    "self_payment_month_au",
)
#: PostgreSQL trigger functions.
PG_FUNCTIONS = ("jamsos_enrolment_village", "jamsos_worker_village", "jamsos_self_payment_month")

_SIGN_NEW = "CASE WHEN new.reversal_of IS NULL THEN 1 ELSE -1 END"
_SIGN_OLD = "CASE WHEN old.reversal_of IS NULL THEN 1 ELSE -1 END"
_SQLITE_ADD_PAYMENT = (
    "INSERT INTO self_payment_month (programme_id, first_month, last_month, payments) "
    f"VALUES (new.programme_id, new.first_month, new.last_month, {_SIGN_NEW}) "
    "ON CONFLICT (programme_id, first_month, last_month) DO UPDATE SET payments = payments + excluded.payments;"
)
_SQLITE_TAKE_PAYMENT = (
    f"UPDATE self_payment_month SET payments = payments - {_SIGN_OLD} "
    "WHERE programme_id = old.programme_id AND first_month = old.first_month AND last_month = old.last_month;"
)
_SQLITE_PAYMENT_INSERT_TRIGGER = f"CREATE TRIGGER IF NOT EXISTS self_payment_month_ai AFTER INSERT ON self_payment BEGIN {_SQLITE_ADD_PAYMENT} END"
_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS enrolment_village_ai AFTER INSERT ON enrolment "
    "WHEN new.village_code IS NULL BEGIN "
    "UPDATE enrolment SET village_code = (SELECT village_code FROM worker WHERE id = new.worker_id) "
    "WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS enrolment_village_au AFTER UPDATE OF worker_id ON enrolment "
    "WHEN new.worker_id IS NOT old.worker_id BEGIN "
    "UPDATE enrolment SET village_code = (SELECT village_code FROM worker WHERE id = new.worker_id) "
    "WHERE id = new.id; END",
    "CREATE TRIGGER IF NOT EXISTS worker_village_au AFTER UPDATE OF village_code ON worker "
    "WHEN new.village_code IS NOT old.village_code BEGIN "
    "UPDATE enrolment SET village_code = new.village_code WHERE worker_id = new.id; END",
    _SQLITE_PAYMENT_INSERT_TRIGGER,
    f"CREATE TRIGGER IF NOT EXISTS self_payment_month_ad AFTER DELETE ON self_payment BEGIN {_SQLITE_TAKE_PAYMENT} END",
    "CREATE TRIGGER IF NOT EXISTS self_payment_month_au "
    "AFTER UPDATE OF programme_id, first_month, last_month, reversal_of ON self_payment BEGIN "
    f"{_SQLITE_TAKE_PAYMENT} {_SQLITE_ADD_PAYMENT} END",
)

_PG_GROUPED = (
    "SELECT programme_id, first_month, last_month, "
    "sum(CASE WHEN reversal_of IS NULL THEN 1 ELSE -1 END) AS n FROM {rows} "
    "GROUP BY programme_id, first_month, last_month"
)
_PG = (
    "CREATE OR REPLACE FUNCTION jamsos_enrolment_village() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN SELECT w.village_code INTO NEW.village_code FROM worker w WHERE w.id = NEW.worker_id; "
    "RETURN NEW; END $$",
    "CREATE OR REPLACE FUNCTION jamsos_worker_village() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN UPDATE enrolment SET village_code = NEW.village_code WHERE worker_id = NEW.id; "
    "RETURN NULL; END $$",
    # Keys upserted in order, so two transactions adding payments wait for each other, never deadlock.
    "CREATE OR REPLACE FUNCTION jamsos_self_payment_month() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN "
    "IF TG_OP IN ('DELETE', 'UPDATE') THEN "
    "UPDATE self_payment_month m SET payments = m.payments - d.n FROM ("
    + _PG_GROUPED.format(rows="old_rows")
    + ") d WHERE m.programme_id = d.programme_id AND m.first_month = d.first_month "
    "AND m.last_month = d.last_month; "
    "END IF; "
    "IF TG_OP IN ('INSERT', 'UPDATE') THEN "
    "INSERT INTO self_payment_month (programme_id, first_month, last_month, payments) "
    + _PG_GROUPED.format(rows="new_rows")
    + " ORDER BY programme_id, first_month, last_month "
    "ON CONFLICT (programme_id, first_month, last_month) "
    "DO UPDATE SET payments = self_payment_month.payments + excluded.payments; "
    "END IF; "
    "RETURN NULL; END $$",
    "CREATE TRIGGER enrolment_village_ai BEFORE INSERT ON enrolment FOR EACH ROW "
    "WHEN (NEW.village_code IS NULL) EXECUTE FUNCTION jamsos_enrolment_village()",
    "CREATE TRIGGER enrolment_village_au BEFORE UPDATE OF worker_id ON enrolment FOR EACH ROW "
    "WHEN (NEW.worker_id IS DISTINCT FROM OLD.worker_id) EXECUTE FUNCTION jamsos_enrolment_village()",
    "CREATE TRIGGER worker_village_au AFTER UPDATE OF village_code ON worker FOR EACH ROW "
    "WHEN (NEW.village_code IS DISTINCT FROM OLD.village_code) EXECUTE FUNCTION jamsos_worker_village()",
    "CREATE TRIGGER self_payment_month_ai AFTER INSERT ON self_payment "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jamsos_self_payment_month()",
    "CREATE TRIGGER self_payment_month_ad AFTER DELETE ON self_payment "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jamsos_self_payment_month()",
    "CREATE TRIGGER self_payment_month_au AFTER UPDATE ON self_payment "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT "
    "EXECUTE FUNCTION jamsos_self_payment_month()",
)

_TABLE_OF = {
    "enrolment_village_ai": "enrolment",
    "enrolment_village_au": "enrolment",
    "worker_village_au": "worker",
    "self_payment_month_ai": "self_payment",
    "self_payment_month_ad": "self_payment",
    "self_payment_month_au": "self_payment",
}


def install(connection: Connection) -> None:
    """Create the triggers (again: idempotent) and refill both figures from their sources."""
    drop(connection)
    for statement in _PG if connection.dialect.name == "postgresql" else _SQLITE:
        connection.execute(text(statement))
    rebuild(connection)


def drop(connection: Connection) -> None:
    """Remove the triggers (and on PostgreSQL their functions)."""
    postgresql = connection.dialect.name == "postgresql"
    for name in TRIGGERS:
        on = f" ON {_TABLE_OF[name]}" if postgresql else ""
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}{on}"))
    if postgresql:
        for function in PG_FUNCTIONS:
            connection.execute(text(f"DROP FUNCTION IF EXISTS {function}()"))


def rebuild(connection: Connection) -> None:
    """Both figures recomputed from the enrolments, workers and payments (plain SQL, either engine)."""
    connection.execute(
        text(
            "UPDATE enrolment SET village_code = "
            "(SELECT village_code FROM worker WHERE worker.id = enrolment.worker_id)"
        )
    )
    connection.execute(text("DELETE FROM self_payment_month"))
    connection.execute(
        text(
            "INSERT INTO self_payment_month (programme_id, first_month, last_month, payments) "
            + _PG_GROUPED.format(rows="self_payment")
        )
    )


@contextmanager
def bulk_payments(connection: Connection, first_id: int) -> Iterator[None]:
    """Insert many self-payments (ids from ``first_id`` on) with their month totals added in one statement.

    On SQLite the per-row insert trigger is dropped inside the block and restored on leaving, after the
    new rows were grouped into ``self_payment_month`` — all in the caller's transaction, so a rollback
    brings the trigger back too (SQLite's DDL is transactional). Other engines need nothing: their
    trigger works per statement already.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.execute(text("DROP TRIGGER IF EXISTS self_payment_month_ai"))
    yield
    connection.execute(
        text(
            "INSERT INTO self_payment_month (programme_id, first_month, last_month, payments) "
            + _PG_GROUPED.format(rows="self_payment WHERE id >= :first")
            + " ON CONFLICT (programme_id, first_month, last_month) "
            "DO UPDATE SET payments = self_payment_month.payments + excluded.payments"
        ),
        {"first": first_id},
    )
    connection.execute(text(_SQLITE_PAYMENT_INSERT_TRIGGER))


__all__ = ["PG_FUNCTIONS", "TRIGGERS", "bulk_payments", "drop", "install", "rebuild"]
