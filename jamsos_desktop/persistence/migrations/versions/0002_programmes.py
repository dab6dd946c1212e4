"""programmes: funders, enrolments, holidays, funder and self payments, worker events

Revision ID: 0002_programmes
Revises: 0001_initial
Create Date: 2026-11-24 01:30:00

Months are integer indexes (year * 12 + month - 1). Explicit DDL, batch style for SQLite.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_programmes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "programme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("start_month", sa.Integer(), nullable=False),
        sa.Column("funded_months", sa.Integer(), nullable=False),
        sa.Column("income", sa.Integer(), nullable=False),
        sa.Column("include_jht", sa.Boolean(), nullable=False),
        sa.Column("monthly_amount", sa.Integer(), nullable=False),
        sa.Column("quota", sa.Integer(), nullable=True),
        sa.Column("lapse_threshold", sa.Integer(), nullable=False),
        sa.Column("funding_window", sa.String(length=16), nullable=False),
        sa.Column("horizon_months", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme")),
        sa.UniqueConstraint("name", name=op.f("uq_programme_name")),
    )

    op.create_table(
        "funder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("share_percent", sa.Integer(), nullable=True),
        sa.Column("quota", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_funder_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder")),
        sa.UniqueConstraint("programme_id", "name", name="uq_funder_programme_name"),
    )
    with op.batch_alter_table("funder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funder_programme_id"), ["programme_id"], unique=False)

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=True),
        sa.Column("start_month", sa.Integer(), nullable=False),
        sa.Column("end_month", sa.Integer(), nullable=True),
        sa.Column("funded_from", sa.Integer(), nullable=False),
        sa.Column("funded_to", sa.Integer(), nullable=False),
        sa.Column("exit_date", sa.Date(), nullable=True),
        sa.Column("exit_reason", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_enrolment_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_enrolment_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"], ["funder.id"], name=op.f("fk_enrolment_funder_id_funder"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolment")),
        sa.UniqueConstraint("programme_id", "worker_id", name="uq_enrolment_programme_worker"),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrolment_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index(
            "ix_enrolment_schedule",
            ["programme_id", "funder_id", "start_month", "end_month", "funded_from", "funded_to"],
            unique=False,
        )
        batch_op.create_index("ix_enrolment_funded_to", ["programme_id", "funded_to"], unique=False)

    op.create_table(
        "holiday",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holiday")),
    )

    op.create_table(
        "funder_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("funder_id", sa.Integer(), nullable=False),
        sa.Column("invoice_number", sa.String(length=64), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("reversal_of", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_funder_payment_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["funder_id"], ["funder.id"], name=op.f("fk_funder_payment_funder_id_funder"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reversal_of"], ["funder_payment.id"], name=op.f("fk_funder_payment_reversal_of_funder_payment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder_payment")),
    )
    with op.batch_alter_table("funder_payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funder_payment_reversal_of"), ["reversal_of"], unique=False)
        batch_op.create_index("ix_funder_payment_programme", ["programme_id", "funder_id"], unique=False)
        batch_op.create_index("ix_funder_payment_invoice", ["funder_id", "invoice_number"], unique=False)

    op.create_table(
        "funder_payment_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("workers", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["payment_id"],
            ["funder_payment.id"],
            name=op.f("fk_funder_payment_line_payment_id_funder_payment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder_payment_line")),
    )
    with op.batch_alter_table("funder_payment_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funder_payment_line_payment_id"), ["payment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_funder_payment_line_month"), ["month"], unique=False)

    op.create_table(
        "self_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("receipt", sa.String(length=64), nullable=True),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("reversal_of", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_self_payment_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolment.id"],
            name=op.f("fk_self_payment_enrolment_id_enrolment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_self_payment_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reversal_of"], ["self_payment.id"], name=op.f("fk_self_payment_reversal_of_self_payment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_self_payment")),
        sa.UniqueConstraint("receipt", name=op.f("uq_self_payment_receipt")),
    )
    with op.batch_alter_table("self_payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_self_payment_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_self_payment_reversal_of"), ["reversal_of"], unique=False)
        batch_op.create_index(
            "ix_self_payment_months", ["programme_id", "first_month", "last_month", "reversal_of"], unique=False
        )
        batch_op.create_index(
            "ix_self_payment_enrolment",
            ["programme_id", "enrolment_id", "first_month", "last_month", "reversal_of"],
            unique=False,
        )

    op.create_table(
        "worker_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("worker_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("event_date", sa.Date(), nullable=False),
        sa.Column("claim_status", sa.String(length=16), nullable=False),
        sa.Column("heir_name", sa.String(length=100), nullable=False),
        sa.Column("heir_relationship", sa.String(length=20), nullable=False),
        sa.Column("heir_phone", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["worker_id"], ["worker.id"], name=op.f("fk_worker_event_worker_id_worker"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_worker_event_programme_id_programme"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_worker_event")),
    )
    with op.batch_alter_table("worker_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_worker_event_worker_id"), ["worker_id"], unique=False)
        batch_op.create_index("ix_worker_event_kind_date", ["kind", "event_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("worker_event", schema=None) as batch_op:
        batch_op.drop_index("ix_worker_event_kind_date")
        batch_op.drop_index(batch_op.f("ix_worker_event_worker_id"))
    op.drop_table("worker_event")

    with op.batch_alter_table("self_payment", schema=None) as batch_op:
        batch_op.drop_index("ix_self_payment_months")
        batch_op.drop_index("ix_self_payment_enrolment")
        batch_op.drop_index(batch_op.f("ix_self_payment_reversal_of"))
        batch_op.drop_index(batch_op.f("ix_self_payment_worker_id"))
    op.drop_table("self_payment")

    with op.batch_alter_table("funder_payment_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funder_payment_line_month"))
        batch_op.drop_index(batch_op.f("ix_funder_payment_line_payment_id"))
    op.drop_table("funder_payment_line")

    with op.batch_alter_table("funder_payment", schema=None) as batch_op:
        batch_op.drop_index("ix_funder_payment_invoice")
        batch_op.drop_index("ix_funder_payment_programme")
        batch_op.drop_index(batch_op.f("ix_funder_payment_reversal_of"))
    op.drop_table("funder_payment")

    op.drop_table("holiday")

    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index("ix_enrolment_funded_to")
        batch_op.drop_index("ix_enrolment_schedule")
        batch_op.drop_index(batch_op.f("ix_enrolment_worker_id"))
    op.drop_table("enrolment")

    with op.batch_alter_table("funder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funder_programme_id"))
    op.drop_table("funder")

    op.drop_table("programme")
