"""Pure rules of coaching: privacy projections, caseload, goals, modules, reviews, assessment, codes."""
from dataclasses import fields
from datetime import date

import pytest

from portal.domain import caseload, coaching, privacy, profile

FULL = privacy.CandidateProfile(
    code="OTE-ABCD-EFGH", name="Nimi Henkilö", email="n@example.invalid", phone="040", municipality="091",
    languages=(("fi", "native"),), education="koulu", work_history="historia", skills=("cleaning",),
    skills_text="siivous", desired_occupations=("Siivooja",), desired_work_text="aamuvuorot", hours_min=20,
    hours_max=30, functional_limits=(("lifting", "brief"),), limits_note="ei nostoja", adjustments=("part_time",),
    target_groups=("disabled",), support_intensity="intensive", peer_coach="Pekka", status="job_search")


def test_employer_view_holds_exactly_the_job_relevant_fields():
    view = privacy.employer_view(FULL)
    assert {f.name for f in fields(view)} == {"code", "skills", "skills_text", "desired_occupations",
                                              "desired_work_text", "hours_min", "hours_max", "adjustments",
                                              "languages", "municipality"}
    assert view.code == FULL.code and view.adjustments == ("part_time",) and view.hours_max == 30


@pytest.mark.parametrize("hidden", ["name", "email", "phone", "functional_limits", "limits_note", "target_groups",
                                    "education", "work_history", "peer_coach", "support_intensity", "status"])
def test_employer_view_never_carries_sensitive_fields(hidden):
    assert not hasattr(privacy.employer_view(FULL), hidden)
    assert hidden not in privacy.visible_fields("employer")


def test_officer_view_is_the_code_only():
    assert privacy.officer_view(FULL) == privacy.OfficerView(code="OTE-ABCD-EFGH")
    assert privacy.visible_fields("officer") == {"code"}


def test_introduction_adds_name_and_contact_but_no_health_data():
    view = privacy.project(FULL, "introduction")
    assert (view.name, view.email, view.phone) == ("Nimi Henkilö", "n@example.invalid", "040")
    assert not hasattr(view, "functional_limits") and not hasattr(view, "target_groups")


def test_coach_and_candidate_see_everything():
    assert privacy.project(FULL, "coach") is FULL
    assert privacy.project(FULL, privacy.Audience.CANDIDATE) is FULL


RULE = caseload.FidelityRule(max_caseload=20, valid_from=date(2008, 1, 1), valid_to=None, source="x",
                             verified=False)


def test_fidelity_limit_warns_above_twenty_not_at_twenty():
    assert not caseload.over_limit(20, RULE)
    assert caseload.over_limit(21, RULE)
    assert not caseload.over_limit(99, None)


def test_rule_in_force_follows_effective_dates():
    old = caseload.FidelityRule(25, date(2000, 1, 1), date(2007, 12, 31), "x", False)
    assert caseload.rule_on([old, RULE], date(2005, 5, 5)) is old
    assert caseload.rule_on([old, RULE], date(2026, 5, 5)) is RULE
    assert caseload.rule_on([RULE], date(1999, 1, 1)) is None


def test_days_since_last_contact():
    assert caseload.days_since(date(2026, 1, 1), date(2026, 1, 11)) == 10
    assert caseload.days_since(None, date(2026, 1, 11)) is None


@pytest.mark.parametrize("low,high,problems", [
    (20, 30, []), (None, None, []), (30, 20, ["reversed"]), (20, None, ["incomplete"]),
    (0, 10, ["out_of_range"]), (10, 41, ["out_of_range"]), (20, 20, [])])
def test_hours_capacity(low, high, problems):
    assert caseload.hours_problems(low, high) == problems


def test_status_change_rules():
    today = date(2026, 6, 1)
    assert caseload.status_change_problems("intake", "job_search", today, date(2026, 5, 1), today) == []
    assert caseload.status_change_problems("intake", "intake", today, None, today) == ["same_status"]
    assert caseload.status_change_problems("intake", "nonsense", today, None, today) == ["unknown_status"]
    assert "in_future" in caseload.status_change_problems("intake", "paused", date(2026, 6, 2), None, today)
    assert "before_current" in caseload.status_change_problems("intake", "paused", date(2026, 4, 1),
                                                                date(2026, 5, 1), today)


def test_a_goal_needs_text_measure_and_date():
    assert coaching.goal_problems("Työ", "Sopimus", date(2026, 1, 1)) == []
    assert coaching.goal_problems("Työ", "  ", None) == ["no_measure", "no_date"]
    assert coaching.goal_problems("", "m", date(2026, 1, 1)) == ["no_text"]


def test_module_dates():
    assert coaching.module_problems(date(2026, 1, 2), date(2026, 1, 1)) == ["end_before_start"]
    assert coaching.module_problems(None, None) == ["no_start"]
    assert coaching.module_problems(date(2026, 1, 1), None) == []


def test_review_decides_next_module_or_exit_with_destination():
    start = date(2026, 1, 1)
    assert coaching.review_problems("exit", None, start, start) == ["no_destination"]
    assert coaching.review_problems("next_module", "work", start, start) == ["destination_without_exit"]
    assert coaching.review_problems("exit", "work", date(2025, 12, 1), start) == ["before_start"]
    assert coaching.review_problems("exit", "education", start, start) == []
    assert coaching.status_after_review("exit", "work") == "employed"
    assert coaching.status_after_review("exit", "participation") == "exited"
    assert coaching.status_after_review("next_module", None) is None


def test_several_services_at_once_make_the_assessment_multi_sector():
    assert not coaching.is_multi_sector({"employment_services"})
    assert coaching.is_multi_sector({"employment_services", "social_work"})
    areas = ("a", "b")
    assert coaching.assessment_problems({"x", "y"}, "", False, {}, areas) == ["participants_missing"]
    assert coaching.assessment_problems({"x"}, "", True, {"a": "note"}, areas) == ["focus_missing"]
    assert coaching.assessment_problems({"x"}, "", True, {"a": "n", "b": "n"}, areas) == []


def test_fold_makes_typed_text_comparable():
    assert profile.fold("  Jyväskylä  ÅBO ") == "jyvaskyla abo"
    assert profile.split_lines("Myyjä\nkassa, Myyjä ;  ") == ("Myyjä", "kassa")


def test_codes_are_random_with_a_check_character():
    codes = {profile.new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(profile.valid_code(c) for c in codes)
    code = next(iter(codes))
    typo = code[:-1] + ("2" if code[-1] != "2" else "3")
    assert not profile.valid_code(typo)
    assert not any(ch in code[4:] for ch in "01IOL")
