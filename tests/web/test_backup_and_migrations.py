"""Backups that lose nothing, taken while the portal writes; migrations down to base and up again.

Each test runs on the database of the run: SQLite, or PostgreSQL (pg_dump and
pg_restore, as README.md documents) when TEST_DATABASE_URL names one.
"""
from __future__ import annotations

import os
import re
import subprocess
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from portal.accounts.demo import seed as seed_demo
from portal.accounts.models import Organisation, User
from portal.cache import cache
from portal.extensions import db as _db
from portal.maintenance.services import pg_commands, pg_environment
from portal.reference.services import load_reference
from tests.conftest import make_test_app

MIGRATIONS = Path(__file__).resolve().parents[2] / "portal" / "migrations"


@pytest.fixture
def fresh_url(database_url, tmp_path):
    """A new empty database of the kind this run uses, removed afterwards."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    url = make_url(database_url)
    name = f"{url.database}_x{uuid.uuid4().hex[:8]}"
    admin = dict(host=url.host, port=url.port or 5432, user=url.username, dbname="postgres", autocommit=True)
    with psycopg.connect(**admin) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield url.set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _snapshot(app) -> dict[str, list]:
    """Every row of every table, sorted, for comparing databases."""
    with app.app_context(), _db.engine.connect() as conn:
        return {t.name: sorted(map(repr, conn.execute(t.select()).all())) for t in _db.metadata.sorted_tables}


def _populated_app(url, region: bool = False):
    """An app on `url` migrated to head with reference and demo logins (and a small synthetic region)."""
    app = make_test_app(url)
    with app.app_context():
        upgrade()
        load_reference()
        seed_demo()
        _db.session.commit()
        _db.session.remove()
    if region:
        # Rows in nearly every feature's tables, so the round trip compares more than logins.
        result = app.test_cli_runner().invoke(args=["bench", "generate", "--scale", "0.002"])
        assert result.exit_code == 0, result.output
    return app


def _needs_pg_tools(url: str) -> None:
    if not url.startswith("sqlite") and not os.path.exists("/usr/bin/pg_dump"):
        pytest.skip("pg_dump is not installed")


def _head_and_current(app) -> tuple[str, str]:
    script = ScriptDirectory.from_config(app.extensions["migrate"].migrate.get_config())
    with _db.engine.connect() as conn:
        return script.get_current_head(), MigrationContext.configure(conn).get_current_revision()


def test_migrations_go_down_to_base_and_up_again(fresh_url):
    app = make_test_app(fresh_url)
    with app.app_context():
        assert inspect(_db.engine).get_table_names() == []
        upgrade()
        head, current = _head_and_current(app)
        assert current == head
        tables = set(inspect(_db.engine).get_table_names())
        assert {"user_account", "organisation", "alembic_version"} <= tables
        downgrade(revision="base")
        assert set(inspect(_db.engine).get_table_names()) <= {"alembic_version"}
        assert _head_and_current(app)[1] is None
        upgrade()
        assert set(inspect(_db.engine).get_table_names()) == tables
        assert _head_and_current(app) == (head, head)
        # Down and up again leaves the schema the models describe: no index or constraint lost on the way.
        with _db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), _db.metadata)
        assert diff == []
        _db.engine.dispose()


def test_revisions_are_numbered_in_chain_order_and_named_by_date():
    script = ScriptDirectory(str(MIGRATIONS))
    chain = list(reversed(list(script.walk_revisions())))
    assert [rev.revision for rev in chain] == [f"{n:04d}" for n in range(1, len(chain) + 1)]
    names = [Path(rev.path).name for rev in chain]
    assert all(re.fullmatch(rf"\d{{4}}_\d\d_\d\d_{rev.revision}_\w+\.py", name)
               for rev, name in zip(chain, names, strict=True))
    assert names == sorted(names), "a listing of the folder sorts in chain order"


@pytest.mark.parametrize("old, new", [("0009_data_versions", "0010"), ("0012_event_signup_confirmation", "0013")])
def test_a_database_stamped_with_an_old_id_upgrades(fresh_url, old, new):
    app = make_test_app(fresh_url)
    with app.app_context():
        upgrade(revision=new)
        # As a developer's database stood before the renumbering: the same schema under the old id.
        with _db.engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :old"), {"old": old})
        upgrade()
        head, current = _head_and_current(app)
        assert current == head
        with _db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), _db.metadata)
        assert diff == []
        _db.engine.dispose()


def test_backup_restore_round_trip_loses_nothing(fresh_url, tmp_path):
    _needs_pg_tools(fresh_url)
    app = _populated_app(fresh_url, region=True)
    before = _snapshot(app)
    assert sum(1 for rows in before.values() if rows) >= 25, "the round trip should cover most tables"
    runner = app.test_cli_runner()
    dump = tmp_path / "portal.backup"
    result = runner.invoke(args=["backup", "create", str(dump)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        # Everything is lost after the backup: every row of every table.
        for table in reversed(_db.metadata.sorted_tables):
            _db.session.execute(table.delete())
        _db.session.commit()
        assert _db.session.scalar(select(func.count()).select_from(User)) == 0
        _db.session.remove()
        cache.set("answer-of-the-lost-data", 1)  # counters may go back with the restore: keys could meet again
    result = runner.invoke(args=["backup", "restore", "--yes", str(dump)])
    assert result.exit_code == 0, result.output
    assert _snapshot(app) == before
    with app.app_context():
        assert cache.get("answer-of-the-lost-data") is None
    with app.app_context():
        # The restored database goes on taking writes: its id sequences came back with the rows.
        biggest = _db.session.scalar(select(func.max(Organisation.id)))
        org = Organisation(name="Palautuksen jälkeen", kind="employer")
        _db.session.add(org)
        _db.session.commit()
        assert org.id > biggest
        _db.session.remove()
        _db.engine.dispose()


def _names_in_backup(url: str, backup) -> list[str]:
    """The organisation names a backup holds (SQLite file, or pg_dump archive read by pg_restore)."""
    if url.startswith("sqlite"):
        copy = create_engine(f"sqlite:///{backup}")
        with copy.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            names = [r[0] for r in conn.execute(text("SELECT name FROM organisation"))]
        copy.dispose()
        return names
    listing = subprocess.run(["pg_restore", "--data-only", "--table=organisation", "--file=-", str(backup)],
                             check=True, capture_output=True, text=True, env=pg_environment(url)).stdout
    return re.findall(r"\t(Kirjoittaja \d+)\t", listing)


def test_backup_is_consistent_while_the_portal_writes(fresh_url, tmp_path):
    _needs_pg_tools(fresh_url)
    url = fresh_url
    app = _populated_app(url)
    stop = threading.Event()
    written = []

    def writer():
        engine = create_engine(url)
        n = 0
        while not stop.is_set():
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO organisation (name, kind, active, created_at) "
                                  "VALUES (:n, 'employer', :a, CURRENT_TIMESTAMP)"),
                             {"n": f"Kirjoittaja {n}", "a": True})
            written.append(n)
            n += 1
        engine.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 20:
            pass
        result = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path / "copy.backup")])
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    names = [n for n in _names_in_backup(url, tmp_path / "copy.backup") if n.startswith("Kirjoittaja ")]
    # The copy holds an unbroken prefix of what was written: no torn transaction.
    numbers = sorted(int(n.split()[1]) for n in names)
    assert numbers == list(range(len(numbers))) and 20 <= len(numbers) <= len(written)
    with app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Organisation)) >= len(numbers)
        _db.engine.dispose()


def test_the_postgresql_password_stays_off_the_command_line(tmp_path):
    url = "postgresql+psycopg://portal:s3cret-Word@db.internal:5433/portal"
    dump, restore = pg_commands(url, tmp_path / "x.backup")
    assert "s3cret-Word" not in " ".join(dump + restore)
    assert dump[:2] == ["pg_dump", "--host"] and "5433" in dump and dump[-1] == "portal"
    assert "--clean" in restore and "--if-exists" in restore
    assert pg_environment(url)["PGPASSWORD"] == "s3cret-Word"
