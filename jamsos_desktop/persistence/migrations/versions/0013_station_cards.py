"""sync: stations print cards — a serial namespace code per station and the keys it signs cards with

Revision ID: 0013_station_cards
Revises: 0011_money_bigint
Create Date: 2026-11-24 11:30:00

``sync_station.code`` (unique) is the short code in the serials of cards a station prints
(``25-TL-000123``); the office hands it out when it registers a station. ``sync_station.card_keys`` is a
JSON list of the public keys a station (or, at a station, the office) signs card QR codes with.

At an office, the stations it registered before this version get their codes now (in the order they
were registered); they learn them from the office's next acknowledgement. A station's database has
nothing to hand out: it waits for that acknowledgement.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jamsos_desktop.domain.cards import assign_station_code

revision = "0013_station_cards"
down_revision = "0011_money_bigint"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sync_station", sa.Column("code", sa.String(length=8), nullable=True))
    op.add_column("sync_station", sa.Column("card_keys", sa.Text(), nullable=True))
    op.create_index(op.f("ix_sync_station_code"), "sync_station", ["code"], unique=True)
    bind = op.get_bind()
    station = sa.table(
        "sync_station",
        sa.column("id"),
        sa.column("name"),
        sa.column("is_self"),
        sa.column("is_office"),
        sa.column("registered_at"),
        sa.column("code"),
    )
    office_here = bind.execute(
        sa.select(sa.func.count())
        .select_from(station)
        .where(station.c.is_self.is_(True), station.c.is_office.is_(True))
    ).scalar()
    if not office_here:
        return
    taken: set[str] = set()
    rows = bind.execute(
        sa.select(station.c.id, station.c.name)
        .where(station.c.is_office.is_(False))
        .order_by(station.c.registered_at, station.c.id)
    ).all()
    for station_id, name in rows:
        code = assign_station_code(name, taken)
        taken.add(code)
        bind.execute(sa.update(station).where(station.c.id == station_id).values(code=code))


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_station_code"), table_name="sync_station")
    with op.batch_alter_table("sync_station") as batch:
        batch.drop_column("card_keys")
        batch.drop_column("code")
