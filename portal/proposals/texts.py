"""Words for the proposal codes and the notifications, in the reader's language."""
from __future__ import annotations

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.i18n import date_filter

# The kinds of work an accepted proposal becomes: a placement's kind. Their words are here, in the lower
# package, since placements build on proposals (placements import proposals, never the other way round).
KIND_LABELS = {
    "work_trial": _l("Work trial"),
    "job": _l("Job"),
    "apprenticeship": _l("Apprenticeship"),
}
STATE_LABELS = {
    "sent": _l("Sent, waiting for an answer"),
    "interested": _l("Employer interested"),
    "interview": _l("Interview agreed"),
    "accepted": _l("Accepted by the employer"),
    "declined": _l("Declined"),
    "withdrawn": _l("Withdrawn"),
    "placed": _l("Placement recorded"),
}
ANSWER_LABELS = {
    "interested": _l("We are interested: tell us more"),
    "interview": _l("We have agreed on an interview"),
    "accepted": _l("We accept: let us agree on a start"),
    "declined": _l("We decline"),
}
DECLINE_LABELS = {
    "skills": _l("The skills do not fit the work"),
    "hours": _l("The working hours do not fit"),
    "adjustments": _l("We cannot arrange the adjustments needed"),
    "position_filled": _l("The position has been filled"),
    "timing": _l("The timing does not suit us"),
    "other_candidate": _l("We chose another candidate"),
    "other": _l("Another reason (see the note)"),
}
WITHDRAW_LABELS = {
    "coach": _l("Withdrawn by the job coach"),
    "consent_withdrawn": _l("The candidate withdrew their consent"),
}
PROBLEM_MESSAGES = {
    "no_consent": lambda p: _("%(code)s has not consented to sharing their profile with %(employer)s. Record the "
                              "candidate's consent first, then propose.", **p),
    "role_closed": lambda p: _("This role is not open for proposals any more."),
    "duplicate": lambda p: _("%(code)s has already been proposed for this role.", **p),
    "unknown_answer": lambda p: _("Choose an answer from the list."),
    "not_open": lambda p: _("This proposal can no longer be answered."),
    "reason_needed": lambda p: _("Choose the reason for declining from the list."),
    "not_withdrawable": lambda p: _("This proposal can no longer be withdrawn."),
}


def problem(which: str, **params) -> str:
    """The message of a refusal code, in the user's language."""
    return PROBLEM_MESSAGES[which](params)


def day_text(value: str | None) -> str:
    """An ISO date of a notification's params in the reader's words ("" for none)."""
    return date_filter(date.fromisoformat(value)) if value else ""


def notification_text(note) -> str:
    """The sentence of a notification (anything with .kind and .params), in the current language."""
    p = dict(note.params or {})
    if note.kind.startswith("proposal_"):
        return _proposal_text(note.kind, p)
    return _placement_text(note.kind, p)


def _proposal_text(kind_of_note: str, p: dict) -> str:
    code, role = p.get("code", ""), p.get("role", "")
    if kind_of_note == "proposal_sent" and not code:  # the proposal ended: its code is no longer shown
        return _("A job coach proposed a candidate for your role %(role)s. The proposal has ended.", role=role)
    if kind_of_note == "proposal_sent":
        return _("A job coach proposed the candidate %(code)s for your role %(role)s.", code=code, role=role)
    if kind_of_note == "proposal_withdrawn" and not code:
        return _("A proposal for your role %(role)s has ended.", role=role)
    if kind_of_note == "proposal_answered":
        answer = str(STATE_LABELS.get(p.get("answer"), p.get("answer", "")))
        return _("%(employer)s answered the proposal of %(code)s for %(role)s: %(answer)s.",
                 employer=p.get("employer", ""), code=code, role=role, answer=answer)
    if kind_of_note == "proposal_withdrawn" and p.get("reason") == "consent_withdrawn":
        return _("The proposal of %(code)s for %(role)s at %(employer)s was withdrawn: the candidate withdrew "
                 "their consent for this employer.", code=code, role=role, employer=p.get("employer", ""))
    if kind_of_note == "proposal_withdrawn":
        return _("The proposal of %(code)s for %(role)s has been withdrawn.", code=code, role=role)
    return kind_of_note


def _placement_text(kind_of_note: str, p: dict) -> str:
    code, role = p.get("code", ""), p.get("role", "")
    kind = str(KIND_LABELS.get(p.get("kind"), p.get("kind", ""))).lower()
    when = day_text(p.get("date"))
    if kind_of_note == "placement_started":
        return _("A placement (%(kind)s) of %(code)s in %(role)s starts on %(date)s.", kind=kind, code=code,
                 role=role, date=when)
    if kind_of_note == "placement_ended":
        return _("The placement (%(kind)s) of %(code)s in %(role)s ended on %(date)s.", kind=kind, code=code,
                 role=role, date=when)
    if kind_of_note == "placement_converted":
        return _("The work trial of %(code)s in %(role)s became a placement (%(kind)s) from %(date)s.",
                 kind=kind, code=code, role=role, date=when)
    if kind_of_note == "trial_ending":
        return _("The work trial of %(code)s in %(role)s ends on %(date)s. Will a job offer follow? Record the "
                 "conversion to a job, or the end of the trial.", code=code, role=role, date=when)
    return kind_of_note
