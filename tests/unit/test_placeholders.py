"""Figures in guidance articles are placeholders filled from the rules: every one resolves, typos fail."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from portal.domain.placeholders import PlaceholderError, check, fill, references
from portal.domain.rules import load_rules
from portal.guidance.articles import LANGS, all_articles

RULES = load_rules(Path(__file__).resolve().parents[2] / "seeds" / "rules")
DAY = date(2026, 3, 2)


def _fill(text: str, day: date = DAY) -> str:
    return fill(text, RULES, day, lambda n: f"<{n}>", "?")


@pytest.mark.parametrize("article", all_articles(), ids=lambda a: a.slug)
def test_every_placeholder_of_every_article_names_a_rule_and_a_figure(article):
    for lang in LANGS:
        for text in article.version(lang).texts():
            check(text, RULES)  # raises on a missing rule or figure
            assert "{{" not in _fill(text) and "}}" not in _fill(text)


def test_the_figure_articles_take_their_figures_from_the_rules():
    counts = {a.slug: sum(len(references(t)) for t in a.version("fi").texts()) for a in all_articles()}
    assert counts["wage-subsidy"] >= 20 and counts["adjustment-support"] >= 5 and counts["work-trial"] >= 8
    for slug in ("wage-subsidy", "adjustment-support", "work-trial"):
        assert {sum(len(references(t)) for t in a.version(lang).texts())
                for a in all_articles() if a.slug == slug for lang in LANGS} == {counts[slug]}, slug


def test_fill_uses_the_rule_in_force_on_the_date():
    text = ("{{ rule:municipal_top_up@091:max_monthly_eur }} / "
            "{{ rule:youth_employment_voucher/young_unemployed:rate_percent }}")
    assert _fill(text, DAY) == "<1500> / <50>"
    assert _fill(text, date(2025, 6, 1)) == "<800> / ?"  # the older Helsinki rule; no voucher yet
    share = "{{ rule:wage_subsidy/older_long_term_unemployed:min_working_time_share|percent }}"
    assert _fill(share) == "<65.00>"


@pytest.mark.parametrize("text", [
    "{{ rule:wage_subsidy/no_such_situation:rate_percent }}",
    "{{ rule:wage_subsidy/reduced_work_ability:no_such_figure }}",
    "{{ rule:municipal_top_up@698:max_monthly_eur }}",
    "{{ rule:wage_subsidy/reduced_work_ability:rate_percent }",
    "{{ rules:wage_subsidy/reduced_work_ability:rate_percent }}",
])
def test_a_typo_in_a_placeholder_fails(text):
    with pytest.raises(PlaceholderError):
        check(text, RULES)
