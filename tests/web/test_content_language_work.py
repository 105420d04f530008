"""A Finnish role's words on the signed-in pages of coaches and employers carry lang="fi" on a Swedish page
(WCAG 3.1.2): matches, proposals, placements and notifications; the candidate's own words do too."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.placements.models import Placement
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.web.test_placements import terms

ROLE = "Toimistosiivooja"
MARKED = f'lang="fi">{ROLE}'
NOTICE = {"sv": "den visas på finska", "fi": "näytetään suomeksi"}
WISH = "Haluaisin siivota toimistoja aamuisin, koska pidän rauhallisesta työstä."


def _placed(client, world, db):
    """A Finnish role proposed by the coach, accepted by the employer and recorded as a placement."""
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name="Eeva Esimerkki", consent_for=home)
    person.desired_work_text = WISH
    role = make_role(home, title=ROLE)
    db.session.commit()
    assert role.language == "fi"
    sign_in(client, coach)
    assert client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en",
                       data={"message": "Hei, tässä hyvä ehdokas."}).status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    sign_in(client, world.users["employer"])
    assert client.post(f"/proposals/received/{proposal.id}", data={"answer": "accepted"}).status_code == 302
    sign_in(client, coach)
    assert client.post(f"/placements/new/{proposal.id}", data=terms(
        kind="job", start=clock.today() + timedelta(days=3), end=None)).status_code == 302
    db.session.refresh(proposal)
    return person, role, proposal


def _page(client, path, lang):
    response = client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


def test_the_pair_page_marks_the_role_title_and_skills_and_notices_it_on_a_swedish_page(client, world, db):
    person, role, _proposal = _placed(client, world, db)
    path = f"/matching/candidates/{person.id}/roles/{role.id}"
    page = _page(client, path, "sv")
    assert f'<span {MARKED}</span></h1>' in page and NOTICE["sv"] in page
    assert '<td lang="fi">Siivous</td>' in page
    page = _page(client, path, "fi")
    assert NOTICE["fi"] not in page and 'role="note"' not in page


def test_the_coachs_proposals_and_placements_mark_the_role(client, world, db):
    person, role, proposal = _placed(client, world, db)
    placement_id = db.session.scalars(select(Placement.id).where(Placement.proposal_id == proposal.id)).one()
    for path in ("/proposals/", f"/proposals/{proposal.id}", "/placements/", f"/placements/{placement_id}"):
        page = _page(client, path, "sv")
        assert MARKED in page, path
        assert NOTICE["sv"] not in page, path
        assert NOTICE["fi"] not in _page(client, path, "fi"), path


def test_the_employers_proposal_marks_the_role_its_skills_and_the_candidates_words(client, world, db):
    _person, _role, proposal = _placed(client, world, db)
    sign_in(client, world.users["employer"])
    page = _page(client, f"/proposals/received/{proposal.id}", "sv")
    assert f'<dd {MARKED}</dd>' in page
    assert '<td lang="fi">Siivous</td>' in page
    assert f'<span lang="fi">{WISH}</span>' in page
    assert MARKED in _page(client, "/placements/", "sv")


def test_role_names_inside_notification_sentences_are_marked(client, world, db):
    _placed(client, world, db)
    for who in ("employer", "coach"):
        sign_in(client, world.users[who])
        page = _page(client, "/notifications/", "sv")
        assert f'<span {MARKED}</span>' in page, who
        assert NOTICE["sv"] not in page


def test_the_candidates_own_words_on_the_coachs_record_and_plan_are_marked(client, world, db):
    person, _role, _proposal = _placed(client, world, db)
    page = _page(client, f"/coaching/candidates/{person.id}", "sv")
    assert f'lang="fi">{WISH}</dd>' in page
    sign_in(client, world.users["coach"])
    page = _page(client, f"/coaching/candidates/{world.ids['candidate']}/plan", "sv")
    assert 'lang="fi">Kolme hakemusta</dd>' in page
