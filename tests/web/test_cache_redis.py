"""The shared cache on Redis (REDIS_URL set), against the Redis at 127.0.0.1:6379 that runs here and in CI."""
from __future__ import annotations

import os

import pytest
import redis
from flask_caching.backends import RedisCache, SimpleCache

from portal import cache as portal_cache
from portal.cache import cache, cached
from portal.extensions import db as _db
from portal.extensions import limiter
from portal.versions import note
from tests.conftest import make_test_app

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(autouse=True)
def restore_limiter(app):
    """Flask-Limiter keeps one storage per instance: give it back to the session's app."""
    yield
    limiter.init_app(app)
    limiter.reset()


def test_the_simple_backend_serves_tests_and_development(app, db):
    assert isinstance(cache.cache, SimpleCache)


def test_with_redis_url_answers_are_shared_through_redis_under_the_portals_prefix(database_url, db):
    prefix = f"ote-test-redis-{os.getpid()}:"
    app = make_test_app(database_url, REDIS_URL=REDIS, CACHE_KEY_PREFIX=prefix, RATELIMIT_STORAGE_URI="memory://")
    client = redis.Redis.from_url(REDIS)
    client.set("ote-test-other-key", "stays")  # another user of the same Redis (the rate limiter)
    try:
        with app.app_context():
            assert isinstance(cache.cache, RedisCache)
            calls = []
            assert cached("figures", (1,), ("ledger",), lambda: calls.append(1) or {"n": 1}) == {"n": 1}
            assert [k.decode() for k in client.keys(prefix + "*")] and len(calls) == 1
            app.extensions.pop("cache_held", None)  # another worker: nothing of its own, Redis has it
            assert cached("figures", (1,), ("ledger",), lambda: calls.append(1) or {"n": 2}) == {"n": 1}
            note("ledger")
            _db.session.commit()
            assert cached("figures", (1,), ("ledger",), lambda: calls.append(1) or {"n": 3}) == {"n": 3}
            portal_cache.clear()
            assert not client.keys(prefix + "*") and client.get("ote-test-other-key") == b"stays"
    finally:
        client.delete("ote-test-other-key", *client.keys(prefix + "*"))
        client.close()


def test_with_redis_away_pages_are_computed_not_refused(database_url, db, caplog):
    app = make_test_app(database_url, REDIS_URL="redis://127.0.0.1:1/0", CACHE_KEY_PREFIX="ote-test-away:",
                        RATELIMIT_STORAGE_URI="memory://")
    with app.app_context():
        assert cached("figures", (1,), ("ledger",), lambda: "computed") == "computed"
    assert "cache unavailable" in caplog.text
