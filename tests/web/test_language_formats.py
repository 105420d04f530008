"""Numbers, ranges, dates and times as each language writes them; counts; content in another language."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from flask import render_template_string

from portal.db_types import utcnow
from portal.domain.text_language import guess_language
from portal.events.models import Event
from portal.extensions import db as _db
from portal.placements.texts import message
from portal.procurements.presenters import figure_with_unit
from tests.access.employers import make_role

# 7.12.2026 at 9.00 and 11.30 in Helsinki (UTC+2 in winter).
START, END = datetime(2026, 12, 7, 7, 0, tzinfo=UTC), datetime(2026, 12, 7, 9, 30, tzinfo=UTC)


def _render(app, lang: str, source: str, **values) -> str:
    with app.test_request_context(f"/?lang={lang}"):
        app.preprocess_request()
        return render_template_string(source, **values)


@pytest.mark.parametrize("lang,moment,long,span", [
    ("fi", "7.12.2026 klo 9.00", "maanantaina 7.12.2026 klo 9.00", "maanantaina 7.12.2026 klo 9.00–11.30"),
    ("sv", "7.12.2026 kl. 9.00", "måndag 7.12.2026 kl. 9.00", "måndag 7.12.2026 kl. 9.00–11.30"),
    ("en", "Dec 7, 2026, 9:00 AM", "Monday, December 7, 2026, 9:00 AM", "Monday, December 7, 2026, 9:00 AM–11:30 AM"),
])
def test_times_are_written_as_each_language_writes_them(app, lang, moment, long, span):
    source = "{{ t | datetime }}|{{ t | datetime('short') }}|{{ t | datetime('full') }}|{{ time_span(t, e) }}"
    out = _render(app, lang, source, t=START, e=END)
    assert out.split("|") == [moment, moment, long, span]
    assert "00.00" not in out and "normaaliaika" not in out and "normaltid" not in out


def test_an_event_over_two_days_names_both_days(app):
    out = _render(app, "fi", "{{ time_span(t, e) }}", t=START, e=END + timedelta(days=1))
    assert out == "maanantaina 7.12.2026 klo 9.00 – tiistaina 8.12.2026 klo 11.30"


@pytest.mark.parametrize("lang,short,medium", [("fi", "7.12.2026", "7.12.2026"), ("sv", "7.12.2026", "7.12.2026"),
                                               ("en", "12/7/26", "Dec 7, 2026")])
def test_dates_are_finlands_in_swedish_too(app, lang, short, medium):
    out = _render(app, lang, "{{ d | date('short') }}|{{ d | date }}|{{ t | date('short') }}",
                  d=date(2026, 12, 7), t=START)
    assert out == f"{short}|{medium}|{short}"
    assert "2026-12-07" not in out


@pytest.mark.parametrize("lang,number,months,span", [("fi", "12\u00a0345,5", "8,7", "0,01–100\u00a0000"),
                                                     ("sv", "12\u00a0345,5", "8,7", "0,01–100\u00a0000"),
                                                     ("en", "12,345.5", "8.7", "0.01–100,000")])
def test_numbers_and_ranges_use_the_languages_decimal_sign_and_an_en_dash(app, lang, number, months, span):
    out = _render(app, lang, "{{ n | number }}|{{ m | number(1) }}|{{ number_span(lo, hi) }}",
                  n=12345.5, m=8.6666, lo=Decimal("0.01"), hi=100000)
    assert out.split("|") == [number, months, span]


def test_a_trial_too_long_names_its_months_with_a_decimal_comma(app):
    with app.test_request_context("/?lang=fi"):
        app.preprocess_request()
        text = message("too_long_total", max=12, months=8.66)
    assert "8,7 kuukautta" in text and "8.7" not in text


def test_the_calculator_shows_37_5_with_a_comma_and_takes_comma_or_point_back(client):
    for lang, shown in (("fi", 'value="37,5"'), ("sv", 'value="37,5"'), ("en", 'value="37.5"')):
        page = client.get(f"/guidance/calculator?lang={lang}").get_data(as_text=True)
        assert shown in page and 'inputmode="decimal"' in page
    base = {"situation": "reduced_work_ability", "employer_kind": "company", "weekly_hours": "30",
            "start": "2025-03-01", "months": "12"}
    for lang, pay, hours in (("fi", "2000,50", "37,5"), ("fi", "2 000.50", "37.5"), ("sv", "2000,5", "37,5"),
                             ("en", "2,000.50", "37.5")):
        page = client.get("/guidance/calculator", query_string={**base, "lang": lang, "monthly_pay": pay,
                                                                 "full_time_hours": hours}).get_data(as_text=True)
        assert "field-error" not in page, (lang, pay, hours)


def test_a_number_out_of_range_is_refused_with_the_bounds_in_the_readers_notation(client):
    base = {"situation": "reduced_work_ability", "employer_kind": "company", "weekly_hours": "30",
            "start": "2025-03-01", "months": "12", "monthly_pay": "0"}
    fi = client.get("/guidance/calculator", query_string={**base, "lang": "fi"}).get_data(as_text=True)
    assert "Anna luku väliltä 0,01–100\u00a0000." in fi and "0.01" not in fi
    en = client.get("/guidance/calculator", query_string={**base, "lang": "en"}).get_data(as_text=True)
    assert "Give a number from 0.01 to 100,000." in en
    months = client.get("/guidance/calculator", query_string={**base, "monthly_pay": "2000", "months": "500",
                                                                "lang": "fi"}).get_data(as_text=True)
    assert "Anna luku väliltä 1–120." in months and "välillä 1 - 120" not in months


def test_counts_read_right_for_one(app):
    for lang, one, two in (("fi", "1 henkilö", "2 henkilöä"), ("sv", "1 person", "2 personer"),
                           ("en", "1 person", "2 people")):
        with app.test_request_context(f"/?lang={lang}"):
            app.preprocess_request()
            assert (figure_with_unit(1, "persons"), figure_with_unit(2, "persons")) == (one, two)
    out = _render(app, "fi", "{% from 'proposals/_macros.html' import notifications_link %}"
                             "{{ notifications_link(1) }}|{{ notifications_link(3) }}")
    assert "Ilmoitukset: 1 lukematon<" in out and "Ilmoitukset: 3 lukematonta<" in out


def test_the_proposal_page_speaks_the_readers_language_and_says_nothing_twice(client, world):
    from tests.conftest import sign_in

    sign_in(client, world.user("employer"))
    for lang, words in (("sv", ("Rollen kräver", "Uppfylls av")), ("fi", ("Tehtävä edellyttää",))):
        page = client.get(f"/proposals/received/{world.ids['proposal_sent']}?lang={lang}").get_data(as_text=True)
        assert "The role asks for" not in page and "Closest skill" not in page and ">Matched<" not in page
        assert all(w in page for w in words), (lang, [w for w in words if w not in page])
        assert page.count("Vastauksenne") <= 1 and page.count("Ert svar") <= 1
        assert not re.search(r"</strong>\s+:", page)


def _event(world, **texts) -> Event:
    start = utcnow().replace(microsecond=0, second=0) + timedelta(days=20)
    event = Event(organisation_id=world.orgs["operator"].id, created_by_id=world.users["admin"].id,
                  starts_at=start, ends_at=start + timedelta(hours=2), place="Kirjasto", capacity=10, published=True,
                  **{"title_fi": "Rekrytointiaamu", "description_fi": "Tule tapaamaan työnantajia.", **texts})
    _db.session.add(event)
    _db.session.commit()
    return event


def test_event_times_read_klo_and_an_untranslated_text_is_marked_and_noticed(client, world):
    event = _event(world, title_sv="Rekryteringsmorgon")
    fi = client.get(f"/events/{event.id}?lang=fi").get_data(as_text=True)
    assert re.search(r"klo \d{1,2}\.\d\d–\d{1,2}\.\d\d \(Suomen aikaa\)", fi) and "normaaliaika" not in fi
    assert "role=\"note\"" not in fi  # Finnish content on a Finnish page needs no notice
    sv = client.get(f"/events/{event.id}?lang=sv").get_data(as_text=True)
    assert re.search(r"kl\. \d{1,2}\.\d\d–\d{1,2}\.\d\d", sv)
    assert '<h1 lang="sv">Rekryteringsmorgon</h1>' in sv  # the title is translated ...
    assert '<div lang="fi"><p>Tule tapaamaan työnantajia.</p></div>' in sv  # ... the description is not
    assert "Den här texten har inte översatts till ditt språk; den visas på finska." in sv


def test_a_role_in_another_language_than_the_page_is_marked_and_noticed(client, world):
    finnish = make_role(world.orgs["employer"], title="Siivooja",
                        description="Siivoat toimistoa ja kerromme työstä lisää, kun tapaamme.")
    swedish = make_role(world.orgs["employer"], title="Lagerarbetare",
                        description="Du arbetar på vårt lager och har hand om att plocka varor till kunder.")
    _db.session.commit()
    sv = client.get(f"/roles/{finnish.id}?lang=sv").get_data(as_text=True)
    assert '<h1 lang="fi">Siivooja</h1>' in sv and "den visas på finska" in sv
    assert '<div lang="fi"><p class="text-block">Siivoat toimistoa' in sv
    fi = client.get(f"/roles/{finnish.id}?lang=fi").get_data(as_text=True)
    assert '<h1 lang="fi">Siivooja</h1>' in fi and 'role="note"' not in fi
    other = client.get(f"/roles/{swedish.id}?lang=fi").get_data(as_text=True)
    assert '<h1 lang="sv">Lagerarbetare</h1>' in other and "se näytetään ruotsiksi" in other
    listing = client.get("/roles?lang=en").get_data(as_text=True)
    assert f'href="/roles/{swedish.id}" lang="sv"' in listing and f'href="/roles/{finnish.id}" lang="fi"' in listing


@pytest.mark.parametrize("texts,lang", [
    (("Siivooja", "Siivoat toimistoa ja autat asiakkaita, kun he tulevat."), "fi"),
    (("Lagerarbetare", "Du arbetar på vårt lager och plockar varor till kunder."), "sv"),
    (("Cleaner", "You will clean our office and help the customers at the desk."), "en"),
    (("Siivooja", ""), "fi"),  # too little to tell: Finnish, as most roles are
    (("", "och and ja"), "fi"),  # a tie: Finnish
])
def test_the_language_of_a_free_text_is_guessed_from_its_common_words(texts, lang):
    assert guess_language(*texts) == lang


def test_the_language_choice_names_each_language_in_itself(client, login_as):
    login_as("coach")
    page = client.get("/account?lang=fi").get_data(as_text=True)
    assert re.search(r'<option[^>]*lang="en"[^>]*>English</option>', page)
    assert re.search(r'<option[^>]*lang="sv"[^>]*>Svenska</option>', page)
