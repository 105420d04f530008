"""What the matches page keeps between requests (the open roles' scoring table, the catalogue labels) never hides a
change: the candidate's profile, a role's skills, a new or closed role and a renamed place show on the next request."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.coaching.models import CandidateSkill
from portal.employers import services as employers
from portal.employers.models import JobRole
from portal.reference.models import ReferenceItem
from tests.access.employers import ROLE_DATA, make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in


def _scores(client, url: str) -> dict[str, str]:
    """Role title -> its score as the page shows it."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    page = response.get_data(as_text=True)
    return dict(re.findall(r'<h2><a href="[^"]*" lang="\w+">([^<]+)</a></h2>.*?Score ([\d.,]+) / 100', page, re.S))


def test_a_changed_candidate_profile_shows_at_once(client, world, db):
    coach = world.users["coach"]
    person = make_candidate(coach, hours=(20, 30))
    db.session.commit()
    sign_in(client, coach)
    url = f"/matching/candidates/{person.id}?lang=en"
    first = _scores(client, url)
    assert "Toimistosiivooja" in first
    assert _scores(client, url) == first  # the kept table answers alike

    db.session.execute(CandidateSkill.__table__.delete().where(CandidateSkill.candidate_id == person.id))
    person.skills_text = "asiakaspalvelu"  # the role's negotiable skill, not its essential one
    db.session.commit()
    changed = _scores(client, url)
    assert changed["Toimistosiivooja"] != first["Toimistosiivooja"]

    person.hours_min, person.hours_max = 35, 40  # out of every role's hours
    db.session.commit()
    assert "Toimistosiivooja" not in _scores(client, url)


def test_a_role_edited_published_or_closed_changes_the_scores_at_once(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, hours=(20, 30))
    role = make_role(home, title="Siivooja Alfa")
    db.session.commit()
    sign_in(client, coach)
    url = f"/matching/candidates/{person.id}?lang=en"
    first = _scores(client, url)

    employers.save_role(home, db.session.get(JobRole, role.id), {**ROLE_DATA, "title": "Siivooja Alfa",
                                                                 "essential_skills": "Trukkikortti"})
    db.session.commit()
    assert _scores(client, url).get("Siivooja Alfa") != first["Siivooja Alfa"]

    make_role(home, title="Siivooja Beeta")
    db.session.commit()
    assert "Siivooja Beeta" in _scores(client, url)
    employers.change_state(home, db.session.scalar(select(JobRole).where(JobRole.title == "Siivooja Beeta")),
                           "close")
    db.session.commit()
    assert "Siivooja Beeta" not in _scores(client, url)


def test_a_renamed_municipality_shows_at_once(client, world, db):
    coach = world.users["coach"]
    person = make_candidate(coach, hours=(20, 30))
    db.session.commit()
    sign_in(client, coach)
    url = f"/matching/candidates/{person.id}?lang=en"
    assert "Tampere" in client.get(url).get_data(as_text=True)
    place = db.session.scalar(select(ReferenceItem).where(ReferenceItem.catalogue == "municipalities",
                                                         ReferenceItem.code == "837"))
    place.label_en = "Tammerfors-Tampere"
    db.session.commit()
    assert "Tammerfors-Tampere" in client.get(url).get_data(as_text=True)
