"""Rules of procurements, clause parameters and ledger entries (portal.domain.procurement_rules),
and the clause library's wording in three languages."""
from __future__ import annotations

from datetime import date

import pytest

from portal.domain.procurement_rules import (
    TRANSITIONS,
    ClauseParams,
    clause_problems,
    entry_problems,
    parse_cpv,
    period_problem,
    person_code_problem,
    transition_problem,
)
from portal.procurements.clause_text import LANGS, read_library, render

START, END = date(2026, 1, 1), date(2027, 12, 31)


@pytest.mark.parametrize("current,target,problem", [
    ("planned", "tendering", None),
    ("tendering", "awarded", None),
    ("awarded", "in_force", None),
    ("in_force", "ended", None),
    ("tendering", "planned", None),
    ("awarded", "tendering", None),
    ("planned", "awarded", "not_allowed"),
    ("planned", "ended", "not_allowed"),
    ("ended", "in_force", "not_allowed"),
    ("in_force", "planned", "not_allowed"),
    ("planned", "nonsense", "not_allowed"),
])
def test_only_the_listed_transitions_are_allowed(current, target, problem):
    assert transition_problem(current, target, has_supplier=True) == problem


def test_an_award_needs_a_supplier():
    assert transition_problem("tendering", "awarded", has_supplier=False) == "needs_supplier"
    assert all(t in TRANSITIONS for targets in TRANSITIONS.values() for t in targets)


@pytest.mark.parametrize("code,expected", [
    ("45000000-7", ("45000000-7", "45")),
    ("45000000", ("45000000", "45")),
    (" 90910000 - 9 ", ("90910000-9", "90")),
])
def test_cpv_codes_are_normalised_and_give_their_division(code, expected):
    assert parse_cpv(code) == expected


@pytest.mark.parametrize("code", ["4500000", "450000000", "45000000-77", "ABCDEFGH", "", "45-000000"])
def test_malformed_cpv_codes_are_refused(code):
    with pytest.raises(ValueError):
        parse_cpv(code)


def test_reversed_periods_are_refused():
    assert period_problem(END, START) == "dates_reversed"
    assert period_problem(START, START) is None


def _params(**kw):
    base = dict(kind="persons", quantity=3, deadline=date(2027, 6, 30), reporting_interval=3, min_months=6)
    return ClauseParams(**{**base, **kw})


@pytest.mark.parametrize("change,field,code", [
    ({"quantity": 0}, "quantity", "not_positive"),
    ({"quantity": -2}, "quantity", "not_positive"),
    ({"quantity": 2.5}, "quantity", "whole_persons"),
    ({"min_months": 0}, "min_months", "not_positive"),
    ({"min_months": None}, "min_months", "not_positive"),
    ({"deadline": date(2028, 1, 1)}, "deadline", "outside_contract"),
    ({"deadline": date(2025, 12, 31)}, "deadline", "outside_contract"),
    ({"reporting_interval": 2}, "reporting_interval", "unknown_interval"),
    ({"social_enterprise_share": 1.5}, "social_enterprise_share", "share_range"),
    ({"social_enterprise_share": 0}, "social_enterprise_share", "share_range"),
    ({"sanction_per_month": -1}, "sanction_per_month", "negative"),
])
def test_clause_parameters_that_cannot_stand(change, field, code):
    assert clause_problems(_params(**change), START, END) == {field: code}


def test_person_months_may_be_fractional_and_need_no_minimum_length():
    assert clause_problems(_params(kind="person_months", quantity=12.5, min_months=None), START, END) == {}
    assert clause_problems(_params(deadline=END), START, END) == {}


@pytest.mark.parametrize("code,problem", [
    ("HK-0042", None), ("12345", None), ("A1B", None),
    ("MATTI", "person_code_format"), ("MATTI VIRTANEN", "person_code_format"), ("A1", "person_code_format"),
    ("-HK1", "person_code_format"), ("X" * 19 + "1", None), ("X" * 20 + "1", "person_code_format"),
    ("010190-123A", "person_code_hetu"), ("131052-308T", "person_code_hetu"), ("010100A123B", "person_code_hetu"),
])
def test_person_codes_are_pseudonymous_never_names_or_identity_codes(code, problem):
    assert person_code_problem(code) == problem


def _entry(**kw):
    base = dict(kind="job", start=date(2026, 2, 1), end=None, share=1.0, clause_kind="person_months",
                period_start=START, deadline=date(2027, 6, 30), social_enterprise_allowed=False)
    return entry_problems(**{**base, **kw})


@pytest.mark.parametrize("change,field,code", [
    ({"end": date(2026, 1, 15)}, "end_date", "dates_reversed"),
    ({"start": date(2025, 12, 31)}, "start_date", "before_period"),
    ({"start": date(2027, 7, 1)}, "start_date", "after_deadline"),
    ({"share": 0}, "work_share", "share_range"),
    ({"share": 1.01}, "work_share", "share_range"),
    ({"share": None}, "work_share", "share_range"),
    ({"kind": "work_trial"}, "kind", "kind_not_accepted"),
    ({"kind": "social_enterprise"}, "kind", "kind_not_accepted"),
    ({"kind": "holiday"}, "kind", "unknown_kind"),
])
def test_ledger_entries_that_cannot_count(change, field, code):
    assert _entry(**change) == {field: code}


def test_an_entry_may_run_past_the_deadline_and_social_enterprise_counts_with_a_share():
    assert _entry(end=date(2028, 5, 1)) == {}
    assert _entry(kind="social_enterprise", social_enterprise_allowed=True) == {}
    assert _entry(kind="work_trial", clause_kind="combined") == {}


def test_every_template_renders_in_every_language_with_singular_and_plural():
    library = read_library()
    assert [t.code for t in library.templates.values()] == [
        "persons", "person_months", "apprenticeships", "work_trials", "combined",
        "award_person_months", "reserved_persons"]
    # The award criterion's and reserved contract's own placeholders (portal.procurements.terms fills them).
    terms = {"award": {lang: {"points": "10", "scale": "6 = 2"} for lang in LANGS},
             "reserved": {lang: {"share": "30 %", "legal_reference": "1397/2016 § 18"} for lang in LANGS}}
    groups = {"fi": ["Osatyökykyiset"], "sv": ["Unga"], "en": ["Immigrants"]}
    for template in library.templates.values():
        for quantity in (1, 4):
            params = ClauseParams(kind=template.kind, quantity=quantity, deadline=date(2027, 6, 30),
                                  reporting_interval=12, min_months=1 if template.uses_min_months else None,
                                  sanction_per_month=100)
            texts = render(template, params, groups, terms.get(template.form))
            assert set(texts) == set(LANGS)
            assert all("{" not in text for text in texts.values())
    one = render(library.templates["persons"], ClauseParams("persons", 1, date(2027, 6, 30), 12, 1), groups)
    assert "vähintään yhden henkilön" in one["fi"] and "minst en person" in one["sv"]
    assert "at least one person" in one["en"] and "at least 1 month." in one["en"]
