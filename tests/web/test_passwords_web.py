"""Password change, reset by a single-use expiring link, invitation."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.accounts.models import UserSession
from tests.factories import PASSWORD, make_user

NEW = "uusi-pitkä-salasana-2026"


def _link(outbox) -> str:
    return re.search(r"http://localhost(/\S+)", outbox[-1].body).group(1)


def test_change_password_checks_the_current_one_and_the_policy(client, login_as, db):
    user = login_as("coach")
    page = client.post("/account/password", data={"current": "wrong-one-xxxx", "new": NEW, "confirm": NEW})
    assert "Nykyinen salasana on väärin." in page.get_data(as_text=True)
    page = client.post("/account/password", data={"current": PASSWORD, "new": "lyhyt", "confirm": "lyhyt"})
    assert "vähintään 12 merkkiä" in page.get_data(as_text=True)
    page = client.post("/account/password", data={"current": PASSWORD, "new": "salasana1234",
                                                   "confirm": "salasana1234"})
    assert "liian yleinen" in page.get_data(as_text=True)
    response = client.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert response.status_code == 302
    assert client.post("/logout").status_code == 302
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302


def test_changing_the_password_ends_other_sessions(app, client, login_as, db):
    user = login_as("coach")
    other_device = app.test_client()
    from tests.conftest import sign_in
    sign_in(other_device, user)
    assert other_device.get("/account").status_code == 200
    client.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert other_device.get("/account").status_code == 302
    assert client.get("/account").status_code == 200  # this device stays signed in


def test_reset_link_is_mailed_works_once_and_ends_sessions(client, outbox, db):
    user = make_user("employer")
    response = client.post("/password/forgot", data={"email": user.email.upper()})
    assert response.status_code == 302
    assert len(outbox) == 1 and outbox[0].to == user.email
    link = _link(outbox)
    assert client.get(link).status_code == 200
    response = client.post(link, data={"new": NEW, "confirm": NEW})
    assert response.status_code == 302 and response.headers["Location"] == "/login"
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302
    client.post("/logout")
    # The same link does not work a second time.
    again = client.post(link, data={"new": "toinen-salasana-2026", "confirm": "toinen-salasana-2026"})
    assert again.status_code == 400
    assert "Linkki ei ole enää voimassa" in again.get_data(as_text=True)


def test_reset_link_expires(client, app, outbox, db):
    user = make_user("employer")
    client.post("/password/forgot", data={"email": user.email})
    link = _link(outbox)
    app.config["PASSWORD_RESET_MAX_AGE"] = -1
    try:
        assert client.get(link).status_code == 400
    finally:
        app.config["PASSWORD_RESET_MAX_AGE"] = 3600


def test_forgot_password_says_the_same_for_unknown_addresses(client, outbox, db):
    known = make_user("employer")
    a = client.post("/password/forgot", data={"email": known.email}, follow_redirects=True).get_data(as_text=True)
    b = client.post("/password/forgot", data={"email": "nobody@test.example"},
                    follow_redirects=True).get_data(as_text=True)
    assert "Jos osoite kuuluu käyttäjätunnukselle" in a and "Jos osoite kuuluu käyttäjätunnukselle" in b
    assert len(outbox) == 1


def test_a_tampered_reset_token_is_refused(client, outbox, db):
    user = make_user("employer")
    client.post("/password/forgot", data={"email": user.email})
    link = _link(outbox)
    assert client.get(link[:-2] + ("AA" if not link.endswith("AA") else "BB")).status_code == 400


def test_reset_tokens_do_not_open_invitations(client, outbox, db):
    user = make_user("employer")
    client.post("/password/forgot", data={"email": user.email})
    token = _link(outbox).rsplit("/", 1)[1]
    assert client.get(f"/invitation/{token}").status_code == 400


def test_reset_ends_all_sessions(app, client, outbox, db):
    user = make_user("employer")
    from tests.conftest import sign_in
    device = app.test_client()
    sign_in(device, user)
    client.post("/password/forgot", data={"email": user.email})
    client.post(_link(outbox), data={"new": NEW, "confirm": NEW})
    assert device.get("/account").status_code == 302
    live = db.session.scalars(select(UserSession).where(UserSession.user_id == user.id,
                                                         UserSession.ended_at.is_(None))).all()
    assert live == []


def test_a_changed_or_reset_password_is_announced_to_its_owner(client, login_as, outbox, db):
    user = login_as("coach")
    client.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert [m.to for m in outbox] == [user.email]
    assert outbox[-1].subject == "Salasanasi on vaihdettu"
    assert "Unohditko salasanasi?" in outbox[-1].body and NEW not in outbox[-1].body
    client.post("/logout")
    client.post("/password/forgot", data={"email": user.email})
    client.post(_link(outbox), data={"new": "toinen-salasana-2026", "confirm": "toinen-salasana-2026"})
    assert [m.subject for m in outbox][-1] == "Salasanasi on vaihdettu" and len(outbox) == 3


def test_a_failing_mail_server_does_not_undo_the_change(app, client, login_as, outbox, db, monkeypatch):
    user = login_as("coach")

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr("portal.accounts.services.mail.send_mail", refuse)
    response = client.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW})
    assert response.status_code == 302
    client.post("/logout")
    assert client.post("/login", data={"email": user.email, "password": NEW}).status_code == 302


def test_guessing_the_password_through_a_signed_in_session_is_limited_per_account(client, login_as, db):
    login_as("coach")
    wrong = {"current": "väärä-salasana-123", "new": NEW, "confirm": NEW}
    for _ in range(5):
        assert client.post("/account/password", data=wrong).status_code == 200
    for _ in range(5):
        assert client.post("/account/sessions", data={"current": "väärä-salasana-123", "end": "all"}).status_code == 200
    # The two pages share one budget: the eleventh failure is refused before the password is checked.
    assert client.post("/account/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW}).status_code == 429
    other = login_as("coach")  # another account has its own budget
    assert client.post("/account/sessions", data={"current": PASSWORD, "end": "all"}).status_code == 302
    assert other is not None
