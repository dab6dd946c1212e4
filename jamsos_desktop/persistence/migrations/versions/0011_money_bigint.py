"""money: rupiah columns are 64-bit on PostgreSQL

Revision ID: 0011_money_bigint
Revises: 0010_dashboard_totals
Create Date: 2026-11-24 07:20:00

PostgreSQL's ``integer`` stops at Rp2.147.483.647; a regency's funder payment for six months of 95,000
workers is Rp9,6 miliar. SQLite's INTEGER is already 64-bit, so there is nothing to do there (and a batch
rebuild would only cost time and the dashboard's triggers).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_money_bigint"
down_revision = "0010_dashboard_totals"
branch_labels = None
depends_on = None

#: (table, column) of every rupiah amount.
MONEY_COLUMNS = (
    ("worker", "income"),
    ("programme", "income"),
    ("programme", "monthly_amount"),
    ("funder_payment", "amount"),
    ("funder_payment", "expected"),
    ("funder_payment_line", "expected"),
    ("funder_payment_line", "amount"),
    ("self_payment", "amount"),
)


def _alter(to: sa.types.TypeEngine, from_: sa.types.TypeEngine) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in MONEY_COLUMNS:
        op.alter_column(table, column, type_=to, existing_type=from_)


def upgrade() -> None:
    _alter(sa.BigInteger(), sa.Integer())


def downgrade() -> None:
    _alter(sa.Integer(), sa.BigInteger())
