"""candidate.travel_range: how far the person can travel to work

Existing candidates get "subregion" (their municipality, its sub-region and
the explicit neighbours), which covers what matching allowed them before.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('travel_range', sa.String(length=12), server_default='subregion',
                                      nullable=False))


def downgrade():
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_column('travel_range')
