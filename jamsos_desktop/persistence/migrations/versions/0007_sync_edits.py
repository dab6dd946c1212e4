"""sync: changes stored as edits (one row per record and clock reading), outcomes one row per record,
merges of duplicate records, refused incoming edits

Revision ID: 0007_sync_edits
Revises: 0006_dashboard_indexes
Create Date: 2026-11-25 04:30:00

A package of 10,000 new workers was 210,000 rows in ``sync_change`` and as many in ``sync_field``;
it is now 10,000 in each of ``sync_edit`` and ``sync_outcome`` (JSON {"v": values, "h": clock per field,
"d": default clock, "w": withheld fields}). Existing rows are carried over
(grouped in Python, dialect-neutral), then the old tables are dropped.
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0007_sync_edits"
down_revision = "0006_dashboard_indexes"
branch_labels = None
depends_on = None

_dump = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode


def upgrade() -> None:
    edit = op.create_table(
        "sync_edit",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("supersedes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", "hlc", name=op.f("pk_sync_edit")),
    )
    op.create_index("ix_sync_edit_origin_hlc", "sync_edit", ["origin", "hlc"])
    outcome = op.create_table(
        "sync_outcome",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_sync_outcome")),
    )
    op.create_table(
        "sync_merge",
        sa.Column("loser", sa.String(length=36), nullable=False),
        sa.Column("winner", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("loser", name=op.f("pk_sync_merge")),
    )
    op.create_index(op.f("ix_sync_merge_winner"), "sync_merge", ["winner"])
    op.create_table(
        "sync_refusal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.String(length=40), nullable=False),
        sa.Column("sender", sa.String(length=40), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_refusal")),
    )
    op.create_index(op.f("ix_sync_refusal_sender"), "sync_refusal", ["sender"])

    bind = op.get_bind()
    old_change = sa.table(
        "sync_change",
        *(sa.column(c) for c in ("uid", "field", "hlc", "value", "origin", "kind", "supersedes")),
    )
    groups: dict[tuple[str, str], dict] = {}  # type: ignore[type-arg]
    for uid, field, hlc, value, origin, kind, supersedes in bind.execute(sa.select(old_change)):
        group = groups.setdefault((uid, hlc), {"origin": origin, "kind": kind, "data": {}, "sup": {}})
        group["data"][field] = json.loads(value)
        heads = json.loads(supersedes or "[]")
        if heads:
            group["sup"][field] = heads
    if groups:
        op.bulk_insert(
            edit,
            [
                {"uid": uid, "hlc": hlc, "origin": g["origin"], "kind": g["kind"], "data": _dump(g["data"]),
                 "supersedes": _dump(g["sup"])}  # fmt: skip
                for (uid, hlc), g in groups.items()
            ],
        )
    old_field = sa.table("sync_field", *(sa.column(c) for c in ("uid", "field", "hlc", "value", "applied")))
    outcomes: dict[str, dict] = {}  # type: ignore[type-arg]
    for uid, field, hlc, value, applied in bind.execute(sa.select(old_field)):
        record = outcomes.setdefault(uid, {"d": "", "h": {}, "v": {}, "w": []})
        record["h"][field] = hlc
        record["v"][field] = json.loads(value)
        if applied != value:
            record["w"].append(field)
    if outcomes:
        op.bulk_insert(outcome, [{"uid": uid, "fields": _dump(f)} for uid, f in outcomes.items()])
    op.drop_index("ix_sync_change_origin_hlc", table_name="sync_change")
    op.drop_table("sync_change")
    op.drop_table("sync_field")


def downgrade() -> None:
    change = op.create_table(
        "sync_change",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("supersedes", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", "field", "hlc", name=op.f("pk_sync_change")),
    )
    op.create_index("ix_sync_change_origin_hlc", "sync_change", ["origin", "hlc"])
    field_table = op.create_table(
        "sync_field",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("applied", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", "field", name=op.f("pk_sync_field")),
    )
    bind = op.get_bind()
    edits = sa.table("sync_edit", *(sa.column(c) for c in ("uid", "hlc", "origin", "kind", "data", "supersedes")))
    rows = []
    for uid, hlc, origin, kind, data, supersedes in bind.execute(sa.select(edits)):
        sup = json.loads(supersedes or "{}")
        for field, value in json.loads(data).items():
            rows.append({"uid": uid, "field": field, "hlc": hlc, "value": _dump(value), "origin": origin,
                         "kind": kind, "supersedes": _dump(sup.get(field, []))})  # fmt: skip
    if rows:
        op.bulk_insert(change, rows)
    outcomes = sa.table("sync_outcome", sa.column("uid"), sa.column("fields"))
    states = []
    for uid, fields in bind.execute(sa.select(outcomes)):
        record = json.loads(fields)
        for field, value in record["v"].items():
            text = _dump(value)
            withheld = field in (record.get("w") or ())
            states.append({"uid": uid, "field": field, "hlc": (record.get("h") or {}).get(field, record.get("d", "")),
                           "value": text, "applied": "null" if withheld else text})  # fmt: skip
    if states:
        op.bulk_insert(field_table, states)
    op.drop_index(op.f("ix_sync_refusal_sender"), table_name="sync_refusal")
    op.drop_table("sync_refusal")
    op.drop_index(op.f("ix_sync_merge_winner"), table_name="sync_merge")
    op.drop_table("sync_merge")
    op.drop_table("sync_outcome")
    op.drop_index("ix_sync_edit_origin_hlc", table_name="sync_edit")
    op.drop_table("sync_edit")
