"""Hostile input to every declared route: never a 5xx, and a form that refuses input says why.

Every declared GET route (pages, search and filter forms, JSON, files) gets
generated query strings: the names of its GET form's fields and a few every
page reads (page, sort, lang, q), with values from tests/web/hostile.py.

Every declared POST route is read first as an allowed user to learn its
form's fields; Hypothesis then posts generated values to it, a JSON body
(which pages refuse with a 400) and form-encoded garbage bytes. The answer
must be a 400 (or 413), a re-rendered form that says what is wrong, a
redirect (the input happened to be valid), or a 404/409 for an object the
input named or an action already spent; never a 5xx, never a 200 that
silently drops what was sent.

One world serves the module: the GET routes go first, and each POST route
that removes, closes or ends things runs last, in a world built anew for it;
once such a route has succeeded, its later examples meet the 404 or 409 of a
spent object.
HOSTILE_EXAMPLES sets the examples per route (default 4); HOSTILE_RANDOM=1
draws new ones on each run instead of the reproducible default.
"""
from __future__ import annotations

import json

import pytest
from flask import url_for
from hypothesis import given
from hypothesis import strategies as st

from portal.extensions import db as _db
from tests.access import PUBLIC, all_routes
from tests.access.world import build_world
from tests.conftest import empty_tables, sign_in
from tests.web.hostile import JSON_VALUE, SETTINGS, VALUE, fields_of, form_data, has_messages, module_world

ROUTES = all_routes()
# Actions that remove, close or end what later routes need: they run after every other route.
LAST_WORDS = ("erase", "delete", "withdraw", "archive", "revoke", "status", "end", "active", "logout", "cancel",
              "action", "convert", "publish", "admin.user", "team", "mark_all_read")
# Query parameters that pages read whatever their forms say (lists, language).
COMMON_QUERY = ["page", "sort", "lang", "q"]
FINE = {200, 302, 303, 400, 404, 409, 413}


def _spends(route) -> bool:
    return any(word in route.endpoint for word in LAST_WORDS)


def _order(route) -> tuple:
    return (_spends(route), route.endpoint)


GETS = sorted((r for r in ROUTES if r.method == "GET"), key=_order)
POSTS = [(route, how) for route in sorted((r for r in ROUTES if r.method == "POST"), key=_order)
         for how in ("body", "form")]


class Worlds:
    """The module's world, renewed before each route that spends it."""

    def __init__(self):
        self.current = build_world()

    def renew(self):
        """Empty the tables and build the world again."""
        _db.session.rollback()
        empty_tables()
        self.current = build_world()
        return self.current


@pytest.fixture(scope="module")
def worlds(app):
    """One world for the module (building it per route would cost half a minute); emptied at the end."""
    with module_world(app, Worlds) as built:
        yield built


def _client(app, world, route):
    client = app.test_client()
    if route.allowed != PUBLIC:
        sign_in(client, world.user(route.allowed[0]))
    return client


def _url(app, world, route) -> str:
    with app.test_request_context():
        return url_for(route.endpoint, **route.params(world))


def _check(route, response, method: str, sent) -> None:
    status = response.status_code
    assert status < 500, f"{method} {route.endpoint} answered {status} to {sent!r:.300}"
    assert status in FINE, f"{method} {route.endpoint} answered {status} to {sent!r:.300}"
    # A signed-in route sending the test's user to sign in means an earlier route spent the world:
    # the answer would say nothing about this input.
    assert route.allowed == PUBLIC or "/login" not in response.headers.get("Location", ""), (
        f"{method} {route.endpoint} lost its signed-in user")
    if method == "POST" and status == 200 and response.mimetype == "text/html":
        assert has_messages(response.get_data(as_text=True)), (
            f"POST {route.endpoint} re-rendered its page without saying what was wrong, for {sent!r:.300}")


def _page_fields(app, world, route, url):
    page = _client(app, world, route).get(url)
    if page.status_code == 200 and page.mimetype == "text/html":
        return fields_of(page.get_data(as_text=True))
    return None


@pytest.mark.parametrize("route", GETS, ids=lambda r: f"GET {r.endpoint}")
def test_pages_answer_hostile_query_strings(app, worlds, route):
    world = worlds.current
    url = _url(app, world, route)
    found = _page_fields(app, world, route, url) if route.kind == "html" else None
    names = sorted(set(route.query(world)) | set(found.fields["get"] if found else []) | set(COMMON_QUERY))

    @SETTINGS
    @given(query=st.dictionaries(st.sampled_from(names),
                                 st.one_of(VALUE.filter(lambda v: len(v) < 5000), st.lists(VALUE, max_size=3)),
                                 max_size=8))
    def get(query):
        response = _client(app, world, route).get(url, query_string=query)
        _check(route, response, "GET", query)
        if url.startswith("/api/") and response.status_code != 200:
            assert response.is_json, f"GET {route.endpoint} answered {response.status_code} without JSON"

    get()


def test_numbers_past_the_database_integers_name_nothing(app, worlds):
    """An id past the id columns' integers is a 404 wherever it stands; a page past any list answers as usual."""
    world, answers = worlds.current, {}
    for route in ROUTES:
        client = _client(app, world, route)
        params = route.params(world)
        for name in [k for k, v in params.items() if isinstance(v, int) and not isinstance(v, bool)]:
            for number in (10**30,):  # past PostgreSQL's integer and SQLite's 64 bits alike
                with app.test_request_context():
                    url = url_for(route.endpoint, **{**params, name: number})
                answers[f"{route.method} {url}"] = client.open(url, method=route.method).status_code
        if route.method == "GET" and route.kind in ("html", "json"):
            url, query = _url(app, world, route), route.query(world)
            usual = client.get(url, query_string=query).status_code
            for page in ("1" + "0" * 30, "-1"):
                status = client.get(url, query_string={**query, "page": page}).status_code
                answers[f"GET {url}?page={page}"] = "usual" if status == usual else status
    wrong = {where: status for where, status in answers.items() if status not in _expected(where)}
    assert len(answers) > 100 and not wrong, wrong


def _expected(where: str) -> tuple:
    if "?page=" in where:
        return (400,) if " /api/v1/roles" in where else ("usual",)  # the API says what is wrong; a page forgives
    return (404, 405)  # no route, or a route of another method whose path takes any text


@pytest.mark.parametrize("route, how", POSTS, ids=lambda p: f"POST {p.endpoint}" if hasattr(p, "endpoint") else p)
def test_forms_answer_hostile_posts_with_400_messages_or_a_redirect(app, worlds, route, how):
    world = worlds.renew() if _spends(route) else worlds.current
    url = _url(app, world, route)

    @SETTINGS
    @given(body=JSON_VALUE)
    def post_bodies(body):
        client = _client(app, world, route)
        response = client.post(url, data=json.dumps(body), content_type="application/json")
        assert response.status_code == 400, f"POST {route.endpoint} answered {response.status_code} to JSON"
        garbage = json.dumps(body).encode() + b"\xff\xfe\x00&=%zz"
        _check(route, client.post(url, data=garbage, content_type="application/x-www-form-urlencoded"),
               "POST", garbage)

    found = _page_fields(app, world, route, url)
    fields = sorted(set((found.fields["post"] if found else []) + list(route.data(world))))

    @SETTINGS
    @given(data=form_data(fields, found.files if found else []))
    def post_forms(data):
        _check(route, _client(app, world, route).post(url, data=data), "POST", data)

    post_bodies() if how == "body" else post_forms()
