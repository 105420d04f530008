"""The rules files of seeds/rules load, and the loader refuses what breaks the format."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from portal.domain.rules import RulesError, load_rules, parse_documents

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "rules"


def _rule(**over):
    base = {"id": "ws-a", "kind": "wage_subsidy", "situation": "lack_of_skills",
            "effective_from": "2023-07-01", "effective_to": None, "rate_percent": 50,
            "monthly_cap_eur": 1260, "max_months": 5, "source": "https://example.fi/a", "verified": False}
    base.update(over)
    return base


def _parse(*rules):
    return parse_documents([("test.yaml", {"rules": list(rules)})])


def test_the_seed_rules_load_and_every_rule_is_sourced_and_honest():
    rules = load_rules(SEEDS)
    assert len(rules) >= 8
    for rule in rules:
        assert rule.source.startswith("https://")
        assert rule.verified is False  # none was checked against the law text
    kinds = {r.kind for r in rules}
    assert {"wage_subsidy", "adjustment_support", "work_trial"} <= kinds
    assert set(rules.situations("wage_subsidy")) == {
        "reduced_work_ability", "lack_of_skills", "association_long_term_unemployed",
        "older_long_term_unemployed", "municipal_older_long_term_unemployed"}
    assert set(rules.situations("adjustment_support")) == {"tools_and_modifications", "coworker_help"}


def test_in_force_picks_the_rule_of_the_date():
    rules = _parse(_rule(id="old", effective_to="2023-06-30", effective_from="2020-01-01", rate_percent=40),
                   _rule(id="new"))
    assert rules.in_force("wage_subsidy", date(2023, 6, 30), situation="lack_of_skills").id == "old"
    assert rules.in_force("wage_subsidy", date(2023, 7, 1), situation="lack_of_skills").id == "new"
    assert rules.in_force("wage_subsidy", date(2019, 1, 1), situation="lack_of_skills") is None


@pytest.mark.parametrize("bad,message", [
    ({"source": None}, "https URL"),
    ({"source": "http://example.fi"}, "https URL"),
    ({"verified": None}, "verified"),
    ({"verified": True}, "verified_on"),
    ({"effective_from": None}, "effective_from"),
    ({"effective_from": "1.7.2023"}, "not a date"),
    ({"effective_to": "2023-01-01"}, "before effective_from"),
    ({"rate_percent": 150}, "outside"),
    ({"monthly_cap_eur": "1260"}, "wrong type"),
    ({"max_months": None}, "max_months"),
    ({"confidence": "C"}, "confidence"),
    ({"confirmed_until": "2020-01-01"}, "confirmed_until"),
])
def test_a_broken_rule_is_refused_with_its_reason(bad, message):
    with pytest.raises(RulesError, match=message):
        _parse(_rule(**bad))


def test_overlapping_periods_and_repeated_ids_are_refused():
    with pytest.raises(RulesError, match="overlapping"):
        _parse(_rule(id="a", effective_to="2024-01-01"), _rule(id="b", effective_from="2024-01-01"))
    with pytest.raises(RulesError, match="overlapping"):
        _parse(_rule(id="a"), _rule(id="b", effective_from="2030-01-01"))  # the first never ends
    with pytest.raises(RulesError, match="twice"):
        _parse(_rule(id="a", effective_to="2023-12-31"), _rule(id="a", effective_from="2024-01-01"))
    # Other situations and areas may share a period.
    assert len(_parse(_rule(id="a"), _rule(id="b", situation="reduced_work_ability"))) == 2


def test_the_old_single_rule_form_is_refused_every_file_has_the_dated_form():
    # coaching.yaml was the last file in this form; it now has source, effective_from and verified per rule.
    with pytest.raises(RulesError, match="rules"):
        parse_documents([("c.yaml", {"rule": "caseload", "source_url": "https://example.fi/c",
                                     "verified": False, "periods": [
                                         {"valid_from": "2008-01-01", "valid_to": None, "max_caseload": 20}]})])
    (rule,) = parse_documents([("c.yaml", {"rules": [{
        "id": "c", "kind": "caseload_fidelity", "effective_from": "2008-01-01", "max_caseload": 20,
        "source": "https://example.fi/c", "verified": False}]})])
    assert rule.kind == "caseload_fidelity" and rule["max_caseload"] == 20 and rule.effective_to is None


def test_a_rule_applies_to_the_country_an_employment_area_or_a_municipality():
    rules = _parse(_rule(id="n"), _rule(id="a", employment_area="Helsinki"), _rule(id="m", municipality="091"))
    day = date(2026, 1, 1)
    assert rules.in_force("wage_subsidy", day, situation="lack_of_skills").id == "n"
    assert rules.in_force("wage_subsidy", day, situation="lack_of_skills", municipality="091").id == "m"
    assert [r.id for r in rules.local(day, "Helsinki", "091")] == ["a", "m"]
    assert [r.id for r in rules.local(day, "Rovaseutu", "698")] == []
    assert rules.by_id("n").national and not rules.by_id("a").national


@pytest.mark.parametrize("bad,message", [
    ({"municipality": 91}, "three-digit"),
    ({"municipality": "91"}, "three-digit"),
    ({"municipality": "091", "employment_area": "Helsinki"}, "not both"),
    ({"confidence": "open", "rate_percent": None}, None),  # an open rule may lack its figures
])
def test_the_place_of_a_rule_is_checked(bad, message):
    if message is None:
        assert _parse(_rule(**bad)).by_id("ws-a").get("rate_percent") is None
        return
    with pytest.raises(RulesError, match=message):
        _parse(_rule(**bad))


def test_a_file_without_rules_is_refused():
    with pytest.raises(RulesError, match="rules"):
        parse_documents([("x.yaml", {"something": 1})])
