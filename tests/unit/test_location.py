"""The location rule: its scalar form, its set form and the vectorised table agree on every case."""
from __future__ import annotations

from itertools import product

import pytest

from portal.domain.job_roles import REMOTE
from portal.domain.location import DEFAULT_TRAVEL, REASONS, REMOTE_ANYWHERE, TRAVEL_RANGES, UNKNOWN, Area, reach
from portal.domain.match_constraints import _near
from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile, explain

NEIGHBOURS = {"091": frozenset({"049", "092"}), "049": frozenset({"091"}), "092": frozenset({"091"}),
              "858": frozenset({"543"}), "543": frozenset({"858"})}  # 543 is in another sub-region than 858
AREAS = {"091": Area("011", "01"), "049": Area("011", "01"), "092": Area("011", "01"), "858": Area("011", "01"),
         "543": Area("012", "01"), "638": Area("014", "01"), "837": Area("064", "06"), "211": Area("064", "06"),
         "908": Area("068", "06")}
OPTS = MatchOptions(neighbours=NEIGHBOURS, areas=AREAS)
# Unknown twice, home, neighbours, the same sub-region, the same region, far, one the areas lack.
PLACES = (None, "", "091", "049", "092", "858", "543", "638", "837", "908", "853")
CASES = list(product(PLACES, TRAVEL_RANGES, PLACES, REMOTE))


def _by_sets(home, travel, municipality, remote) -> bool:
    """The rule as the SQL and numpy filters apply it: remote, or anywhere, or among the role places."""
    place = reach(home, NEIGHBOURS, AREAS, travel)
    return (remote in REMOTE_ANYWHERE or place.anywhere
            or (municipality or UNKNOWN) in place.role_places())


@pytest.mark.parametrize("home,municipality,remote,reason", [
    ("091", "091", "none", "same"), ("091", "049", "partly", "subregion"), ("091", "837", "none", "far"),
    ("858", "543", "none", "neighbour"),  # across the sub-region's border, listed as a neighbour
    ("091", "543", "none", "far"),  # the same region, another sub-region: not by default
    ("049", "638", "none", "far"),
    ("091", "837", "fully", "remote"), (None, "837", "none", "unknown"), ("", "837", "none", "unknown"),
    ("091", None, "none", "unknown"), ("091", "", "partly", "unknown"), ("853", "091", "none", "far"),
    ("853", "853", "none", "same"),  # a municipality the areas lack still meets itself
])
def test_each_reason_in_the_default_range(home, municipality, remote, reason):
    assert reach(home, NEIGHBOURS, AREAS).reason(municipality, remote) == reason
    assert reach(home, NEIGHBOURS, AREAS, DEFAULT_TRAVEL).reason(municipality, remote) == reason


@pytest.mark.parametrize("travel,municipality,remote,reason", [
    ("municipality", "091", "none", "same"), ("municipality", "049", "none", "far"),
    ("municipality", "092", "none", "far"),  # a neighbour too, but the range is the own municipality
    ("municipality", None, "none", "unknown"), ("municipality", "837", "fully", "remote"),
    ("subregion", "858", "none", "subregion"), ("subregion", "638", "none", "far"),
    ("region", "638", "none", "region"), ("region", "543", "partly", "region"), ("region", "049", "none", "subregion"),
    ("region", "837", "none", "far"),
    ("remote", "091", "none", "far"), ("remote", None, "none", "far"), ("remote", "837", "partly", "far"),
    ("remote", "837", "fully", "remote"),
])
def test_each_travel_range(travel, municipality, remote, reason):
    assert reach("091", NEIGHBOURS, AREAS, travel).reason(municipality, remote) == reason


def test_remote_only_holds_for_an_unknown_home_too_and_an_unknown_range_is_the_default():
    assert reach(None, NEIGHBOURS, AREAS, "remote").reason("091", "none") == "far"
    assert reach(None, NEIGHBOURS, AREAS, "remote").anywhere is False
    assert reach("091", NEIGHBOURS, AREAS, None).travel == DEFAULT_TRAVEL
    assert reach("091", NEIGHBOURS, AREAS, "moon").travel == DEFAULT_TRAVEL


def test_the_explanation_names_the_area_that_applied():
    person = CandidateProfile(id=1, hours_min=0, hours_max=40, municipality="091", travel="region")
    near = explain(person, RoleProfile(id=2, hours_min=0, hours_max=40, municipality="049"), OPTS)
    wide = explain(person, RoleProfile(id=3, hours_min=0, hours_max=40, municipality="543"), OPTS)
    same = explain(person, RoleProfile(id=4, hours_min=0, hours_max=40, municipality="091"), OPTS)
    assert (near.location, near.location_area, near.travel) == ("subregion", "011", "region")
    assert (wide.location, wide.location_area) == ("region", "01")
    assert (same.location, same.location_area) == ("same", "")


def test_the_scalar_the_set_and_the_array_forms_agree_on_every_case():
    people = [CandidateProfile(id=i, hours_min=0, hours_max=40, municipality=home, travel=travel)
              for i, (home, travel) in enumerate(product(PLACES, TRAVEL_RANGES))]
    roles = [RoleProfile(id=j, hours_min=0, hours_max=40, municipality=muni, remote=remote)
             for j, (muni, remote) in enumerate(product(PLACES, REMOTE))]
    table = _near(people, roles, OPTS)
    seen = set()
    for (i, person), (j, role) in product(enumerate(people), enumerate(roles)):
        place = reach(person.municipality, NEIGHBOURS, AREAS, person.travel)
        reason = place.reason(role.municipality, role.remote)
        seen.add(reason)
        passes = reason != "far"
        assert place.passes(role.municipality, role.remote) is passes
        assert _by_sets(person.municipality, person.travel, role.municipality, role.remote) is passes, (person, role)
        assert bool(table[i, j]) is passes, (person, role)
        assert explain(person, role, OPTS).location == reason
    assert seen == set(REASONS) and len(people) * len(roles) == len(CASES)


def test_one_candidate_against_one_role_gives_the_same_answer_as_the_whole_table():
    for home, travel, municipality, remote in CASES:
        person = CandidateProfile(id=1, hours_min=0, hours_max=40, municipality=home, travel=travel)
        role = RoleProfile(id=2, hours_min=0, hours_max=40, municipality=municipality, remote=remote)
        expected = reach(home, NEIGHBOURS, AREAS, travel).passes(municipality, remote)
        assert bool(_near([person], [role], OPTS)[0, 0]) is expected
