"""Sensitive data stays with the candidate's own coaches: every page of everybody else is checked.

The pages come from the declared routes of tests/access, so pages that other
features add later (employer views of proposals, officer reports ...) are
covered as soon as they are declared. The world's candidate carries
distinctive sensitive strings (tests/access/coaching.py SENSITIVE).
"""
from __future__ import annotations

import pytest
from flask import url_for
from sqlalchemy import select

from portal import clock
from portal.audit.models import AuditEvent
from portal.coaching.services import candidate_view
from portal.domain.privacy import EmployerView, OfficerView
from portal.extensions import limiter
from tests.access import EVERYONE, PUBLIC, all_routes
from tests.access.coaching import SENSITIVE
from tests.access.team import TEAM_SEES
from tests.conftest import sign_in

GET_PAGES = [r for r in all_routes() if r.method == "GET" and r.kind != "file"]
# Everybody but the candidate's own coach and the candidate themselves (team members: see TEAM_SEES).
OUTSIDERS = [who for who in EVERYONE if who not in ("coach", "candidate")]


def _visit(app, client, world, who, routes):
    with client.session_transaction() as sess:
        sess.clear()
    if who != "anonymous":
        sign_in(client, world.user(who))
    seen = []
    for route in routes:
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world), **route.query(world))
        response = client.get(url)
        seen.append((route, url, response.status_code, response.get_data(as_text=True)))
    return seen


@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_page_shows_sensitive_data_to_anybody_but_the_own_coach(app, client, world, who, monkeypatch):
    monkeypatch.setattr(limiter, "enabled", False)
    from tests.access.proposals import PLACED_NAME

    secrets = {**SENSITIVE, "placed_name": PLACED_NAME}  # a placed candidate's name is no less private
    # A team member sees the parts the candidate consented to share with their organisation, and nothing else
    # (tests/access/team.py; a peer never the health parts).
    secrets = {key: text for key, text in secrets.items() if key not in TEAM_SEES.get(who, set())}
    leaks = []
    for _route, url, status, body in _visit(app, client, world, who, GET_PAGES):
        leaks += [f"{url} ({status}): {key}" for key, text in secrets.items() if text in body]
    assert not leaks, f"{who} saw sensitive data:\n" + "\n".join(leaks)


@pytest.mark.parametrize("who", ["employer", "officer"])
def test_employer_and_officer_pages_are_rendered_and_checked(app, client, world, who, monkeypatch):
    # Guards the test above: the pages of these roles really answered, they were not all refusals.
    monkeypatch.setattr(limiter, "enabled", False)
    # A page declared as another user's (not_for) answers 404 to this one by design: not counted as its own.
    own = [r for r in GET_PAGES if r.allowed == PUBLIC or (who in r.allowed and who not in r.not_for)]
    refused = [f"{url}: {status}" for route, url, status, _b in _visit(app, client, world, who, own)
               if status not in route.statuses]
    assert own and not refused, refused


def test_the_projections_carry_no_sensitive_field(world, db):
    cid, employer = world.ids["candidate"], world.orgs["employer"].id
    employer_view = candidate_view(cid, "employer")
    assert isinstance(employer_view, EmployerView) and employer_view.skills == ("cash_register", "customer_service")
    assert not any(text in repr(employer_view) for text in SENSITIVE.values())
    # The world's consent covers the profile only, so an introduction gives the employer view.
    assert isinstance(candidate_view(cid, "introduction", employer), EmployerView)
    assert not hasattr(candidate_view(cid, "introduction", employer), "name")
    assert candidate_view(cid, "officer") == OfficerView(code=employer_view.code)


def test_each_read_of_sensitive_data_is_in_the_audit_log(app, client, world, db):
    coach, cid = world.users["coach"], world.ids["candidate"]
    coach_pages = [r for r in GET_PAGES if r.endpoint.startswith("coaching.") and r.scoped and "coach" in r.allowed]
    _visit(app, client, world, "coach", coach_pages)
    reads = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_read",
                                                        AuditEvent.object_id == cid)).all()
    parts = {e.detail["part"] for e in reads}
    assert {"record", "profile", "status", "employer_contacts", "assessment", "plan", "plan_print", "modules",
            "consents", "team"} <= parts
    assert all(e.actor_id == coach.id and e.organisation_id == world.orgs["provider"].id for e in reads)
    # The provider admin reads the same events in their organisation's log.
    sign_in(client, coach)
    log = client.get("/coaching/audit?lang=en").get_data(as_text=True)
    code = candidate_view(cid, "officer").code
    assert log.count(code) >= len(parts) and "Service-need assessment" in log


def test_the_audit_log_is_for_the_provider_admin_and_their_own_candidates_only(app, client, world, db):
    sign_in(client, world.users["second_coach"])
    assert client.get("/coaching/audit").status_code == 403
    sign_in(client, world.users["coach"])
    client.get(f"/coaching/candidates/{world.ids['candidate']}")
    code = candidate_view(world.ids["candidate"], "officer").code
    sign_in(client, world.users["other_coach"])  # the other provider's admin
    page = client.get("/coaching/audit").get_data(as_text=True)
    assert code not in page and world.users["coach"].name not in page


def _file_text(body: bytes) -> str:
    """The text of a download: every part of an Excel workbook (a zip of XML), or the file itself."""
    import io
    import zipfile

    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return body.decode("utf-8", "replace")


def _downloads(app, client, world, who):
    """(url, status, text) of every declared download, fetched as this user."""
    with client.session_transaction() as sess:
        sess.clear()
    if who != "anonymous":
        sign_in(client, world.user(who))
    for route in all_routes():
        if route.method != "GET" or route.kind != "file" or route.endpoint == "static":
            continue
        with app.test_request_context():
            url = url_for(route.endpoint, **route.params(world), **route.query(world))
        response = client.get(url)
        yield url, response.status_code, _file_text(response.get_data())


@pytest.mark.parametrize("who", OUTSIDERS)
def test_no_download_carries_sensitive_data_to_anybody_but_the_own_coach(app, client, world, who, monkeypatch):
    # Excel exports and calendar files are not pages, so the test above does not open them.
    monkeypatch.setattr(limiter, "enabled", False)
    from tests.access.proposals import PLACED_NAME

    secrets = {**SENSITIVE, "placed_name": PLACED_NAME}
    leaks, answered = [], 0
    for url, status, text in _downloads(app, client, world, who):
        answered += status == 200
        leaks += [f"{url} ({status}): {key}" for key, value in secrets.items() if value in text]
    assert not leaks, f"{who} downloaded sensitive data:\n" + "\n".join(leaks)
    if who in ("admin", "officer"):
        assert answered >= 3  # their exports really answered with files


def test_the_own_coach_download_does_carry_the_names_so_the_check_above_can_see_them(app, client, world,
                                                                                    monkeypatch):
    monkeypatch.setattr(limiter, "enabled", False)
    texts = [text for url, status, text in _downloads(app, client, world, "coach") if "caseload" in url]
    assert texts and SENSITIVE["name"] in texts[0]


def test_each_change_of_sensitive_data_is_in_the_audit_log_without_its_values(app, client, world, db):

    coach, cid = world.users["coach"], world.ids["candidate"]
    sign_in(client, coach)
    today = clock.today().isoformat()
    base = f"/coaching/candidates/{cid}"
    posts = [
        (f"{base}/status", {"status": "work_trial", "since": today, "note": "Muutos-SALAISUUS-1"}),
        (f"{base}/contacts", {"contact_on": today, "note": "Muutos-SALAISUUS-2"}),
        (f"{base}/assessment", {"sit_health": "y", "note_health": "Muutos-SALAISUUS-3",
                                "services": ["employment_services"]}),
        (f"{base}/modules/new", {"title": "Oma moduuli", "start_on": today, "status": "ongoing"}),
        (f"{base}/modules/{world.ids['module']}/review", {"reviewed_on": today, "results": "Muutos-SALAISUUS-4",
                                                          "decision": "next_module"}),
    ]
    for url, data in posts:
        assert client.post(url, data=data).status_code == 302, url
    changes = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_changed",
                                                          AuditEvent.object_id == cid)).all()
    assert {e.detail["part"] for e in changes} >= {"status", "employer_contacts", "assessment", "modules"}
    assert all(e.actor_id == coach.id and e.organisation_id == world.orgs["provider"].id for e in changes)
    assert "SALAISUUS" not in repr([e.detail for e in changes])  # the log names fields, never their values
