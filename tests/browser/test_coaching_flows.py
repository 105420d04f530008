"""In a real browser: a coach takes a candidate from intake to a plan, an assessment and a reviewed module;
the candidate edits a goal, grants and withdraws a consent, and downloads their data."""
from __future__ import annotations

import json

from portal import clock
from tests.browser.conftest import sign_in

TODAY = clock.today().isoformat()


def _submit(page, label):
    page.get_by_role("button", name=label, exact=True).click()


def test_a_coach_takes_a_new_candidate_from_intake_to_a_reviewed_module(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "coach")
    page.goto(f"{live_server.url}/coaching/?lang=en")
    page.get_by_role("link", name="New candidate").click()
    page.fill("#name", "Selain Testaaja")
    page.select_option("#municipality_code", "837")
    page.check("input[name=skills][value=cleaning]")
    page.fill("#hours_min", "20")
    page.fill("#hours_max", "30")
    page.select_option("#limit_lifting", "brief")
    page.select_option("#lang_fi", "native")
    _submit(page, "Save")
    assert "added to your caseload with the code OTE-" in page.locator(".flash-success").inner_text()
    assert page.locator("h1").inner_text() == "Selain Testaaja"

    page.get_by_role("navigation", name="Sections of the candidate record").get_by_role(
        "link", name="Service-need assessment").click()
    page.check("#sit_prolonged_unemployment")
    page.locator("details:has(#note_prolonged_unemployment) summary").click()  # the note is folded until opened
    page.fill("#note_prolonged_unemployment", "Työttömänä kaksi vuotta")
    for area in ("own_goals", "work_ability", "treatment_rehabilitation", "special_support"):
        page.fill(f"#focus_{area}", f"Huomio {area}")
    page.check("input[name=services][value=employment_services]")
    _submit(page, "Save and mark completed")
    assert "Completed on" in page.locator("main").inner_text()

    page.get_by_role("navigation", name="Sections of the candidate record").get_by_role("link", name="Plan").click()
    page.get_by_role("link", name="Add a goal").click()
    page.fill("#title", "Siivoustyö osa-aikaisesti")
    page.fill("#measure", "Työsopimus allekirjoitettu")
    page.fill("#target_date", "2030-06-30")
    page.fill("#responsible", "Valmentaja")
    _submit(page, "Save the goal")
    assert "Siivoustyö osa-aikaisesti" in page.locator("main").inner_text()
    assert "Goal added" in page.locator("#history-h + table").inner_text()

    page.get_by_role("navigation", name="Sections of the candidate record").get_by_role(
        "link", name="Coaching modules").click()
    page.get_by_role("link", name="Add a module").click()
    page.select_option("#service_id", str(live_server.world.ids["service"]))
    page.fill("#start_on", TODAY)
    page.select_option("#status", "ongoing")
    _submit(page, "Save the module")
    page.get_by_role("link", name="Review the module “Työnhakuvalmennus ryhmässä”").click()
    page.fill("#reviewed_on", TODAY)
    page.fill("#results", "Hakemukset tehty")
    page.check("input[name=decision][value=next_module]")
    _submit(page, "Save the review")
    table = page.locator("main table").inner_text()
    assert "Continue with a next module" in table and "Hakemukset tehty" in table
    context.close()


def test_the_candidate_edits_a_goal_manages_a_consent_and_downloads_their_data(browser, live_server):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    sign_in(page, live_server, "candidate")
    page.goto(f"{live_server.url}/my/plan?lang=en")
    page.locator("main section.goal a").first.click()
    page.fill("#own_words", "Haluan kaupan kassalle")
    _submit(page, "Save my goal")
    assert "Your goal has been saved." in page.locator(".flash-success").inner_text()
    assert "Haluan kaupan kassalle" in page.locator("main").inner_text()

    page.get_by_role("link", name="My consents").first.click()
    other = live_server.world.orgs["other_employer"]
    page.select_option("#employer_id", str(other.id))
    page.check("input[name=scope][value=profile]")
    _submit(page, "Give the consent")
    assert "Your consent has been saved." in page.locator(".flash-success").inner_text()
    page.get_by_role("link", name=f"Withdraw the consent for {other.name}").click()
    _submit(page, "Yes, withdraw")
    assert "Your consent has been withdrawn." in page.locator(".flash-success").inner_text()

    page.goto(f"{live_server.url}/my/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download all my data (JSON)").click()
    data = json.loads(info.value.path().read_text(encoding="utf-8"))
    assert data["plan"]["goals"][0]["own_words"] == "Haluan kaupan kassalle"
    withdrawn = [c for c in data["consents"] if c["employer"] == other.name]
    assert withdrawn and withdrawn[0]["withdrawn_at"] is not None
    context.close()
