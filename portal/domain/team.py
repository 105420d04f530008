"""Who may join a candidate's team across organisations, and which parts of the plan each member sees.

A member of another organisation (social work, health care, Kela, a TYP team,
a rehabilitation provider, a workshop) sees only what the candidate consented
to share with that organisation. A peer coach or an expert by experience
takes on named tasks and never sees the health parts, whatever a consent
says. An employer is never a team member: health data never reaches employers.
"""
from __future__ import annotations

from collections.abc import Iterable

# The parts of a candidate's data a team consent can share, smallest first.
# plan: the plan's summary, goals with measures, and steps before work;
# follow_ups: the follow-up notes on the goals (needs plan, since they belong to goals);
# work_ability: functional limits and work arrangements; assessment: the service-need assessment.
TEAM_SCOPES = ("plan", "follow_ups", "work_ability", "assessment")
# The parts that hold health information: peers and employers never see them.
HEALTH_SCOPES = frozenset({"work_ability", "assessment"})

MEMBER_KINDS = ("professional", "peer_coach", "expert_by_experience")
PEER_KINDS = frozenset({"peer_coach", "expert_by_experience"})
# The tasks a peer takes on with the candidate (DOMAIN.md, "Job coaching").
PEER_TASKS = ("getting_to_work", "learning_work", "paperwork", "network_meetings")

# Organisations whose people can be team members; employers, buyers and the operator never.
TEAM_ORGANISATION_KINDS = frozenset({"social_services", "health_care", "kela", "typ", "rehabilitation",
                                     "workshop", "association", "provider"})


def role_for_kind(kind: str) -> str:
    """The user role a member of this kind holds: "peer" for peers, else "professional"."""
    return "peer" if kind in PEER_KINDS else "professional"


def scope_ceiling(kind: str, organisation_kind: str) -> frozenset[str]:
    """The most a member of this kind in an organisation of this kind can ever see."""
    if organisation_kind not in TEAM_ORGANISATION_KINDS or kind not in MEMBER_KINDS:
        return frozenset()
    if kind in PEER_KINDS:
        return frozenset(TEAM_SCOPES) - HEALTH_SCOPES
    return frozenset(TEAM_SCOPES)


def effective_scopes(kind: str, organisation_kind: str, consented: Iterable[str]) -> frozenset[str]:
    """What a member sees: the consented parts within the member's ceiling (follow-ups only with the plan)."""
    scopes = frozenset(consented) & scope_ceiling(kind, organisation_kind)
    if "plan" not in scopes:
        scopes -= {"follow_ups"}
    return scopes


def member_problems(kind: str, user_role: str | None, organisation_kind: str, scopes: Iterable[str],
                    tasks: Iterable[str]) -> list[str]:
    """Codes for what is wrong with adding a team member with these scopes and tasks.

    Codes: employer (never a team member), not_team_organisation, unknown_kind,
    role_mismatch (a peer kind needs a peer's account, a professional a
    professional's), no_scope, unknown_scope, follow_ups_without_plan,
    health_for_peer, no_task (a peer names the tasks taken on), unknown_task.
    """
    scopes, tasks = set(scopes), set(tasks)
    if organisation_kind == "employer":
        return ["employer"]
    problems = [] if organisation_kind in TEAM_ORGANISATION_KINDS else ["not_team_organisation"]
    if kind not in MEMBER_KINDS:
        return problems + ["unknown_kind"]
    if user_role != role_for_kind(kind):
        problems.append("role_mismatch")
    return problems + _scope_problems(scopes) + _task_problems(kind, scopes, tasks)


def _scope_problems(scopes: set[str]) -> list[str]:
    if not scopes:
        return ["no_scope"]
    if scopes - set(TEAM_SCOPES):
        return ["unknown_scope"]
    return ["follow_ups_without_plan"] if "follow_ups" in scopes and "plan" not in scopes else []


def _task_problems(kind: str, scopes: set[str], tasks: set[str]) -> list[str]:
    problems = []
    if kind in PEER_KINDS and scopes & HEALTH_SCOPES:
        problems.append("health_for_peer")
    if kind in PEER_KINDS and not tasks:
        problems.append("no_task")
    if tasks - set(PEER_TASKS):
        problems.append("unknown_task")
    return problems


def may_record(scopes: Iterable[str], what: str) -> bool:
    """Whether a member with these scopes may add a measure ("goal") or a follow-up ("follow_up")."""
    needed = {"goal": "plan", "follow_up": "follow_ups"}[what]
    return needed in set(scopes)


def join_codes(codes: Iterable[str]) -> str:
    """Codes as stored: sorted, comma-separated."""
    return ",".join(sorted(set(codes)))


def split_codes(text: str | None) -> frozenset[str]:
    """Stored codes back as a set."""
    return frozenset(c for c in (text or "").split(",") if c)
