"""Words for the report codes in the user's language (statuses come from coaching, states from procurements)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.coaching.labels import STATUS_LABELS, STEP_KIND_LABELS, STEP_OUTCOME_LABELS
from portal.placements.texts import END_REASON_LABELS
from portal.procurements.labels import KIND_LABELS as CLAUSE_KIND_LABELS
from portal.procurements.labels import STATE_LABELS as CLAUSE_STATE_LABELS
from portal.procurements.labels import UNIT_LABELS

OUTCOME_LABELS = {
    "work": _l("Into work"),
    "education": _l("Into education"),
    "rehabilitation": _l("Into rehabilitation"),
    "services": _l("Into a work trial (a service that promotes employment)"),
    "exited": _l("Exited"),
}
AUDIENCE_LABELS = {
    "region": _l("The whole region"),
    "buyer": _l("Your organisation's procurements and the placements counted on them"),
    "provider": _l("Your organisation's candidates and their placements"),
}
PLACEMENT_KIND_LABELS = {"work_trial": _l("Work trial"), "job": _l("Job"), "apprenticeship": _l("Apprenticeship")}
PLACEMENT_STATE_LABELS = {"planned": _l("Planned"), "started": _l("Running"), "ended": _l("Ended"),
                          "converted": _l("Converted into employment")}
HIDDEN = _l("hidden")
YES, NO = _l("yes"), _l("no")

__all__ = ["STATUS_LABELS", "CLAUSE_KIND_LABELS", "CLAUSE_STATE_LABELS", "UNIT_LABELS", "OUTCOME_LABELS",
           "AUDIENCE_LABELS", "PLACEMENT_KIND_LABELS", "PLACEMENT_STATE_LABELS", "END_REASON_LABELS",
           "HIDDEN", "YES", "NO", "STEP_KIND_LABELS", "STEP_OUTCOME_LABELS"]


def plain(labels: dict) -> dict:
    """The labels translated once (for exports that write them on many rows)."""
    return {k: str(v) for k, v in labels.items()}
