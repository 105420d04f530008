"""proposal snapshot: what the consent let the employer see, stored on the proposal

Until now the employer's proposal page read the candidate live. The
snapshot of each standing proposal whose consent is still valid is taken
here, as portal.domain.privacy.consent_snapshot would take it; withdrawn
proposals get none, and their message and fit (text about the person) are
deleted.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 10:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

proposal = sa.table('proposal', sa.column('id', sa.Integer), sa.column('candidate_id', sa.Integer),
                    sa.column('organisation_id', sa.Integer), sa.column('state', sa.String),
                    sa.column('snapshot', sa.JSON), sa.column('message', sa.Text), sa.column('fit', sa.JSON))
consent = sa.table('consent', sa.column('candidate_id', sa.Integer), sa.column('employer_organisation_id', sa.Integer),
                   sa.column('scope', sa.String), sa.column('withdrawn_at', sa.DateTime), sa.column('given_at', sa.DateTime))
candidate = sa.table('candidate', *(sa.column(n) for n in (
    'id', 'code', 'name', 'email', 'phone', 'municipality_code', 'skills_text', 'desired_work_text', 'hours_min',
    'hours_max', 'erased_at')))


def _codes(conn, table, candidate_id, *columns, order):
    t = sa.table(table, sa.column('candidate_id'), *(sa.column(c) for c in columns + (order,)))
    rows = conn.execute(sa.select(*(t.c[c] for c in columns)).where(t.c.candidate_id == candidate_id)
                        .order_by(t.c[order])).all()
    return [list(r) if len(columns) > 1 else r[0] for r in rows]


def _snapshot(conn, person, scope):
    snapshot = {'scope': scope, 'profile': {
        'code': person.code, 'skills': _codes(conn, 'candidate_skill', person.id, 'code', order='code'),
        'skills_text': person.skills_text or '',
        'desired_occupations': _codes(conn, 'candidate_occupation', person.id, 'name', order='position'),
        'desired_work_text': person.desired_work_text or '', 'hours_min': person.hours_min,
        'hours_max': person.hours_max,
        'adjustments': _codes(conn, 'candidate_adjustment', person.id, 'code', order='code'),
        'languages': _codes(conn, 'candidate_language', person.id, 'code', 'level', order='code'),
        'municipality': person.municipality_code}}
    if scope == 'profile_contact':
        snapshot['contact'] = {'name': person.name, 'email': person.email, 'phone': person.phone}
    return snapshot


def upgrade():
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('snapshot', sa.JSON(), nullable=True))
    conn = op.get_bind()
    conn.execute(proposal.update().where(proposal.c.state == 'withdrawn').values(message='', fit=sa.null()))
    standing = conn.execute(sa.select(proposal.c.id, proposal.c.candidate_id, proposal.c.organisation_id)
                            .where(proposal.c.state != 'withdrawn')).all()
    for pid, candidate_id, employer_id in standing:
        scope = conn.execute(sa.select(consent.c.scope).where(
            consent.c.candidate_id == candidate_id, consent.c.employer_organisation_id == employer_id,
            consent.c.withdrawn_at.is_(None)).order_by(consent.c.given_at.desc())).scalar()
        person = conn.execute(sa.select(candidate).where(candidate.c.id == candidate_id,
                                                         candidate.c.erased_at.is_(None))).first()
        if scope in ('profile', 'profile_contact') and person is not None:
            conn.execute(proposal.update().where(proposal.c.id == pid).values(snapshot=_snapshot(conn, person, scope)))


def downgrade():
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_column('snapshot')
