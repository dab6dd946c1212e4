"""Migrations: the fast-path HEAD constant matches the scripts, and the scripts build the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from jamsos_desktop.persistence import migrate
from jamsos_desktop.persistence.database import Database
from jamsos_desktop.persistence.models import Base


def test_head_constant_matches_the_scripts() -> None:
    assert migrate.script_heads() == [migrate.HEAD]
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD
    shipped = {p.stem for p in (migrate.MIGRATIONS_DIR / "versions").glob("0*.py")}
    assert shipped == set(migrate.KNOWN_REVISIONS)


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite3")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        db.close()


def test_an_older_database_is_backed_up_before_upgrading(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Pretend this build knows one more revision than the file has: the file gets backed up first.
    path = tmp_path / "old.sqlite3"
    Database.open(path).close()
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", (*migrate.KNOWN_REVISIONS, "9999_next"))
    monkeypatch.setattr(migrate, "HEAD", "9999_next")
    monkeypatch.setattr(migrate, "upgrade_to_head", lambda conn: None)
    backups = tmp_path / "backups"
    Database.open(path, backup_dir=backups).close()
    copies = list(backups.glob("old-*-before-upgrade-*.sqlite3"))
    assert len(copies) == 1
    import sqlite3

    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
