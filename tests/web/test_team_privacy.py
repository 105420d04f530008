"""Team members see only the parts consented to their organisation; a peer never the health parts; employers never."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.coaching.models import Candidate, FollowUp, Goal, Plan
from portal.extensions import db
from portal.team.models import TeamConsent, TeamMeasure, TeamMember
from portal.team.services import active_members, member_scopes
from tests.access.coaching import SENSITIVE, build_candidate
from tests.conftest import sign_in
from tests.factories import make_org, make_user

HEALTH = ("limits_note", "situation", "focus", "participants")
NEVER = ("name", "email", "phone", "education", "work_history", "review", "status_note", "contact_note",
         "own_words", "peer_coach")


def _join(world, user, kind, scopes, tasks="", candidate_id=None):
    candidate_id = candidate_id or world.ids["candidate"]
    db.session.add(TeamConsent(candidate_id=candidate_id, organisation_id=user.organisation_id, scopes=scopes,
                               given_by_id=world.users["candidate"].id))
    member = TeamMember(candidate_id=candidate_id, user_id=user.id, organisation_id=user.organisation_id, kind=kind,
                        tasks=tasks, added_by_id=world.users["coach"].id)
    db.session.add(member)
    db.session.commit()
    return member


def _read_parts(candidate_id, actor_id):
    return {e.detail["part"] for e in db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "candidate_read", AuditEvent.object_id == candidate_id, AuditEvent.actor_id == actor_id))}


def test_a_kela_contact_sees_only_work_ability_and_each_read_is_logged(client, world):
    kela = make_user("professional", make_org("kela"), language="en")
    _join(world, kela, "professional", "work_ability")
    sign_in(client, kela)
    url = f"/team/candidates/{world.ids['candidate']}"
    page = client.get(url).get_data(as_text=True)
    assert SENSITIVE["limits_note"] in page
    for key in ("goal", "follow_up", "step_note", "situation", "focus", "participants") + NEVER:
        assert SENSITIVE[key] not in page, key
    assert "Add your own measure" not in page  # records only what the scope allows
    assert client.post(f"{url}/measures", data={"measure-title": "x", "measure-measure": "y"}).status_code == 404
    assert client.post(f"{url}/follow-ups", data={"follow-note": "x"}).status_code == 404
    assert _read_parts(world.ids["candidate"], kela.id) == {"team_work_ability"}
    assert member_scopes(db.session.get(Candidate, world.ids["candidate"]), kela) == {"work_ability"}


def test_a_peer_never_sees_health_parts_even_under_a_consent_that_names_them(client, world):
    peer = world.users["peer"]
    sign_in(client, peer)
    page = client.get(f"/team/candidates/{world.ids['candidate']}").get_data(as_text=True)
    assert SENSITIVE["goal"] in page and SENSITIVE["follow_up"] in page
    for key in HEALTH + NEVER:
        assert SENSITIVE[key] not in page, key
    candidate = db.session.get(Candidate, world.ids["candidate"])
    assert member_scopes(candidate, peer) == {"plan", "follow_ups"}
    assert "team_work_ability" not in _read_parts(candidate.id, peer.id)


def test_a_professional_with_every_part_sees_them_but_not_the_coach_only_data(client, world):
    sign_in(client, world.users["professional"])
    page = client.get(f"/team/candidates/{world.ids['candidate']}").get_data(as_text=True)
    for key in ("goal", "follow_up", "step_note") + HEALTH:
        assert SENSITIVE[key] in page, key
    for key in NEVER:
        assert SENSITIVE[key] not in page, key


def test_members_add_their_own_measures_and_follow_ups_attributed_to_them(client, world):
    social = world.users["professional"]
    social.language = "en"
    db.session.commit()
    sign_in(client, social)
    url = f"/team/candidates/{world.ids['candidate']}"
    bad = client.post(f"{url}/measures", data={"measure-title": "Asumisen tuki kuntoon"})
    assert bad.status_code == 200 and "error-summary" in bad.get_data(as_text=True)
    ok = client.post(f"{url}/measures", data={"measure-title": "Asumisen tuki kuntoon", "measure-measure": "Sopimus",
                                              "measure-target_date": "2027-06-30"})
    assert ok.status_code == 302
    goal = db.session.scalar(select(Goal).where(Goal.title == "Asumisen tuki kuntoon"))
    assert social.name in goal.responsible
    assert db.session.get(TeamMeasure, goal.id).member.user_id == social.id
    done = client.post(f"{url}/follow-ups", data={"follow-goal_id": goal.id, "follow-follow_up_on": "2026-01-02",
                                                  "follow-note": "Tuki haettu"})
    assert done.status_code == 302
    assert db.session.scalar(select(FollowUp.recorded_by_id).where(FollowUp.note == "Tuki haettu")) == social.id
    # A goal of another candidate cannot be followed up through this one.
    other = build_candidate(world)
    db.session.commit()
    foreign = db.session.scalar(select(Goal.id).join(Plan, Plan.id == Goal.plan_id)
                                .where(Plan.candidate_id == other.id))
    refused = client.post(f"{url}/follow-ups", data={"follow-goal_id": foreign, "follow-follow_up_on": "2026-01-02",
                                                     "follow-note": "Vieras"})
    assert refused.status_code == 200 and "Choose a goal of the plan from the list." in refused.get_data(as_text=True)


def test_a_member_of_another_organisation_and_an_employer_see_nothing(client, world):
    candidate = db.session.get(Candidate, world.ids["candidate"])
    url = f"/team/candidates/{candidate.id}"
    sign_in(client, world.users["other_professional"])
    assert client.get(url).status_code == 404
    assert member_scopes(candidate, world.users["other_professional"]) == frozenset()
    # Even a forged membership of an employer under a consent naming every part gives nothing.
    employer = world.users["employer"]
    _join(world, employer, "professional", "assessment,follow_ups,plan,work_ability")
    assert member_scopes(candidate, employer) == frozenset()
    sign_in(client, employer)
    assert client.get(url).status_code == 403 and client.get("/team/").status_code == 403


def test_an_ended_membership_or_an_erased_candidate_gives_nothing(client, world):
    candidate = db.session.get(Candidate, world.ids["candidate"])
    assert {m.user_id for m in active_members(candidate)} == {world.users["professional"].id, world.users["peer"].id}
    candidate.erased_at = candidate.updated_at
    db.session.commit()
    assert member_scopes(candidate, world.users["professional"]) == frozenset()
    sign_in(client, world.users["professional"])
    assert client.get(f"/team/candidates/{candidate.id}").status_code == 404


def test_the_start_page_lists_consented_candidates_in_a_fixed_number_of_queries(client, world, count_queries):
    social = world.users["professional"]
    sign_in(client, social)
    client.get("/team/")
    statements = count_queries()
    client.get("/team/")
    few = len(statements)
    for _ in range(5):
        c = build_candidate(world)
        db.session.commit()
        _join(world, social, "professional", "plan", candidate_id=c.id)
    statements.clear()
    page = client.get("/team/").get_data(as_text=True)
    assert page.count("/team/candidates/") == 6
    assert len(statements) == few, statements
    assert SENSITIVE["name"] not in page


def test_the_candidate_sees_who_of_the_team_wrote_a_members_measure(client, world):
    social = world.users["professional"]
    sign_in(client, social)
    client.post(f"/team/candidates/{world.ids['candidate']}/measures",
                data={"measure-title": "Asumisen tuki kuntoon", "measure-measure": "Sopimus",
                      "measure-target_date": "2027-06-30"})
    goal = db.session.scalar(select(Goal).where(Goal.title == "Asumisen tuki kuntoon"))
    sign_in(client, world.users["candidate"])
    client.get("/start?lang=en")
    page = client.get(f"/my/plan/goals/{goal.id}").get_data(as_text=True)
    assert f"{social.name}, {social.organisation.name} of your team wrote this measure as:" in page
    assert "Your coach wrote the goal as:" not in page
