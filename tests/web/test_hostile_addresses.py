"""Never a 500 from what a client sends in the address or the Host header (issue 13, finding 6).

`?endpoint=x`, `?_anchor=x` or a query argument named like a path argument
(`/roles/1?role_id=2`) once crashed the language switch of every page, and
the error page crashed the same way: the visitor got a bare page without the
security headers. Every declared GET route is sent here, as anonymous and as
a user of each role, one query string holding all of url_for's own keywords
and every path argument's name of the URL map, and then malformed and foreign
Host headers: no answer is a 5xx and every answer carries the headers.
The error page itself cannot fail: if the usual page cannot be made, a plain
one with the headers and a logged reference answers.
"""
from __future__ import annotations

import re

import pytest
from flask import url_for

from portal.extensions import db as _db
from portal.security import public
from tests.access import ROLES, all_routes
from tests.access.employers import make_role
from tests.access.world import build_world
from tests.conftest import make_test_app, sign_in
from tests.factories import PASSWORD, make_org, make_user
from tests.web.hostile import module_world

# The keyword arguments of url_for itself.
URL_FOR_KEYWORDS = ("endpoint", "_anchor", "_method", "_scheme", "_external")
GETS = sorted((r for r in all_routes() if r.method == "GET"), key=lambda r: r.endpoint)
BAD_HOSTS = {
    "empty": "",
    "5,000 characters": "a" * 5000,
    "a space": "evil example",
    "a line break": "localhost\r\nX-Injected: 1",
    "a port past 65535": "localhost:99999",
    "a port that is no number": "localhost:http",
    "port zero": "localhost:0",
    "not trusted": "evil.example",
    "a trusted name's suffix": "localhost.evil.example",
    "an unclosed IPv6 address": "[::1",
}
HEADERS = {"Content-Security-Policy": "default-src 'self'", "X-Content-Type-Options": "nosniff",
           "X-Frame-Options": "DENY", "Referrer-Policy": "strict-origin-when-cross-origin"}


def _check_headers(response, label: str) -> None:
    for name, value in HEADERS.items():
        assert value in response.headers.get(name, ""), f"{label}: {name} missing ({response.status_code})"


@pytest.fixture(scope="module")
def world(app):
    """One world for the module; rate limits off (they have their own tests and would hide the answers)."""
    with module_world(app, build_world) as built:
        yield built


def _hostile_query(app) -> dict[str, str]:
    """url_for's own keywords and every path argument's name of the URL map, in one query string."""
    names = set().union(*(rule.arguments for rule in app.url_map.iter_rules()))
    return {**dict.fromkeys(sorted(names), "2"), **dict.fromkeys(sorted(URL_FOR_KEYWORDS), "x")}


@pytest.mark.parametrize("route", GETS, ids=lambda r: f"GET {r.endpoint}")
def test_every_page_survives_url_for_keywords_path_argument_names_and_bad_hosts(app, world, route):
    with app.test_request_context():
        url = url_for(route.endpoint, **route.params(world))
    query = {**route.query(world), **_hostile_query(app)}
    for who in ("anonymous",) + ROLES:
        client = app.test_client()
        if who != "anonymous":
            sign_in(client, world.user(who))
        response = client.get(url, query_string=query)
        label = f"GET {url} as {who}"
        assert response.status_code < 500, f"{label} answered {response.status_code}"
        _check_headers(response, label)
        page = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        if 'class="lang-switch"' in page:  # pages and error pages alike; not redirects
            switch = re.findall(r'href="([^"]*lang=(?:fi|sv|en)[^"]*)"', page)
            assert switch and not [href for href in switch if "_anchor" in href or "endpoint=" in href], label
    client = app.test_client()
    for what, host in BAD_HOSTS.items():
        response = client.get(url, environ_overrides={"HTTP_HOST": host})
        label = f"GET {url} with a Host of {what}"
        assert response.status_code == 400, f"{label} answered {response.status_code}"
        _check_headers(response, label)


def test_url_for_keywords_in_the_query_leave_the_page_and_its_links_intact(client, db):
    for name in sorted(URL_FOR_KEYWORDS):
        response = client.get(f"/?{name}=x&q=1")
        assert response.status_code == 200, name
        _check_headers(response, name)
        page = response.get_data(as_text=True)
        assert 'href="/?q=1&amp;lang=sv"' in page, name


def test_a_query_argument_named_like_a_path_argument_keeps_the_links_on_this_page(client, db):
    employer = make_org("employer")
    role, other = make_role(employer), make_role(employer, title="Toinen tehtävä")
    _db.session.commit()
    response = client.get(f"/roles/{role.id}?role_id={other.id}")
    assert response.status_code == 200
    assert f'href="/roles/{role.id}?lang=sv"' in response.get_data(as_text=True)


def test_error_pages_survive_the_same_queries_with_their_headers(client, login_as, db):
    response = client.get("/no-such-page?endpoint=x&_anchor=x&_method=x")
    assert response.status_code == 404
    _check_headers(response, "404")
    assert 'href="/?lang=sv"' in response.get_data(as_text=True)
    login_as("employer")
    response = client.get("/admin/?endpoint=x&_external=1&org_id=2")
    assert response.status_code == 403
    _check_headers(response, "403")


def test_sorting_and_paging_links_pass_the_query_on_without_url_for_keywords(client, login_as, db):
    login_as("admin")
    for n in range(3):
        make_org("employer", name=f"Yritys {n}")
    _db.session.commit()
    response = client.get("/admin/organisations?_anchor=x&endpoint=y&sort=name&q=Yritys")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "_anchor" not in page and "endpoint=" not in page


@pytest.fixture
def quiet_app(database_url, db):
    """An app that answers exceptions with its error page, as in production, instead of raising them in the test."""
    app = make_test_app(database_url, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    @public
    def boom():
        raise RuntimeError("kaboom")

    return app


def test_a_500_carries_the_security_headers_and_a_reference(quiet_app):
    response = quiet_app.test_client().get("/boom?lang=en&endpoint=x")
    assert response.status_code == 500
    _check_headers(response, "500")
    assert re.search(r"Error reference [0-9a-f]{8}", response.get_data(as_text=True))


@pytest.mark.parametrize("path, status", [("/boom", 500), ("/no-such-page", 404), ("/api/v1/nothing", 404)])
def test_when_the_error_page_itself_fails_a_plain_one_answers_with_headers_and_a_logged_reference(
        quiet_app, monkeypatch, caplog, path, status):
    def broken(*args, **kwargs):
        raise RuntimeError("the template is broken")

    monkeypatch.setattr("portal.errors.render_template", broken)
    monkeypatch.setattr("portal.errors.jsonify", broken)
    with caplog.at_level("ERROR", logger="portal.errors"):
        response = quiet_app.test_client().get(path)
    assert response.status_code == status
    _check_headers(response, path)
    text = response.get_data(as_text=True)
    reference = (response.get_json() or {}).get("reference") if path.startswith("/api/") else \
        re.search(r"Error reference ([0-9a-f]{8})", text).group(1)
    assert reference and f"error reference {reference}" in caplog.text
    assert "kaboom" not in text and "broken" not in text


@pytest.mark.parametrize("what, host", list(BAD_HOSTS.items()))
def test_a_malformed_or_foreign_host_gets_the_400_page_with_its_headers(client, db, what, host):
    response = client.post("/password/forgot", data={"email": "a@example.com"}, environ_overrides={"HTTP_HOST": host})
    assert response.status_code == 400, what
    _check_headers(response, what)
    assert 'class="error-code"' in response.get_data(as_text=True)


@pytest.mark.parametrize("target", ["/start\r\nSet-Cookie: stolen=1", "/start\nX: y", "/\\evil.example",
                                    "/\\\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example"])
def test_line_breaks_backslashes_or_other_hosts_in_next_go_to_the_start_page(client, db, target):
    user = make_user("coach")
    _db.session.commit()
    response = client.post("/login", query_string={"next": target}, data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"] == "/start"
    _check_headers(response, target)


def test_next_still_returns_to_a_page_of_the_site(client, db):
    user = make_user("coach")
    _db.session.commit()
    response = client.post("/login?next=/account%3Fx%3D1", data={"email": user.email, "password": PASSWORD})
    assert response.headers["Location"] == "/account?x=1"
