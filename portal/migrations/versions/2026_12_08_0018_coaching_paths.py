"""coaching_path_decision, module_review_signature, plan_step: paths, review signatures, steps before work

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08 12:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('coaching_path_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('from_path', sa.String(length=10), nullable=False),
    sa.Column('to_path', sa.String(length=10), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=False),
    sa.Column('contacts', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=10), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_coaching_path_decision_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_coaching_path_decision_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coaching_path_decision'))
    )
    with op.batch_alter_table('coaching_path_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_coaching_path_decision_candidate_id'), ['candidate_id'], unique=False)

    op.create_table('module_review_signature',
    sa.Column('review_id', sa.Integer(), nullable=False),
    sa.Column('signer', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=12), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_module_review_signature_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['review_id'], ['module_review.id'], name=op.f('fk_module_review_signature_review_id_module_review'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('review_id', 'signer', name=op.f('pk_module_review_signature'))
    )

    op.create_table('plan_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=False),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_plan_step_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['user_account.id'], name=op.f('fk_plan_step_recorded_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_step'))
    )
    with op.batch_alter_table('plan_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_step_candidate_id'), ['candidate_id'], unique=False)


def downgrade():
    with op.batch_alter_table('plan_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_step_candidate_id'))
    op.drop_table('plan_step')
    op.drop_table('module_review_signature')
    with op.batch_alter_table('coaching_path_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_coaching_path_decision_candidate_id'))
    op.drop_table('coaching_path_decision')
