"""In a real browser: an employer posts a role, publishes it, and a visitor finds it by a misspelled word."""
from __future__ import annotations

import json

from tests.browser.conftest import sign_in


def test_employer_posts_and_publishes_a_role_that_a_visitor_finds_misspelled(browser, live_server):
    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, live_server, "employer")
    assert page.url.endswith("/employer/")
    # The user's language is remembered, and other browser tests may have switched it: choose Finnish.
    page.goto(f"{live_server.url}/employer/?lang=fi")
    page.click("main >> text=Julkaise tehtävä")
    page.fill("#title", "Pyykkihuoltaja, aamupäivät")
    page.check("#kind-0")
    page.fill("#tasks", "Lajittelet pyykit, käytät pesukoneita ja viikkaat puhtaat tekstiilit.")
    page.fill("#description", "Rauhallinen pesula, jossa työtahti sovitaan yhdessä.")
    page.fill("#essential_skills", "Pesulatyö")
    page.select_option("#municipality_code", "837")
    page.fill("#hours_min", "15")
    page.fill("#hours_max", "25")
    page.check("input[name=adjustments][value=quiet_workspace]")
    page.select_option("#demand_standing", "moderate")
    page.click("button[name=action][value=publish]")
    page.wait_for_url(lambda url: "/employer/roles/" in url and not url.endswith("/new"))
    assert "Tehtävä on julkaistu." in page.locator(".flashes").inner_text()
    assert page.locator("h1").inner_text() == "Pyykkihuoltaja, aamupäivät"

    visitor = browser.new_context(locale="fi-FI").new_page()
    visitor.goto(f"{live_server.url}/roles?lang=fi")
    visitor.fill("#q", "pyykkihuoltjaksi")  # misspelled and inflected
    visitor.click("form[role=search] button[type=submit]")
    visitor.click("text=Pyykkihuoltaja, aamupäivät")
    assert visitor.locator("h1").inner_text() == "Pyykkihuoltaja, aamupäivät"
    data = json.loads(visitor.locator("script[type='application/ld+json']").text_content())
    assert data["@type"] == "JobPosting" and data["title"] == "Pyykkihuoltaja, aamupäivät"
    assert not errors, errors
    visitor.context.close()
    context.close()
