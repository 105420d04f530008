import logging
from logging.config import fileConfig

from alembic import context
from alembic.script import ScriptDirectory
from flask import current_app
from sqlalchemy import inspect, text

# this is the Alembic Config object, which provides
# access to the values within the .ini file in use.
config = context.config

# Interpret the config file for Python logging.
# This line sets up loggers basically.
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger('alembic.env')


def get_engine():
    return current_app.extensions['migrate'].db.engine


def get_engine_url():
    try:
        return get_engine().url.render_as_string(hide_password=False).replace(
            '%', '%%')
    except AttributeError:
        return str(get_engine().url).replace('%', '%%')


# add your model's MetaData object here
# for 'autogenerate' support
# from myapp import mymodel
# target_metadata = mymodel.Base.metadata
config.set_main_option('sqlalchemy.url', get_engine_url())
target_db = current_app.extensions['migrate'].db

# other values from the config, defined by the needs of env.py,
# can be acquired:
# my_important_option = config.get_main_option("my_important_option")
# ... etc.


# The revisions were renumbered into chain order (issue 17) before the first
# release. Developers' databases stamped with an old id are moved to the new id
# once, before anything runs. This map (and _renumber_old_stamp) can go after
# the first release.
OLD_REVISION_IDS = {
    '0007_campaigns_events': '0002',
    '0005_coaching': '0003',
    '0004_employers': '0004',
    '0003_procurements': '0005',
    '0004b_role_listing_indexes': '0006',
    '0004c_role_clause_link': '0007',
    '0006_matching': '0008',
    '0008_reports_imports': '0009',
    '0009_data_versions': '0010',
    '0010_organisation_verification': '0011',
    '0011_proposal_snapshot': '0012',
    '0012_event_signup_confirmation': '0013',
}


def _renumber_old_stamp(connection):
    """Rewrite an alembic_version row that holds a pre-renumbering id, in its own transaction."""
    with connection.begin():
        if not inspect(connection).has_table('alembic_version'):
            return
        for old, new in OLD_REVISION_IDS.items():
            connection.execute(text('UPDATE alembic_version SET version_num = :new WHERE version_num = :old'),
                               {'new': new, 'old': old})


def _next_number(script):
    """The id of the next revision: one more than the highest numbered id, four digits."""
    numbers = [int(rev.revision) for rev in script.walk_revisions() if rev.revision.isdigit()]
    return f'{max(numbers, default=0) + 1:04d}'


def get_metadata():
    if hasattr(target_db, 'metadatas'):
        return target_db.metadatas[None]
    return target_db.metadata


def run_migrations_offline():
    """Run migrations in 'offline' mode.

    This configures the context with just a URL
    and not an Engine, though an Engine is acceptable
    here as well.  By skipping the Engine creation
    we don't even need a DBAPI to be available.

    Calls to context.execute() here emit the given string to the
    script output.

    """
    url = config.get_main_option("sqlalchemy.url")
    context.configure(
        url=url, target_metadata=get_metadata(), literal_binds=True
    )

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations in 'online' mode.

    In this scenario we need to create an Engine
    and associate a connection with the context.

    """

    # this callback is used to prevent an auto-migration from being generated
    # when there are no changes to the schema, and numbers a new revision
    # after the highest one unless --rev-id gave a number
    # reference: https://alembic.sqlalchemy.org/en/latest/cookbook.html
    def process_revision_directives(context, revision, directives):
        script = directives[0]
        if getattr(config.cmd_opts, 'autogenerate', False) and script.upgrade_ops.is_empty():
            directives[:] = []
            logger.info('No changes in schema detected.')
            return
        if not script.rev_id.isdigit():
            script.rev_id = _next_number(ScriptDirectory.from_config(config))

    conf_args = current_app.extensions['migrate'].configure_args
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    connectable = get_engine()

    with connectable.connect() as connection:
        _renumber_old_stamp(connection)
        context.configure(
            connection=connection,
            target_metadata=get_metadata(),
            **conf_args
        )

        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
