"""All of a candidate's data as one JSON document (the right of access), with labels in their language."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.coaching.access import AUDIT_TYPE, log_change
from portal.coaching.assessments import assessment_of
from portal.coaching.candidates import employer_contacts, status_history
from portal.coaching.consents import consents_of
from portal.coaching.models import Candidate
from portal.coaching.modules import modules_of
from portal.coaching.paths import decisions_of
from portal.coaching.plans import history, plan_of
from portal.coaching.services import profile_of
from portal.coaching.steps import steps_of
from portal.extensions import db
from portal.reference.services import labels


def _d(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _coded(catalogue: str, codes) -> list[dict]:
    names = labels(catalogue)
    return [{"code": c, "label": names.get(c, c)} for c in codes]


def export_data(candidate: Candidate, actor) -> dict:
    """Everything the portal holds on the candidate; the download itself is logged."""
    p = profile_of(candidate)
    assessment, plan = assessment_of(candidate), plan_of(candidate)
    data = {
        "format": "ote-portal/candidate-data/1",
        "code": p.code, "name": p.name, "email": p.email, "phone": p.phone,
        "provider": candidate.organisation.name,
        "coaches": [c.name for c in candidate.coaches],
        "municipality": _coded("municipalities", [p.municipality] if p.municipality else []),
        "languages": [{"code": c, "level": lvl} for c, lvl in p.languages],
        "education": p.education, "work_history": p.work_history,
        "skills": _coded("skills", p.skills), "skills_text": p.skills_text,
        "desired_occupations": list(p.desired_occupations), "desired_work_text": p.desired_work_text,
        "hours_per_week": {"min": p.hours_min, "max": p.hours_max},
        "functional_limits": [{"physical_demand": d, "highest_level_managed": lvl} for d, lvl in p.functional_limits],
        "functional_limits_note": p.limits_note,
        "adjustments_needed": _coded("adjustments", p.adjustments),
        "target_groups": _coded("target_groups", p.target_groups),
        "support_intensity": p.support_intensity, "peer_coach": p.peer_coach,
        "status": p.status, "intake_on": _d(candidate.intake_on),
        "status_history": [{"status": s.status, "since": _d(s.since), "note": s.note}
                           for s in status_history(candidate)],
        "employer_contacts": [{"on": _d(c.contact_on), "note": c.note} for c in employer_contacts(candidate)],
        "assessment": None if assessment is None else {
            "situations": [{"code": s.code, "note": s.note} for s in assessment.situations],
            "focus_areas": [{"code": f.code, "note": f.note} for f in assessment.focus_notes],
            "services_needed": [s.code for s in assessment.services],
            "multi_sector": assessment.multi_sector, "participants": assessment.participants,
            "completed_on": _d(assessment.completed_on)},
        "plan": None if plan is None else {
            "summary": plan.summary, "agreed_on": _d(plan.agreed_on),
            "goals": [{"title": g.title, "own_words": g.own_words, "measure": g.measure,
                       "target_date": _d(g.target_date), "responsible": g.responsible, "status": g.status,
                       "follow_ups": [{"on": _d(f.follow_up_on), "note": f.note} for f in g.follow_ups]}
                      for g in plan.goals],
            "history": [{"at": _d(h.at), "action": h.action, "changes": h.changes} for h in history(plan)]},
        "modules": [{"title": m.title, "goal": m.goal_code, "start_on": _d(m.start_on), "end_on": _d(m.end_on),
                     "status": m.status, "notes": m.notes,
                     "review": None if m.review is None else {
                         "reviewed_on": _d(m.review.reviewed_on), "results": m.review.results,
                         "decision": m.review.decision, "exit_destination": m.review.exit_destination,
                         "participants": m.review.participants}}
                    for m in modules_of(candidate)],
        "steps_before_work": [{"kind": s.kind, "start_on": _d(s.start_on), "end_on": _d(s.end_on),
                               "outcome": s.outcome, "note": s.note} for s in steps_of(candidate)],
        "path_history": [{"on": _d(d.decided_on), "from": d.from_path, "to": d.to_path, "reason": d.reason,
                          "decision": d.decision} for d in decisions_of(candidate)],
        "consents": [{"employer": c.employer.name, "scope": c.scope, "given_at": _d(c.given_at),
                      "given_scope": c.given_scope, "withdrawn_at": _d(c.withdrawn_at),
                      "changes": [{"at": _d(x.changed_at), "from": x.from_scope, "to": x.to_scope}
                                  for x in c.changes]} for c in consents_of(candidate)],
        "access_log": [{"at": _d(e.at), "who": e.actor.name if e.actor else None, "action": e.action,
                        "part": (e.detail or {}).get("part")} for e in _events(candidate)],
    }
    log_change(candidate, "export", action="candidate_exported", actor=actor)
    return data


def _events(candidate: Candidate) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.object_type == AUDIT_TYPE,
                                                            AuditEvent.object_id == candidate.id)
                                   .order_by(AuditEvent.at, AuditEvent.id)))
