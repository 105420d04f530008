"""Access rules of the coach's matching pages (the objects come from tests/access/proposals.py).

Ranked lists are the coach's own: a candidate of another coach is a 404; a
role's ranking is open to every coach, since it lists only their own caseload.
"""
from __future__ import annotations

from tests.access import Route

COACH = ("coach",)
NOT_FOR = ("second_coach",)


def _candidate(w):
    return {"candidate_id": w.ids["candidate"]}


def _pair(w):
    return {"candidate_id": w.ids["candidate"], "role_id": w.ids["employer_role"]}


ROUTES = [
    Route("matching.index", COACH),
    Route("matching.roles_list", COACH),
    Route("matching.roles_list", COACH, query=lambda w: {"q": "siivo", "kind": "job", "sort": "title"}),
    Route("matching.candidate_roles", COACH, params=_candidate, scoped=True, not_for=NOT_FOR),
    Route("matching.candidate_roles", COACH, params=_candidate, scoped=True, not_for=NOT_FOR,
          query=lambda w: {"allow_missing": "1", "min_score": "10", "remote": "partly", "kind": "job"}),
    Route("matching.role_candidates", COACH, params=lambda w: {"role_id": w.ids["employer_role"]},
          query=lambda w: {"allow_missing": "1"}),
    Route("matching.pair", COACH, params=_pair, scoped=True, not_for=NOT_FOR),
    Route("matching.pair", COACH, method="POST", params=_pair, scoped=True, not_for=NOT_FOR,
          data=lambda w: {"message": "Kokenut asiakaspalvelija."}),
]
