"""consent_change: each widening or narrowing of a consent as its own dated entry

Changes made before this revision are taken from the audit trail (consent_widened and
consent_narrowed events carry the consent, the old and the new scope), so the history
of existing consents is not lost.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-08 14:00:00

"""
import json

import sqlalchemy as sa
from alembic import op

import portal.db_types

revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('consent_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consent_id', sa.Integer(), nullable=False),
    sa.Column('changed_at', portal.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('from_scope', sa.String(length=20), nullable=False),
    sa.Column('to_scope', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['user_account.id'], name=op.f('fk_consent_change_changed_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['consent_id'], ['consent.id'], name=op.f('fk_consent_change_consent_id_consent'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_change'))
    )
    with op.batch_alter_table('consent_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_change_consent_id'), ['consent_id'], unique=False)
    _from_audit_trail()


def _from_audit_trail():
    bind = op.get_bind()
    audit = sa.table('audit_event', sa.column('id', sa.Integer), sa.column('at', portal.db_types.UTCDateTime()),
                     sa.column('actor_id', sa.Integer), sa.column('action', sa.String),
                     sa.column('detail', sa.JSON))
    consent = sa.table('consent', sa.column('id', sa.Integer))
    change = sa.table('consent_change', sa.column('consent_id', sa.Integer),
                      sa.column('changed_at', portal.db_types.UTCDateTime()), sa.column('changed_by_id', sa.Integer),
                      sa.column('from_scope', sa.String), sa.column('to_scope', sa.String))
    existing = set(bind.scalars(sa.select(consent.c.id)))
    rows = []
    for at, actor_id, detail in bind.execute(sa.select(audit.c.at, audit.c.actor_id, audit.c.detail).where(
            audit.c.action.in_(('consent_widened', 'consent_narrowed'))).order_by(audit.c.id)):
        detail = json.loads(detail) if isinstance(detail, str) else (detail or {})
        if detail.get('consent') in existing and detail.get('from') and detail.get('to'):
            rows.append({'consent_id': detail['consent'], 'changed_at': at, 'changed_by_id': actor_id,
                         'from_scope': detail['from'], 'to_scope': detail['to']})
    if rows:
        op.bulk_insert(change, rows)


def downgrade():
    with op.batch_alter_table('consent_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_change_consent_id'))
    op.drop_table('consent_change')
