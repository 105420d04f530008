"""The engine's paged rankings, the minimum score, and the location reason in the explanation."""
from __future__ import annotations

import numpy as np
import pytest

from portal.domain.location import reach
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile, explain
from portal.domain.ranking import rank_candidates, rank_candidates_page, rank_roles, rank_roles_page
from tests.unit.test_matching import analysed_candidate, analysed_role

OPTS = MatchOptions(neighbours={"091": frozenset({"049"})})


def cand(**kw) -> CandidateProfile:
    return analysed_candidate(CandidateProfile(**{"id": 1, "hours_min": 20, "hours_max": 30, "municipality": "091",
                                                  "skills": ("asiakaspalvelu",), "desired": ("myyjä",), **kw}))


def role(**kw) -> RoleProfile:
    return analysed_role(RoleProfile(**{"id": 10, "hours_min": 20, "hours_max": 30, "municipality": "091",
                                        "essential_skills": ("asiakaspalvelu",), "title": "myyjä", **kw}))


ROLES = [role(id=i, essential_skills=(("asiakaspalvelu",) if i % 2 else ("kirjanpito",)))
         for i in range(1, 12)] + [role(id=99, hours_min=38, hours_max=40)]


def test_pages_cut_the_same_order_that_the_whole_ranking_has():
    whole = rank_roles(cand(), ROLES, OPTS, limit=None)
    assert len(whole) == 11  # the role with 38-40 hours fails
    pages = [rank_roles_page(cand(), ROLES, OPTS, offset, 4) for offset in (0, 4, 8)]
    assert all(p.total == 11 for p in pages)
    assert [m for p in pages for m in p.matches] == whole
    assert [m.role_id for m in whole[:6]] == [1, 3, 5, 7, 9, 11]  # equal scores: by id


def test_the_minimum_score_leaves_out_weaker_matches_and_counts_the_rest():
    strong = rank_roles_page(cand(), ROLES, OPTS, 0, None, min_score=80)
    assert strong.total == 6 and all(m.score >= 80 for m in strong.matches)
    assert rank_roles_page(cand(), ROLES, OPTS, 0, None, min_score=101).total == 0


def test_candidates_page_ranks_people_for_one_role():
    people = [cand(id=i, skills=("asiakaspalvelu",) if i < 3 else ("trukki",)) for i in range(1, 6)]
    page = rank_candidates_page(role(), people, OPTS, 1, 2)
    assert page.total == 5 and [m.candidate_id for m in page.matches] == [2, 3]
    assert [m.candidate_id for m in rank_candidates(role(), people, OPTS)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("c_muni,r_muni,remote,reason", [
    ("091", "091", "none", "same"), ("091", "049", "none", "neighbour"), ("091", "837", "partly", "far"),
    ("091", "837", "fully", "remote"), (None, "837", "none", "unknown"), ("091", None, "none", "unknown")])
def test_the_explanation_says_why_the_location_passed_or_failed(c_muni, r_muni, remote, reason):
    c, r = cand(municipality=c_muni), role(municipality=r_muni, remote=remote)
    assert reach(c_muni, OPTS.neighbours).reason(r_muni, remote) == reason
    e = explain(c, r, OPTS)
    assert e.location == reason and (("location" in e.failed) is (reason == "far"))


def test_a_float32_score_is_compared_at_one_decimal_as_it_is_shown():
    from portal.domain.ranking import _ranked

    scores = np.array([33.3, 80.0, 33.3, 10.0], dtype=np.float32)
    assert _ranked(scores, [True, True, True, False], [9, 5, 2, 1], 33.3) == [1, 2, 0]


@pytest.mark.parametrize("module", ["portal.domain.matching", "portal.domain.ranking",
                                    "portal.domain.matching_arrays"])
def test_each_matching_module_can_be_imported_first(module):
    import subprocess
    import sys
    from pathlib import Path

    code = f"import {module}; from portal.domain.ranking import rank_roles, Ranking"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
