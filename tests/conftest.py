"""Fixtures shared by the web and browser tests: app, db, client, login_as, world.

The database is built once per run by the migrations (SQLite in a temporary
file, or PostgreSQL when TEST_DATABASE_URL is set), loaded with the reference
catalogues, and emptied of everything else after each test.
"""
from __future__ import annotations

import contextvars
import json
import os
import secrets
from pathlib import Path

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import text

from portal import cache, create_app
from portal.accounts.models import UserSession
from portal.accounts.sessions import SESSION_KEY, token_hash
from portal.config import testing_overrides
from portal.extensions import db as _db
from portal.extensions import limiter
from portal.reference.services import load_reference

KEEP_TABLES = {"reference_item", "alembic_version"}


def pytest_report_header(config):
    return f"database: {os.environ.get('TEST_DATABASE_URL') or 'sqlite (temporary file)'}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """The database of this run; SQLite in a temporary file unless TEST_DATABASE_URL says otherwise."""
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


class IsolatedClient(FlaskClient):
    """A test client whose requests never share the test's app context.

    Flask reuses an app context that is already pushed, which would let `g`
    (and the signed-in user cached there) leak from one request to the next.
    Each request here runs in an empty contextvars context, as in production;
    the test's own work is committed first and re-read afterwards.
    """

    def open(self, *args, **kwargs):
        if has_app_context():
            _db.session.commit()
        kwargs.setdefault("buffered", True)
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():
            _db.session.expire_all()
        return response


def make_test_app(database_url: str, **overrides):
    """A test app on the given database (overrides win)."""
    config = {**testing_overrides(), "DATABASE_URL": database_url, "WTF_CSRF_ENABLED": False}
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = IsolatedClient
    return app


@pytest.fixture(scope="session")
def app(database_url):
    """One app for the run, its schema made by the migrations, reference data loaded."""
    app = make_test_app(database_url)
    with app.app_context():
        upgrade()
        load_reference()
        _db.session.commit()
        _db.session.remove()
    return app


def empty_tables() -> None:
    """Delete every row but the reference data, children first."""
    _db.session.remove()
    with _db.engine.begin() as conn:
        for table in reversed(_db.metadata.sorted_tables):
            if table.name not in KEEP_TABLES:
                conn.execute(table.delete())


@pytest.fixture
def db(app):
    """The database inside an app context; emptied after the test."""
    ctx = app.app_context()
    ctx.push()
    limiter.reset()
    app.extensions["outbox"] = []
    # Emptied tables start their change counters (and, on SQLite, their ids) again: nothing cached may outlive them.
    cache.clear()
    try:
        yield _db
    finally:
        _db.session.rollback()
        empty_tables()
        ctx.pop()


@pytest.fixture
def client(app, db):
    """A test client; CSRF is off here, and on in the tests that check it."""
    return app.test_client()


@pytest.fixture
def outbox(app, db) -> list:
    """Mail sent during the test."""
    return app.extensions["outbox"]


def sign_in(client, user) -> None:
    """Give the client a fresh server-side session for the user, as a login would."""
    token = secrets.token_urlsafe(32)
    _db.session.add(UserSession(token_hash=token_hash(token), user_id=user.id))
    _db.session.commit()
    with client.session_transaction() as sess:
        sess.clear()
        sess[SESSION_KEY] = token


@pytest.fixture
def login_as(client, db):
    """login_as(role_or_user) signs the client in; a role name makes a new user first."""
    from tests.factories import make_user

    def _login(who, **fields):
        user = make_user(who, **fields) if isinstance(who, str) else who
        _db.session.commit()
        sign_in(client, user)
        return user

    return _login


@pytest.fixture
def world(db):
    """Home and other organisations with a user per role, plus each feature's objects."""
    from tests.access.world import build_world

    return build_world()


@pytest.fixture
def count_queries(app):
    """count_queries() -> a list that collects every SQL statement run until the test ends."""
    from sqlalchemy import event

    statements: list[str] = []

    def _record(conn, cursor, statement, *args):
        statements.append(statement)

    engine = None

    def _start():
        nonlocal engine
        engine = _db.engine
        event.listen(engine, "before_cursor_execute", _record)
        statements.clear()
        return statements

    yield _start
    if engine is not None:
        event.remove(engine, "before_cursor_execute", _record)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Write passed/failed/skipped counts where scripts/test.sh asks for them."""
    target = os.environ.get("PORTAL_TEST_SUMMARY")
    if not target:
        return
    stats = terminalreporter.stats
    counts = {
        "passed": len([r for r in stats.get("passed", []) if r.when == "call"]),
        "failed": len(stats.get("failed", [])) + len(stats.get("error", [])),
        "skipped": len(stats.get("skipped", [])),
        "exitstatus": int(exitstatus),
    }
    Path(target).write_text(json.dumps(counts))


def pytest_sessionstart(session):
    """Refuse to run against a database whose name does not say it is for tests."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url and "test" not in url.rsplit("/", 1)[-1]:
        raise pytest.UsageError(f"TEST_DATABASE_URL must name a test database, not {url}")


@pytest.fixture
def raw_sql(db):
    """Run a SQL string on the test database (for checks the ORM would hide)."""
    def _run(sql: str, **params):
        return db.session.execute(text(sql), params)
    return _run
