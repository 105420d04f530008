"""Links: absolute ones from the configured public address, and links to the current page that no query breaks.

Every absolute link the portal writes (mail, canonical and Open Graph
addresses, feeds and the sitemap, the API's links, JSON-LD, calendar files)
comes from ``url_for(..., _external=True)``. ``Portal.url_for`` builds those
from ``PUBLIC_URL``, never from the request's Host header, which whoever
sends the request chooses; requests for hosts outside ``TRUSTED_HOSTS`` are
refused with 400 before any view runs.

A link back to the current page (the language switch, sorting, paging) passes
the request's query on, but never a name that ``url_for`` takes for itself
(``endpoint``, ``_anchor``, ``_method``, ``_scheme``, ``_external``) or that
names a part of the path (``/roles/1?role_id=2``): either would crash the page
or point it elsewhere.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request, url_for
from flask.globals import _cv_request
from werkzeug.routing import BuildError, MapAdapter

# The keyword arguments of url_for itself; a query argument of one of these names is never passed on.
URL_FOR_KEYWORDS = frozenset({"endpoint", "_anchor", "_method", "_scheme", "_external"})


class Portal(Flask):
    """Flask, with absolute links built from the configured PUBLIC_URL."""

    def public_adapter(self) -> MapAdapter:
        """The URL map bound to the public address (scheme, host and path prefix of PUBLIC_URL)."""
        parts = urlsplit(self.config["PUBLIC_URL"])
        return self.url_map.bind(parts.netloc, script_name=parts.path or "/", url_scheme=parts.scheme)

    def create_url_adapter(self, request):  # Flask's hook
        """Outside a request (mail sent by a command), links are built for the public address."""
        if request is None:
            return self.public_adapter()
        return super().create_url_adapter(request)

    def url_for(self, endpoint: str, *, _anchor: str | None = None, _method: str | None = None,
                _scheme: str | None = None, _external: bool | None = None, **values) -> str:
        """Flask's url_for, but an absolute link starts with PUBLIC_URL whatever the request's host and scheme."""
        ctx = _cv_request.get(None)
        if ctx is None:
            return super().url_for(endpoint, _anchor=_anchor, _method=_method, _scheme=_scheme,
                                   _external=_external, **values)
        if ctx.url_adapter is None:
            # The Host header was refused (its 400 is on its way): the error page still needs its links.
            ctx.url_adapter = self.public_adapter()
        path = super().url_for(endpoint, _anchor=_anchor, _method=_method, _external=False, **values)
        if not (_external or (_external is None and _scheme is not None)):
            return path
        root = ctx.url_adapter.script_name.rstrip("/")
        return self.config["PUBLIC_URL"] + path.removeprefix(root)


def public_host() -> str:
    """The host name of PUBLIC_URL (for identifiers such as a calendar event's UID)."""
    return urlsplit(current_app.config["PUBLIC_URL"]).hostname or "localhost"


def path_arguments(endpoint: str) -> frozenset[str]:
    """The names an endpoint's URL rules take in the path (and their defaults)."""
    names: set[str] = set()
    for rule in current_app.url_map.iter_rules(endpoint):
        names |= rule.arguments | set(rule.defaults or {})
    return frozenset(names)


def query_for(endpoint: str, **changes) -> dict[str, list]:
    """The request's query, fit to pass to url_for(endpoint, **...): `changes` set (None removes one).

    Names url_for takes for itself and names of the endpoint's path arguments
    are dropped: a query cannot crash the link or change the page it points to.
    """
    taken = URL_FOR_KEYWORDS | path_arguments(endpoint)
    query = {name: values for name, values in request.args.lists() if name not in taken}
    for name, value in changes.items():
        if value is None:
            query.pop(name, None)
        else:
            query[name] = value
    return query


def this_page(**changes) -> str:
    """The current page's address, its path as it is, with its query changed (None removes an argument).

    Pages without an endpoint (an address that matched nothing) link to the
    front page; a page that cannot be rebuilt does too, so an error page never
    fails on its own links.
    """
    endpoint = request.endpoint
    if endpoint is not None:
        try:
            return url_for(endpoint, **(request.view_args or {}), **query_for(endpoint, **changes))
        except (BuildError, ValueError, TypeError):
            current_app.logger.warning("could not link back to %s", endpoint, exc_info=True)
    return url_for("public.home", **{k: v for k, v in changes.items() if v is not None})


def public_location(response):
    """after_request: a redirect werkzeug built from the request's host (/roles//4) points at PUBLIC_URL.

    Werkzeug's routing redirects are absolute, from the Host header, and any port of a trusted host passes.
    """
    location = response.headers.get("Location")
    if location and location.startswith(request.root_url):
        response.headers["Location"] = current_app.config["PUBLIC_URL"] + "/" + location.removeprefix(request.root_url)
    return response


def init_app(app: Flask) -> None:
    """Templates get this_page() and query_for(); redirects point at the public address."""
    app.add_template_global(this_page)
    app.add_template_global(query_for)
    app.after_request(public_location)

