"""The server-side cache (Flask-Caching): answers that take long to compute, keyed by the change counters of their data.

SimpleCache (this process) in development and tests; RedisCache when
REDIS_URL is set, shared by every worker and host. A key holds the counters
of the data the answer was computed from (portal.versions), so a committed
write gives the next reader a new key and old entries simply run out. A
request holding writes of its own not yet committed neither uses nor
stores a cached answer. Data is cached; of HTML only the officer's board
(rendered(), keyed by the release too, since templates change with it).
"""
from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from flask import Flask, current_app, request
from flask_caching import Cache
from markupsafe import Markup
from redis.exceptions import RedisError

from portal import versions
from portal.clock import today
from portal.i18n import current_language

log = logging.getLogger(__name__)
cache = Cache()
T = TypeVar("T")
_lock = threading.Lock()
_locks: dict[str, threading.Lock] = {}


def init_app(app: Flask) -> None:
    """Bind the cache to the app with the settings of portal.config (CACHE_*)."""
    cache.init_app(app)


def cached(kind: str, key: tuple, names: tuple[str, ...], compute: Callable[[], T], *,
           timeout: int | None = None) -> T:
    """compute()'s answer, cached under `kind` and `key` while the counters of `names` stand still.

    The worker also holds the answers it last used, unpickled (CACHE_HELD entries): reading the
    dashboard's figures or the open roles' profiles back from the shared cache costs 15-250 ms of
    unpickling, from the worker's memory nothing. The counters are part of the key, so the worker's
    copy is exactly as fresh as the shared one: a write anywhere gives every worker a new key.
    """
    now = versions.current(*names)
    if now is None:
        return compute()
    # The release too: code of a new release never reads what the old one computed (they may share Redis).
    digest = hashlib.blake2b(repr((current_app.config["RELEASE"], key)).encode(), digest_size=12).hexdigest()
    full = f"{kind}:{digest}:{'.'.join(map(str, now))}"
    held = _held()
    with _lock:
        if full in held:
            held.move_to_end(full)
            return held[full]  # type: ignore[no-any-return]
    with _computing(full):
        # One thread of the worker reads or computes; the others that asked meanwhile take its answer
        # (without this, 16 threads on a cold worker each built the open roles' profiles at once).
        with _lock:
            if full in held:
                return held[full]  # type: ignore[no-any-return]
        value = _get(full)
        if value is None:
            value = compute()
            _set(full, value, timeout)
        with _lock:
            held[full] = value
            while len(held) > current_app.config["CACHE_HELD"]:
                held.popitem(last=False)
    return value


@contextmanager
def _computing(key: str) -> Iterator[None]:
    with _lock:
        lock = _locks.setdefault(key, threading.Lock())
    try:
        with lock:
            yield
    finally:
        with _lock:
            if _locks.get(key) is lock:
                _locks.pop(key, None)


def rendered(kind: str, owner: int, render: Callable[[], str]) -> Markup:
    """A part of a page, rendered once per owner, address, language and day while its data stands still.

    For the officer's board: its figures are cached anyway, and rendering its rows, filters and chart
    cost 10 ms a request. The key holds the release (templates change with it) and the counters of the
    data the part shows ("ledger", "reference"); the owner is checked by the view before this runs.
    Off where pages carry no caching (development, HTTP_CACHE), so a template edited there shows at once.
    """
    if not current_app.config["HTTP_CACHE"]:
        return Markup(render())
    key = (owner, request.full_path, current_language(), today())
    # render_template autoescapes every value: the HTML it returns is safe to place as it is.
    return Markup(cached(kind, key, ("ledger", "reference"), render))


def _held() -> OrderedDict:
    return current_app.extensions.setdefault("cache_held", OrderedDict())


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
    current_app.extensions.pop("cache_held", None)
    try:
        cache.clear()
    except RedisError:
        log.warning("cache unavailable", exc_info=True)
