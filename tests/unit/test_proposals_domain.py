"""Proposal rules: what refuses a proposal, the employer's answers, and what the employer may see of a match."""
from __future__ import annotations

from datetime import date

import pytest

from portal.domain.matching import CandidateProfile, MatchOptions, RoleProfile, explain
from portal.domain.proposals import (
    ANSWERS,
    DECLINE_REASONS,
    OPEN_STATES,
    answer_problem,
    can_place,
    can_withdraw,
    employer_fit,
    proposal_problems,
)
from tests.unit.test_matching import analysed_candidate, analysed_role

TODAY = date(2026, 5, 4)


def test_a_proposal_needs_consent_an_open_role_and_no_standing_proposal():
    assert proposal_problems(True, "published", None, TODAY, False) == []
    assert proposal_problems(True, "published", TODAY, TODAY, False) == []  # open until the end of the day
    assert proposal_problems(False, "published", None, TODAY, False) == ["no_consent"]
    for status in ("draft", "filled", "closed"):
        assert proposal_problems(True, status, None, TODAY, False) == ["role_closed"]
    assert proposal_problems(True, "published", date(2026, 5, 3), TODAY, False) == ["role_closed"]
    assert proposal_problems(True, "published", None, TODAY, True) == ["duplicate"]
    assert proposal_problems(False, "closed", None, TODAY, True) == ["no_consent", "role_closed", "duplicate"]


@pytest.mark.parametrize("state,answer,reason,problem", [
    ("sent", "interested", None, None), ("sent", "interview", None, None), ("sent", "accepted", None, None),
    ("interested", "interview", None, None), ("interview", "accepted", None, None),
    ("accepted", "declined", "position_filled", None),
    ("interview", "interested", None, "not_open"), ("accepted", "accepted", None, "not_open"),
    ("declined", "accepted", None, "not_open"), ("withdrawn", "interested", None, "not_open"),
    ("placed", "declined", "other", "not_open"),
    ("sent", "declined", None, "reason_needed"), ("sent", "declined", "made_up", "reason_needed"),
    ("sent", "hired", None, "unknown_answer")])
def test_the_employer_answers_only_open_proposals_and_declines_with_a_reason(state, answer, reason, problem):
    assert answer_problem(state, answer, reason) == problem


def test_withdrawal_and_placement_follow_the_state():
    assert {s for s in ("sent", "interested", "interview", "accepted", "declined", "withdrawn", "placed")
            if can_withdraw(s)} == OPEN_STATES
    assert [s for s in ("sent", "interview", "accepted", "placed") if can_place(s)] == ["accepted"]
    assert set(ANSWERS) == {"interested", "interview", "accepted", "declined"} and "other" in DECLINE_REASONS


def test_the_employer_sees_no_physical_demands_no_target_groups_and_no_total():
    c = analysed_candidate(CandidateProfile(
        id=1, hours_min=20, hours_max=30, municipality="837", limits={"standing": 1},
        adjustments_needed=frozenset({"quiet_workspace"}), skills=("siivous",), desired=("siivooja",),
        target_groups=frozenset({"disabled"})))
    r = analysed_role(RoleProfile(id=2, hours_min=20, hours_max=30, municipality="837", demands={"standing": 3},
                                  adjustments_offered=frozenset({"ergonomic_workstation"}),
                                  essential_skills=("siivous",), title="siivooja",
                                  clause_target_groups=frozenset({"disabled"})))
    opts = MatchOptions(removed_by={"standing": frozenset({"ergonomic_workstation"})},
                        allow_missing_adjustments=True)
    e = explain(c, r, opts)
    assert e.demands_removed and e.clause_target_groups  # the coach's explanation has both ...
    fit = employer_fit(e)
    text = repr(fit)
    assert "standing" not in text and "ergonomic" not in text and "disabled" not in text  # ... the employer's not
    assert "demands" not in fit["passed"] + fit["failed"] and "score" not in fit and "parts" not in fit
    assert fit["missing_adjustments"] == ["quiet_workspace"]  # needed adjustments are in the employer view anyway
    assert fit["essential"] == [["siivous", "siivous", True]] and fit["desired"] == ["siivooja", "exact"]
    assert set(fit["passed"]) == {"hours", "location", "languages", "adjustments"}


def test_the_stored_fit_shows_the_words_as_typed_on_each_side():
    c = analysed_candidate(CandidateProfile(id=1, hours_min=20, hours_max=30, skills=("siivous",),
                                            desired=("siivooja",)))
    r = analysed_role(RoleProfile(id=2, hours_min=20, hours_max=30, essential_skills=("siivous",), title="siivooja"))
    display = {"role": {"siivous": "Siivous", "siivooja": "Siivooja"},
               "candidate": {"siivous": "Städning", "siivooja": "siivooja"}}
    fit = employer_fit(explain(c, r, MatchOptions()), display)
    assert fit["essential"] == [["Siivous", "Städning", True]] and fit["desired"] == ["siivooja", "exact"]


def test_the_message_is_shown_only_while_the_proposal_is_open():
    from portal.domain.proposals import message_shown

    assert all(message_shown(s) for s in ("sent", "interested", "interview", "accepted"))
    assert not any(message_shown(s) for s in ("declined", "withdrawn", "placed"))
