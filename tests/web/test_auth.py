"""Signing in and out, sessions that really end, timeouts, rate limits, CSRF."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal.accounts.models import UserSession
from tests.factories import PASSWORD, make_user


def _login(client, email, password=PASSWORD, **kw):
    return client.post("/login", data={"email": email, "password": password}, **kw)


def _cookie(client):
    cookie = client.get_cookie("ote_session")
    return cookie.value if cookie else None


def test_login_lands_on_the_start_page_and_renews_the_session(client, db):
    user = make_user("coach")
    client.get("/?lang=sv")  # an anonymous session exists before login
    before = _cookie(client)
    response = _login(client, user.email.upper())  # email is case-insensitive
    assert response.status_code == 302 and response.headers["Location"] == "/start"
    assert _cookie(client) != before
    page = client.get("/start", follow_redirects=True)  # on to the coach's own start page
    assert page.status_code == 200 and user.name in page.get_data(as_text=True)
    assert db.session.scalar(select(UserSession).where(UserSession.user_id == user.id)) is not None


def test_failed_login_says_only_that_email_or_password_was_wrong(client, db):
    user = make_user("employer")
    wrong_password = _login(client, user.email, "väärä-salasana-123").get_data(as_text=True)
    unknown_user = _login(client, "nobody@test.example", "väärä-salasana-123").get_data(as_text=True)
    for page in (wrong_password, unknown_user):
        assert "Sähköposti tai salasana on väärin." in page
    assert wrong_password.count("error-summary") == unknown_user.count("error-summary") == 1


def test_inactive_user_cannot_sign_in(client, db):
    user = make_user("coach", active=False)
    response = _login(client, user.email)
    assert response.status_code == 200
    assert client.get("/start").status_code == 302


def test_a_cookie_captured_before_logout_is_refused_after_it(client, app, db):
    user = make_user("officer")
    _login(client, user.email)
    captured = _cookie(client)
    assert client.get("/account").status_code == 200
    assert client.post("/logout").status_code == 302
    other = app.test_client()
    other.set_cookie("ote_session", captured)
    response = other.get("/account")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_logout_needs_post(client, login_as):
    login_as("coach")
    assert client.get("/logout").status_code == 405
    assert client.get("/account").status_code == 200


def _age_session(db, user, **delta):
    record = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id)).one()
    if "idle" in delta:
        record.last_seen_at -= delta["idle"]
    if "age" in delta:
        record.created_at -= delta["age"]
        record.last_seen_at -= timedelta(minutes=1)
    db.session.commit()
    return record


def test_session_ends_after_thirty_minutes_idle(client, db, login_as):
    user = login_as("coach")
    _age_session(db, user, idle=timedelta(minutes=29))
    assert client.get("/account").status_code == 200  # and the visit touches it
    record = _age_session(db, user, idle=timedelta(minutes=31))
    response = client.get("/account")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    db.session.refresh(record)
    assert record.end_reason == "idle"
    assert "Istuntosi on päättynyt" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_session_ends_after_twelve_hours_in_all(client, db, login_as):
    user = login_as("coach")
    record = _age_session(db, user, age=timedelta(hours=12, minutes=1))
    assert client.get("/account").status_code == 302
    db.session.refresh(record)
    assert record.end_reason == "absolute"


def test_ten_failures_from_ten_addresses_do_not_lock_the_owner_out(client, db):
    """Issue 13, finding 8: the owner's correct password from an eleventh address signs in."""
    user = make_user("coach")
    for n in range(10):
        response = _login(client, user.email, f"wrong-password-{n:02d}",
                          environ_base={"REMOTE_ADDR": f"10.0.0.{n}"})
        assert response.status_code == 200
    response = _login(client, user.email, PASSWORD, environ_base={"REMOTE_ADDR": "10.0.1.1"})
    assert response.status_code == 302


def test_failures_on_an_account_beyond_its_ceiling_get_429_except_in_a_browser_of_the_owner(app, client, db):
    from portal.accounts.tokens import make_token

    user = make_user("coach")
    owners = app.test_client()
    assert _login(owners, user.email, environ_base={"REMOTE_ADDR": "10.9.0.1"}).status_code == 302  # earlier
    owners.post("/logout")
    for n in range(50):  # five failures from each of ten addresses: no address meets its own limit
        response = _login(client, user.email, f"wrong-password-{n:02d}",
                          environ_base={"REMOTE_ADDR": f"10.0.0.{n % 10}"})
        assert response.status_code == 200
    # The account's ceiling (50 an hour from all addresses) is met: a new browser waits, right password or not.
    for password, address in (("wrong-password-xx", "10.0.2.1"), (PASSWORD, "10.0.2.2")):
        assert _login(client, user.email, password, environ_base={"REMOTE_ADDR": address}).status_code == 429
    # The owner's browser, known to the account, still signs in; so does one that reset the password by mail.
    assert _login(owners, user.email, environ_base={"REMOTE_ADDR": "10.9.0.2"}).status_code == 302
    resetting = app.test_client()
    new = "Uusi-salasana-kevaalla-2026"
    assert resetting.post(f"/password/reset/{make_token(user, 'reset')}", data={"new": new, "confirm": new},
                          environ_base={"REMOTE_ADDR": "10.9.1.1"}).status_code == 302
    assert _login(resetting, user.email, new, environ_base={"REMOTE_ADDR": "10.9.1.1"}).status_code == 302
    # A cookie of another account, or a forged one, lifts nothing.
    stranger = app.test_client()
    assert _login(stranger, make_user("coach").email, environ_base={"REMOTE_ADDR": "10.9.2.1"}).status_code == 302
    stranger.post("/logout")
    assert _login(stranger, user.email, new, environ_base={"REMOTE_ADDR": "10.9.2.2"}).status_code == 429
    forged = app.test_client()
    forged.set_cookie("ote_device", "W10.forged.signature")
    assert _login(forged, user.email, new, environ_base={"REMOTE_ADDR": "10.9.3.1"}).status_code == 429


def test_eleventh_failed_login_from_an_address_gets_429(client, db):
    for n in range(10):
        assert _login(client, f"user{n}@test.example", "wrong-password-x").status_code == 200
    assert _login(client, "someone@test.example", "wrong-password-x").status_code == 429


def test_successful_logins_do_not_count_towards_the_limit(client, db):
    user = make_user("coach")
    for _ in range(12):
        assert _login(client, user.email).status_code == 302
        client.post("/logout")


def test_post_without_csrf_token_is_refused_with_400(database_url, db):
    from tests.conftest import make_test_app

    app = make_test_app(database_url, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    user = make_user("coach")
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert "lomake" in response.get_data(as_text=True).lower()
    # With the token from the form the same post goes through.
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/login", data={"email": user.email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_next_parameter_only_goes_to_this_site(client, db):
    user = make_user("coach")
    response = _login(client, user.email, query_string={"next": "https://evil.example/x"})
    assert response.headers["Location"] == "/start"
    client.post("/logout")
    response = _login(client, user.email, query_string={"next": "/account"})
    assert response.headers["Location"] == "/account"


def test_protected_page_sends_anonymous_to_login_with_next(client, db):
    response = client.get("/account")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=/account")


def test_logout_tells_the_browser_to_drop_cached_pages_and_storage(client, login_as):
    login_as("coach")
    response = client.post("/logout")
    assert response.status_code == 302
    assert response.headers["Clear-Site-Data"] == '"cache", "storage"'


def test_refused_sign_ins_are_logged_by_user_id_without_address_or_password(client, db, caplog):
    user = make_user("employer")
    inactive = make_user("coach", active=False)
    with caplog.at_level("WARNING", logger="portal.accounts.services"):
        _login(client, user.email, "väärä-salasana-123")
        _login(client, "nobody@test.example", "väärä-salasana-456")
        _login(client, inactive.email)
    text = caplog.text
    assert f"wrong password for user {user.id}" in text
    assert "unknown address" in text and f"inactive user {inactive.id}" in text
    for secret in ("väärä-salasana", PASSWORD, user.email, "nobody@test.example", inactive.email):
        assert secret not in text


def test_refused_access_is_logged_with_user_role_and_endpoint(client, login_as, caplog):
    user = login_as("employer")
    with caplog.at_level("WARNING", logger="portal.security"):
        assert client.get("/admin/").status_code == 403
    assert f"access refused: user {user.id} (employer) to GET admin." in caplog.text


def test_a_user_sees_their_sessions_and_ends_one_or_all_others_with_the_password(app, client, db, login_as):
    from tests.conftest import sign_in

    user = login_as("coach")
    phone, laptop = app.test_client(), app.test_client()
    sign_in(phone, user)
    sign_in(laptop, user)
    stranger = make_user("coach")
    sign_in(app.test_client(), stranger)
    page = client.get("/account/sessions?lang=en").get_data(as_text=True)
    assert page.count("End session") == 2 and "This session" in page  # the stranger's session is not listed
    ids = [int(i) for i in re.findall(r'name="end" value="(\d+)"', page)]
    # A wrong password ends nothing; another user's session id ends nothing.
    page = client.post("/account/sessions?lang=en", data={"current": "väärä-salasana-123", "end": "all"})
    assert "The password is incorrect." in page.get_data(as_text=True)
    theirs = db.session.scalars(select(UserSession.id).where(UserSession.user_id == stranger.id)).one()
    client.post("/account/sessions", data={"current": PASSWORD, "end": str(theirs)})
    assert phone.get("/account").status_code == laptop.get("/account").status_code == 200
    assert db.session.get(UserSession, theirs).ended_at is None
    client.post("/account/sessions", data={"current": PASSWORD, "end": str(ids[0])})
    assert sorted(c.get("/account").status_code for c in (phone, laptop)) == [200, 302]
    response = client.post("/account/sessions", data={"current": PASSWORD, "end": "all"})
    assert response.status_code == 302
    assert phone.get("/account").status_code == laptop.get("/account").status_code == 302
    assert client.get("/account").status_code == 200  # this device stays signed in


def test_a_refused_csrf_token_is_logged(database_url, db, caplog):
    from tests.conftest import make_test_app

    app = make_test_app(database_url, WTF_CSRF_ENABLED=True)
    with caplog.at_level("WARNING", logger="portal.errors"):
        assert app.test_client().post("/login", data={"email": "x@test.example"}).status_code == 400
    assert "CSRF check failed (The CSRF token is missing.): POST '/login'" in caplog.text
