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


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own on a free port, stopped by the test when it wants Redis gone."""
    import shutil
    import subprocess
    import time

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                "--appendonly", "no", "--dir", str(tmp_path)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    yield process, f"redis://127.0.0.1:{port}/0"
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=10)


def test_redis_going_away_keeps_login_working_and_limits_fall_back_to_memory(own_redis, database_url, db):
    """As the README says: the limiter falls back to per-process memory, and login keeps working."""
    process, url = own_redis
    user = make_user("coach")
    app = make_test_app(database_url, RATELIMIT_STORAGE_URI=url)
    client = app.test_client()
    for n in range(3):
        assert client.post("/login", data={"email": user.email, "password": f"wrong-{n}-xxxxxx"}).status_code == 200
    assert any(key.startswith(b"LIMITS") for key in _keys(url))  # the failures were counted in Redis

    process.terminate()
    process.wait(timeout=10)
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    client.post("/logout")
    # Failed logins are still limited, now per process: ten failures in memory, then 429.
    for n in range(10):
        assert client.post("/login", data={"email": user.email, "password": f"bad-{n}-xxxxxx"}).status_code == 200
    assert client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 429
    assert limiter._storage_dead  # the limiter knows its shared storage is gone


def _keys(url: str) -> list[bytes]:
    import redis

    connection = redis.Redis.from_url(url)
    try:
        return connection.keys("*")
    finally:
        connection.close()
