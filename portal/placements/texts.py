"""Words for the placement codes and refusals, in the user's language."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.i18n import number_filter

STATE_LABELS = {
    "planned": _l("Planned"),
    "started": _l("Running"),
    "ended": _l("Ended"),
    "converted": _l("Converted into employment"),
}
CHANGE_LABELS = {
    "starts": _l("Starts"),  # a start recorded for a day still ahead (the placement is planned)
    "started": _l("Started"),
    "ended": _l("Ended"),
    "converted": _l("Converted into employment"),
}
END_REASON_LABELS = {
    "completed": _l("Completed as planned"),
    "no_offer": _l("Trial over without a job offer"),
    "candidate_left": _l("The candidate left"),
    "employer_ended": _l("The employer ended it"),
    "other_job": _l("The candidate moved to other work"),
    "other": _l("Another reason"),
}
MESSAGES = {
    "unknown_kind": lambda p: _("Choose the kind from the list."),
    "required": lambda p: _("Give a date."),
    "end_before_start": lambda p: _("The end date is before the start date."),
    "trial_needs_end": lambda p: _("A work trial needs an end date."),
    "share_range": lambda p: _("The working-time share must be more than 0 and at most 100 per cent."),
    "no_trial_rule": lambda p: _("No work-trial rule is in force on the start date, so the trial cannot be "
                                 "checked. Contact the portal's administrator."),
    "too_long_same_employer": lambda p: _(
        "Work trials with the same employer may last %(max)s months in all; with this one they would last "
        "%(months)s months. Shorten the trial.", max=p["max"], months=number_filter(p["months"], 1)),
    "too_long_total": lambda p: _(
        "A person's work trials may last %(max)s months in all; with this one they would last %(months)s "
        "months. Shorten the trial.", max=p["max"], months=number_filter(p["months"], 1)),
    "not_accepted": lambda p: _("Only a proposal the employer has accepted can become a placement."),
    "full": lambda p: _("All %(positions)s positions of this role are already taken by running placements. "
                        "End one of them first, or ask the employer to add a position.", **p),
    "clause_not_employers": lambda p: _("Choose a clause of this employer from the list."),
    "clause_deadline": lambda p: _("The placement starts after the clause's deadline (%(date)s), so it cannot "
                                   "count towards it.", **p),
    "clause_no_trials": lambda p: _(
        "This clause counts \u201c%(counts)s\u201d, and a work trial is not employment: it would count nothing "
        "towards the clause. Record the trial without a clause, or choose a clause that counts work trials.",
        counts=_clause_kind(p)),
    "clause_kind": lambda p: _(
        "This clause counts \u201c%(counts)s\u201d, so a placement of the kind \u201c%(kind)s\u201d would count "
        "nothing towards it. Choose another clause, or none.", counts=_clause_kind(p), kind=_kind(p)),
    "not_active": lambda p: _("This placement has already ended."),
    "reason_needed": lambda p: _("Choose the reason from the list."),
    "not_a_trial": lambda p: _("Only a work trial can be converted into employment."),
    "before_trial_start": lambda p: _("The employment must start after the first day of the trial."),
    "after_trial_end": lambda p: _("The employment must start at the latest on the day after the trial ends "
                                   "(%(date)s).", **p),
}


def _clause_kind(params: dict) -> str:
    from portal.procurements.labels import KIND_LABELS as CLAUSE_KINDS

    return str(CLAUSE_KINDS.get(params.get("clause_kind", ""), params.get("clause_kind", "")))


def _kind(params: dict) -> str:
    from portal.proposals.texts import KIND_LABELS

    return str(KIND_LABELS.get(params.get("kind", ""), params.get("kind", "")))


def message(code: str, **params) -> str:
    """The message of a refusal code, in the user's language."""
    return MESSAGES[code](params)
