"""Employers: profile, posting roles (draft, publish, fill, close), and every bad input of the issue."""
from __future__ import annotations

import html
import json
import re

import pytest
from sqlalchemy import func, select

from portal import clock, signals
from portal.audit.models import AuditEvent
from portal.employers.models import EmployerProfile, JobRole, JobRoleSkill
from portal.extensions import db as _db
from tests.access.employers import make_role
from tests.factories import make_org, make_user

FULL = {
    "title": "Toimistosiivooja", "kind": "job", "tasks": "Siivoat toimistoa aamuisin.",
    "description": "Rauhallinen työyhteisö.", "occupation_code": "9112", "municipality_code": "837",
    "address_area": "Hervanta", "remote": "none", "hours_min": "15", "hours_max": "30", "schedule": "agreed",
    "positions": "2", "essential_skills": "Siivous\nsiivous\n", "negotiable_skills": "Asiakaspalvelu",
    "adjustments": ["quiet_workspace", "part_time"], "languages": ["fi"], "demand_lifting": "brief",
    "demand_standing": "moderate", "demand_noise": "none", "action": "publish",
}


def roles_count() -> int:
    return _db.session.scalar(select(func.count()).select_from(JobRole))


@pytest.fixture
def employer(client, login_as):
    user = login_as("employer")
    client.get("/?lang=en")
    return user


@pytest.fixture
def published(db):
    received = []

    def receiver(sender, role):
        received.append(role.id)

    signals.role_published.connect(receiver)
    yield received
    signals.role_published.disconnect(receiver)


def test_the_employers_start_page_is_their_organisation(client, employer):
    assert client.get("/start").headers["Location"] == "/employer/"
    page = client.get("/employer/").get_data(as_text=True)
    assert employer.organisation.name in page and "Post a role" in page


def test_the_profile_shows_the_users_roles_and_pledges_with_whether_they_were_kept(client, employer, db, app):
    from datetime import date

    from portal.campaigns.models import Campaign, Pledge
    from portal.db_types import utcnow

    colleague = make_user("employer", org=employer.organisation, name="Kaisa Kollega")
    outsider = make_user("employer", name="Ulla Ulkopuolinen")
    make_role(employer.organisation, title="Julkaistu rooli")
    page = client.get("/employer/").get_data(as_text=True)
    assert "No pledges yet." in page
    campaign = Campaign(slug="kevat", status="published", organisation_id=make_org("operator").id,
                        title_fi="Kevät", title_en="Spring", summary_fi="S", body_fi="B", body_html_fi="<p>B</p>",
                        starts_on=date(2020, 1, 1), published_at=utcnow())
    db.session.add(campaign)
    db.session.flush()
    db.session.add_all([
        Pledge(campaign_id=campaign.id, organisation_id=employer.organisation_id, kind="post_role", text="",
               kept_at=utcnow(), kept_by="role:1"),
        Pledge(campaign_id=campaign.id, organisation_id=employer.organisation_id, kind="work_trial", text=""),
        Pledge(campaign_id=campaign.id, organisation_id=outsider.organisation_id, kind="hire", text=""),
    ])
    db.session.commit()
    page = client.get("/employer/").get_data(as_text=True)
    assert colleague.email in page and employer.email in page and outsider.email not in page
    assert re.search(r'<a href="/employer/roles\?status=published">Published</a></th><td class="num">1</td>', page)
    pledges = page.split('id="pledges-h"')[1].split("</section>")[0]
    assert "1 of 2 pledges kept." in pledges and pledges.count('href="/campaigns/kevat"') == 2
    assert "We will post an adjustable role" in pledges and "Kept on" in pledges
    assert "We will offer a work trial" in pledges and "Not kept yet" in pledges
    assert "We will hire" not in pledges and 'href="/pledges"' in pledges


def test_profile_is_saved_normalised_and_audited(client, login_as, db):
    # Not verified yet, so the organisation may still correct its name and business ID
    # (a verified one may not: tests/web/test_identity_verification.py).
    login_as("employer", org=make_org("employer", verified=False))
    client.get("/?lang=en")
    page = client.post("/employer/profile", data={"name": "Uusi Nimi Oy", "business_id": "2077474-1"})
    assert "Give a valid Finnish business ID" in page.get_data(as_text=True)
    assert 'value="Uusi Nimi Oy"' in page.get_data(as_text=True)
    response = client.post("/employer/profile", data={
        "name": "  Uusi   Nimi Oy ", "business_id": "20774740", "industry_code": "N", "locations": ["837", "091"],
        "contact_name": "Tiina", "contact_email": "Tiina@Example.FI", "website": "https://example.fi",
        "description": "Kuvaus", "inclusion_statement": "Muokkaamme tehtäviä <b>aina</b>."})
    assert response.status_code == 302
    profile = db.session.scalars(select(EmployerProfile)).one()
    assert profile.organisation.name == "Uusi Nimi Oy" and profile.organisation.business_id == "2077474-0"
    assert profile.location_codes == ["091", "837"] and profile.contact_email == "tiina@example.fi"
    page = client.get("/employer/").get_data(as_text=True)
    assert "Muokkaamme tehtäviä &lt;b&gt;aina&lt;/b&gt;." in page and "Helsinki" in page
    assert db.session.scalar(select(AuditEvent.action).where(AuditEvent.action == "employer_profile_saved"))


def test_a_business_id_of_another_organisation_is_refused(client, employer, db):
    make_org("employer", business_id="2077474-0")
    page = client.post("/employer/profile", data={"name": "X", "business_id": "2077474-0"})
    assert "Another organisation already has this business ID." in page.get_data(as_text=True)


def test_the_role_form_guides_in_plain_language(client, employer):
    page = html.unescape(client.get("/employer/roles/new").get_data(as_text=True))
    assert "Describe the tasks, not the kind of person" in page
    assert "Only what is truly needed from the first day." in page
    assert "Skills that help but can be learned at work, one per line" in page
    assert "Nobody has to explain why they need an adjustment." in page
    assert 'aria-describedby="tasks-hint"' in page and 'id="tasks-hint"' in page


def test_a_draft_needs_only_a_title_and_is_seen_only_by_its_employer(client, employer, db, app):
    response = client.post("/employer/roles/new", data={"title": "Keittiöapulainen", "kind": "job",
                                                         "action": "save"})
    assert response.status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert role.status == "draft" and role.published_at is None
    assert "Only your organisation sees this draft." in client.get(f"/employer/roles/{role.id}").get_data(as_text=True)
    visitor = app.test_client()
    assert visitor.get(f"/roles/{role.id}").status_code == 404
    assert visitor.get("/api/v1/roles").get_json()["total"] == 0
    assert "Keittiöapulainen" not in visitor.get("/roles?q=keittiöapulainen").get_data(as_text=True)


def test_publishing_an_incomplete_draft_is_refused_with_what_is_missing(client, employer, db):
    page = client.post("/employer/roles/new", data={"title": "Keittiöapulainen", "kind": "job", "action": "publish"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and text.count("This is needed before the role can be published.") >= 4
    assert roles_count() == 0
    client.post("/employer/roles/new", data={"title": "Keittiöapulainen", "kind": "job", "action": "save"})
    role = db.session.scalars(select(JobRole)).one()
    response = client.post(f"/employer/roles/{role.id}/publish")
    assert response.headers["Location"].endswith(f"/employer/roles/{role.id}/edit")
    db.session.refresh(role)
    assert role.status == "draft"


def test_a_full_role_is_published_normalised_indexed_and_announced(client, employer, db, app, published):
    response = client.post("/employer/roles/new", data=FULL)
    assert response.status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert role.status == "published" and role.published_at is not None
    assert published == [role.id]
    assert [(s.name, s.essential, s.skill_code) for s in role.skills] == [
        ("Siivous", True, "cleaning"), ("Asiakaspalvelu", False, "customer_service")]
    assert role.demand_levels == {"lifting": "brief", "standing": "moderate"}  # "none" is not stored
    assert role.adjustment_codes == ["part_time", "quiet_workspace"] and role.language_codes == ["fi"]
    assert (role.hours_min, role.hours_max, role.positions) == (15, 30, 2)
    assert (role.occupation_code, role.municipality_code, role.address_area, role.remote, role.schedule) == (
        "9112", "837", "Hervanta", "none", "agreed")
    assert role.wage_subsidy_interest is False and role.open_until is None and role.trial_weeks is None
    visitor = app.test_client()
    assert "Toimistosiivooja" in visitor.get("/roles?q=toimistosiivoojaksi&lang=en").get_data(as_text=True)
    actions = set(db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_type == "job_role")))
    assert {"role_created", "role_publish"} <= actions


def test_a_work_trial_keeps_its_length_subsidy_interest_and_open_until_date(client, employer, db, app):
    from datetime import timedelta

    until = clock.today() + timedelta(days=30)
    data = {**FULL, "kind": "work_trial", "trial_weeks": "12", "hours_min": "20", "hours_max": "30",
            "wage_subsidy_interest": "y", "open_until": until.isoformat(), "remote": "partly", "schedule": "flexible"}
    assert client.post("/employer/roles/new", data=data).status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert (role.kind, role.trial_weeks, role.wage_subsidy_interest, role.open_until) == (
        "work_trial", 12, True, until)
    assert (role.remote, role.schedule) == ("partly", "flexible")
    assert "12 weeks" in app.test_client().get(f"/roles/{role.id}?lang=en").get_data(as_text=True)


def test_fill_close_and_unpublish_need_confirmation_and_change_the_listing(client, employer, db, app):
    role = make_role(employer.organisation)
    db.session.commit()
    visitor = app.test_client()
    assert visitor.get(f"/roles/{role.id}").status_code == 200
    confirm = client.get(f"/employer/roles/{role.id}/fill").get_data(as_text=True)
    assert "Mark this role as filled?" in confirm
    db.session.refresh(role)
    assert role.status == "published"  # the GET changed nothing
    assert client.post(f"/employer/roles/{role.id}/fill").status_code == 302
    db.session.refresh(role)
    assert role.status == "filled" and visitor.get(f"/roles/{role.id}").status_code == 404
    assert client.post(f"/employer/roles/{role.id}/publish").status_code == 302
    db.session.refresh(role)
    assert role.status == "published"
    client.post(f"/employer/roles/{role.id}/close")
    db.session.refresh(role)
    assert role.status == "closed"
    page = client.post(f"/employer/roles/{role.id}/fill", follow_redirects=True).get_data(as_text=True)
    assert "This change is not possible in the role&#39;s current state." in page
    client.post(f"/employer/roles/{role.id}/unpublish")
    db.session.refresh(role)
    assert role.status == "draft"
    assert client.get(f"/employer/roles/{role.id}/explode").status_code == 404


def test_editing_keeps_what_was_typed_when_refused(client, employer, db):
    role = make_role(employer.organisation)
    db.session.commit()
    data = {**FULL, "title": "Uusi otsikko", "hours_min": "40", "hours_max": "20"}
    page = client.post(f"/employer/roles/{role.id}/edit", data=data).get_data(as_text=True)
    assert "The lower end of the hours range is above the upper end." in page
    assert 'value="Uusi otsikko"' in page and 'value="40"' in page
    db.session.refresh(role)
    assert role.title == "Toimistosiivooja" and role.hours_min == 15


# ---- Bad input of the issue: each refused with a clear message, nothing written ----

@pytest.mark.parametrize("changes,field_message", [
    ({"hours_min": "30", "hours_max": "20"}, "The lower end of the hours range is above the upper end."),
    ({"hours_min": "20", "hours_max": "61"}, "Give the weekly hours as whole numbers from 1 to 60."),
    ({"kind": "work_trial", "trial_weeks": "27", "hours_min": "20", "hours_max": "30"},
     "A work trial with the same organiser can last at most 6 months (26 weeks)."),
    ({"kind": "work_trial", "trial_weeks": "8", "hours_min": "20", "hours_max": "45"},
     "A work trial can have at most 8 hours a day on 5 days a week, that is 40 hours a week."),
    ({"essential_skills": "\n".join(f"Taito {n}" for n in range(500)), "negotiable_skills": ""},
     "You listed 500 skills; at most 30 are accepted."),
    ({"clause_id": "999"}, "Choose one of your own organisation's employment clauses."),
])
def test_bad_input_is_refused_and_nothing_is_written(client, employer, db, changes, field_message):
    for action in ("publish", "save"):
        page = client.post("/employer/roles/new", data={**FULL, **changes, "action": action})
        text = page.get_data(as_text=True)
        assert page.status_code == 200 and field_message in html.unescape(text), action
        assert 'class="error-summary"' in text
        assert roles_count() == 0
        assert db.session.scalar(select(func.count()).select_from(JobRoleSkill)) == 0


def test_html_and_script_in_every_text_field_are_shown_as_text(client, employer, db, app):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    data = {**FULL, "title": "Rooli " + evil, "tasks": evil, "description": evil, "address_area": evil,
            "essential_skills": evil, "negotiable_skills": "Taito " + evil}
    assert client.post("/employer/roles/new", data=data).status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert role.title.startswith("Rooli <script>")  # stored as typed; escaped when shown
    visitor = app.test_client()
    for url, who in ((f"/employer/roles/{role.id}", client), (f"/roles/{role.id}", visitor),
                     ("/roles?q=rooli", visitor), ("/employer/roles", client),
                     (f"/employer/roles/{role.id}/edit", client)):
        page = who.get(url).get_data(as_text=True)
        assert "<script>alert" not in page and "<img src=x" not in page, url
        assert "&lt;script&gt;alert" in page, url
    page = visitor.get(f"/roles/{role.id}").get_data(as_text=True)
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block  # JSON-escaped, so the data block cannot end early
    assert json.loads(block)["title"] == role.title
    assert visitor.get("/api/v1/roles").get_json()["items"][0]["tasks"] == evil


def test_another_employers_role_cannot_be_seen_edited_or_changed(client, employer, db):
    other = make_role(make_org("employer"), publish=False, title="Toisen luonnos")
    db.session.commit()
    assert client.get(f"/employer/roles/{other.id}").status_code == 404
    assert client.post(f"/employer/roles/{other.id}/edit", data=FULL).status_code == 404
    assert client.post(f"/employer/roles/{other.id}/publish").status_code == 404
    db.session.refresh(other)
    assert other.status == "draft" and other.title == "Toisen luonnos"
    assert "Toisen luonnos" not in client.get("/employer/roles").get_data(as_text=True)


def test_role_list_filters_sorts_and_keeps_its_query_count(client, employer, db, count_queries):
    org = employer.organisation
    for n in range(3):
        make_role(org, title=f"Rooli {n}")
    make_role(org, publish=False, title="Luonnos")
    db.session.commit()
    page = client.get("/employer/roles?status=draft").get_data(as_text=True)
    assert "Luonnos" in page and "Rooli 1" not in page
    page = client.get("/employer/roles?sort=title").get_data(as_text=True)
    assert page.index("Rooli 0") < page.index("Rooli 2")
    statements = count_queries()
    client.get("/employer/roles")
    few = len(statements)
    for n in range(20):
        make_role(org, title=f"Lisä {n}")
    db.session.commit()
    statements.clear()
    client.get("/employer/roles")
    assert len(statements) == few


def test_a_role_links_only_to_its_own_employers_clause(client, employer, db):
    from tests.access.procurements import make_clause, make_procurement

    buyer = make_org("buyer")
    own = make_clause(make_procurement(buyer, employer.organisation, reference="OMA-1"))
    foreign = make_clause(make_procurement(buyer, make_org("employer"), reference="TOINEN-1"))
    db.session.commit()
    form = client.get("/employer/roles/new").get_data(as_text=True)
    # Only the clause choice: a clause id can equal a municipality code among the page's other options.
    clauses = form[form.index('name="clause_id"'):].partition("</select>")[0]
    assert f'value="{own.id}"' in clauses and f'value="{foreign.id}"' not in clauses
    assert "OMA-1" in clauses and "TOINEN-1" not in clauses
    page = client.post("/employer/roles/new", data={**FULL, "clause_id": str(foreign.id)})
    assert "Choose one of your own organisation&#39;s employment clauses." in page.get_data(as_text=True)
    assert roles_count() == 0
    assert client.post("/employer/roles/new", data={**FULL, "clause_id": str(own.id)}).status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert role.clause_id == own.id
    assert "OMA-1" in client.get(f"/employer/roles/{role.id}").get_data(as_text=True)
    # Unlinking is allowed; another employer's clause cannot be put on an existing role either.
    client.post(f"/employer/roles/{role.id}/edit", data={**FULL, "clause_id": ""})
    db.session.refresh(role)
    assert role.clause_id is None
    client.post(f"/employer/roles/{role.id}/edit", data={**FULL, "clause_id": str(foreign.id)})
    db.session.refresh(role)
    assert role.clause_id is None


def test_a_role_past_its_open_until_date_is_hidden_and_the_employer_is_told(client, employer, db, app):
    from datetime import timedelta

    role = make_role(employer.organisation)
    role.open_until = clock.today() - timedelta(days=1)
    db.session.commit()
    assert app.test_client().get(f"/roles/{role.id}").status_code == 404
    page = client.get(f"/employer/roles/{role.id}").get_data(as_text=True)
    assert "The open-until date has passed, so the role is no longer shown in the public listing." in page
