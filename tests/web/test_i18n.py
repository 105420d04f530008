"""Three languages: choosing, remembering, switching, formatting."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal
from flask_babel import force_locale

from portal.i18n import LANGUAGE_NAMES


def _lang(html: str) -> str:
    return re.search(r'<html lang="(\w+)"', html).group(1)


def test_finnish_is_the_default(client):
    html = client.get("/").get_data(as_text=True)
    assert _lang(html) == "fi"
    assert "Työtä osatyökykyisille" in html


def test_lang_parameter_gives_swedish_and_english(client):
    sv = client.get("/?lang=sv").get_data(as_text=True)
    assert _lang(sv) == "sv" and "Arbete för personer med partiell arbetsförmåga" in sv
    en = client.get("/?lang=en").get_data(as_text=True)
    assert _lang(en) == "en" and "Work for people with partial work ability" in en


def test_chosen_language_is_remembered_for_the_session(client):
    client.get("/?lang=sv")
    assert _lang(client.get("/privacy").get_data(as_text=True)) == "sv"


def test_accept_language_is_used_when_nothing_was_chosen(client):
    html = client.get("/", headers={"Accept-Language": "sv-FI,sv;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert _lang(html) == "sv"
    html = client.get("/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert _lang(html) == "fi"


def test_an_unsupported_lang_parameter_is_ignored(client):
    assert _lang(client.get("/?lang=de").get_data(as_text=True)) == "fi"


def test_user_setting_wins_over_the_browser_and_follows_the_switch(client, login_as, db):
    user = login_as("coach", language="sv")
    html = client.get("/account", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert _lang(html) == "sv"
    client.get("/account?lang=en")
    db.session.refresh(user)
    assert user.language == "en"


def test_switcher_names_languages_in_their_own_language_and_keeps_the_page(client):
    html = client.get("/privacy?lang=en").get_data(as_text=True)
    for code, name in LANGUAGE_NAMES.items():
        assert f'href="/privacy?lang={code}" lang="{code}" hreflang="{code}"' in html
        assert name in html
    assert 'lang="en" hreflang="en" aria-current="true"' in html


def test_dates_and_numbers_follow_the_locale(app):
    from flask import render_template_string

    moment = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)  # 2 March 00:30 in Helsinki
    with app.test_request_context():
        for lang in ("fi", "sv", "en"):
            with force_locale(lang):
                out = render_template_string("{{ d | date }}|{{ n | number }}|{{ t | datetime('short') }}",
                                             d=date(2026, 3, 1), n=12345.5, t=moment)
            day, number, _stamp = out.split("|")
            # Finnish and Finland-Swedish write the date in numbers (1.3.2026), English as Babel's medium form.
            assert day == ("1.3.2026" if lang in ("fi", "sv") else format_date(date(2026, 3, 1), "medium", locale=lang))
            assert number == format_decimal(12345.5, locale=lang)
    with app.test_request_context(), force_locale("fi"):
        # 22:30 UTC is already the next day in Helsinki.
        assert render_template_string("{{ t | datetime('short') }}", t=moment).startswith("2.3.2026")
        assert render_template_string("{{ t | date('short') }}|{{ none | date }}|{{ none | number }}|{{ 0 | number }}",
                                      t=moment, none=None) == "2.3.2026|||0"


def test_the_catalog_kept_for_the_request_follows_force_locale_and_refresh(app):
    from flask import g, render_template_string
    from flask_babel import gettext, lazy_gettext, refresh

    page = "{{ _('Sign in') }}|{{ later }}"
    with app.test_request_context("/?lang=sv"):
        app.preprocess_request()
        assert gettext("Sign in") == "Logga in"
        assert render_template_string(page, later=lazy_gettext("Sign in")) == "Logga in|Logga in"
        with force_locale("en"):
            assert render_template_string(page, later=lazy_gettext("Sign in")) == "Sign in|Sign in"
        assert gettext("Sign in") == "Logga in"
        g.lang = "fi"
        refresh()
        assert render_template_string(page, later=lazy_gettext("Sign in")) == "Kirjaudu sisään|Kirjaudu sisään"
    with app.test_request_context("/?lang=en"):
        app.preprocess_request()
        assert gettext("Sign in") == "Sign in"


def test_error_pages_are_translated(client):
    assert "Sivua ei löytynyt" in client.get("/no-such-page").get_data(as_text=True)
    assert "Sidan hittades inte" in client.get("/no-such-page?lang=sv").get_data(as_text=True)
    assert "Page not found" in client.get("/no-such-page?lang=en").get_data(as_text=True)
    response = client.get("/no-such-page")
    assert response.status_code == 404
