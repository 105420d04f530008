"""clause_report_event: each report's history (submissions with comments and shares, returns, reopenings)

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-08 14:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('clause_report_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('entries', sa.Integer(), nullable=True),
    sa.Column('staff', sa.Integer(), nullable=True),
    sa.Column('disadvantaged', sa.Integer(), nullable=True),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['clause_report.id'], name=op.f('fk_clause_report_event_report_id_clause_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['by_id'], ['user_account.id'], name=op.f('fk_clause_report_event_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause_report_event'))
    )
    with op.batch_alter_table('clause_report_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clause_report_event_report_id'), ['report_id'], unique=False)
    # The reports of before keep what they had: their last submission and, if any, their last review.
    op.execute("INSERT INTO clause_report_event (report_id, kind, text, by_id, at) "
               "SELECT id, 'submitted', comment, submitted_by_id, submitted_at FROM clause_report "
               "WHERE submitted_at IS NOT NULL")
    op.execute("INSERT INTO clause_report_event (report_id, kind, text, by_id, at) "
               "SELECT id, state, return_reasons, reviewed_by_id, reviewed_at FROM clause_report "
               "WHERE reviewed_at IS NOT NULL AND state IN ('returned', 'accepted')")


def downgrade():
    with op.batch_alter_table('clause_report_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clause_report_event_report_id'))
    op.drop_table('clause_report_event')
