"""dashboard indexes: self payments by (last month, programme, reversal, first month, enrolment)

Revision ID: 0006_dashboard_indexes
Revises: 0005_sync
Create Date: 2026-11-24 04:30:00

One covering index for the dashboard and the reports (issue 9). Payments come in (last month,
programme, reversal, first month) order, so the dashboard's payments per month stream without a sort,
and the member status and the inactive list read only the payments touching their last few months (a
range of ``last_month``) instead of every payment ever made. Leading with the month keeps the index
unattractive to the lookups of one enrolment's payments (recording a receipt checks its months through
``ix_self_payment_enrolment``). Plain ``CREATE INDEX``: the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from alembic import op

revision = "0006_dashboard_indexes"
down_revision = "0005_sync"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_self_payment_recent",
        "self_payment",
        ["last_month", "programme_id", "reversal_of", "first_month", "enrolment_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_self_payment_recent", table_name="self_payment")
