"""Access rules of the candidate's own pages: each candidate reaches their own record only."""
from __future__ import annotations

from tests.access import Route

OWN = ("candidate",)
NOT_FOR = ("second_candidate",)  # a candidate without a record of their own


def _goal(w):
    return {"goal_id": w.ids["goal"]}


def _consent(w):
    return {"consent_id": w.ids["consent"]}


ROUTES = [
    # Every candidate has a profile page; one without a record sees an empty state.
    Route("selfservice.profile", OWN),
    Route("selfservice.plan", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.goal_new", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.goal_new", OWN, method="POST", scoped=True, not_for=NOT_FOR),
    Route("selfservice.goal", OWN, params=_goal, scoped=True, not_for=NOT_FOR),
    Route("selfservice.goal", OWN, method="POST", params=_goal, scoped=True, not_for=NOT_FOR),
    Route("selfservice.consent_list", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.consent_list", OWN, method="POST", scoped=True, not_for=NOT_FOR),
    Route("selfservice.consent_withdraw", OWN, params=_consent, scoped=True, not_for=NOT_FOR),
    Route("selfservice.consent_withdraw", OWN, method="POST", params=_consent, scoped=True, not_for=NOT_FOR,
          ok=(302,)),
    Route("selfservice.seen", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.download", OWN, scoped=True, not_for=NOT_FOR, kind="json"),
]
ROUTES += [
    Route("selfservice.proposals", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.placements", OWN, scoped=True, not_for=NOT_FOR),
]
ROUTES += [
    Route("selfservice.modules", OWN, scoped=True, not_for=NOT_FOR),
    Route("selfservice.module_sign", OWN, method="POST", scoped=True, not_for=NOT_FOR, ok=(302,),
          params=lambda w: {"module_id": w.ids["reviewed_module"]}),
]
