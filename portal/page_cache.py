"""Public pages kept per worker for visitors who are not signed in, while their data stands still.

A page every anonymous visitor sees the same way (the front page, the role
search and a role, the roles API) is rendered once per worker, language and
address, and served again until a change counter of its data moves
(portal.versions) or its seconds pass, whichever comes first. What counts as
"the same for everyone" is strict: no signed-in user, no message waiting in
the session, a 200 answer that sets no cookie. Rate limits, access rules and
security headers still run on every request; only the rendering is saved.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from flask import current_app, request, session
from flask_babel import get_locale
from flask_login import current_user

from portal.clock import today
from portal.versions import current

_lock = threading.Lock()
SKIPPED_HEADERS = {"set-cookie", "content-length", "date"}


def shared(names: tuple[str, ...], seconds: float) -> Callable[[Callable], Callable]:
    """Mark a public view whose anonymous answer may be kept until `names` change or `seconds` pass."""
    def mark(view: Callable) -> Callable:
        view.page_cache = (names, seconds)
        return view
    return mark


def _rule():
    if request.method != "GET" or request.endpoint is None:
        return None
    view = current_app.view_functions.get(request.endpoint)
    rule = getattr(view, "page_cache", None)
    # On in production only (config PAGE_CACHE); a test turns it on to test it.
    if rule is None or not current_app.config.get("PAGE_CACHE", False):
        return None
    if current_user.is_authenticated or session.get("_flashes"):
        return None
    return rule


def _store() -> OrderedDict:
    return current_app.extensions.setdefault("page_cache", OrderedDict())


def _key() -> tuple:
    # The whole address, host and scheme too. Absolute links come from PUBLIC_URL (portal.links) and a host
    # outside TRUSTED_HOSTS is refused before this runs, so no header can put its own links in a kept page;
    # keying by the host as well costs one copy per trusted host and keeps any page that did read the
    # request's host (cache poisoning) to the visitors of that host.
    # The Helsinki date: a role whose last day has passed leaves the lists at midnight.
    return (request.url, str(get_locale()), today())


def serve_kept():
    """before_request: the kept answer for this address and language, when its data has not changed."""
    rule = _rule()
    if rule is None:
        return None
    names, _seconds = rule
    now = current(*names)
    if now is None:
        return None
    key = _key()
    with _lock:
        hit = _store().get(key)
    if hit is None or hit[0] != now or hit[1] <= time.monotonic():
        request.environ["portal.page_cache"] = (key, now, rule[1])
        return None
    _stamp, _until, status, headers, body = hit
    return current_app.response_class(body, status=status, headers=headers)


def keep(response):
    """after_request: keep a fresh anonymous 200 that sets no cookie, for the next visitors."""
    pending = request.environ.pop("portal.page_cache", None)
    if (pending is None or response.status_code != 200 or response.direct_passthrough
            or "Set-Cookie" in response.headers or session.modified):
        return response
    key, now, seconds = pending
    body = response.get_data()
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in SKIPPED_HEADERS]
    limit = current_app.config.get("PAGE_CACHE_BYTES", 32 * 1024 * 1024)
    with _lock:
        store = _store()
        old = store.pop(key, None)
        store[key] = (now, time.monotonic() + seconds, response.status_code, headers, body)
        sizes = current_app.extensions
        sizes["page_cache_bytes"] = sizes.get("page_cache_bytes", 0) + len(body) - (len(old[4]) if old else 0)
        while store and sizes["page_cache_bytes"] > limit:
            _key_out, dropped = store.popitem(last=False)
            sizes["page_cache_bytes"] -= len(dropped[4])
    return response
