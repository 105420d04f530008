"""Accessibility beyond axe (issue 16, item 6): languages of content, the current navigation link, unique
names on the matches page, and one core task per role done with the keyboard alone.

Every keyboard step asserts that focus is on something (not the page), inside the window and drawn with
the portal's ring (an outline of at least 2 px or the ring's shadow).
"""
from __future__ import annotations

import re

from flask import url_for

from portal.extensions import db
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.browser.conftest import sign_in

FOCUS = """(() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName, id: e.id, href: e.getAttribute('href') || '', text: (e.textContent || '').trim(),
          outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow,
          inView: r.width > 0 && r.bottom > 0 && r.top < innerHeight};
})()"""


def _page(browser, live_server, who, lang="fi"):
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    if who != "anonymous":
        sign_in(page, live_server, who)
    return page


def _url(live_server, endpoint, **params):
    with live_server.app.test_request_context():
        return live_server.url + url_for(endpoint, **params)


def _focus(page) -> dict:
    info = page.evaluate(FOCUS)
    assert info["tag"] not in ("BODY", "HTML"), "focus was lost to the page"
    assert (info["outline"] != "none" and info["width"] >= 2) or info["shadow"] != "none", f"no focus ring: {info}"
    assert info["inView"], f"focus is off screen: {info}"
    return info


def _tab_until(page, wanted, key="Tab", limit=80) -> dict:
    """Press Tab (or Shift+Tab) until the focused element is the wanted one, checking focus at every step."""
    for _ in range(limit):
        page.keyboard.press(key)
        info = _focus(page)
        if wanted(info):
            return info
    raise AssertionError(f"not reached with {limit} presses of {key}")


def _href(end):
    return lambda info: info["href"].split("?")[0].endswith(end)


def test_finnish_role_and_service_texts_carry_lang_fi_on_swedish_and_english_pages(browser, live_server):
    ids = live_server.world.ids
    for who, endpoint, params, texts in [
        ("anonymous", "jobs.role", {"role_id": ids["employer_role"]}, ["main h1", "main p.text-block"]),
        ("employer", "employers.role", {"role_id": ids["employer_role"]}, ["main h1", "main p.text-block"]),
        ("anonymous", "jobs.index", {}, ["main .role-card h2 a"]),
        ("coach", "directory.detail", {"service_id": ids["service"]}, ["main h1"]),
    ]:
        page = _page(browser, live_server, who)
        for lang in ("sv", "en", "fi"):
            page.goto(_url(live_server, endpoint, lang=lang, **params))
            assert page.locator("html").get_attribute("lang") == lang
            for selector in texts:
                found = page.locator(selector)
                assert found.count() > 0, selector
                langs = {found.nth(i).evaluate("e => e.closest('[lang]').getAttribute('lang')")
                         for i in range(found.count())}
                assert langs == {"fi"}, f"{endpoint} [{lang}] {selector}: {langs}"
        page.context.close()


def _current(page) -> list[tuple[str, str]]:
    return [tuple(pair) for pair in page.locator("nav.main-nav [aria-current]").evaluate_all(
        "els => els.map(e => [e.textContent.trim(), e.getAttribute('aria-current')])")]


def test_exactly_one_main_navigation_link_is_current_and_it_is_the_right_one(browser, live_server):
    ids = live_server.world.ids
    cases = [
        ("employer", "employers.index", {}, ("Organisaatiomme", "page")),
        ("employer", "employers.profile_edit", {}, ("Organisaatiomme", "true")),
        ("employer", "employers.roles_list", {}, ("Tehtävämme", "page")),
        ("employer", "employers.role_new", {}, ("Tehtävämme", "true")),
        ("employer", "employers.role", {"role_id": ids["employer_draft"]}, ("Tehtävämme", "true")),
        ("employer", "employers.role_edit", {"role_id": ids["employer_draft"]}, ("Tehtävämme", "true")),
        ("coach", "coaching.assessment", {"candidate_id": ids["candidate"]}, ("Asiakkaani", "true")),
        ("coach", "coaching.index", {}, ("Asiakkaani", "page")),
    ]
    pages = {}
    for who, endpoint, params, expected in cases:
        page = pages.setdefault(who, _page(browser, live_server, who))
        page.goto(_url(live_server, endpoint, lang="fi", **params))
        assert _current(page) == [expected], f"{endpoint}: {_current(page)}"
        # Only one link anywhere says "current page" (a section's own menu may mark its page, then not the main one).
        assert page.locator("[aria-current=page]:not(.pagination *)").count() <= 1, endpoint
    for page in pages.values():
        page.context.close()


def _fitting_pair(server) -> tuple[int, int]:
    """A candidate of the world's coach whom two new roles fit, and one of the roles."""
    with server.app.test_request_context():  # the role service records who acted
        home = db.session.merge(server.world.orgs["employer"])
        person = make_candidate(db.session.merge(server.world.users["coach"]), name="Näppäin Testaaja",
                                consent_for=home)
        roles = [make_role(home, title=f"Siivooja, näppäintesti {n}", essential_skills="Siivous") for n in (1, 2)]
        db.session.commit()
        ids = person.id, roles[0].id
        db.session.remove()
    return ids


def test_the_matches_page_names_each_disclosure_and_link_apart_and_back_links_say_where(browser, live_server):
    ids = live_server.world.ids
    candidate_id, role_id = _fitting_pair(live_server)
    page = _page(browser, live_server, "coach")
    for endpoint, params in [("matching.candidate_roles", {"candidate_id": candidate_id}),
                             ("matching.role_candidates", {"role_id": role_id})]:
        page.goto(_url(live_server, endpoint, lang="fi", **params))
        summaries = page.locator("main .matches summary").all_text_contents()
        assert summaries, f"{endpoint}: no matches to look at"
        assert all(s.startswith("Miksi nämä pisteet: ") for s in summaries), summaries
        assert len(set(summaries)) == len(summaries), summaries
        assert endpoint == "matching.role_candidates" or len(summaries) >= 2, summaries
        links = [(t.strip(), h) for t, h in page.locator("main a").evaluate_all(
            "els => els.map(e => [e.textContent, e.getAttribute('href')])")]
        for text in {t for t, _h in links}:
            assert len({h for t, h in links if t == text}) == 1, f"{endpoint}: '{text}' leads to several places"
    back = []
    for endpoint, params in [("employers.role_new", {}), ("employers.role_edit", {"role_id": ids["employer_draft"]})]:
        employer = _page(browser, live_server, "employer")
        employer.goto(_url(live_server, endpoint, lang="fi", **params))
        back += employer.locator("main a").all_text_contents()
        employer.context.close()
    assert "Takaisin" not in [t.strip() for t in back] and "Takaisin tehtäviimme" in back, back
    page.context.close()


def test_public_keyboard_journey_finds_an_open_role(browser, live_server):
    page = _page(browser, live_server, "anonymous")
    page.goto(_url(live_server, "jobs.index", lang="fi"))
    info = _tab_until(page, lambda i: "skip-link" in page.evaluate("document.activeElement.className"))
    page.keyboard.press("Enter")  # skip the header and its menus
    _tab_until(page, lambda i: i["id"] == "q")
    page.keyboard.type("siivous")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=siivous"))
    info = _tab_until(page, lambda i: re.search(r"/roles/\d+$", i["href"].split("?")[0]) is not None)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/roles/\d+"))
    assert page.locator("main h1").inner_text() == info["text"]


def test_candidate_keyboard_journey_signs_in_and_opens_their_plan(browser, live_server):
    page = _page(browser, live_server, "anonymous")
    page.goto(f"{live_server.url}/login?lang=fi")
    _tab_until(page, lambda i: i["id"] == "email")
    page.keyboard.type(live_server.emails["candidate"])
    _tab_until(page, lambda i: i["id"] == "password")
    page.keyboard.type(live_server.password)
    _tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"] == "Kirjaudu sisään")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)
    _tab_until(page, _href("/my/plan"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/my/plan"))
    assert _current(page) == [("Suunnitelmani", "page")]


def test_employer_keyboard_journey_corrects_a_refused_role_and_saves_the_draft(browser, live_server):
    page = _page(browser, live_server, "employer")
    page.goto(_url(live_server, "employers.roles_list", lang="fi"))
    _tab_until(page, _href("/employer/roles/new"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/roles/new"))
    _tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"] == "Tallenna luonnoksena", limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")  # no title yet: refused
    assert page.title().startswith("Virhe: ")
    assert page.evaluate("document.activeElement.matches('.error-summary')")
    _tab_until(page, _href("#title"), limit=1)  # the first error is the next Tab
    page.keyboard.press("Enter")
    assert _focus(page)["id"] == "title"
    page.keyboard.type("Näppäimistöllä kirjoitettu luonnos")
    _tab_until(page, lambda i: i["tag"] == "BUTTON" and i["text"] == "Tallenna luonnoksena", limit=200)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/employer/roles/\d+$"))
    assert page.locator("main h1").inner_text() == "Näppäimistöllä kirjoitettu luonnos"


def test_coach_keyboard_journey_opens_a_folded_assessment_note(browser, live_server):
    page = _page(browser, live_server, "coach")
    page.goto(_url(live_server, "coaching.index", lang="fi"))
    candidate = live_server.world.ids["candidate"]
    _tab_until(page, _href(f"/coaching/candidates/{candidate}"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/coaching/candidates/{candidate}"))
    _tab_until(page, _href(f"/coaching/candidates/{candidate}/assessment"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/assessment"))
    _tab_until(page, lambda i: i["tag"] == "SUMMARY")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.parentElement.open")
    info = _tab_until(page, lambda i: True, limit=1)
    assert info["tag"] == "TEXTAREA" and info["id"].startswith("note_")


def test_officer_keyboard_journey_opens_the_clauses_and_goes_back_with_shift_tab(browser, live_server):
    page = _page(browser, live_server, "officer")
    page.goto(_url(live_server, "jobs.index", lang="fi"))
    _tab_until(page, _href("/procurements/"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert _current(page) == [("Työllistämisehdot", "page")]
    first = _tab_until(page, _href("/procurements/new"))
    _tab_until(page, lambda i: True, limit=1)
    assert _tab_until(page, lambda i: True, key="Shift+Tab", limit=1)["href"] == first["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/procurements/new"))


def test_admin_keyboard_journey_reaches_the_users(browser, live_server):
    page = _page(browser, live_server, "admin")
    page.goto(_url(live_server, "start.index", lang="fi"))
    _tab_until(page, _href("/admin/"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    _tab_until(page, _href("/admin/users"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/admin/users"))
    assert _current(page) == [("Ylläpito", "true")]
