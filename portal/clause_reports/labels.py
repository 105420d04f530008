"""Words for the codes of the reporting cycle, in the user's language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

DUE_STATE_LABELS = {
    "upcoming": _l("Upcoming"),
    "open": _l("Open for submission"),
    "late": _l("Late"),
    "submitted": _l("Submitted, awaiting review"),
    "returned": _l("Returned for correction"),
    "accepted": _l("Accepted"),
}
DUE_STATE_BADGES = {"upcoming": "badge", "open": "badge", "late": "badge badge-error", "submitted": "badge",
                    "returned": "badge badge-warn", "accepted": "badge badge-ok"}
# The steps of a report's history (clause_report_event.kind).
STEP_LABELS = {"submitted": _l("Submitted"), "returned": _l("Returned for correction"), "accepted": _l("Accepted"),
               "reopened": _l("Reopened by the buyer")}
WORDS = {"states": DUE_STATE_LABELS, "badges": DUE_STATE_BADGES, "steps": STEP_LABELS}  # what the macros read
DECISION_LABELS = {"applied": _l("Applied"), "reduced": _l("Reduced"), "waived": _l("Waived")}
PROBLEMS = {
    "required": _l("This field is required."),
    "too_long": _l("The text is too long (at most 4000 characters)."),
    "not_a_report_date": _l("That is not a report date of this clause."),
    "not_open": _l("This report cannot be submitted now: it is either not open yet, awaiting review or accepted."),
    "decided": _l("The sanction has been decided, so the clause's reports are closed: no report is submitted, "
                  "accepted, returned or reopened any more."),
    "not_submitted": _l("Only a submitted report can be accepted or returned."),
    "not_accepted": _l("Only an accepted report can be reopened."),
    "before_deadline": _l("The sanction is decided once the clause's deadline has passed."),
    "no_sanction": _l("The clause sets no sanction, so there is nothing to decide."),
    "unknown_decision": _l("Choose applied, reduced or waived."),
    "reduced_range": _l("A reduced sanction is more than zero and less than the computed sanction."),
    "amount_only_reduced": _l("An amount is given only for a reduced sanction: choose “Reduced”, or empty the "
                              "amount field."),
}


def problem(code: str) -> str:
    """The message of a problem code."""
    return str(PROBLEMS.get(code, PROBLEMS["required"]))
