"""clause_sanction_history: every sanction decision of a clause, the first and each change

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-08 04:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0023'
down_revision = '0022'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('clause_sanction_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('clause_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('computed', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('shortfall', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('amount', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['clause_id'], ['employment_clause.id'], name=op.f('fk_clause_sanction_history_clause_id_employment_clause'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_clause_sanction_history_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clause_sanction_history'))
    )
    with op.batch_alter_table('clause_sanction_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clause_sanction_history_clause_id'), ['clause_id'], unique=False)
    # The decisions of before keep what is known of them: the current one (an overwritten one is lost).
    op.execute("INSERT INTO clause_sanction_history (clause_id, decision, computed, shortfall, amount, reasons, "
               "decided_on, decided_by_id, at) SELECT clause_id, decision, computed, shortfall, amount, reasons, "
               "decided_on, decided_by_id, updated_at FROM clause_sanction_decision")


def downgrade():
    with op.batch_alter_table('clause_sanction_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clause_sanction_history_clause_id'))
    op.drop_table('clause_sanction_history')
