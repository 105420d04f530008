"""Labels of the coordination codes in the user's language."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.coaching.labels import STEP_KIND_LABELS
from portal.domain.coordination import OPEN_STATES

PHASE_LABELS = {  # the keys are portal.domain.coordination.PHASES
    "assessment": _l("Assessment of the service need"),
    "rehabilitation": _l("Rehabilitation phase"),
    "job_search": _l("Looking for work or a work trial"),
    "in_work": _l("Support in work or studies"),
}
REFERRAL_KIND_LABELS = {  # the keys are portal.domain.coordination.REFERRAL_KINDS
    "work_ability_assessment": _l("Work-ability assessment in health care"),
    "workshop_assessment": _l("Assessment at a workshop"),
    "rehabilitation": _l("Rehabilitation"),
    "social_services": _l("Social services"),
}
REFERRAL_STATE_LABELS = {
    "sent": _l("Waiting for an answer"),
    "accepted": _l("Accepted by the receiving party"),
    "declined": _l("Declined by the receiving party"),
    "completed": _l("Result received"),
    "cancelled": _l("Referral cancelled"),
}
ANSWER_LABELS = {
    "accepted": _l("Accepted: the receiving party takes the person in"),
    "declined": _l("Declined: the receiving party does not take the person in"),
    "completed": _l("Result: the assessment or service has ended with a result"),
}

# Every label the coordination pages show, for the views of coaches and of a coordinator from the team.
LABELS = {"phases": PHASE_LABELS, "kinds": REFERRAL_KIND_LABELS, "states": REFERRAL_STATE_LABELS,
          "step_kinds": STEP_KIND_LABELS, "open_states": OPEN_STATES}
