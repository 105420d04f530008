"""The location rule: its scalar form, its set form and the vectorised table agree on every case."""
from __future__ import annotations

from itertools import product

import pytest

from portal.domain.job_roles import REMOTE
from portal.domain.location import REASONS, REMOTE_ANYWHERE, UNKNOWN, reach
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile, explain
from portal.domain.matching_arrays import _near

NEIGHBOURS = {"091": frozenset({"049", "092"}), "049": frozenset({"091"}), "092": frozenset({"091"})}
OPTS = MatchOptions(neighbours=NEIGHBOURS)
PLACES = (None, "", "091", "049", "092", "837", "853")  # unknown twice, home, neighbours, far, one without a list
CASES = list(product(PLACES, PLACES, REMOTE))


def _by_sets(home, municipality, remote) -> bool:
    """The rule as the SQL and numpy filters apply it: remote, or anywhere, or among the role places."""
    place = reach(home, NEIGHBOURS)
    return (remote in REMOTE_ANYWHERE or place.anywhere
            or (municipality or UNKNOWN) in place.role_places())


@pytest.mark.parametrize("home,municipality,remote,reason", [
    ("091", "091", "none", "same"), ("091", "049", "partly", "neighbour"), ("091", "837", "none", "far"),
    ("049", "092", "none", "far"),  # a neighbour's neighbour is not near
    ("091", "837", "fully", "remote"), (None, "837", "none", "unknown"), ("", "837", "none", "unknown"),
    ("091", None, "none", "unknown"), ("091", "", "partly", "unknown"), ("853", "091", "none", "far")])
def test_each_reason(home, municipality, remote, reason):
    assert reach(home, NEIGHBOURS).reason(municipality, remote) == reason


def test_the_scalar_the_set_and_the_array_forms_agree_on_every_case():
    people = [CandidateProfile(id=i, hours_min=0, hours_max=40, municipality=home)
              for i, home in enumerate(PLACES)]
    roles = [RoleProfile(id=j, hours_min=0, hours_max=40, municipality=muni, remote=remote)
             for j, (muni, remote) in enumerate(product(PLACES, REMOTE))]
    table = _near(people, roles, OPTS)
    seen = set()
    for (i, person), (j, role) in product(enumerate(people), enumerate(roles)):
        reason = reach(person.municipality, NEIGHBOURS).reason(role.municipality, role.remote)
        seen.add(reason)
        passes = reason != "far"
        assert reach(person.municipality, NEIGHBOURS).passes(role.municipality, role.remote) is passes
        assert _by_sets(person.municipality, role.municipality, role.remote) is passes, (person, role)
        assert bool(table[i, j]) is passes, (person, role)
        assert explain(person, role, OPTS).location == reason
    assert seen == set(REASONS) and len(people) * len(roles) == len(CASES)


def test_one_candidate_against_one_role_gives_the_same_answer_as_the_whole_table():
    for home, municipality, remote in CASES:
        person = CandidateProfile(id=1, hours_min=0, hours_max=40, municipality=home)
        role = RoleProfile(id=2, hours_min=0, hours_max=40, municipality=municipality, remote=remote)
        assert bool(_near([person], [role], OPTS)[0, 0]) is reach(home, NEIGHBOURS).passes(municipality, remote)
