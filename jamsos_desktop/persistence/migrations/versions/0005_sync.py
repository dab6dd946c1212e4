"""sync: stations, changes with their clocks, field outcomes, packages and conflicts

Revision ID: 0005_sync
Revises: 0004_safety
Create Date: 2026-11-24 14:00:00

Explicit DDL, batch style for SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_sync"
down_revision = "0004_safety"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_station",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("is_self", sa.Boolean(), nullable=False),
        sa.Column("is_office", sa.Boolean(), nullable=False),
        sa.Column("sign_public", sa.String(length=64), nullable=False),
        sa.Column("box_public", sa.String(length=64), nullable=False),
        sa.Column("villages", sa.Text(), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("last_seq_in", sa.Integer(), nullable=False),
        sa.Column("last_package_at", sa.DateTime(), nullable=True),
        sa.Column("last_seq_out", sa.Integer(), nullable=False),
        sa.Column("acked_hlc", sa.String(length=80), nullable=False),
        sa.Column("clock", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_station")),
        sa.UniqueConstraint("name", name=op.f("uq_sync_station_name")),
    )
    op.create_table(
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
    op.create_table(
        "sync_field",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("applied", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("uid", "field", name=op.f("pk_sync_field")),
    )
    op.create_table(
        "sync_record",
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("seen_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_sync_record")),
    )
    op.create_table(
        "sync_package",
        sa.Column("package_id", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("sender", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("package_id", name=op.f("pk_sync_package")),
    )
    op.create_index(op.f("ix_sync_package_sender"), "sync_package", ["sender"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("winner_hlc", sa.String(length=80), nullable=False),
        sa.Column("winner_value", sa.Text(), nullable=False),
        sa.Column("loser_hlc", sa.String(length=80), nullable=False),
        sa.Column("loser_value", sa.Text(), nullable=False),
        sa.Column("loser_origin", sa.String(length=40), nullable=False),
        sa.Column("other_uid", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_key", "sync_conflict", ["uid", "field"])


def downgrade() -> None:
    op.drop_index("ix_sync_conflict_key", table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_index(op.f("ix_sync_package_sender"), table_name="sync_package")
    op.drop_table("sync_package")
    op.drop_table("sync_record")
    op.drop_table("sync_field")
    op.drop_index("ix_sync_change_origin_hlc", table_name="sync_change")
    op.drop_table("sync_change")
    op.drop_table("sync_station")
