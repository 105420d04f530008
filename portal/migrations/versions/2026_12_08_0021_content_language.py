"""job_role, directory_service, event: the language column of their user-written text

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-08 13:00:00

Existing rows get the language their words suggest (portal.domain.text_language), the guess the
pages made until now; from here on the forms record the author's choice.
"""
import sqlalchemy as sa
from alembic import op

from portal.domain.text_language import guess_language

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

TEXTS = {
    "job_role": ("title", "tasks", "description"),
    "directory_service": ("name", "description", "how_to_refer"),
    "event": ("place",),
}


def upgrade():
    for table in TEXTS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('language', sa.String(length=2), server_default='fi', nullable=False))
    bind = op.get_bind()
    for name, fields in TEXTS.items():
        # Table constructs, not SQL strings: the names come from TEXTS, and nothing is built by formatting.
        table = sa.table(name, sa.column("id"), sa.column("language"), *(sa.column(f) for f in fields))
        rows = bind.execute(sa.select(table.c.id, *(table.c[f] for f in fields))).all()
        changes = [{"row_id": row[0], "lang": lang} for row in rows
                   if (lang := guess_language(*(value or "" for value in row[1:]))) != "fi"]
        if changes:
            bind.execute(table.update().where(table.c.id == sa.bindparam("row_id"))
                         .values(language=sa.bindparam("lang")), changes)


def downgrade():
    for table in TEXTS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('language')
