"""The server-side cache (Flask-Caching): answers that take long to compute, keyed by the change counters of their data.

SimpleCache (this process) in development and tests; RedisCache when
REDIS_URL is set, shared by every worker and host. A key holds the counters
of the data the answer was computed from (portal.versions), so a committed
write gives the next reader a new key and old entries simply run out. A
request holding writes of its own not yet committed neither uses nor
stores a cached answer. Only data is cached, never HTML: templates change
with a release, data with a write.
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app
from flask_caching import Cache
from redis.exceptions import RedisError

from portal import versions

log = logging.getLogger(__name__)
cache = Cache()
T = TypeVar("T")


def init_app(app: Flask) -> None:
    """Bind the cache to the app with the settings of portal.config (CACHE_*)."""
    cache.init_app(app)


def cached(kind: str, key: tuple, names: tuple[str, ...], compute: Callable[[], T], *,
           timeout: int | None = None, in_process: bool = False) -> T:
    """compute()'s answer, cached under `kind` and `key` while the counters of `names` stand still.

    in_process: also keep the latest answer of this kind in the worker, unpickled. For the open roles'
    profiles: unpickling them costs 50-250 ms, reading them from the worker's memory nothing; the
    counters in the key keep the worker's copy exactly as fresh as the shared one.
    """
    now = versions.current(*names)
    if now is None:
        return compute()
    digest = hashlib.blake2b(repr(key).encode(), digest_size=12).hexdigest()
    full = f"{kind}:{digest}:{'.'.join(map(str, now))}"
    held = current_app.extensions.setdefault("cache_in_process", {})
    if in_process and held.get(kind, (None,))[0] == full:
        return held[kind][1]
    value = _get(full)
    if value is None:
        value = compute()
        _set(full, value, timeout)
    if in_process:
        held[kind] = (full, value)
    return value


def _get(key: str):
    try:
        return cache.get(key)
    except RedisError:  # Redis away: computed per request until it is back, as the rate limiter falls back too
        log.warning("cache unavailable", exc_info=True)
        return None


def _set(key: str, value, timeout: int | None) -> None:
    try:
        cache.set(key, value, timeout=timeout)
    except RedisError:
        log.warning("cache unavailable", exc_info=True)


def clear() -> None:
    """Drop every entry under this portal's key prefix, and the worker's own copies (tests; after a restore)."""
    current_app.extensions.pop("cache_in_process", None)
    try:
        cache.clear()
    except RedisError:
        log.warning("cache unavailable", exc_info=True)
