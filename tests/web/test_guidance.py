"""Guidance articles in three languages, the calculator's answers and refusals, the rules page."""
from __future__ import annotations

import html

import pytest
from flask_babel import force_locale, format_decimal

from portal.guidance.articles import all_articles
from portal.guidance.rules_data import rules
from portal.guidance.services import SHOWN_KINDS

SLUGS = ["wage-subsidy", "adjustment-support", "work-trial", "job-coach", "procurement-clauses", "job-carving",
         "health-questions"]


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_every_article_the_issue_names_exists_in_three_languages():
    assert [a.slug for a in all_articles()] == SLUGS
    for article in all_articles():
        titles = {lang: article.version(lang).title for lang in ("fi", "sv", "en")}
        assert len(set(titles.values())) == 3, titles  # really translated, not copied
        assert article.sources and all(url.startswith("https://") for _title, url, _lang in article.sources)


@pytest.mark.parametrize("lang,date_text", [("fi", "28.11.2026"), ("sv", "28.11.2026"), ("en", "Nov 28, 2026")])
def test_articles_show_date_sources_and_the_next_steps(client, db, lang, date_text):
    index = text_of(client.get(f"/guidance/?lang={lang}"))
    for article in all_articles():
        version = article.version(lang)
        assert version.title in index
        page = text_of(client.get(f"/guidance/{article.slug}?lang={lang}"))
        assert f"<h1>{version.title}</h1>" in page
        assert date_text in page
        for _title, url, _lang in article.sources:
            assert f'href="{url}"' in page
        assert 'href="/guidance/calculator"' in page and 'href="/employer/roles/new"' in page
    assert client.get("/guidance/no-such-article").status_code == 404


def _calc(client, **args):
    base = {"lang": "en", "situation": "reduced_work_ability", "employer_kind": "company", "monthly_pay": "2000",
            "weekly_hours": "30", "full_time_hours": "37.5", "start": "2025-03-01", "months": "12"}
    return text_of(client.get("/guidance/calculator", query_string={**base, **args}))


def _eur(amount) -> str:
    with force_locale("en"):
        return f"{format_decimal(amount)} €"


def test_calculator_gives_the_rules_figure_and_names_the_rule(app, client, db):
    rule = rules().in_force("wage_subsidy", __import__("datetime").date(2025, 3, 1), situation="reduced_work_ability")
    with app.test_request_context():
        expected = min(2000 * rule["rate_percent"] / 100, rule["monthly_cap_eur"])
        monthly, total = _eur(expected), _eur(expected * 12)
    page = _calc(client)
    assert "Wage subsidy a month:" in page and monthly in page and total in page
    assert "Reduced work ability because of a disability or illness" in page
    assert rule.source in page and "not yet checked against the law text" in page
    with app.test_request_context(), force_locale("en"):
        from flask_babel import format_date
        assert f"{format_date(rule.effective_from)} – " in page  # the rule's period
    assert "The employment authority decides." in page


def test_calculator_caps_and_adds_adjustment_support(app, client, db):
    page = _calc(client, monthly_pay="4000", months="30", tools_cost="5000", coworker_hours="30", coworker_months="24")
    cap = rules().by_id("wage-subsidy-reduced-work-ability-2023")["monthly_cap_eur"]
    tools = rules().by_id("adjustment-support-tools-2023")["max_eur_per_person"]
    with app.test_request_context():
        assert _eur(cap) in page and _eur(tools) in page
    assert "above the monthly cap, so the cap applies" in page
    assert "The rule allows at most 24 months for this situation" in page
    assert "Capped at 20 hours a month and 18 months." in page


def test_calculator_refuses_what_the_rules_do_not_allow_and_says_why(client, db):
    page = _calc(client, situation="association_long_term_unemployed")
    assert "No wage subsidy can be estimated:" in page
    assert "This subsidy is only for these employers: An association; A foundation" in page
    page = _calc(client, situation="association_long_term_unemployed", employer_kind="association",
                 long_term_unemployed="y")
    assert "at most 65 % of the sector's full time: 24.4 hours a week at 37.5 hours" in page
    page = _calc(client, employer_kind="municipality", situation="lack_of_skills")
    assert "this kind of employer can get wage subsidy only in these situations" in page
    page = _calc(client, start="2023-01-01")
    assert "has no rule for this situation on the start date" in page


def test_calculator_warns_past_the_confirmed_date_and_keeps_what_was_typed(client, db):
    page = _calc(client, start="2026-03-01")
    assert "Our sources confirm this figure only until" in page
    page = _calc(client, monthly_pay="-5", weekly_hours="99")
    assert "Please correct the following" in page and 'value="99"' in page and "Wage subsidy a month" not in page


def test_calculator_in_finnish(client, db):
    page = text_of(client.get("/guidance/calculator?lang=fi"))
    assert "<h1>" in page and 'lang="fi"' in page


def test_rules_page_lists_every_rule_as_unverified(client, db):
    page = text_of(client.get("/guidance/rules?lang=en"))
    assert "None of these figures has yet been checked against the law text." in page
    shown = [r for r in rules() if r.kind in SHOWN_KINDS]
    assert {"youth_employment_voucher", "municipal_top_up", "kela_rehabilitation"} <= {r.kind for r in shown}
    for rule in shown:
        assert rule.source in page
    assert page.count("Taken from the authorities' public pages; not yet checked against the law text.") == len(shown)
