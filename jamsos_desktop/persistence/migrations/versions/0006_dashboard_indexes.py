"""dashboard indexes: recent self payments by (programme, reversal, months, enrolment)

Revision ID: 0006_dashboard_indexes
Revises: 0005_sync
Create Date: 2026-11-24 04:30:00

One covering index for the dashboard and the reports (issue 9). Payments of a programme that are not
reversals come in (last month, first month) order, so the dashboard's payments per month stream
without a sort and the member status reads only the payments touching its last few months (a range
of ``last_month``) instead of every payment ever made; the few reversals form their own short range.
Plain ``CREATE INDEX``: the same on SQLite and PostgreSQL.
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
        ["programme_id", "reversal_of", "last_month", "first_month", "enrolment_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_self_payment_recent", table_name="self_payment")
