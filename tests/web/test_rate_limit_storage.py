"""Rate limits live in Redis when REDIS_URL is set, and degrade to memory when it is gone."""
from __future__ import annotations

import socket

import pytest

from portal.extensions import limiter
from tests.conftest import make_test_app
from tests.factories import PASSWORD, make_user


def _redis_answers() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def restore_limiter(app):
    """Flask-Limiter keeps one storage per instance: give it back to the session's app."""
    yield
    limiter._storage_dead = False  # leave the in-memory fallback the dead Redis caused
    limiter.init_app(app)
    limiter.reset()


@pytest.fixture
def redis_app(database_url, db):
    if not _redis_answers():
        pytest.skip("no Redis at 127.0.0.1:6379")
    app = make_test_app(database_url, RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15")
    limiter.reset()
    yield app
    limiter.reset()  # clears this run's keys in Redis


def test_failed_logins_are_counted_in_redis(redis_app, db):
    user = make_user("coach")
    client = redis_app.test_client()
    for n in range(10):
        assert client.post("/login", data={"email": user.email, "password": f"wrong-{n}-xxxxxx"}).status_code == 200
    # A second worker (another app on the same Redis) sees the same count.
    other_worker = make_test_app(redis_app.config["SQLALCHEMY_DATABASE_URI"],
                                 RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/15")
    response = other_worker.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 429


def test_login_still_works_when_redis_is_unreachable(database_url, db):
    app = make_test_app(database_url, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0")
    user = make_user("coach")
    response = app.test_client().post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
