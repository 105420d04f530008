"""The three forms of employment terms, the buyer's size rule, and Hilma notice numbers

employment_clause gains its form (condition, award, reserved; existing clauses
are contract conditions), an award criterion's points and scale, and a reserved
contract's required share and the legal rule it was checked against.
procurement gains its Hilma notice number and labour share. New tables: the
tenders' employment plans, the reserved contracts' share declarations and the
buyers' size rules.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-08 12:00:00

"""
import sqlalchemy as sa
from alembic import op

from portal.db_types import UTCDateTime  # the same type the models use

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('employment_clause', schema=None) as batch_op:
        batch_op.add_column(sa.Column('form', sa.String(length=10), server_default='condition', nullable=False))
        batch_op.add_column(sa.Column('award_points', sa.Numeric(precision=6, scale=2), nullable=True))
        batch_op.add_column(sa.Column('award_scale', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('required_share', sa.Numeric(precision=4, scale=3), nullable=True))
        batch_op.add_column(sa.Column('share_rule_id', sa.String(length=60), nullable=True))
    with op.batch_alter_table('procurement', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hilma_notice', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('labour_share', sa.Numeric(precision=4, scale=3), nullable=True))
    op.create_table(
        'clause_tender_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('clause_id', sa.Integer(), nullable=False),
        sa.Column('tenderer', sa.String(length=200), nullable=False),
        sa.Column('planned', sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column('points', sa.Numeric(precision=6, scale=2), nullable=False),
        sa.Column('winner', sa.Boolean(), nullable=False),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('clause_id', 'tenderer'),
    )
    op.create_index('ix_clause_tender_plan_clause_id', 'clause_tender_plan', ['clause_id'])
    op.create_table(
        'clause_share_declaration',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('clause_id', sa.Integer(), nullable=False),
        sa.Column('report_date', sa.Date(), nullable=False),
        sa.Column('staff', sa.Integer(), nullable=False),
        sa.Column('disadvantaged', sa.Integer(), nullable=False),
        sa.Column('comment', sa.Text(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('clause_id', 'report_date'),
    )
    op.create_index('ix_clause_share_declaration_clause_id', 'clause_share_declaration', ['clause_id'])
    op.create_table(
        'procurement_size_rule',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=False),
        sa.Column('euros_per_person_month', sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column('euros_per_person', sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column('justification', sa.Text(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id']),
        sa.ForeignKeyConstraint(['updated_by_id'], ['user_account.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id'),
    )


def downgrade():
    op.drop_table('procurement_size_rule')
    op.drop_index('ix_clause_share_declaration_clause_id', table_name='clause_share_declaration')
    op.drop_table('clause_share_declaration')
    op.drop_index('ix_clause_tender_plan_clause_id', table_name='clause_tender_plan')
    op.drop_table('clause_tender_plan')
    with op.batch_alter_table('procurement', schema=None) as batch_op:
        batch_op.drop_column('labour_share')
        batch_op.drop_column('hilma_notice')
    with op.batch_alter_table('employment_clause', schema=None) as batch_op:
        batch_op.drop_column('share_rule_id')
        batch_op.drop_column('required_share')
        batch_op.drop_column('award_scale')
        batch_op.drop_column('award_points')
        batch_op.drop_column('form')

