"""Schema versions: applying Alembic revisions on open, without importing Alembic when nothing is due.

``HEAD`` names the newest revision this build knows; a test checks that it matches the scripts, so the
fast path (database already current) costs one ``SELECT`` instead of Alembic's import (~0.2 s).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

#: Newest revision shipped in ``migrations/versions`` (checked by tests/integration/test_migrations.py).
HEAD = "0013_station_cards"
#: Every revision this build can upgrade from, oldest first.
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_programmes",
    "0003_cards",
    "0004_safety",
    "0005_sync",
    "0006_dashboard_indexes",
    "0007_sync_edits",
    "0009_sync_records",
    "0010_dashboard_totals",
    "0011_money_bigint",
    "0013_station_cards",
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def script_heads() -> list[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return list(ScriptDirectory.from_config(config).get_heads())
