"""The employer's answers step by step (interested, interview agreed, declined with a reason): each one is
stored, tells the coach in the portal, and only the answers open in the proposal's state are offered."""
from __future__ import annotations

from sqlalchemy import select

from portal.notifications.models import Notification
from portal.proposals.models import Proposal
from tests.conftest import sign_in


def _answers_to_coach(db, coach, pid) -> list[str]:
    notes = db.session.scalars(select(Notification).where(Notification.user_id == coach.id,
                                                          Notification.proposal_id == pid)
                               .order_by(Notification.id)).all()
    return [n.params["answer"] for n in notes if n.kind == "proposal_answered"]


def test_interested_then_interview_then_declined_each_tell_the_coach(client, world, db):
    boss, coach, pid = world.users["employer"], world.users["coach"], world.ids["proposal_sent"]
    url = f"/proposals/received/{pid}?lang=en"
    sign_in(client, boss)
    page = client.get(url).get_data(as_text=True)
    assert 'value="interested"' in page and 'value="interview"' in page and 'value="declined"' in page

    assert client.post(url, data={"answer": "interested"}).status_code == 302
    assert db.session.get(Proposal, pid).state == "interested"
    assert client.post(url, data={"answer": "interview"}).status_code == 302
    assert db.session.get(Proposal, pid).state == "interview"
    page = client.get(url).get_data(as_text=True)
    assert 'value="interested"' not in page and 'value="accepted"' in page  # only what is open now

    page = client.post(url, data={"answer": "interested"}).get_data(as_text=True)  # a step back is refused
    assert "This proposal can no longer be answered." in page
    assert db.session.get(Proposal, pid).state == "interview"
    assert _answers_to_coach(db, coach, pid) == ["interested", "interview"]

    assert client.post(url, data={"answer": "declined", "decline_reason": "hours"}).status_code == 302
    proposal = db.session.get(Proposal, pid)
    assert (proposal.state, proposal.decline_reason) == ("declined", "hours")
    assert _answers_to_coach(db, coach, pid) == ["interested", "interview", "declined"]

    sign_in(client, coach)
    notices = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert ": Employer interested." in notices and ": Interview agreed." in notices and ": Declined." in notices
    detail = client.get(f"/proposals/{pid}?lang=en").get_data(as_text=True)
    assert "<strong>Declined</strong>" in detail and "The working hours do not fit" in detail  # reason in words


def test_the_employer_sees_the_adjustments_needed_and_those_the_role_lacks_but_no_limits(client, world, db):
    from tests.access.employers import make_role
    from tests.access.proposals import make_candidate

    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, name="Tarkka Tekijä", consent_for=home, limits={"lifting": "brief"},
                            adjustments=("quiet_workspace", "written_instructions"),
                            target_groups=("partial_work_ability",))
    role = make_role(home, title="Arkistoija", adjustments=["quiet_workspace"])
    db.session.commit()
    sign_in(client, coach)
    response = client.post(f"/matching/candidates/{person.id}/roles/{role.id}?lang=en",
                           data={"message": "Hei", "allow_missing": "1"})  # the coach allows a missing one
    assert response.status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == person.id)).one()
    sign_in(client, world.users["employer"])
    page = client.get(f"/proposals/received/{proposal.id}?lang=en").get_data(as_text=True)
    assert "Quiet workspace, Written instructions" in page
    assert "Adjustments the role does not offer yet: Written instructions" in page
    assert "Tarkka Tekijä" not in page and "Lifting" not in page and "Partial work ability" not in page
