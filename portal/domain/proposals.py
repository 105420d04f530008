"""Proposals of a coached candidate to a role: their states, the employer's answers, what refuses one,
and the part of a match explanation an employer may see.

States:
  sent        the coach proposed the candidate; the employer has not answered yet
  interested  the employer wants to know more
  interview   an interview is agreed
  accepted    the employer agrees to take the person on: a placement can be recorded
  declined    the employer said no, with a reason from ``DECLINE_REASONS``
  withdrawn   the coach withdrew it, or the candidate withdrew the consent it rested on
  placed      a placement was recorded from it

A new proposal is refused (``proposal_problems``) when the candidate has no
valid consent for the role's employer, when the role is not open (not
published, or past its open-until date), or when the candidate already has a
proposal to the role that was not withdrawn: a declined proposal also stands,
so that the same person is not put before the same employer again for the
same role; a withdrawn one does not (the consent may be given again).
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for the annotations: the rules here need nothing of matching at run time
    from portal.domain.match_results import Explanation, SkillMatch


STATES = ("sent", "interested", "interview", "accepted", "declined", "withdrawn", "placed")
OPEN_STATES = frozenset({"sent", "interested", "interview", "accepted"})
# The employer's answers and the states each may be given from.
ANSWERS: dict[str, frozenset[str]] = {
    "interested": frozenset({"sent"}),
    "interview": frozenset({"sent", "interested"}),
    "accepted": frozenset({"sent", "interested", "interview"}),
    "declined": frozenset({"sent", "interested", "interview", "accepted"}),
}
DECLINE_REASONS = ("skills", "hours", "adjustments", "position_filled", "timing", "other_candidate", "other")
# A withdrawal records why: the coach's own decision or the candidate's consent.
WITHDRAW_REASONS = ("coach", "consent_withdrawn")


def proposal_problems(has_consent: bool, role_status: str, open_until: date | None, today: date,
                      standing_proposal: bool) -> list[str]:
    """Codes for what refuses a new proposal: no_consent, role_closed, duplicate (empty: it may be made)."""
    problems = []
    if not has_consent:
        problems.append("no_consent")
    if role_status != "published" or (open_until is not None and open_until < today):
        problems.append("role_closed")
    if standing_proposal:
        problems.append("duplicate")
    return problems


def answer_problem(state: str, answer: str, reason: str | None) -> str | None:
    """None when the employer may give this answer now; else unknown_answer, not_open or reason_needed."""
    if answer not in ANSWERS:
        return "unknown_answer"
    if state not in ANSWERS[answer]:
        return "not_open"
    if answer == "declined" and reason not in DECLINE_REASONS:
        return "reason_needed"
    return None


def can_withdraw(state: str) -> bool:
    """Whether the coach may still withdraw a proposal in this state."""
    return state in OPEN_STATES


def code_shown_to_employer(state: str, held: bool) -> bool:
    """Whether the employer still sees the person's code: while the proposal holds what the consent
    let it see, or once the person works there (placed).

    A withdrawn proposal, or one whose consent was withdrawn, has ended: the
    code tied it to the name that a contact consent may have shown, so the
    employer keeps only that a proposal for the role ended.
    """
    return held or state == "placed"


def message_shown(state: str) -> bool:
    """Whether the employer still sees the coach's message: only while the proposal is open.

    A declined, withdrawn or placed proposal has ended; the message was written
    to introduce the person for it and is no longer the employer's to read.
    """
    return state in OPEN_STATES


def can_place(state: str) -> bool:
    """Whether a placement may be recorded from a proposal in this state."""
    return state == "accepted"


def employer_fit(explanation: Explanation, display: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """The part of a match explanation an employer may see, as plain data to store with the proposal.

    Texts are stored as ``display`` (side "role" or "candidate" -> folded ->
    shown) shows them: the words as typed rather than their folded form.

    Kept: whether hours, location, languages and adjustments fit, the
    adjustments the role lacks (the employer sees the needed adjustments
    anyway), which skills are met and by which of the candidate's texts, and
    whether the desired work is the role's occupation or a related one.
    Left out: everything about physical demands (it would reveal the
    person's functional limits), the clause bonus (it would reveal a
    target group) and the total score, which both of those move.
    """
    shown = ("hours", "location", "languages", "adjustments")
    role, person = (display or {}).get("role", {}), (display or {}).get("candidate", {})

    def row(m: SkillMatch) -> list[str | bool | None]:
        said = None if m.candidate_skill is None else person.get(m.candidate_skill, m.candidate_skill)
        return [role.get(m.role_skill, m.role_skill), said, m.matched]

    return {
        "passed": [c for c in explanation.passed if c in shown],
        "failed": [c for c in explanation.failed if c in shown],
        "missing_adjustments": list(explanation.missing_adjustments),
        "essential": [row(m) for m in explanation.essential],
        "negotiable": [row(m) for m in explanation.negotiable],
        "desired": [person.get(explanation.desired.wish, explanation.desired.wish), explanation.desired.relation]
        if explanation.desired else None,
    }
