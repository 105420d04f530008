"""team_consent, team_member, team_measure: a candidate's team across organisations

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-08 13:00:00

"""
import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('team_consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('scopes', sa.String(length=100), nullable=False),
    sa.Column('given_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('given_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by_coach', sa.Boolean(), nullable=False),
    sa.Column('withdrawn_at', portal.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('withdrawn_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_team_consent_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['given_by_id'], ['user_account.id'], name=op.f('fk_team_consent_given_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_team_consent_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['withdrawn_by_id'], ['user_account.id'], name=op.f('fk_team_consent_withdrawn_by_id_user_account'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_consent'))
    )
    with op.batch_alter_table('team_consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_consent_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_consent_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('team_member',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('tasks', sa.String(length=200), nullable=False),
    sa.Column('added_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', portal.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('ended_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['added_by_id'], ['user_account.id'], name=op.f('fk_team_member_added_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_team_member_candidate_id_candidate'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ended_by_id'], ['user_account.id'], name=op.f('fk_team_member_ended_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_team_member_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_team_member_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team_member'))
    )
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_member_candidate_id'), ['candidate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_team_member_user_id'), ['user_id'], unique=False)

    op.create_table('team_measure',
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['plan_goal.id'], name=op.f('fk_team_measure_goal_id_plan_goal'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['team_member.id'], name=op.f('fk_team_measure_member_id_team_member'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('goal_id', name=op.f('pk_team_measure'))
    )
    with op.batch_alter_table('team_measure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_team_measure_member_id'), ['member_id'], unique=False)


def downgrade():
    with op.batch_alter_table('team_measure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_measure_member_id'))
    op.drop_table('team_measure')
    with op.batch_alter_table('team_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_member_user_id'))
        batch_op.drop_index(batch_op.f('ix_team_member_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_team_member_candidate_id'))
    op.drop_table('team_member')
    with op.batch_alter_table('team_consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_team_consent_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_team_consent_candidate_id'))
    op.drop_table('team_consent')
