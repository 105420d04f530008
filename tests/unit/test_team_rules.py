"""The team rule: who can join a candidate's team, and what each member sees (portal/domain/team.py)."""
from __future__ import annotations

import pytest

from portal.domain.roles import role_fits
from portal.domain.team import (
    HEALTH_SCOPES,
    PEER_TASKS,
    TEAM_SCOPES,
    effective_scopes,
    join_codes,
    may_record,
    member_problems,
    scope_ceiling,
    split_codes,
)

ALL = set(TEAM_SCOPES)


def test_a_professional_sees_exactly_what_was_consented():
    assert effective_scopes("professional", "kela", {"work_ability"}) == {"work_ability"}
    assert effective_scopes("professional", "social_services", ALL) == ALL


@pytest.mark.parametrize("kind", ["peer_coach", "expert_by_experience"])
def test_a_peer_never_sees_health_parts_even_when_a_consent_names_them(kind):
    seen = effective_scopes(kind, "association", ALL)
    assert seen == {"plan", "follow_ups"}
    assert not seen & HEALTH_SCOPES
    assert not scope_ceiling(kind, "provider") & HEALTH_SCOPES


@pytest.mark.parametrize("org_kind", ["employer", "buyer", "operator", "nonsense"])
def test_employers_and_other_outsiders_see_nothing(org_kind):
    assert effective_scopes("professional", org_kind, ALL) == frozenset()


def test_follow_ups_are_seen_only_with_the_plan():
    assert effective_scopes("professional", "health_care", {"follow_ups", "work_ability"}) == {"work_ability"}


def test_an_unknown_member_kind_sees_nothing():
    assert effective_scopes("boss", "kela", ALL) == frozenset()


def test_an_employer_is_never_a_team_member():
    assert member_problems("professional", "employer", "employer", {"plan"}, set()) == ["employer"]


def test_a_peer_asked_for_health_parts_is_refused_with_its_reason():
    problems = member_problems("expert_by_experience", "peer", "association", {"plan", "work_ability"},
                               {"paperwork"})
    assert problems == ["health_for_peer"]
    assert "health_for_peer" in member_problems("peer_coach", "peer", "provider", {"assessment"}, {"paperwork"})


def test_a_peer_names_tasks_and_only_known_ones():
    assert member_problems("peer_coach", "peer", "provider", {"plan"}, set()) == ["no_task"]
    assert member_problems("peer_coach", "peer", "provider", {"plan"}, {"driving"}) == ["unknown_task"]
    assert member_problems("peer_coach", "peer", "provider", {"plan"}, set(PEER_TASKS)) == []


def test_the_account_must_fit_the_kind_of_member():
    assert "role_mismatch" in member_problems("peer_coach", "professional", "workshop", {"plan"}, {"paperwork"})
    assert "role_mismatch" in member_problems("professional", "peer", "workshop", {"plan"}, set())
    assert "role_mismatch" in member_problems("professional", "coach", "provider", {"plan"}, set())


def test_scopes_are_chosen_and_known():
    assert member_problems("professional", "professional", "kela", set(), set()) == ["no_scope"]
    assert member_problems("professional", "professional", "kela", {"diagnosis"}, set()) == ["unknown_scope"]
    assert member_problems("professional", "professional", "kela", {"follow_ups"}, set()) == [
        "follow_ups_without_plan"]
    assert member_problems("professional", "professional", "typ", ALL, set()) == []


def test_recording_follows_the_scopes():
    assert may_record({"plan"}, "goal") and not may_record({"plan"}, "follow_up")
    assert not may_record({"work_ability"}, "goal")
    assert may_record({"plan", "follow_ups"}, "follow_up")


def test_roles_fit_the_new_organisation_kinds():
    assert role_fits("professional", "kela") and role_fits("professional", "health_care")
    assert role_fits("peer", "association") and role_fits("peer", "provider")
    assert not role_fits("peer", "kela") and not role_fits("professional", "employer")


def test_codes_round_trip():
    assert split_codes(join_codes(["plan", "follow_ups", "plan"])) == {"plan", "follow_ups"}
    assert split_codes("") == frozenset()
