"""event sign-ups confirmed by email: confirmed_at, expires_at, mailed_at

Sign-ups made before this revision held their seats already: they count as
confirmed when they were made.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 19:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('confirmed_at', portal.db_types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('expires_at', portal.db_types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('mailed_at', portal.db_types.UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index('ix_event_registration_pending', ['event_id', 'confirmed_at', 'expires_at'],
                              unique=False)
    op.execute("UPDATE event_registration SET confirmed_at = created_at")


def downgrade():
    # Pending sign-ups never held a seat; without the column they would look like seats, so they go.
    op.execute("DELETE FROM event_registration WHERE confirmed_at IS NULL")
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.drop_index('ix_event_registration_pending')
        batch_op.drop_column('mailed_at')
        batch_op.drop_column('expires_at')
        batch_op.drop_column('confirmed_at')
