"""The authorization matrix: every endpoint, every method, every kind of user.

Each (endpoint, method) of app.url_map must be declared in tests/access; the
answer each kind of user gets is compared with the declaration.
"""
from __future__ import annotations

import pytest
from flask import url_for

from portal.extensions import limiter
from tests.access import EVERYONE, all_routes
from tests.conftest import sign_in

ROUTES = all_routes()
IGNORED_METHODS = {"HEAD", "OPTIONS"}


def _declared() -> set[tuple[str, str]]:
    return {(r.endpoint, r.method) for r in ROUTES}


def test_every_endpoint_and_method_is_declared(app):
    actual = {(rule.endpoint, method) for rule in app.url_map.iter_rules()
              for method in rule.methods - IGNORED_METHODS}
    undeclared = sorted(actual - _declared())
    stale = sorted(_declared() - actual)
    assert not undeclared, f"routes without a declared access rule in tests/access: {undeclared}"
    assert not stale, f"declared routes that no longer exist: {stale}"


def test_every_view_declares_a_rule_in_code(app):
    from portal.security import rule_for

    missing = sorted(e for e in app.view_functions if rule_for(app, e) is None)
    assert not missing, f"views without @public/@roles: {missing}"


def _order(route):
    """Disallowed users first, so an allowed user's POST cannot change their outcome."""
    def key(who):
        expected = route.expected(who)
        return (expected != route.statuses, who)
    return sorted(EVERYONE, key=key, reverse=True)


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.endpoint}")
def test_route_answers_each_user_as_declared(app, world, client, route, monkeypatch):
    # Rate limits are tested on their own; here they would only add noise.
    monkeypatch.setattr(limiter, "enabled", False)
    with app.test_request_context():
        url = url_for(route.endpoint, **route.params(world), **route.query(world))
    failures = []
    for who in _order(route):
        with client.session_transaction() as sess:
            sess.clear()
        if who != "anonymous":
            if who not in world.users:
                continue
            sign_in(client, world.user(who))
        if route.method == "GET":
            response = client.get(url)
        else:
            response = client.open(url, method=route.method, data=route.data(world))
        expected = route.expected(who)
        if expected == "login":
            ok = response.status_code == 302 and "/login" in response.headers.get("Location", "")
        else:
            ok = response.status_code in expected
        if not ok:
            failures.append(f"{who}: got {response.status_code} {response.headers.get('Location', '')}, "
                            f"expected {expected}")
    assert not failures, f"{route.method} {url}:\n" + "\n".join(failures)
