"""notifications: each user's choice of how to hear, and what was mailed

notification gets delivery (how its reader chose to hear when it was made),
mailed_at (when it went out by mail, alone or in a digest) and dedupe_key (a
dated notice is made once per key and reader); notification_preference holds
each user's choice. Existing notifications were never mailed and are left out
of digests (delivery "portal").

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-08 12:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notification_preference',
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('delivery', sa.String(length=10), nullable=False),
        sa.Column('updated_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('user_id'),
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('delivery', sa.String(length=10), server_default='portal', nullable=False))
        batch_op.add_column(sa.Column('mailed_at', portal.db_types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('dedupe_key', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint('uq_notification_user_key', ['user_id', 'dedupe_key'])


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint('uq_notification_user_key', type_='unique')
        batch_op.drop_column('dedupe_key')
        batch_op.drop_column('mailed_at')
        batch_op.drop_column('delivery')
    op.drop_table('notification_preference')
