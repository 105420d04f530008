"""The "Show password" checkbox (ASVS 2.1.12): shown only when its script runs, it unmasks the form's fields."""
from __future__ import annotations


def test_show_password_unmasks_the_field_while_checked_and_hides_it_again(browser, live_server):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/login?lang=en")
    password = page.locator("#password")
    password.fill("pitkä salasana 2026")
    assert password.get_attribute("type") == "password"
    toggle = page.get_by_label("Show password")
    assert toggle.is_visible()
    toggle.check()
    assert password.get_attribute("type") == "text"
    toggle.uncheck()
    assert password.get_attribute("type") == "password"
    context.close()


def test_without_its_script_the_checkbox_stays_hidden(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/login?lang=en")
    assert page.locator("[data-show-password]").count() == 1
    assert not page.locator("[data-show-password]").is_visible()
    context.close()
