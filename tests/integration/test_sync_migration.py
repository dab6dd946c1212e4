"""Migration 0007_sync_edits carries the per-field sync rows of 0005 over: changes grouped into edits by
record and clock reading, field outcomes into one outcome per record (a withheld unique value stays
withheld); and back down."""

from __future__ import annotations

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from jamsos_desktop.persistence import migrate


def _upgrade(url: str, revision: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(migrate.alembic_config(connection), revision)
    engine.dispose()


def test_old_changes_and_outcomes_are_carried_over_and_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    _upgrade(url, "0006_dashboard_indexes")
    engine = create_engine(url)
    with engine.begin() as db:
        rows = [
            ("u1", "name", '"Munip"', "0000000000001.000000.s1", "s1", "create", "[]"),
            ("u1", "nik", '"1903011208902835"', "0000000000001.000001.s1", "s1", "create", "[]"),
            ("u1", "phone", '"0811"', "0000000000002.000000.office", "office", "update", '["0000000000001.000002.s1"]'),
        ]
        for row in rows:
            db.execute(
                text("INSERT INTO sync_change (uid, field, value, hlc, origin, kind, supersedes) "
                     "VALUES (:u, :f, :v, :h, :o, :k, :s)"),
                dict(zip("ufvhoks", row, strict=True)),
            )  # fmt: skip
        db.execute(text("INSERT INTO sync_field VALUES ('u1', 'name', '0000000000001.000000.s1', '\"Munip\"', '\"Munip\"')"))
        db.execute(
            text("INSERT INTO sync_field VALUES ('u1', 'nik', '0000000000001.000001.s1', '\"1903011208902835\"', 'null')")
        )
    engine.dispose()

    _upgrade(url, "0007_sync_edits")
    engine = create_engine(url)
    with engine.connect() as db:
        edits = db.execute(text("SELECT uid, hlc, origin, kind, data, supersedes FROM sync_edit ORDER BY hlc")).all()
        (fields,) = db.execute(text("SELECT fields FROM sync_outcome WHERE uid = 'u1'")).one()
    engine.dispose()
    assert [(e.hlc, json.loads(e.data)) for e in edits] == [
        ("0000000000001.000000.s1", {"name": "Munip"}),
        ("0000000000001.000001.s1", {"nik": "1903011208902835"}),
        ("0000000000002.000000.office", {"phone": "0811"}),
    ]
    assert json.loads(edits[2].supersedes) == {"phone": ["0000000000001.000002.s1"]}
    outcome = json.loads(fields)
    assert outcome["v"] == {"name": "Munip", "nik": "1903011208902835"} and outcome["w"] == ["nik"]
    assert outcome["h"]["nik"] == "0000000000001.000001.s1"

    engine = create_engine(url)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0006_dashboard_indexes")
    with engine.connect() as db:
        back = db.execute(text("SELECT uid, field, hlc, value, supersedes FROM sync_change ORDER BY hlc")).all()
        states = db.execute(text("SELECT field, value, applied FROM sync_field ORDER BY field")).all()
    engine.dispose()
    assert [tuple(r) for r in back] == [
        ("u1", "name", "0000000000001.000000.s1", '"Munip"', "[]"),
        ("u1", "nik", "0000000000001.000001.s1", '"1903011208902835"', "[]"),
        ("u1", "phone", "0000000000002.000000.office", '"0811"', '["0000000000001.000002.s1"]'),
    ]
    assert [tuple(r) for r in states] == [("name", '"Munip"', '"Munip"'), ("nik", '"1903011208902835"', "null")]
