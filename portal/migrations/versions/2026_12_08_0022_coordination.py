"""coordinator_assignment, referral: the coordinator of each phase, referrals and their answers

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08 13:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('coordinator_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('phase', sa.String(length=20), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_coordinator_assignment_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_coordinator_assignment_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_coordinator_assignment_user_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coordinator_assignment'))
    )
    with op.batch_alter_table('coordinator_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coordinator_assignment_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('receiving_organisation_id', sa.Integer(), nullable=True),
    sa.Column('receiving_name', sa.String(length=200), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer_text', sa.Text(), nullable=False),
    sa.Column('answer_on_behalf', sa.Boolean(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('plan_step_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['answered_by_id'], ['user_account.id'], name=op.f('fk_referral_answered_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_referral_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_referral_created_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_step_id'], ['plan_step.id'], name=op.f('fk_referral_plan_step_id_plan_step'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['receiving_organisation_id'], ['organisation.id'], name=op.f('fk_referral_receiving_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_receiving_organisation_id'), ['receiving_organisation_id'], unique=False)


def downgrade():
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_receiving_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_referral_candidate_id'))
    op.drop_table('referral')
    with op.batch_alter_table('coordinator_assignment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coordinator_assignment_candidate_id'))
    op.drop_table('coordinator_assignment')
