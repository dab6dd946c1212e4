"""sync: programmes, calendar, enrolments, payments and card prints travel in packages

Revision ID: 0009_sync_records
Revises: 0007_sync_edits
Create Date: 2026-11-24 07:00:00

``sync_fact`` holds every travelling record version (global id ``gid`` + clock ``hlc``), ``sync_local``
binds global ids to local rows with the digest of the row as last captured (change tracking without hooks).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_sync_records"
down_revision = "0007_sync_edits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_fact",
        sa.Column("gid", sa.String(length=80), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.String(length=40), nullable=False),
        sa.Column("worker", sa.String(length=36), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=8), nullable=False),
        sa.PrimaryKeyConstraint("gid", "hlc", name=op.f("pk_sync_fact")),
    )
    op.create_index("ix_sync_fact_origin_hlc", "sync_fact", ["origin", "hlc"])
    op.create_index("ix_sync_fact_worker", "sync_fact", ["worker"])
    op.create_index("ix_sync_fact_state", "sync_fact", ["state", "kind"])
    op.create_table(
        "sync_local",
        sa.Column("gid", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("local_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=40), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("gid", name=op.f("pk_sync_local")),
    )
    op.create_index("ix_sync_local_kind_id", "sync_local", ["kind", "local_id"])


def downgrade() -> None:
    op.drop_index("ix_sync_local_kind_id", table_name="sync_local")
    op.drop_table("sync_local")
    op.drop_index("ix_sync_fact_state", table_name="sync_fact")
    op.drop_index("ix_sync_fact_worker", table_name="sync_fact")
    op.drop_index("ix_sync_fact_origin_hlc", table_name="sync_fact")
    op.drop_table("sync_fact")
