"""With the demo data loaded as `flask seed demo` loads it, the demo employer and officer walk every page they
can reach by links, and no candidate's name, contact or sensitive note appears on any of them."""
from __future__ import annotations

import html
import re
from collections import deque

from sqlalchemy import select

from portal.accounts.demo import demo_user
from portal.coaching.models import (
    AssessmentFocus,
    AssessmentSituation,
    Candidate,
    Consent,
    EmployerContact,
    FollowUp,
    Goal,
    ModuleReview,
    StatusChange,
)
from portal.extensions import limiter
from tests.conftest import sign_in
from tests.web.test_coaching_privacy import _file_text

SKIP = re.compile(r"^/(static|media)/|/logout|lang=|sort=")  # sort orders show the same rows
MAX_PAGES = 400


def _sensitive(db, employer_org_id: int) -> dict[str, str]:
    """Every text the demo holds that only the candidates' own coaches may read, keyed for the report."""
    found: dict[str, str] = {}

    def add(kind, values):
        for value in values:
            if value and len(value.strip()) >= 6:
                found[value.strip()] = kind

    introduced = set(db.session.scalars(select(Consent.candidate_id).where(
        Consent.employer_organisation_id == employer_org_id, Consent.scope == "profile_contact",
        Consent.withdrawn_at.is_(None))))
    for c in db.session.scalars(select(Candidate)):
        if c.id not in introduced:  # an introduction consent gives this employer the name and contact
            add("name", [c.name, c.email, c.phone])
        add("candidate text", [c.education, c.work_history, c.limits_note, c.peer_coach])
    for model, column in ((AssessmentSituation, "note"), (AssessmentFocus, "note"), (Goal, "title"),
                          (Goal, "own_words"), (FollowUp, "note"), (ModuleReview, "results"),
                          (StatusChange, "note"), (EmployerContact, "note")):
        add(f"{model.__name__}.{column}", db.session.scalars(select(getattr(model, column))))
    return found


def _crawl(client, start: str) -> dict[str, str]:
    """GET every same-site link reachable from the start page; url -> text of the answer."""
    seen: dict[str, str] = {}
    queue = deque([start])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        text = _file_text(response.get_data())
        seen[url] = text
        if response.mimetype == "text/html":
            for link in re.findall(r'href="(/[^"#]*)"', text):
                link = html.unescape(link)
                if not SKIP.search(link) and link not in seen:
                    queue.append(link)
    return seen


def test_demo_employer_and_officer_pages_never_show_sensitive_demo_data(app, client, db, monkeypatch):
    monkeypatch.setattr(limiter, "enabled", False)
    assert app.test_cli_runner().invoke(args=["seed", "demo"]).exit_code == 0
    sensitive = _sensitive(db, demo_user("employer").organisation_id)
    assert len(sensitive) >= 15  # the demo really holds names, assessment notes, goals ...
    sign_in(client, demo_user("coach"))  # guard: the coach's caseload does show what the walk looks for
    caseload = client.get("/start", follow_redirects=True).get_data(as_text=True)
    assert "name" in {kind for text, kind in sensitive.items() if text in caseload}
    for role, own_page in (("employer", "/proposals/received/"), ("officer", "/procurements/clauses/")):
        sign_in(client, demo_user(role))
        client.get("/start?lang=en")
        pages = _crawl(client, "/start")
        assert any(own_page in url for url in pages), sorted(pages)  # the walk reached the role's own pages
        leaks = [f"{url}: {kind} {text!r}" for url, body in pages.items() for text, kind in sensitive.items()
                 if text in body or html.escape(text) in body]
        assert not leaks, f"{role}:\n" + "\n".join(leaks)
