"""The coach adds team members of other organisations with the candidate's consent; the candidate withdraws it."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate
from portal.extensions import db
from portal.team.models import TeamConsent, TeamMember
from tests.access.coaching import SENSITIVE
from tests.conftest import sign_in
from tests.factories import make_org, make_user


def _en(user):
    """Sign in English, so the page's words can be checked."""
    user.language = "en"
    db.session.commit()
    return user


def _members_url(world):
    return f"/team/candidates/{world.ids['candidate']}/members"


def _membership_id(user):
    return user.memberships[0].id


def _actions(candidate_id):
    return [e.action for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.object_type == "candidate", AuditEvent.object_id == candidate_id).order_by(AuditEvent.id))]


def test_coach_adds_a_kela_contact_with_the_consent_for_kela(client, world):
    kela = make_user("professional", make_org("kela", name="Kela Testi"), name="Kalle Kela")
    db.session.commit()
    sign_in(client, _en(world.users["coach"]))
    page = client.get(_members_url(world)).get_data(as_text=True)
    assert "Kalle Kela – Kela Testi" in page
    assert world.users["employer"].name not in page  # an employer is never offered
    response = client.post(_members_url(world), data={"user_id": _membership_id(kela), "kind": "professional",
                                                      "scopes": ["work_ability"]})
    assert response.status_code == 302
    member = db.session.scalar(select(TeamMember).where(TeamMember.user_id == kela.id))
    consent = db.session.scalar(select(TeamConsent).where(TeamConsent.organisation_id == kela.organisation_id))
    assert member.kind == "professional" and member.candidate_id == world.ids["candidate"]
    assert consent.scopes == "work_ability" and consent.recorded_by_coach and consent.valid
    assert {"team_consent_given", "team_member_added"} <= set(_actions(world.ids["candidate"]))


def test_a_peer_is_refused_the_health_parts_with_the_reason_on_the_form(client, world):
    peer = make_user("peer", make_org("association"), name="Vera Vertainen")
    db.session.commit()
    sign_in(client, _en(world.users["coach"]))
    response = client.post(_members_url(world), data={
        "user_id": _membership_id(peer), "kind": "peer_coach", "scopes": ["plan", "assessment"],
        "tasks": ["getting_to_work"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "error-summary" in page
    assert "never sees the health parts" in page
    assert db.session.scalar(select(TeamMember).where(TeamMember.user_id == peer.id)) is None


def test_a_peer_needs_tasks_and_a_peer_account(client, world):
    peer = make_user("peer", make_org("association"))
    social = make_user("professional", make_org("social_services"))
    db.session.commit()
    sign_in(client, _en(world.users["coach"]))
    no_task = client.post(_members_url(world), data={"user_id": _membership_id(peer), "kind": "peer_coach",
                                                     "scopes": ["plan"]}).get_data(as_text=True)
    assert "Choose the tasks the peer takes on." in no_task
    wrong = client.post(_members_url(world), data={"user_id": _membership_id(social), "kind": "expert_by_experience",
                                                   "scopes": ["plan"], "tasks": ["paperwork"]}).get_data(as_text=True)
    assert "needs a peer&#39;s account" in wrong or "needs a peer's account" in wrong
    ok = client.post(_members_url(world), data={"user_id": _membership_id(peer), "kind": "peer_coach",
                                                "scopes": ["plan"], "tasks": ["paperwork", "network_meetings"]})
    assert ok.status_code == 302
    assert db.session.scalar(select(TeamMember.tasks).where(TeamMember.user_id == peer.id)) == \
        "network_meetings,paperwork"


def test_an_employer_cannot_be_added_even_by_a_forged_choice(client, world):
    sign_in(client, _en(world.users["coach"]))
    employer_membership = _membership_id(world.users["employer"])
    response = client.post(_members_url(world), data={"user_id": employer_membership, "kind": "professional",
                                                      "scopes": ["plan"]})
    assert response.status_code == 200 and "Choose a person from the list." in response.get_data(as_text=True)
    assert db.session.scalar(select(TeamMember).where(TeamMember.user_id == world.users["employer"].id)) is None


def test_candidate_sees_the_team_and_withdraws_and_the_member_is_turned_away_at_once(client, world):
    peer = world.users["peer"]
    sign_in(client, peer)
    shared = f"/team/candidates/{world.ids['candidate']}"
    assert client.get(shared).status_code == 200
    sign_in(client, world.users["candidate"])
    page = client.get("/my/team").get_data(as_text=True)
    assert peer.name in page and world.users["professional"].name in page
    response = client.post(f"/my/team/consents/{world.ids['team_consent_peer']}/withdraw")
    assert response.status_code == 302
    assert not db.session.get(TeamConsent, world.ids["team_consent_peer"]).valid
    sign_in(client, peer)
    assert client.get(shared).status_code == 404
    assert client.post(f"{shared}/measures", data={"measure-title": "x"}).status_code == 404
    listing = client.get("/team/").get_data(as_text=True)
    assert "/team/candidates/" not in listing
    actions = _actions(world.ids["candidate"])
    assert "team_consent_withdrawn" in actions and actions[-1] == "team_access_refused"
    # The professional of another organisation keeps their own consent.
    sign_in(client, world.users["professional"])
    assert client.get(shared).status_code == 200


def test_coach_withdraws_at_the_candidates_request_and_ends_a_membership(client, world):
    sign_in(client, _en(world.users["coach"]))
    cid = world.ids["candidate"]
    client.post(f"/team/candidates/{cid}/consents/{world.ids['team_consent_professional']}/withdraw")
    client.post(f"/team/candidates/{cid}/members/{world.ids['team_member_peer']}/end")
    for who in ("professional", "peer"):
        sign_in(client, world.users[who])
        assert client.get(f"/team/candidates/{cid}").status_code == 404, who
    assert "team_member_ended" in _actions(cid)


def test_a_candidate_cannot_withdraw_another_candidates_team_consent(client, world):
    sign_in(client, world.users["other_candidate"])
    response = client.post(f"/my/team/consents/{world.ids['team_consent_peer']}/withdraw")
    assert response.status_code == 404
    assert db.session.get(TeamConsent, world.ids["team_consent_peer"]).valid
    assert SENSITIVE["goal"] not in client.get("/my/team").get_data(as_text=True)


def test_a_member_whose_consent_was_withdrawn_is_shown_so_and_can_be_consented_again(client, world):
    from portal.accounts.models import Membership
    from portal.team.consents import withdraw_team_consent
    from portal.team.services import member_scopes

    peer, cid = world.users["peer"], world.ids["candidate"]
    candidate = db.session.get(Candidate, cid)
    consent = db.session.get(TeamConsent, world.ids["team_consent_peer"])
    withdraw_team_consent(candidate, consent, world.users["candidate"])
    db.session.commit()
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    page = client.get(f"/team/candidates/{cid}/members").get_data(as_text=True)
    assert "(consent withdrawn – no access)" in page
    membership = db.session.scalar(select(Membership).where(Membership.user_id == peer.id))
    assert f'value="{membership.id}"' in page  # offered again for a new consent
    done = client.post(f"/team/candidates/{cid}/members", data={
        "user_id": membership.id, "kind": "expert_by_experience", "scopes": ["plan"], "tasks": ["paperwork"]},
        follow_redirects=True).get_data(as_text=True)
    assert "The team member has been added and the consent recorded." in done
    assert "(consent withdrawn – no access)" not in done
    db.session.expire_all()
    assert member_scopes(db.session.get(Candidate, cid), peer) == {"plan"}
    assert len(db.session.scalars(select(TeamMember).where(TeamMember.user_id == peer.id)).all()) == 1
