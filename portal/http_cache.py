"""HTTP caching of public pages for visitors who are not signed in: Cache-Control, ETag and 304.

A page every anonymous visitor sees the same way (the front page, the role
search and a role, the roles API) is marked with @shared. Its ETag is found
before the view runs, from what the page depends on: the whole address, the
language, the Helsinki date, the change counters of its data
(portal.versions) and the release (new templates or code change it). A
conditional GET whose If-None-Match holds it is answered 304 after one small
query and no rendering; a 200 carries the ETag and `Cache-Control: public`
with a short max-age, so a reverse proxy or the browser can serve it again.
What counts as "the same for everyone" is strict: no signed-in user, no
message waiting in the session, a 200 that sets no cookie; any other answer
of a marked page is `private, no-store`. `Vary: Cookie, Accept-Language`
keeps one visitor's answer from another.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

from flask import current_app, g, request, session
from flask_login import current_user

from portal.clock import today
from portal.i18n import current_language
from portal.versions import current

VARY = ("Cookie", "Accept-Language")


def shared(names: tuple[str, ...], max_age: int, every: int | None = None) -> Callable[[Callable], Callable]:
    """Mark a public page cacheable for `max_age` seconds while `names` stand still (and `every` seconds pass)."""
    def mark(view: Callable) -> Callable:
        view.http_cache = (names, max_age, every)
        return view
    return mark


def release(root: Path) -> str:
    """A digest of the code, templates and catalogs a release serves: a deploy that changes a page changes it."""
    digest = hashlib.blake2b(digest_size=8)
    for pattern in ("portal/**/*.py", "portal/**/*.mo", "templates/**/*.html"):
        for path in sorted(root.glob(pattern)):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _rule():
    if request.method not in ("GET", "HEAD") or request.endpoint is None or not current_app.config["HTTP_CACHE"]:
        return None
    return getattr(current_app.view_functions.get(request.endpoint), "http_cache", None)


def _same_for_everyone() -> bool:
    return not (current_user.is_authenticated or session.get("_flashes") or session.modified)


def check():
    """before_request: find a marked page's ETag, and answer 304 when the visitor holds it."""
    rule = _rule()
    if rule is None or not _same_for_everyone():
        return None
    names, max_age, every = rule
    counters = current(*names)
    if counters is None:
        return None
    clock = int(time.time() // every) if every else ""
    parts = (current_app.config["RELEASE"], request.url, current_language(), today().isoformat(), counters, clock)
    g.etag = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()
    held = request.if_none_match
    # Weak comparison, as RFC 9110 asks of If-None-Match (a proxy's gzip makes an ETag weak); never `*`,
    # which means "any version exists" and is answered before the view has found that this one does.
    if not held.star_tag and held.contains_weak(g.etag):
        return current_app.response_class(status=304)
    return None


def headers(response):
    """after_request: public caching with the ETag for a page the same for everyone, no-store for the rest."""
    rule = _rule()
    if rule is None:
        if "Set-Cookie" in response.headers:  # a form's token or a session: this visitor's alone
            response.headers["Cache-Control"] = "private, no-store"
        return response
    etag = g.pop("etag", None)
    response.vary.update(VARY)
    if (etag and response.status_code in (200, 304) and "Set-Cookie" not in response.headers
            and _same_for_everyone()):
        response.set_etag(etag)
        response.cache_control.public = True
        response.cache_control.max_age = rule[1]
    else:
        response.headers["Cache-Control"] = "private, no-store"
    return response
