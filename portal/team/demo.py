"""Demo team of Kaisa Asiakas: a social worker, a Kela contact and an expert by experience (idempotent)."""
from __future__ import annotations

from sqlalchemy import select

from portal.accounts.demo import demo_accounts, demo_user
from portal.accounts.models import User
from portal.coaching.models import Candidate
from portal.extensions import db
from portal.team.consents import give_team_consent
from portal.team.models import TeamMember

# email of the demo login, kind of member, what the candidate agreed to share, tasks (peers)
MEMBERS = [
    ("sosiaalityo@ote-demo.example", "professional", {"plan", "follow_ups"}, set()),
    ("kela@ote-demo.example", "professional", {"work_ability"}, set()),
    ("vertainen@ote-demo.example", "expert_by_experience", {"plan"}, {"getting_to_work", "paperwork"}),
]


def seed() -> str:
    """Put the demo professionals and the peer on Kaisa's team, with her consents recorded by her coach."""
    coach, kaisa = demo_user("coach"), demo_user("candidate")
    candidate = db.session.scalar(select(Candidate).where(Candidate.user_id == kaisa.id))
    known = {u["email"] for u in demo_accounts()["users"]}
    if candidate is None or db.session.scalar(select(TeamMember.id).where(TeamMember.candidate_id == candidate.id)):
        return "0 team members created"
    for email, kind, scopes, tasks in MEMBERS:
        user = db.session.scalar(select(User).where(User.email == email)) if email in known else None
        if user is None:
            continue
        give_team_consent(candidate, user.organisation_id, scopes, kaisa)
        db.session.add(TeamMember(candidate_id=candidate.id, user_id=user.id, organisation_id=user.organisation_id,
                                  kind=kind, tasks=",".join(sorted(tasks)), added_by_id=coach.id))
    db.session.flush()
    return f"{len(MEMBERS)} team members created"
