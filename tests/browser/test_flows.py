"""Journeys through the real browser: signing in and out, switching language, CSP."""
from __future__ import annotations

from tests.browser.conftest import sign_in


def test_login_lands_on_start_page_and_logout_ends_the_session(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "other_coach")  # not used by the axe run, so still in Finnish
    # /start sends a coach on to their own start page, the caseload.
    assert page.url.endswith("/coaching/")
    assert page.locator("h1").inner_text() == "Asiakkaani"
    cookies = context.cookies()
    page.click("header form button[type=submit]")  # sign out
    page.wait_for_url(f"{live_server.url}/")
    # The cookie from before the logout no longer opens the account page.
    stale = browser.new_context()
    stale.add_cookies(cookies)
    other = stale.new_page()
    other.goto(f"{live_server.url}/account")
    assert "/login" in other.url
    stale.close()
    context.close()


def test_language_switcher_changes_language_and_is_remembered(browser, live_server):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "fi"
    page.click("nav.lang-switch >> text=På svenska")
    assert page.locator("html").get_attribute("lang") == "sv"
    page.goto(live_server.url + "/privacy")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.locator("h1").inner_text() == "Dataskyddsbeskrivning"
    page.click("nav.lang-switch >> text=In English")
    assert page.locator("h1").inner_text() == "Privacy notice"
    context.close()


def test_pages_load_without_csp_violations_or_script_errors(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in ("/", "/login", "/accessibility", "/privacy"):
        page.goto(live_server.url + path)
    sign_in(page, live_server, "admin")
    page.goto(live_server.url + "/admin/organisations")
    assert not errors, errors
    context.close()


def test_skip_link_moves_focus_to_main(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


def test_browser_language_is_used_until_the_visitor_chooses(browser, live_server):
    context = browser.new_context(locale="sv-FI")
    page = context.new_page()
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "sv"
    context.close()
