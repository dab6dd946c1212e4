"""initial schema: settings, regions, workers, heirs

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-24 01:20:11.156514
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from jamsos_desktop.persistence import search_index

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('region',
    sa.Column('code', sa.String(length=13), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('parent', sa.String(length=13), nullable=True),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('code', name=op.f('pk_region'))
    )
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_region_name_key'), ['name_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_region_parent'), ['parent'], unique=False)

    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('worker',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=36), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('no_nik', sa.Boolean(), nullable=False),
    sa.Column('kk', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('sex', sa.String(length=1), nullable=False),
    sa.Column('birth_place', sa.String(length=100), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('rt', sa.String(length=3), nullable=False),
    sa.Column('rw', sa.String(length=3), nullable=False),
    sa.Column('village_code', sa.String(length=13), nullable=False),
    sa.Column('occupation', sa.String(length=80), nullable=False),
    sa.Column('phone', sa.String(length=16), nullable=False),
    sa.Column('income', sa.Integer(), nullable=False),
    sa.Column('kpj', sa.String(length=11), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('consent_purpose', sa.Text(), nullable=False),
    sa.Column('consent_given', sa.Boolean(), nullable=False),
    sa.Column('consent_by', sa.String(length=64), nullable=False),
    sa.Column('consent_at', sa.DateTime(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_worker')),
    sa.UniqueConstraint('kpj', name=op.f('uq_worker_kpj')),
    sa.UniqueConstraint('nik', name=op.f('uq_worker_nik')),
    sa.UniqueConstraint('uid', name=op.f('uq_worker_uid'))
    )
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_worker_village_code'), ['village_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_worker_phone'), ['phone'], unique=False)
        # Covering index of the worker list: walking it in name order filters without reading rows.
        batch_op.create_index(
            'ix_worker_search',
            ['name_key', 'id', 'status', 'village_code', 'nik', 'kpj', 'phone'],
            unique=False,
        )

    op.create_table('heir',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('relationship', sa.String(length=20), nullable=False),
    sa.Column('nik', sa.String(length=16), nullable=True),
    sa.Column('phone', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], name=op.f('fk_heir_worker_id_worker'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_heir'))
    )
    with op.batch_alter_table('heir', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_heir_worker_id'), ['worker_id'], unique=False)

    search_index.install(op.get_bind())



def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in search_index.TRIGGERS:
            op.execute(f'DROP TRIGGER IF EXISTS {trigger}')
        op.execute(f'DROP TABLE IF EXISTS {search_index.TABLE}')
    with op.batch_alter_table('heir', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_heir_worker_id'))

    op.drop_table('heir')
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_search')
        batch_op.drop_index(batch_op.f('ix_worker_phone'))
        batch_op.drop_index(batch_op.f('ix_worker_village_code'))

    op.drop_table('worker')
    op.drop_table('setting')
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_region_parent'))
        batch_op.drop_index(batch_op.f('ix_region_name_key'))

    op.drop_table('region')
