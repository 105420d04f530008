"""Backups that lose nothing, taken while the portal writes; migrations down to base and up again."""
from __future__ import annotations

import os
import threading
import uuid

import psycopg
import pytest
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from portal.accounts.demo import seed as seed_demo
from portal.accounts.models import Organisation, User
from portal.extensions import db as _db
from portal.reference.services import load_reference
from tests.conftest import make_test_app


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
    with app.app_context():
        with _db.engine.connect() as conn:
            return {t.name: sorted(map(repr, conn.execute(t.select()).all())) for t in _db.metadata.sorted_tables}


def _populated_app(url):
    app = make_test_app(url)
    with app.app_context():
        upgrade()
        load_reference()
        seed_demo()
        _db.session.commit()
        _db.session.remove()
    return app


def test_migrations_go_down_to_base_and_up_again(fresh_url):
    app = make_test_app(fresh_url)
    with app.app_context():
        upgrade()
        tables = set(inspect(_db.engine).get_table_names())
        assert {"user_account", "organisation", "alembic_version"} <= tables
        downgrade(revision="base")
        assert set(inspect(_db.engine).get_table_names()) <= {"alembic_version"}
        upgrade()
        assert set(inspect(_db.engine).get_table_names()) == tables
        _db.engine.dispose()


def test_backup_restore_round_trip_loses_nothing(fresh_url, tmp_path):
    if not fresh_url.startswith("sqlite") and not os.path.exists("/usr/bin/pg_dump"):
        pytest.skip("pg_dump is not installed")
    app = _populated_app(fresh_url)
    before = _snapshot(app)
    runner = app.test_cli_runner()
    dump = tmp_path / "portal.backup"
    result = runner.invoke(args=["backup", "create", str(dump)])
    assert result.exit_code == 0, result.output
    with app.app_context():
        _db.session.execute(text("DELETE FROM membership"))
        _db.session.execute(text("DELETE FROM user_account"))
        _db.session.commit()
        assert _db.session.scalar(select(func.count()).select_from(User)) == 0
        _db.session.remove()
    result = runner.invoke(args=["backup", "restore", "--yes", str(dump)])
    assert result.exit_code == 0, result.output
    assert _snapshot(app) == before
    with app.app_context():
        _db.engine.dispose()


def test_sqlite_backup_is_consistent_while_the_portal_writes(tmp_path):
    url = f"sqlite:///{tmp_path / 'live.db'}"
    app = _populated_app(url)
    stop = threading.Event()
    written = []

    def writer():
        engine = create_engine(url)
        n = 0
        while not stop.is_set():
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO organisation (name, kind, active, created_at) "
                                  "VALUES (:n, 'employer', 1, CURRENT_TIMESTAMP)"), {"n": f"Kirjoittaja {n}"})
            written.append(n)
            n += 1
        engine.dispose()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 20:
            pass
        result = app.test_cli_runner().invoke(args=["backup", "create", str(tmp_path / "copy.db")])
    finally:
        stop.set()
        thread.join()
    assert result.exit_code == 0, result.output
    copy = create_engine(f"sqlite:///{tmp_path / 'copy.db'}")
    with copy.connect() as conn:
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        names = [r[0] for r in conn.execute(text("SELECT name FROM organisation WHERE name LIKE 'Kirjoittaja %'"))]
    copy.dispose()
    # The copy holds an unbroken prefix of what was written: no torn transaction.
    numbers = sorted(int(n.split()[1]) for n in names)
    assert numbers == list(range(len(numbers))) and 20 <= len(numbers) <= len(written)
    with app.app_context():
        assert _db.session.scalar(select(func.count()).select_from(Organisation)) >= len(numbers)
        _db.engine.dispose()
