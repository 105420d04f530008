"""Business actions on candidate records: create, edit the profile, change status, employer contacts."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from portal import clock
from portal.coaching.access import log_change
from portal.coaching.models import (
    Candidate,
    CandidateAdjustment,
    CandidateCoach,
    CandidateLanguage,
    CandidateOccupation,
    CandidateSkill,
    CandidateTargetGroup,
    EmployerContact,
    FunctionalLimit,
    StatusChange,
)
from portal.coaching.paths import follow_up_after_contact, record_manual_move
from portal.domain.caseload import SUPPORT_INTENSITIES, hours_problems, status_change_problems
from portal.domain.coaching import past_date
from portal.domain.location import DEFAULT_TRAVEL, TRAVEL_RANGES
from portal.domain.profile import clean_text, fold, new_code, split_lines
from portal.errors import ServiceError
from portal.extensions import db
from portal.reference.models import ReferenceItem

LANGUAGE_LEVEL_CODES = ("basic", "good", "native")
HOURS_MESSAGES = {
    "incomplete": lambda: _("Give both the smallest and the largest number of hours, or neither."),
    "out_of_range": lambda: _("Hours a week must be between 1 and 40."),
    "reversed": lambda: _("The smallest number of hours is larger than the largest. Swap them."),
}
STATUS_MESSAGES = {
    "unknown_status": lambda: _("Choose a status from the list."),
    "same_status": lambda: _("The candidate already has this status."),
    "in_future": lambda: _("The date cannot be in the future."),
    "before_current": lambda: _("The date cannot be before the start of the current status."),
}


def known_codes(catalogue: str) -> set[str]:
    """The active codes of a reference catalogue."""
    return set(db.session.scalars(select(ReferenceItem.code).where(
        ReferenceItem.catalogue == catalogue, ReferenceItem.active.is_(True))))


def _check_codes(catalogue: str, codes, field: str) -> None:
    unknown = set(codes) - known_codes(catalogue)
    if unknown:
        raise ServiceError(_("Choose only from the list."), field)


def unique_code() -> str:
    """A pseudonymous code not yet in use."""
    while True:
        code = new_code()
        if db.session.scalar(select(Candidate.id).where(Candidate.code == code)) is None:
            return code


def create_candidate(coach, data: dict, today: date) -> Candidate:
    """A new candidate in intake, coached by the coach who creates it, in the coach's organisation."""
    candidate = Candidate(code=unique_code(), organisation_id=coach.organisation_id, status="intake",
                          status_since=today, intake_on=today)
    candidate.coach_links.append(CandidateCoach(user_id=coach.id))
    db.session.add(candidate)
    _apply_profile(candidate, data)
    db.session.flush()
    db.session.add(StatusChange(candidate_id=candidate.id, status="intake", since=today, changed_by_id=coach.id))
    log_change(candidate, "profile", action="candidate_created")
    return candidate


def update_profile(candidate: Candidate, data: dict, actor=None) -> None:
    """Save the profile form; nothing is written when a value is refused; a path move goes into its history."""
    path_before = candidate.support_intensity
    changed = _apply_profile(candidate, data)
    db.session.flush()
    log_change(candidate, "profile", fields=changed)
    record_manual_move(candidate, path_before, actor, clock.today())


def _apply_profile(candidate: Candidate, data: dict) -> list[str]:
    """Check everything first, then write; returns the names of the fields that changed."""
    problems = hours_problems(data.get("hours_min"), data.get("hours_max"))
    if problems:
        raise ServiceError(HOURS_MESSAGES[problems[0]](), "hours_max" if problems[0] == "reversed" else "hours_min")
    if data.get("municipality_code"):
        _check_codes("municipalities", [data["municipality_code"]], "municipality_code")
    for catalogue, field in (("skills", "skills"), ("adjustments", "adjustments"),
                             ("target_groups", "target_groups")):
        _check_codes(catalogue, data.get(field) or [], field)
    limits = {k: v for k, v in (data.get("limits") or {}).items() if v}
    _check_codes("physical_demands", limits.keys(), "limits")
    _check_codes("demand_levels", limits.values(), "limits")
    languages = {k: v for k, v in (data.get("languages") or {}).items() if v}
    _check_codes("languages", languages.keys(), "languages")
    if set(languages.values()) - set(LANGUAGE_LEVEL_CODES):
        raise ServiceError(_("Choose only from the list."), "languages")
    if (data.get("travel_range") or DEFAULT_TRAVEL) not in TRAVEL_RANGES:
        raise ServiceError(_("Choose only from the list."), "travel_range")
    if data.get("support_intensity", "light") not in SUPPORT_INTENSITIES:
        raise ServiceError(_("Choose only from the list."), "support_intensity")
    follow_up = data.get("next_follow_up")
    if follow_up != candidate.next_follow_up and past_date(follow_up, clock.today()):
        # A new next follow-up on a day gone by is a typing slip; one already passed may stay (it shows as overdue).
        raise ServiceError(_("The next follow-up cannot be in the past. Give today or a later date."),
                           "next_follow_up")
    before = _snapshot(candidate)
    for name in ("name", "email", "phone", "peer_coach"):
        setattr(candidate, name, clean_text(data.get(name)) or ("" if name == "peer_coach" else None))
    for name in ("education", "work_history", "skills_text", "desired_work_text", "limits_note"):
        setattr(candidate, name, clean_text(data.get(name)))
    candidate.skills_folded = fold(candidate.skills_text)
    candidate.desired_work_folded = fold(candidate.desired_work_text)
    candidate.municipality_code = data.get("municipality_code") or None
    # An import that does not name a range keeps the coach's choice.
    candidate.travel_range = data.get("travel_range") or candidate.travel_range or DEFAULT_TRAVEL
    candidate.hours_min, candidate.hours_max = data.get("hours_min"), data.get("hours_max")
    candidate.support_intensity = data.get("support_intensity") or "light"
    candidate.next_follow_up = data.get("next_follow_up")
    candidate.skills = [CandidateSkill(code=c) for c in sorted(set(data.get("skills") or []))]
    candidate.adjustments = [CandidateAdjustment(code=c) for c in sorted(set(data.get("adjustments") or []))]
    candidate.target_groups = [CandidateTargetGroup(code=c) for c in sorted(set(data.get("target_groups") or []))]
    candidate.limits = [FunctionalLimit(demand_code=k, max_level=v) for k, v in sorted(limits.items())]
    candidate.languages = [CandidateLanguage(code=k, level=v) for k, v in sorted(languages.items())]
    candidate.occupations = [CandidateOccupation(position=i, name=n, name_folded=fold(n))
                             for i, n in enumerate(split_lines(data.get("occupations_text")))]
    after = _snapshot(candidate)
    return [k for k in after if after[k] != before[k]]


def _snapshot(candidate: Candidate) -> dict:
    plain = ("name", "email", "phone", "peer_coach", "education", "work_history", "skills_text",
             "desired_work_text", "limits_note", "municipality_code", "travel_range", "hours_min", "hours_max",
             "support_intensity", "next_follow_up")
    snap = {k: getattr(candidate, k) for k in plain}
    snap.update(skills=[s.code for s in candidate.skills], adjustments=[a.code for a in candidate.adjustments],
                target_groups=[t.code for t in candidate.target_groups],
                limits=[(x.demand_code, x.max_level) for x in candidate.limits],
                languages=[(x.code, x.level) for x in candidate.languages],
                occupations=[o.name for o in candidate.occupations])
    return snap


def change_status(candidate: Candidate, status: str, since: date, note: str, actor, today: date) -> StatusChange:
    """Move the candidate to a new status from a date; the history keeps every step."""
    problems = status_change_problems(candidate.status, status, since, candidate.status_since, today)
    if problems:
        raise ServiceError(STATUS_MESSAGES[problems[0]](), "since" if problems[0] in ("in_future", "before_current")
                           else "status")
    return set_status(candidate, status, since, clean_text(note), actor)


def set_status(candidate: Candidate, status: str, since: date, note: str, actor) -> StatusChange:
    """Write a status step without the form's checks (reviews and placements use it)."""
    candidate.status, candidate.status_since = status, since
    step = StatusChange(candidate_id=candidate.id, status=status, since=since, note=note,
                        changed_by_id=getattr(actor, "id", None))
    db.session.add(step)
    db.session.flush()
    log_change(candidate, "status", fields=["status"], actor=actor)
    return step


def status_history(candidate: Candidate) -> list[StatusChange]:
    """Every status step, newest first."""
    return list(db.session.scalars(select(StatusChange).where(StatusChange.candidate_id == candidate.id)
                                   .order_by(StatusChange.since.desc(), StatusChange.id.desc())))


def record_employer_contact(candidate: Candidate, contact_on: date, note: str, actor, today: date) -> EmployerContact:
    """Record a contact with an employer on the candidate's behalf (matching calls this on a proposal too)."""
    if contact_on > today:
        raise ServiceError(_("The date cannot be in the future."), "contact_on")
    if contact_on < candidate.intake_on:
        raise ServiceError(_("The date cannot be before the intake."), "contact_on")
    contact = EmployerContact(candidate_id=candidate.id, contact_on=contact_on, note=clean_text(note),
                              recorded_by_id=getattr(actor, "id", None))
    db.session.add(contact)
    # The path's rhythm proposes the next follow-up from the contact (an earlier one already set stays).
    follow_up_after_contact(candidate, contact_on)
    db.session.flush()
    log_change(candidate, "employer_contacts", fields=["contact", "next_follow_up"], actor=actor)
    return contact


def employer_contacts(candidate: Candidate) -> list[EmployerContact]:
    """The candidate's employer contacts, newest first."""
    return list(db.session.scalars(select(EmployerContact).where(EmployerContact.candidate_id == candidate.id)
                                   .order_by(EmployerContact.contact_on.desc(), EmployerContact.id.desc())))
