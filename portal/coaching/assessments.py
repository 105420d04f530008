"""The service-need assessment: the seed's fifteen situations, four focus areas, services needed."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from portal.coaching.access import log_change
from portal.coaching.candidates import known_codes
from portal.coaching.models import Assessment, AssessmentFocus, AssessmentService, AssessmentSituation, Candidate
from portal.domain.coaching import assessment_problems, is_multi_sector
from portal.domain.profile import clean_text
from portal.errors import ServiceError
from portal.extensions import db
from portal.reference.services import items

MESSAGES = {
    "participants_missing": (lambda: _("Several services are needed at once, so the assessment is "
                                       "multi-sector: name who takes part."), "participants"),
    "focus_missing": (lambda: _("To complete the assessment, write a note on each of the four focus areas."),
                      "focus"),
}


def assessment_of(candidate: Candidate) -> Assessment | None:
    """The candidate's assessment, or None before the first save."""
    return db.session.scalar(select(Assessment).where(Assessment.candidate_id == candidate.id))


def save_assessment(candidate: Candidate, data: dict, actor, today: date) -> Assessment:
    """Save the checklist and notes; `complete` marks it completed (needs a note on each focus area).

    data: situations {code: note or None when unticked}, focus {code: note},
    services [codes], participants, complete (bool).
    """
    situations = {c: clean_text(n) for c, n in (data.get("situations") or {}).items() if n is not None}
    focus = {c: clean_text(n) for c, n in (data.get("focus") or {}).items()}
    services = set(data.get("services") or [])
    if set(situations) - known_codes("need_situations") or set(focus) - known_codes("assessment_focus") \
            or services - known_codes("support_services"):
        raise ServiceError(_("Choose only from the list."))
    areas = tuple(i.code for i in items("assessment_focus"))
    problems = assessment_problems(services, data.get("participants", ""), bool(data.get("complete")),
                                   focus, areas)
    if problems:
        message, field = MESSAGES[problems[0]]
        raise ServiceError(message(), field)
    assessment = assessment_of(candidate) or Assessment(candidate_id=candidate.id)
    db.session.add(assessment)
    assessment.situations = [AssessmentSituation(code=c, note=n) for c, n in sorted(situations.items())]
    assessment.focus_notes = [AssessmentFocus(code=c, note=n) for c, n in sorted(focus.items()) if n]
    assessment.services = [AssessmentService(code=c) for c in sorted(services)]
    assessment.multi_sector = is_multi_sector(services)
    assessment.participants = clean_text(data.get("participants")) if assessment.multi_sector else ""
    assessment.updated_by_id = actor.id
    if data.get("complete"):
        assessment.completed_on = today
    db.session.flush()
    log_change(candidate, "assessment", fields=["completed"] if data.get("complete") else ["checklist"])
    return assessment
