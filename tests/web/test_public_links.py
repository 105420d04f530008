"""Absolute links come from PUBLIC_URL, never from the request's Host header (issue 13, finding 2).

An attacker who sends `POST /password/forgot` with `Host: evil.example`
must not get the victim a mail with a live reset link to evil.example; nor
may canonical, Open Graph, feed, sitemap, API, JSON-LD or calendar links
follow the header. A host outside TRUSTED_HOSTS is refused with 400 before
any view runs; an allowed second name of the portal still gets PUBLIC_URL's
links; behind a proxy, X-Forwarded-Host counts only with PROXY_FIX_HOPS.
"""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from flask import url_for
from sqlalchemy import select

from portal.accounts.models import User
from portal.db_types import utcnow
from portal.events.models import Event
from portal.extensions import db as _db
from tests.access.employers import make_role
from tests.conftest import make_test_app
from tests.factories import PASSWORD, make_org, make_user
from tests.web.test_public_pages import seed

PUBLIC = "https://ote.example.fi"
ALIAS = "http://alias.example"  # another name the portal answers to (TRUSTED_HOSTS)
EVIL = "http://evil.example"


@pytest.fixture(scope="module")
def portal_app(database_url, app):
    """The portal at PUBLIC, answering to localhost and alias.example (the session's app made the schema)."""
    return make_test_app(database_url, PUBLIC_URL=PUBLIC + "/", TRUSTED_HOSTS="localhost, alias.example")


@pytest.fixture
def outbox(portal_app, db):
    portal_app.extensions["outbox"] = []
    return portal_app.extensions["outbox"]


def _links(text: str) -> set[str]:
    """Every absolute http(s) address in a text, but the XML namespaces'."""
    found = set(re.findall(r"https?://[^\s\"'<>\\]+", text))
    return {link for link in found if not re.match(r"http://www\.(w3|sitemaps)\.org/", link)}


def _sign_in(client, user, base_url):
    response = client.post("/login", data={"email": user.email, "password": PASSWORD}, base_url=base_url)
    assert response.status_code == 302, response.status_code


def test_a_reset_asked_for_under_a_forged_host_is_refused_and_mails_nothing(portal_app, outbox):
    user = make_user("coach")
    _db.session.commit()
    response = portal_app.test_client().post("/password/forgot", data={"email": user.email}, base_url=EVIL)
    assert response.status_code == 400
    assert response.headers["Content-Security-Policy"] and response.headers["X-Content-Type-Options"] == "nosniff"
    assert outbox == []
    # With the portal's own address the mail goes out, and its link is PUBLIC_URL's.
    assert portal_app.test_client().post("/password/forgot", data={"email": user.email}).status_code == 302
    assert re.findall(r"https?://\S+", outbox[-1].body)[0].startswith(PUBLIC + "/password/reset/")


def test_reset_and_invitation_mails_under_another_allowed_host_carry_the_public_url(portal_app, outbox):
    client = portal_app.test_client()
    user = make_user("coach")
    admin = make_user("admin")
    org = make_org("provider")
    _db.session.commit()
    assert client.post("/password/forgot", data={"email": user.email}, base_url=ALIAS).status_code == 302
    reset = re.search(r"\S+/password/reset/\S+", outbox[-1].body).group(0)
    assert reset.startswith(PUBLIC + "/password/reset/") and "alias" not in outbox[-1].body

    _sign_in(client, admin, ALIAS)
    response = client.post("/admin/users/invite", base_url=ALIAS, data={
        "name": "Uusi Valmentaja", "email": "uusi@test.example", "organisation_id": org.id, "role": "coach"})
    assert response.status_code == 302
    invitation = re.search(r"\S+/invitation/\S+", outbox[-1].body).group(0)
    assert invitation.startswith(PUBLIC + "/") and "alias" not in outbox[-1].body
    # The link works: its path opens the invitation on the portal.
    assert portal_app.test_client().get(invitation.removeprefix(PUBLIC)).status_code == 200
    assert _db.session.scalar(select(User).where(User.email == "uusi@test.example")).password_hash is None


def test_the_event_sign_up_mail_links_to_the_public_url(portal_app, outbox):
    start = utcnow().replace(microsecond=0) + timedelta(days=5)
    event = Event(organisation_id=make_org("operator").id, title_fi="Messut", starts_at=start,
                  ends_at=start + timedelta(hours=3), place="Halli", capacity=10, published=True)
    _db.session.add(event)
    _db.session.commit()
    client = portal_app.test_client()
    response = client.post(f"/events/{event.id}", base_url=ALIAS, data={"name": "Maija", "email": "maija@example.com"})
    assert response.status_code == 302
    # First the confirmation request, then (once confirmed) the seat with the event, calendar and cancel links.
    (confirm,) = _links(outbox[-1].body)
    assert confirm.startswith(PUBLIC + "/events/confirm/"), confirm
    assert client.post(confirm.removeprefix(PUBLIC), base_url=ALIAS).status_code == 302
    links = _links(outbox[-1].body)
    assert len(links) >= 3 and all(link.startswith(PUBLIC + "/events/") for link in links), links


def test_pages_feeds_api_json_ld_and_calendar_files_link_to_the_public_url(portal_app, db):
    _campaigns, event, story = seed(db)
    role = make_role(make_org("employer", name="Koulukeittiö Oy"))
    _db.session.commit()
    client = portal_app.test_client()
    pages = ["/?lang=sv", "/campaigns/kampanja-0?lang=en", f"/stories/{story.id}", f"/events/{event.id}",
             f"/roles/{role.id}", "/feed.atom", "/sitemap.xml", "/robots.txt", "/api/v1/roles?per_page=1",
             "/api/v1/openapi.json", f"/events/{event.id}/calendar.ics"]
    for base_url in (ALIAS, "http://localhost"):
        for path in pages:
            response = client.get(path, base_url=base_url)
            assert response.status_code == 200, (path, response.status_code)
            text = response.get_data(as_text=True)
            links = _links(text)
            wrong = {link for link in links if not link.startswith(PUBLIC + "/") and link != PUBLIC
                     and not link.startswith(("https://schema.org", "http://schema.org"))}
            assert links and not wrong, (base_url, path, wrong)
            assert "alias.example" not in text and "localhost" not in text, (base_url, path)
    home = client.get("/?lang=sv", base_url=ALIAS).get_data(as_text=True)
    assert f'<link rel="canonical" href="{PUBLIC}/?lang=sv">' in home
    page = client.get("/campaigns/kampanja-0?lang=en", base_url=ALIAS).get_data(as_text=True)
    assert f'<meta property="og:url" content="{PUBLIC}/campaigns/kampanja-0?lang=en">' in page
    assert client.get("/api/v1/openapi.json", base_url=ALIAS).get_json()["servers"] == [{"url": PUBLIC}]
    ics = client.get(f"/events/{event.id}/calendar.ics", base_url=ALIAS).get_data(as_text=True)
    assert f"UID:event-{event.id}@ote.example.fi" in ics
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                   client.get(f"/roles/{role.id}", base_url=ALIAS).get_data(as_text=True), re.S)
    assert json.loads(ld.group(1))["url"] == f"{PUBLIC}/roles/{role.id}"


def test_links_built_outside_a_request_use_the_public_url(portal_app):
    with portal_app.app_context():
        assert url_for("accounts.login", _external=True) == PUBLIC + "/login"
        assert url_for("accounts.login") == PUBLIC + "/login"  # outside a request links are absolute


def test_a_public_url_with_a_path_prefixes_every_absolute_link(database_url, db):
    app = make_test_app(database_url, PUBLIC_URL="https://www.example.fi/ote")
    with app.test_request_context("/"):
        assert url_for("jobs.role", role_id=3, _external=True) == "https://www.example.fi/ote/roles/3"
        assert url_for("jobs.role", role_id=3) == "/roles/3"  # relative links follow the request
    with app.app_context():
        assert url_for("jobs.role", role_id=3) == "https://www.example.fi/ote/roles/3"


@pytest.mark.parametrize("hops", [0, 1])
def test_forwarded_hosts_count_only_behind_the_configured_proxies_and_never_make_links(database_url, db, hops):
    app = make_test_app(database_url, PUBLIC_URL=PUBLIC, TRUSTED_HOSTS="localhost,alias.example",
                        PROXY_FIX_HOPS=hops)
    make_role(make_org("employer"))
    _db.session.commit()
    client = app.test_client()
    forged = client.get("/api/v1/roles", headers={"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https"})
    # Without a proxy the header is ignored (the request's own host is localhost); behind one it names the host.
    assert forged.status_code == (200 if hops == 0 else 400)
    if hops == 0:
        assert forged.get_json()["links"]["self"].startswith(PUBLIC + "/")
    alias = client.get("/api/v1/roles", headers={"X-Forwarded-Host": "alias.example"})
    assert alias.status_code == 200 and alias.get_json()["links"]["self"].startswith(PUBLIC + "/")
