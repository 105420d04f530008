"""The role table: one candidate against any roles of it scores exactly as score_matrix and the explanation do."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.domain.matching import explain, total
from portal.domain.matching_arrays import score_matrix
from portal.domain.ranking import rank_roles_page, rank_roles_table_page
from portal.domain.role_table import RoleTable
from tests.unit.test_matching import OPTS, cand, cand_st, role, role_st


@settings(max_examples=80, deadline=None)
@given(cand_st, st.lists(role_st, min_size=1, max_size=8, unique_by=lambda r: r.id), st.booleans(), st.data())
def test_the_table_scores_any_roles_of_it_as_score_matrix_and_the_explanation_do(person, roles, lenient, data):
    options = replace(OPTS, allow_missing_adjustments=lenient)
    table = RoleTable(roles)
    positions = sorted(data.draw(st.sets(st.integers(0, len(roles) - 1))))
    eligible, scores, relevant = table.score(person, positions, options)
    chosen = [roles[i] for i in positions]
    e_all, s_all, r_all = score_matrix([person], chosen, options)
    assert np.array_equal(eligible, e_all[0]) and np.array_equal(relevant, r_all[0])
    assert np.array_equal(scores, s_all[0])
    for k, r in enumerate(chosen):
        e = explain(person, r, options)
        assert bool(eligible[k]) == (not e.failed) and bool(relevant[k]) == e.relevant
        assert float(scores[k]) == total(e.parts)


def test_a_page_from_the_table_is_the_page_from_the_profiles():
    roles = [role(id=i, essential_skills=(("asiakaspalvelu",) if i % 3 else ("kirjanpito", "siivous")),
                  negotiable_skills=(("Suomen kieli",) if i % 2 else ()), hours_min=20 + i % 5,
                  municipality=("091", "049", "837")[i % 3], remote=("none", "fully")[i % 4 == 0])
             for i in range(1, 40)]
    table, person = RoleTable(roles), cand(skills=("asiakaspalvelu", "siivous"))
    positions = [i for i in range(len(roles)) if i % 7]
    for offset, limit, min_score in ((0, 5, 0), (5, 5, 0), (0, None, 60)):
        mine = rank_roles_table_page(person, table, positions, OPTS, offset, limit, min_score)
        theirs = rank_roles_page(person, [roles[i] for i in positions], OPTS, offset, limit, min_score)
        assert mine == theirs and mine.total > 0
