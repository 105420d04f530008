"""Access rules of the team pages: the world's candidate has a social worker and an expert by experience on the team.

The social worker (world.users["professional"]) has a consent for every part; the
expert by experience (world.users["peer"]) has one that names every part too, yet
sees no health part (the domain rule). Team members of other organisations
(other_professional, other_peer) are on nobody's team and get 404.
"""
from __future__ import annotations

from sqlalchemy import select

from portal import clock
from portal.coordination.models import Coordinator
from portal.domain.team import TEAM_SCOPES, join_codes
from portal.extensions import db
from portal.team.models import TeamConsent, TeamMember
from tests.access import Route

TEAM = ("professional", "peer")
# The SENSITIVE strings (tests/access/coaching.py) each member may see through the world's consents.
SCOPE_SECRETS = {"plan": {"goal", "step_note"}, "follow_ups": {"follow_up"}, "work_ability": {"limits_note"},
                 "assessment": {"situation", "focus", "participants"}}
TEAM_SEES = {
    # The world's social worker is also the candidate's named coordinator (the coordination routes' setup), and a
    # coordinator sees the referrals, whose reasons are in work terms (guarded for health words).
    "professional": set().union(*SCOPE_SECRETS.values()) | {"referral_reason"},
    "peer": SCOPE_SECRETS["plan"] | SCOPE_SECRETS["follow_ups"],
}


def build(world) -> None:
    """The social worker and the expert by experience on the world candidate's team, with consents."""
    candidate_id, coach = world.ids["candidate"], world.users["coach"]
    for who, kind, tasks in (("professional", "professional", ""), ("peer", "expert_by_experience", "paperwork")):
        user = world.users[who]
        consent = TeamConsent(candidate_id=candidate_id, organisation_id=user.organisation_id,
                              scopes=join_codes(TEAM_SCOPES), given_by_id=world.users["candidate"].id)
        member = TeamMember(candidate_id=candidate_id, user_id=user.id, organisation_id=user.organisation_id,
                            kind=kind, tasks=tasks, added_by_id=coach.id)
        db.session.add_all([consent, member])
        db.session.flush()
        world.ids[f"team_consent_{who}"] = consent.id
        world.ids[f"team_member_{who}"] = member.id


def _c(w):
    return {"candidate_id": w.ids["candidate"]}


def _coach(endpoint, method="GET", params=_c, **kw):
    return Route(endpoint, ("coach",), method=method, params=params, scoped=True,
                 not_for=("second_coach", "second_candidate"), **kw)


def _member(endpoint, method="GET", **kw):
    return Route(endpoint, TEAM, method=method, params=_c, scoped=True, **kw)


def _coordinated(w):
    # The social worker is named the world candidate's coordinator when the route is checked (the world is
    # built for each test, so this changes no other route's world); a coordinator from another organisation.
    cid, social = w.ids["candidate"], w.users["professional"]
    current = db.session.scalar(select(Coordinator).where(Coordinator.candidate_id == cid,
                                                          Coordinator.end_on.is_(None)))
    if current is None or current.user_id != social.id:
        if current is not None:
            current.end_on = clock.today()
        db.session.add(Coordinator(candidate_id=cid, user_id=social.id, phase="job_search", start_on=clock.today(),
                                   recorded_by_id=w.users["coach"].id))
        db.session.commit()
    return {"candidate_id": cid}


def _coordinator(endpoint, method="GET"):
    return Route(endpoint, ("professional",), method=method, scoped=True, params=_coordinated)


ROUTES = [
    _coach("team.members"),
    _coach("team.members", "POST"),
    _coach("team.member_end", "POST", ok=(302,),
           params=lambda w: {"candidate_id": w.ids["candidate"], "member_id": w.ids["team_member_peer"]}),
    _coach("team.consent_withdraw", "POST", ok=(302,),
           params=lambda w: {"candidate_id": w.ids["candidate"], "consent_id": w.ids["team_consent_peer"]}),
    Route("team.my_team", ("candidate",), scoped=True, not_for=("second_candidate",)),
    Route("team.my_consent_withdraw", ("candidate",), method="POST", scoped=True, not_for=("second_candidate",),
          ok=(302,), params=lambda w: {"consent_id": w.ids["team_consent_peer"]}),
    Route("team.index", TEAM),
    _member("team.shared_view"),
    _member("team.measure_new", "POST"),
    _member("team.follow_up_new", "POST"),
    # The coordinator from another organisation (a professional; a peer never coordinates).
    _coordinator("coordination.member_overview"),
    _coordinator("coordination.member_handover"),
    _coordinator("coordination.member_handover", "POST"),
]
