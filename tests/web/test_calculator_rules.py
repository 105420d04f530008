"""The rules of issue 15 through the calculator page, in Finnish and Swedish; articles show the rules' figures."""
from __future__ import annotations

import html
import re

import pytest
from flask_babel import force_locale, format_decimal, gettext

from portal.guidance.articles import all_articles
from portal.guidance.rules_data import rules

BASE = {"employer_kind": "company", "monthly_pay": "2400", "weekly_hours": "30", "full_time_hours": "37.5",
        "start": "2026-03-02", "months": "10", "age": "57", "long_term_unemployed": "y"}


def _page(client, lang: str, **args) -> str:
    query = {**BASE, "lang": lang, "situation": "older_long_term_unemployed", **args}
    response = client.get("/guidance/calculator", query_string=query)
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))


def _t(app, lang: str, message: str, **params) -> str:
    with app.test_request_context(), force_locale(lang):
        return gettext(message, **params)


def _eur(app, lang: str, amount) -> str:
    with app.test_request_context(), force_locale(lang):
        return f"{format_decimal(amount)} €"


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_55_plus_hours_are_at_least_25_at_a_full_time_of_37_5(app, client, db, lang):
    page = _page(client, lang, weekly_hours="24.5")
    with app.test_request_context(), force_locale(lang):
        needed = gettext("This subsidy needs at least %(min_hours)s working hours a week.",
                         min_hours=format_decimal(25))
    assert needed in page and _t(app, lang, "No wage subsidy can be estimated:") in page
    page = _page(client, lang, weekly_hours="24.5", full_time_hours="37")
    assert _t(app, lang, "Wage subsidy a month:") in page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_a_municipality_gets_the_55_plus_subsidy_but_not_wage_subsidy_for_lack_of_skills(app, client, db, lang):
    page = _page(client, lang, employer_kind="municipality")
    assert _t(app, lang, "Wage subsidy a month:") in page and _eur(app, lang, 1680) in page  # 70 % of 2,400
    page = _page(client, lang, employer_kind="municipality", situation="lack_of_skills")
    assert _t(app, lang, "No wage subsidy can be estimated:") in page
    page = _page(client, lang, employer_kind="municipality", situation="municipal_older_long_term_unemployed", age="61")
    assert _t(app, lang, "The conditions fit, but the portal has found no public source for this subsidy's amount. "
                         "Ask the employment area.") in page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_youth_employment_voucher(app, client, db, lang):
    page = _page(client, lang, situation="young_unemployed", age="24", unemployed_months="6", long_term_unemployed="")
    assert _t(app, lang, "Youth employment voucher a month:") in page and _eur(app, lang, 1200) in page
    page = _page(client, lang, situation="young_unemployed", age="31", unemployed_months="6")
    assert _t(app, lang, "No wage subsidy can be estimated:") in page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_helsinki_top_up_shows_for_helsinki_and_not_for_rovaniemi_or_narpes(app, client, db, lang):
    rule = rules().by_id("helsinki-top-up-2026")
    page = _page(client, lang, municipality="049", home_municipality="091")  # work in Espoo, a Helsinki resident
    assert _t(app, lang, "National support") in page
    assert _t(app, lang, "At most %(sum)s a month.", sum=_eur(app, lang, 1500)) in page and rule.source in page
    assert _t(app, lang, "Granted separately from wage subsidy, not on top of it: compare the two.") in page
    assert ("Helsingfors" if lang == "sv" else "Helsinki") in page
    for code in ("698", "545"):  # Rovaniemi, Närpes
        page = _page(client, lang, municipality=code)
        assert rule.source not in page
        assert _t(app, lang, "The portal knows no top-up of this municipality or its employment area in force on "
                             "the start date.") in page
    assert "Närpes" in _page(client, "sv", municipality="545") and "Närpiö" in _page(client, "fi", municipality="545")
    # The top-up follows where the person lives: work in Helsinki by a Vantaa resident has none.
    assert rule.source not in _page(client, lang, municipality="091", home_municipality="092")


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_aland_gets_no_estimate_of_mainland_supports(app, client, db, lang):
    page = _page(client, lang, municipality="478")  # Mariehamn
    assert "Åland" in page or "Ahvenanmaa" in page
    assert _t(app, lang, "Wage subsidy a month:") not in page and "(employment area )" not in page


def test_65_per_cent_of_a_short_full_time_passes_at_its_exact_value(client, db):
    page = _page(client, "en", full_time_hours="37", weekly_hours="24.05")  # 65 % of 37 h is 24.05 h
    assert "Wage subsidy a month" in page
    refused = _page(client, "en", full_time_hours="37", weekly_hours="24")
    assert "at least 24.1 working hours" in refused


def test_an_unknown_municipality_is_refused_politely(client, db):
    page = _page(client, "en", municipality="999")
    assert "Please correct the following" in page and "Wage subsidy a month" not in page


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_articles_show_the_rules_figures_in_the_readers_format(app, client, db, lang):
    cap = rules().by_id("wage-subsidy-reduced-work-ability-2023")["monthly_cap_eur"]
    for article in all_articles():
        page = html.unescape(client.get(f"/guidance/{article.slug}?lang={lang}").get_data(as_text=True))
        assert "{{" not in page and "rule:" not in page
    page = html.unescape(client.get(f"/guidance/wage-subsidy?lang={lang}").get_data(as_text=True))
    with app.test_request_context(), force_locale(lang):
        assert format_decimal(cap) in page  # "1 770" in fi and sv, "1,770" in en
    assert re.search(r"\b1770\b", page) is None
