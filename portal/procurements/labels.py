"""Words for the codes of procurements, clauses and ledgers, in the user's language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "planned": _l("Planned"),
    "tendering": _l("Tendering"),
    "awarded": _l("Awarded"),
    "in_force": _l("In force"),
    "ended": _l("Ended"),
}
# The button that moves a procurement into a status.
TRANSITION_LABELS = {
    "planned": _l("Return to planning"),
    "tendering": _l("Start tendering"),
    "awarded": _l("Mark as awarded"),
    "in_force": _l("Mark the contract as in force"),
    "ended": _l("Mark the contract as ended"),
}
STATE_LABELS = {
    "not_started": _l("Not started"),
    "on_track": _l("On track"),
    "at_risk": _l("At risk"),
    "behind": _l("Behind"),
    "met": _l("Met"),
    "breached": _l("Breached"),
}
STATE_BADGES = {"not_started": "badge", "on_track": "badge",
                "at_risk": "badge badge-warn", "behind": "badge badge-error",
                "met": "badge badge-ok", "breached": "badge badge-error"}
# Worst first: the order of the dashboard's "state" sort.
STATE_ORDER = {"breached": 0, "behind": 1, "at_risk": 2, "on_track": 3, "not_started": 4, "met": 5}
KIND_LABELS = {
    "persons": _l("People employed"),
    "person_months": _l("Person-months"),
    "apprenticeships": _l("Apprenticeship places"),
    "work_trials": _l("Work-trial places"),
    "combined": _l("Combined (person-months)"),
}
UNIT_LABELS = {"persons": _l("people"), "person_months": _l("person-months")}
ENTRY_KIND_LABELS = {
    "job": _l("Employment"),
    "apprenticeship": _l("Apprenticeship"),
    "work_trial": _l("Work trial"),
    "social_enterprise": _l("Social enterprise purchase"),
}
SOURCE_LABELS = {"manual": _l("Typed in"), "import": _l("Excel import"), "placement": _l("Placement")}
INTERVAL_LABELS = {1: _l("Monthly"), 3: _l("Quarterly"), 6: _l("Every six months"), 12: _l("Yearly")}
CONTRIBUTION_LABELS = {
    "counted": _l("Counted"),
    "not_accepted": _l("This kind does not count for the clause"),
    "not_started": _l("Not started yet"),
    "outside_period": _l("Outside the clause period"),
    "below_minimum": _l("Below the minimum length so far"),
    "ended_short": _l("Ended before the minimum length: cannot count"),
    "over_cap": _l("Over the social-enterprise cap"),
    "partly_over_cap": _l("Partly over the social-enterprise cap"),
}
PROBLEM_MESSAGES = {
    "quantity_is_plan": _l("The winner's committed plan is this clause's target, so the quantity is the plan "
                           "(%(plan)s). Choose another winner only while nothing has been delivered or reported."),
    "winner_locked": _l("The winner cannot be changed: the supplier has already recorded ledger entries or a "
                        "report against the winner's plan."),
    "terms_decided": _l("The sanction of this clause has been decided, so the clause is locked: its quantity, "
                        "reporting interval, deadline and sanction stay as the decision was computed from them."),
    "interval_accepted": _l("A report of this clause has been accepted, so the reporting interval cannot change: it "
                            "would cut the accepted periods anew. Reopen the accepted reports first."),
    "deadline_accepted": _l("The deadline cannot be earlier than the date of the last accepted report."),
    "ledger_decided": _l("The sanction of this clause has been decided, so its ledger is closed: entries can no "
                         "longer be added, changed or removed."),
    "ledger_accepted_period": _l("This change touches the period of a report the buyer has accepted. Ask the buyer "
                                 "to reopen the report if the entry must change."),
    "not_positive": _l("Give a number greater than zero."),
    "whole_persons": _l("People are counted in whole numbers."),
    "outside_contract": _l("The deadline must fall within the contract period."),
    "unknown_interval": _l("Choose one of the reporting intervals."),
    "share_range": _l("Give a share from 1 to 100 per cent."),
    "negative": _l("The amount cannot be negative."),
    "dates_reversed": _l("The end date is before the start date."),
    "cpv_format": _l("Give the CPV code as eight digits, optionally with its check digit, for example 90910000-9."),
    "cpv_division": _l("The first two digits of the CPV code do not name a CPV division."),
    "person_code_format": _l("Use a pseudonymous code of 3 to 20 letters, digits or hyphens with at least "
                             "one digit, never a name."),
    "person_code_hetu": _l("This looks like a personal identity code. Use a pseudonymous code instead."),
    "before_period": _l("The start date is before the clause period begins (%(date)s)."),
    "after_deadline": _l("The start date is after the clause deadline (%(date)s)."),
    "kind_not_accepted": _l("This kind of entry does not count towards this clause."),
    "unknown_kind": _l("Unknown kind. Use one of: %(kinds)s."),
    "required": _l("This is required."),
    "not_a_date": _l("Give a date, for example 31.12.2026."),
    "not_a_number": _l("Give a number."),
    "duplicate": _l("The same person, kind and start date are already in the ledger."),
    "duplicate_in_file": _l("The same person, kind and start date appear earlier in the file."),
}
EXCEL_MESSAGES = {
    "too_large": _l("The file is larger than 5 MB. Split it into smaller files."),
    "not_a_workbook": _l("The file is not an Excel workbook (.xlsx), or it is damaged."),
    "macros": _l("The file contains macros. Save it as an ordinary Excel workbook (.xlsx) and try again."),
    "bomb": _l("The file unpacks to a suspicious size. Save it again as an ordinary workbook and try again."),
    "wrong_template": _l("The first sheet is not the ledger template: its first row must hold the template's "
                         "column names. Download the template and copy your rows into it."),
    "too_many_rows": _l("The file has more rows than one import accepts (%(max)s)."),
}


def problem(code: str, **params) -> str:
    """The message of a problem code, with its parameters filled in."""
    message = PROBLEM_MESSAGES.get(code, PROBLEM_MESSAGES["required"])
    return str(message) % params if params else str(message)
# Problems of an award criterion's points and scale, and of a reserved contract's share.
TERMS_PROBLEMS = {
    "points_positive": _l("Give the criterion's points, a number greater than zero."),
    "scale_format": _l("Write one step a line as \"plan = points\", for example \"12 = 5\"."),
    "scale_empty": _l("Give at least one step of the scale."),
    "scale_order": _l("Each step must ask for a larger plan and give more points than the one before."),
    "scale_over_points": _l("No step may give more points than the criterion's points."),
    "share_range": _l("Give a share from 1 to 100 per cent."),
    "below_legal_share": _l("A reserved contract must require at least %(share)s (the legal minimum)."),
    "no_legal_rule": _l("No legal rule for reserved contracts is in force today; this form cannot be used."),
    "not_positive": _l("Give a number greater than zero."),
    "negative": _l("The number cannot be negative."),
    "more_than_staff": _l("There cannot be more disadvantaged staff than staff."),
    "not_a_report_date": _l("Choose one of the clause's report dates."),
    "notice_format": _l("Give the Hilma notice number as it is published: the year, a hyphen and six digits, "
                        "for example 2026-012345."),
    "notice_year": _l("The Hilma notice number's year must be between %(first)s and %(last)s."),
}
FORM_LABELS = {
    "condition": _l("Contract condition"),
    "award": _l("Award criterion"),
    "reserved": _l("Reserved contract"),
}
