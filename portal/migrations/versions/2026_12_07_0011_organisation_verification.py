"""employer identity: organisations verified by an administrator; requests to join a registered organisation

Every organisation that exists before this migration is marked verified, with
the method "migration" and no person, so nothing that works today stops
working; from now on a self-registered employer starts unverified.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 19:03:17

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import portal.db_types

# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('join_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('organisation_name', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=20), nullable=False),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_at', portal.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_join_request_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_join_request_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_join_request_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_join_request'))
    )
    with op.batch_alter_table('join_request', schema=None) as batch_op:
        batch_op.create_index('ix_join_request_organisation_state', ['organisation_id', 'state'], unique=False)

    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verified_at', portal.db_types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('verified_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('verification_method', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('verification_note', sa.String(length=1000), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_organisation_verified_by_id_user_account'), 'user_account', ['verified_by_id'], ['id'], ondelete='SET NULL')

    organisation = sa.table('organisation', sa.column('verified_at', portal.db_types.UTCDateTime(timezone=True)),
                            sa.column('verification_method', sa.String(30)))
    op.execute(organisation.update().where(organisation.c.verified_at.is_(None))
               .values(verified_at=datetime.now(UTC), verification_method='migration'))


def downgrade():
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_organisation_verified_by_id_user_account'), type_='foreignkey')
        batch_op.drop_column('verification_note')
        batch_op.drop_column('verification_method')
        batch_op.drop_column('verified_by_id')
        batch_op.drop_column('verified_at')

    with op.batch_alter_table('join_request', schema=None) as batch_op:
        batch_op.drop_index('ix_join_request_organisation_state')

    op.drop_table('join_request')
