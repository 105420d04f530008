"""Labels of the coaching codes in the user's language (catalogue codes get theirs from reference data)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

STATUS_LABELS = {
    "intake": _l("Intake"),
    "job_search": _l("Job search"),
    "work_trial": _l("In a work trial"),
    "employed": _l("Employed"),
    "education": _l("In education"),
    "rehabilitation": _l("In rehabilitation"),
    "paused": _l("Paused"),
    "exited": _l("Exited"),
}
TRAVEL_LABELS = {  # the keys are portal.domain.location.TRAVEL_RANGES
    "municipality": _l("Own municipality only"),
    "subregion": _l("Own sub-region (commuting area) and neighbouring municipalities"),
    "region": _l("Own region"),
    "remote": _l("Remote work only"),
}
INTENSITY_LABELS = {"light": _l("Light coaching"), "intensive": _l("Intensive coaching")}
LANGUAGE_LEVELS = {"basic": _l("Basic"), "good": _l("Good"), "native": _l("Native or fluent")}
GOAL_STATUS_LABELS = {"open": _l("Open"), "achieved": _l("Achieved"), "dropped": _l("Dropped")}
MODULE_STATUS_LABELS = {"planned": _l("Planned"), "ongoing": _l("Ongoing"), "completed": _l("Completed")}
DECISION_LABELS = {"next_module": _l("Continue with a next module"), "exit": _l("Exit from coaching")}
DESTINATION_LABELS = {
    "work": _l("Work"),
    "education": _l("Education"),
    "rehabilitation": _l("Rehabilitation"),
    "other_services": _l("Other services that promote employment"),
    "participation": _l("Participation activities (e.g. work activity, social rehabilitation)"),
    "no_destination": _l("No destination yet"),
}
SCOPE_LABELS = {
    "profile": _l("My profile without name or contact details (code, skills, desired work, hours, "
                  "adjustments, languages, municipality)"),
    "profile_contact": _l("My profile and, for an introduction, my name and contact details"),
}
PLAN_ACTION_LABELS = {
    "plan_updated": _l("Plan updated"),
    "goal_added": _l("Goal added"),
    "goal_changed": _l("Goal changed"),
    "follow_up_added": _l("Follow-up added"),
}
PATH_REASON_LABELS = {
    "many_contacts": _l("Steady employer contacts over the review period: the light path may be enough now."),
    "few_contacts": _l("Hardly any employer contact over the review period: the intensive path may help."),
    "coach_move": _l("Moved by the coach in the candidate's details; the review period starts again."),
}
PATH_DECISION_LABELS = {"accepted": _l("Accepted"), "declined": _l("Declined"), "moved": _l("Moved by the coach")}
SIGNATURE_STATE_LABELS = {"pending": _l("Not yet signed"), "signed": _l("Signed"),
                          "not_signed": _l("Not signed")}
SIGNER_LABELS = {"candidate": _l("Candidate"), "buyer": _l("Buyer of the service")}
STEP_KIND_LABELS = {"social_rehabilitation": _l("Social rehabilitation"), "work_activity": _l("Work activity"),
                    "day_activity": _l("Day activity")}
STEP_OUTCOME_LABELS = {
    "work": _l("Moved on to work"),
    "education": _l("Moved on to education"),
    "other_step": _l("Moved on to another step"),
    "continued": _l("Ended, no move yet"),
    "interrupted": _l("Interrupted"),
}
