"""cards: card prints, handover events and their recipients

Revision ID: 0003_cards
Revises: 0002_programmes
Create Date: 2026-11-24 10:00:00

Explicit DDL, batch style for SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_cards"
down_revision = "0002_programmes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "card_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=16), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("printed_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("layout", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_card_print_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_card_print_programme_id_programme"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_card_print")),
        sa.UniqueConstraint("serial", name=op.f("uq_card_print_serial")),
    )
    with op.batch_alter_table("card_print", schema=None) as batch_op:
        batch_op.create_index("ix_card_print_worker", ["worker_id", "printed_at"], unique=False)

    op.create_table(
        "handover_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("officials", sa.Text(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_handover_event_programme_id_programme"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_event")),
    )

    op.create_table(
        "handover_recipient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["handover_event.id"],
            name=op.f("fk_handover_recipient_event_id_handover_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"],
            ["worker.id"],
            name=op.f("fk_handover_recipient_worker_id_worker"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_recipient")),
        sa.UniqueConstraint("event_id", "worker_id", name="uq_handover_recipient_event_worker"),
    )
    with op.batch_alter_table("handover_recipient", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_recipient_worker_id"), ["worker_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handover_recipient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_recipient_worker_id"))
    op.drop_table("handover_recipient")
    op.drop_table("handover_event")
    with op.batch_alter_table("card_print", schema=None) as batch_op:
        batch_op.drop_index("ix_card_print_worker")
    op.drop_table("card_print")
