"""Sessions and reset links, attacked: a planted cookie, a cookie after logout, an old or late reset link.

tests/web/test_auth.py and test_passwords_web.py cover the ordinary paths
(a new cookie at login, a captured cookie refused after logout, a link used
twice, a link with its maximum age set below zero); these add the attacker's.
"""
from __future__ import annotations

import re
import time

from itsdangerous.timed import TimestampSigner
from sqlalchemy import select

from portal.accounts.models import UserSession
from tests.factories import PASSWORD, make_user

NEW = "aivan-uusi-salasana-2026"


def _cookie(client):
    cookie = client.get_cookie("ote_session")
    return cookie.value if cookie else None


def _link(outbox) -> str:
    return re.search(r"http://localhost(/\S+)", outbox[-1].body).group(1)


def test_a_cookie_planted_before_login_stays_anonymous_after_it(app, client, db):
    user = make_user("coach")
    client.get("/?lang=sv")  # the attacker's anonymous session, planted in the victim's browser
    planted = _cookie(client)
    assert planted
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302 and _cookie(client) != planted
    attacker = app.test_client()
    attacker.set_cookie("ote_session", planted)
    refused = attacker.get("/account")
    assert refused.status_code == 302 and "/login" in refused.headers["Location"]
    assert client.get("/account").status_code == 200


def test_each_login_starts_a_new_session_and_logout_ends_it_on_the_server(app, client, db):
    user = make_user("officer")
    first = app.test_client()
    first.post("/login", data={"email": user.email, "password": PASSWORD})
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert _cookie(first) != _cookie(client)
    captured = _cookie(client)
    assert client.post("/logout").status_code == 302
    records = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)
                                 .order_by(UserSession.id)).all()
    assert [r.end_reason for r in records] == [None, "logout"]  # the other device stays signed in
    replay = app.test_client()
    replay.set_cookie("ote_session", captured)
    assert replay.get("/account").status_code == 302
    assert replay.post("/account", data={"name": "Hyökkääjä"}).status_code == 302
    assert first.get("/account").status_code == 200


def test_an_older_reset_link_dies_when_a_newer_one_is_used(client, outbox, db):
    user = make_user("employer")
    client.post("/password/forgot", data={"email": user.email})
    older = _link(outbox)
    client.post("/password/forgot", data={"email": user.email})
    newer = _link(outbox)
    assert client.post(newer, data={"new": NEW, "confirm": NEW}).status_code == 302
    late = client.post(older, data={"new": "kolmas-salasana-2026", "confirm": "kolmas-salasana-2026"})
    assert late.status_code == 400
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302


def test_a_reset_link_works_within_the_hour_and_not_after_it(client, outbox, db, monkeypatch):
    user = make_user("employer")
    client.post("/password/forgot", data={"email": user.email})
    link = _link(outbox)
    sent = int(time.time())
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: sent + 3600 - 60)
    assert client.get(link).status_code == 200
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: sent + 3600 + 60)
    assert client.get(link).status_code == 400
    assert client.post(link, data={"new": NEW, "confirm": NEW}).status_code == 400
    refused = client.post("/login", data={"email": user.email, "password": NEW})
    assert refused.status_code == 200  # the password is unchanged
