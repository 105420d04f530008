"""Access rules of the placement pages (the objects come from tests/access/proposals.py).

Coaches reach the placements of their own candidates, employers those in
their own roles, officers those counted on their own clauses (by code only).
The first allowed user's POST changes the placement; the second one's form
comes back with the refusal (200), which the declaration allows.
"""
from __future__ import annotations

from portal import clock
from tests.access import Route

SIDES = ("coach", "employer")
NOT_FOR = ("second_coach",)


def _placement(w):
    return {"placement_id": w.ids["placement"]}


def _new(w):
    return {"proposal_id": w.ids["proposal_accepted"]}


def _p(endpoint, method="GET", params=_placement, **kw):
    return Route(endpoint, SIDES, method=method, params=params, scoped=True, not_for=NOT_FOR, **kw)


TODAY = clock.today().isoformat()
ROUTES = [
    Route("placements.index", SIDES),
    Route("placements.index", SIDES, query=lambda w: {"state": "started", "kind": "work_trial", "sort": "-end"}),
    Route("placements.officer_list", ("officer",)),
    _p("placements.new", params=_new),
    _p("placements.new", "POST", params=_new,
       data=lambda w: {"kind": "job", "start_on": TODAY, "work_share": "100", "clause_id": "0"}),
    _p("placements.detail"),
    _p("placements.end"),
    _p("placements.end", "POST", data=lambda w: {"end_on": TODAY, "reason": "completed"}),
    _p("placements.convert"),
    _p("placements.convert", "POST",
       data=lambda w: {"kind": "job", "start_on": TODAY, "work_share": "80", "clause_id": "0"}),
    Route("placements.figures_page", ("coach",)),
    Route("placements.figures_providers", ("admin",)),
]
