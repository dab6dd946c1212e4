"""Migrations: the fast-path HEAD constant matches the scripts, and the scripts build the models."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from jamsos_desktop.persistence import migrate, search_index
from jamsos_desktop.persistence.database import Database
from jamsos_desktop.persistence.models import Base


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    return not (type_ == "table" and search_index.is_search_index(name))


def test_head_constant_matches_the_scripts() -> None:
    assert migrate.script_heads() == [migrate.HEAD]
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD
    shipped = {p.stem for p in (migrate.MIGRATIONS_DIR / "versions").glob("0*.py")}
    assert shipped == set(migrate.KNOWN_REVISIONS)


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "m.sqlite3")
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_name": include_name})
            diff = compare_metadata(context, Base.metadata)
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


def test_the_name_search_index_is_kept_in_step_at_head(tmp_path: Path) -> None:
    """A batch migration that rebuilds ``worker`` drops its triggers; this notices."""
    import sqlite3

    db = Database.open(tmp_path / "fts.sqlite3")
    db.close()
    with sqlite3.connect(tmp_path / "fts.sqlite3") as conn:
        triggers = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert set(search_index.TRIGGERS) <= triggers
        conn.execute(
            "INSERT INTO worker (uid, no_nik, kk, name, name_key, sex, birth_place, birth_date, address, rt, rw,"
            " village_code, occupation, phone, income, status, consent_purpose, consent_given, consent_by,"
            " consent_at, notes, end_reason, created_at, created_by, updated_at, updated_by, version)"
            " VALUES ('u1', 1, '', 'Munip', 'munip', 'L', '', '1990-01-01', '', '', '', '19.03.01.2008', '', '',"
            " 1000000, 'draft', 'p', 1, 'x', '2026-01-01', '', '', '2026-01-01', 'x', '2026-01-01', 'x', 1)"
        )
        assert conn.execute("SELECT rowid FROM worker_fts WHERE name_key LIKE '%uni%'").fetchall() == [(1,)]
        conn.execute("UPDATE worker SET name_key = 'irman' WHERE id = 1")
        assert conn.execute("SELECT rowid FROM worker_fts WHERE name_key LIKE '%uni%'").fetchall() == []
        assert conn.execute("SELECT rowid FROM worker_fts WHERE name_key LIKE '%rma%'").fetchall() == [(1,)]
