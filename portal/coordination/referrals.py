"""Referrals to another party (assessment, rehabilitation, social services), their answers and results in the plan."""
from __future__ import annotations

from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.coaching import steps as plan_steps
from portal.coaching.access import log_change
from portal.coaching.models import Candidate
from portal.coordination.labels import REFERRAL_KIND_LABELS
from portal.coordination.models import Referral
from portal.coordination.services import current_of, history_of
from portal.coordination.team_port import is_coach_of, scopes_of
from portal.domain.coaching_steps import STEP_KINDS
from portal.domain.coordination import (
    answer_guarded,
    answer_problems,
    answered_on_behalf,
    may_move,
    referral_problems,
)
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db
from portal.inputs import optional_id
from portal.proposals.guard import check_message, refuse_health

# Organisations that can receive a referral: not employers, whom health-related data never reaches.
RECEIVING_KINDS = ("provider", "buyer")

MESSAGES = {
    "unknown_kind": (lambda: _("Choose the kind of referral from the list."), "kind"),
    "no_reason": (lambda: _("Write the reason for the referral in work terms."), "reason"),
    "no_receiver": (lambda: _("Choose the receiving organisation, or name the outside party."), "organisation_id"),
    "two_receivers": (lambda: _("Give one receiving party: an organisation of the portal or an outside party, not "
                                "both."), "receiving_name"),
    "no_date": (lambda: _("Give the date the referral was made."), "sent_on"),
    "in_future": (lambda: _("The date cannot be in the future."), "sent_on"),
}
ANSWER_MESSAGES = {
    "unknown_answer": (lambda: _("Choose the answer from the list."), "answer"),
    "not_allowed": (lambda: _("This answer no longer fits the referral's state."), "answer"),
    "no_date": (lambda: _("Give the date of the answer."), "answered_on"),
    "before_sent": (lambda: _("The answer cannot be dated before the referral was made."), "answered_on"),
    "in_future": (lambda: _("The date cannot be in the future."), "answered_on"),
    "no_text": (lambda: _("Write why the referral was declined, or what its result was."), "answer_text"),
}


def receiving_organisations() -> list[Organisation]:
    """The organisations of the portal a referral can go to, by name."""
    return list(db.session.scalars(select(Organisation).where(
        Organisation.active.is_(True), Organisation.kind.in_(RECEIVING_KINDS)).order_by(Organisation.name)))


def referrals_of(candidate: Candidate) -> list[Referral]:
    """The candidate's referrals, the newest first (receiving party and step loaded with them)."""
    return list(db.session.scalars(select(Referral).where(Referral.candidate_id == candidate.id)
                                   .order_by(Referral.sent_on.desc(), Referral.id.desc())).unique())


def referral_of(candidate: Candidate, referral_id: int) -> Referral | None:
    """One of the candidate's own referrals (None for another candidate's)."""
    return db.session.scalar(select(Referral).where(Referral.id == referral_id,
                                                    Referral.candidate_id == candidate.id))


def make_referral(candidate: Candidate, data: dict, actor, today: date) -> Referral:
    """Record a referral; the reason is in work terms, and a word of health in it is refused."""
    org_id, outside = optional_id(data.get("organisation_id")), clean_text(data.get("receiving_name"))
    reason = clean_text(data.get("reason"))
    problems = referral_problems(data.get("kind", ""), reason, org_id, outside, data.get("sent_on"), today)
    if problems:
        message, field = MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    if org_id is not None and org_id not in {o.id for o in receiving_organisations()}:
        raise ServiceError(_("Choose the receiving organisation from the list."), "organisation_id")
    health = check_message(reason, candidate, None).health
    if health:
        raise ServiceError(_("Describe the reason in work terms, never a diagnosis or a condition: %(words)s.",
                             words=", ".join(health)), "reason")
    referral = Referral(candidate_id=candidate.id, kind=data["kind"], reason=reason, receiving_organisation_id=org_id,
                        receiving_name=outside, sent_on=data["sent_on"], state="sent", created_by_id=actor.id)
    db.session.add(referral)
    db.session.flush()
    log_change(candidate, "referrals", fields=["referral_made"], actor=actor)
    return referral


def record_answer(candidate: Candidate, referral: Referral, data: dict, actor, today: date) -> Referral:
    """Record the receiving party's answer; an accepted or completed one may start a step of the plan."""
    answer, text = data.get("answer", ""), clean_text(data.get("answer_text"))
    problems = answer_problems(referral.state, answer, data.get("answered_on"), referral.sent_on, text, today)
    step_kind = data.get("step_kind") or ""
    if not problems and step_kind and (step_kind not in STEP_KINDS or answer == "declined"):
        raise ServiceError(_("A declined referral starts no step; otherwise choose the step from the list."),
                           "step_kind")
    if problems:
        message, field = ANSWER_MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    referral.state, referral.answered_on, referral.answer_text = answer, data["answered_on"], text
    referral.answered_by_id = actor.id
    referral.answer_on_behalf = answered_on_behalf(actor.organisation_id, referral.receiving_organisation_id)
    _guard_answer(candidate, text)
    if step_kind and referral.plan_step_id is None:
        # The step names the referral and the date, never the answer: the plan's readers include peers and
        # members without a health scope, and the answer may come from health care.
        note = _("From the referral: %(kind)s, answer of %(date)s.", kind=REFERRAL_KIND_LABELS[referral.kind],
                 date=format_date(data["answered_on"]))
        step = plan_steps.save_step(candidate, None, {"kind": step_kind, "start_on": data["answered_on"],
                                                      "note": note}, actor, today)
        referral.plan_step_id = step.id
    db.session.flush()
    log_change(candidate, "referrals", fields=[f"referral_{answer}"], actor=actor)
    return referral


def _guard_answer(candidate: Candidate, text: str) -> None:
    # A coordinator from another organisation without a health scope reads the answer: no health words in it.
    current = current_of(candidate)
    if current is None or current.user is None:
        return
    user = current.user
    if answer_guarded(is_coach_of(candidate, user), scopes_of(candidate, user)):
        refuse_health(text, "answer_text")


def cancel(candidate: Candidate, referral: Referral, actor) -> Referral:
    """Cancel an open referral (kept in the history as cancelled)."""
    if not may_move(referral.state, "cancelled"):
        raise ServiceError(_("Only a referral still waiting or accepted can be cancelled."))
    referral.state = "cancelled"
    db.session.flush()
    log_change(candidate, "referrals", fields=["referral_cancelled"], actor=actor)
    return referral


def export_part(candidate: Candidate) -> dict:
    """The coordinators and referrals of the candidate's own data download (codes and dates, the words typed)."""
    return {
        "coordinators": [{"name": a.user.name if a.user else None, "phase": a.phase, "start_on": _iso(a.start_on),
                          "end_on": _iso(a.end_on), "note": a.note} for a in history_of(candidate)],
        "referrals": [{"kind": r.kind, "reason": r.reason, "sent_on": _iso(r.sent_on), "state": r.state,
                       "receiving_party": r.receiving_organisation.name if r.receiving_organisation
                       else r.receiving_name, "answered_on": _iso(r.answered_on), "answer": r.answer_text,
                       "answer_recorded_for_the_receiving_party": r.answer_on_behalf}
                      for r in referrals_of(candidate)],
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
