"""clause_report, clause_report_reminder, clause_sanction_decision: the reporting cycle of clauses

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08 10:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('clause_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clause_id', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('entries', sa.JSON(), nullable=False),
    sa.Column('return_reasons', sa.Text(), nullable=False),
    sa.Column('submissions', sa.Integer(), nullable=False),
    sa.Column('submitted_at', portal.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('submitted_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', portal.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], name=op.f('fk_clause_report_clause_id_employment_clause'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['user_account.id'], name=op.f('fk_clause_report_reviewed_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['submitted_by_id'], ['user_account.id'], name=op.f('fk_clause_report_submitted_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause_report')),
    sa.UniqueConstraint('clause_id', 'due_date', name=op.f('uq_clause_report_clause_id_due_date'))
    )
    with op.batch_alter_table('clause_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clause_report_clause_id'), ['clause_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_clause_report_state'), ['state'], unique=False)

    op.create_table('clause_report_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clause_id', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('recipients', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], name=op.f('fk_clause_report_reminder_clause_id_employment_clause'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause_report_reminder')),
    sa.UniqueConstraint('clause_id', 'due_date', 'kind', name=op.f('uq_clause_report_reminder_clause_id_due_date_kind'))
    )
    with op.batch_alter_table('clause_report_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clause_report_reminder_clause_id'), ['clause_id'], unique=False)

    op.create_table('clause_sanction_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clause_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('computed', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('shortfall', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], name=op.f('fk_clause_sanction_decision_clause_id_employment_clause'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_clause_sanction_decision_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause_sanction_decision')),
    sa.UniqueConstraint('clause_id', name=op.f('uq_clause_sanction_decision_clause_id'))
    )


def downgrade():
    op.drop_table('clause_sanction_decision')
    with op.batch_alter_table('clause_report_reminder', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clause_report_reminder_clause_id'))

    op.drop_table('clause_report_reminder')
    with op.batch_alter_table('clause_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clause_report_state'))
        batch_op.drop_index(batch_op.f('ix_clause_report_clause_id'))

    op.drop_table('clause_report')
