"""dashboard totals: the worker's village on each enrolment, self-payments counted per (first, last) month

Revision ID: 0010_dashboard_totals
Revises: 0009_sync_records
Create Date: 2026-11-24 06:40:00

The dashboard (issue 9) counted enrolments per village by joining every enrolment to its worker, and the
payments per month by reading every payment of the last 18 months. ``enrolment.village_code`` (with
``ix_enrolment_village``) and the table ``self_payment_month`` hold those figures ready; triggers keep
them in step with every write (see ``persistence/dashboard_totals.py``), and both are filled here from
the existing rows. ``ALTER TABLE … ADD COLUMN`` on SQLite keeps the table (and its triggers) in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jamsos_desktop.persistence import dashboard_totals

revision = "0010_dashboard_totals"
down_revision = "0009_sync_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("enrolment", sa.Column("village_code", sa.String(length=13), nullable=True))
    op.create_index(
        "ix_enrolment_village",
        "enrolment",
        ["programme_id", "village_code", "start_month", "end_month", "funded_to"],
        unique=False,
    )
    op.create_table(
        "self_payment_month",
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("payments", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programme.id"],
            name=op.f("fk_self_payment_month_programme_id_programme"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("programme_id", "first_month", "last_month", name=op.f("pk_self_payment_month")),
    )
    dashboard_totals.install(op.get_bind())


def downgrade() -> None:
    dashboard_totals.drop(op.get_bind())
    op.drop_table("self_payment_month")
    op.drop_index("ix_enrolment_village", table_name="enrolment")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_column("village_code")
