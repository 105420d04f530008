"""The coordination rules: who may coordinate, hand-overs that leave nobody without one, referral states."""
from __future__ import annotations

from datetime import date

from portal.domain.caseload import STATUSES
from portal.domain.coordination import (
    PHASE_OF_STATUS,
    PHASES,
    REFERRAL_STATES,
    TRANSITIONS,
    Current,
    answer_guarded,
    answer_problems,
    answered_on_behalf,
    handover_problems,
    may_be_coordinator,
    may_move,
    needs_coordinator,
    phase_for_status,
    referral_problems,
    sees_referral_answer,
)

TODAY = date(2026, 12, 8)
TEAM = {1, 2}


def test_every_status_suggests_a_known_phase():
    assert set(PHASE_OF_STATUS.values()) <= set(PHASES)
    assert set(PHASE_OF_STATUS) <= set(STATUSES)
    assert phase_for_status("rehabilitation") == "rehabilitation"
    assert phase_for_status("work_trial") == "job_search"
    assert phase_for_status("paused") == "assessment"


def test_only_a_team_member_may_coordinate():
    assert may_be_coordinator(1, TEAM)
    assert not may_be_coordinator(3, TEAM)
    assert not may_be_coordinator(None, TEAM)


def test_a_person_in_service_without_a_coordinator_of_the_team_is_left_without_one():
    assert needs_coordinator("job_search", None, TEAM)
    assert needs_coordinator("paused", None, TEAM)
    assert needs_coordinator("intake", 3, TEAM)  # the coordinator has left the team
    assert not needs_coordinator("job_search", 1, TEAM)
    assert not needs_coordinator("exited", None, TEAM)


def test_a_hand_over_names_the_next_coordinator():
    assert handover_problems(None, "job_search", TODAY, TEAM, None, TODAY) == ["no_coordinator"]
    assert handover_problems(2, "job_search", TODAY, TEAM, None, TODAY) == []
    current = Current(1, "assessment", date(2026, 11, 1))
    assert handover_problems(2, "job_search", TODAY, TEAM, current, TODAY) == []
    assert handover_problems(1, "job_search", TODAY, TEAM, current, TODAY) == []  # same person, next phase


def test_a_hand_over_refuses_what_does_not_fit():
    current = Current(1, "assessment", date(2026, 11, 1))
    assert handover_problems(3, "job_search", TODAY, TEAM, current, TODAY) == ["not_in_team"]
    assert handover_problems(2, "holiday", TODAY, TEAM, current, TODAY) == ["unknown_phase"]
    assert handover_problems(2, "job_search", None, TEAM, current, TODAY) == ["no_date"]
    assert handover_problems(2, "job_search", date(2026, 12, 9), TEAM, current, TODAY) == ["in_future"]
    assert handover_problems(2, "job_search", date(2026, 10, 31), TEAM, current, TODAY) == ["before_current"]
    assert handover_problems(1, "assessment", TODAY, TEAM, current, TODAY) == ["nothing_changes"]


def test_a_referral_has_a_kind_a_reason_one_receiver_and_a_date():
    assert referral_problems("workshop_assessment", "Hyllytys", None, "Työpaja", TODAY, TODAY) == []
    assert referral_problems("social_services", "Asuminen", 7, "", TODAY, TODAY) == []
    assert referral_problems("x", "Hyllytys", None, "Työpaja", TODAY, TODAY) == ["unknown_kind"]
    assert referral_problems("rehabilitation", "  ", None, "Työpaja", TODAY, TODAY) == ["no_reason"]
    assert referral_problems("rehabilitation", "Syy", None, " ", TODAY, TODAY) == ["no_receiver"]
    assert referral_problems("rehabilitation", "Syy", 7, "Työpaja", TODAY, TODAY) == ["two_receivers"]
    assert referral_problems("rehabilitation", "Syy", 7, "", None, TODAY) == ["no_date"]
    assert referral_problems("rehabilitation", "Syy", 7, "", date(2026, 12, 9), TODAY) == ["in_future"]


def test_the_referral_states_move_only_forward():
    assert set(TRANSITIONS) == set(REFERRAL_STATES)
    assert may_move("sent", "accepted") and may_move("sent", "declined") and may_move("accepted", "completed")
    assert may_move("sent", "cancelled") and may_move("accepted", "cancelled")
    assert not may_move("accepted", "declined")
    for final in ("declined", "completed", "cancelled"):
        assert not any(may_move(final, new) for new in REFERRAL_STATES)


def test_an_answer_fits_the_state_and_dates_and_says_why_or_what():
    sent = date(2026, 12, 1)
    assert answer_problems("sent", "accepted", TODAY, sent, "", TODAY) == []
    assert answer_problems("accepted", "completed", TODAY, sent, "Sopii osa-aikatyöhön", TODAY) == []
    assert answer_problems("sent", "maybe", TODAY, sent, "", TODAY) == ["unknown_answer"]
    assert answer_problems("completed", "accepted", TODAY, sent, "", TODAY) == ["not_allowed"]
    assert answer_problems("sent", "accepted", None, sent, "", TODAY) == ["no_date"]
    assert answer_problems("sent", "accepted", date(2026, 11, 30), sent, "", TODAY) == ["before_sent"]
    assert answer_problems("sent", "accepted", date(2026, 12, 9), sent, "", TODAY) == ["in_future"]
    assert answer_problems("sent", "declined", TODAY, sent, " ", TODAY) == ["no_text"]
    assert answer_problems("sent", "completed", TODAY, sent, "", TODAY) == ["no_text"]


def test_an_answer_recorded_by_someone_outside_the_receiving_organisation_is_on_its_behalf():
    assert answered_on_behalf(5, None)  # an outside party has no users in the portal
    assert answered_on_behalf(5, 7)
    assert not answered_on_behalf(7, 7)


def test_who_reads_a_referrals_answer():
    assert sees_referral_answer("coach", (), True) and sees_referral_answer("candidate", (), True)
    assert sees_referral_answer("member", {"plan", "work_ability"}, True)
    assert not sees_referral_answer("member", {"plan", "follow_ups"}, False)
    assert sees_referral_answer("coordinator", {"plan"}, False)
    assert not sees_referral_answer("coordinator", {"plan"}, True)


def test_an_answer_is_guarded_while_the_coordinator_reads_it_without_a_health_scope():
    assert not answer_guarded(True, frozenset())
    assert not answer_guarded(False, None)
    assert answer_guarded(False, {"plan"})
    assert not answer_guarded(False, {"plan", "work_ability"})
