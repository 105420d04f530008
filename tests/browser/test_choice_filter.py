"""The search box of a long list of choices (static/js/searchable.js): added by its script, it narrows the list."""
from __future__ import annotations

from tests.browser.conftest import sign_in


def _visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => !e.hidden).map(e => e.textContent.trim())")


def test_typing_narrows_the_occupations_and_the_skills(browser, live_server):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    sign_in(page, live_server, "employer")
    page.goto(f"{live_server.url}/employer/roles/new?lang=fi")
    page.get_by_label("Hae ammattia").fill("keittiö")
    shown = _visible(page, "#occupation_code option")
    assert "Avustavat keittiötyöntekijät" in shown and "Upseerit" not in shown and len(shown) < 10
    page.get_by_label("Hae ammattia").fill("")
    assert len(_visible(page, "#occupation_code option")) == 437  # the empty choice and 436 groups
    context.close()

    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    sign_in(page, live_server, "coach")
    page.goto(f"{live_server.url}/coaching/candidates/new?lang=fi")
    page.get_by_label("Hae osaamista").fill("kortti")
    shown = _visible(page, "fieldset .choice")
    assert "Trukkikortti" in shown and "Tulityökortti" in shown and "Siivous" not in shown
    context.close()


def test_without_its_script_the_box_stays_hidden_and_the_list_is_whole(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "employer")
    page.goto(f"{live_server.url}/employer/roles/new?lang=fi")
    assert page.locator(".list-search").count() == 0  # no box that would do nothing
    assert page.locator("#occupation_code option").count() == 437
    context.close()


def test_enter_in_the_search_box_narrows_and_does_not_send_the_form(browser, live_server):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.goto(f"{live_server.url}/guidance/calculator?lang=fi")
    box = page.get_by_label("Hae kuntaa nimellä").first
    box.fill("närpi")
    box.press("Enter")
    assert page.url.endswith("/guidance/calculator?lang=fi")  # still the empty form, nothing sent
    assert page.eval_on_selector_all("#municipality option", "els => els.map(e => e.textContent)")[1:] == ["Närpiö"]
    context.close()
