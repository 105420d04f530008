"""axe-core on every HTML page of the portal, in fi, sv and en, for each role that can see it.

The pages come from the declared routes of tests/access, so a new page is
checked as soon as its access rule is declared.
"""
from __future__ import annotations

import pytest
from flask import url_for

from tests.access import EVERYONE, PUBLIC, all_routes

LANGS = ("fi", "sv", "en")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [r for r in all_routes() if r.method == "GET" and r.kind == "html" and r.browser]
AXE_RUN = f"axe.run({{runOnly: {{type: 'tag', values: {WCAG_TAGS}}}, resultTypes: ['violations']}})"


def _viewers(route) -> list[str]:
    """Each kind of user that can see the page (the home organisation's users).

    A public page differs between roles only in the navigation, so it is
    checked for a visitor and for one signed-in user.
    """
    if route.allowed == PUBLIC:
        return ["anonymous", "coach"]
    return [who for who in EVERYONE if who in route.allowed]


def _cases():
    for route in PAGES:
        for who in _viewers(route):
            yield pytest.param(route, who, id=f"{route.endpoint}-{who}")


@pytest.mark.parametrize("route,who", list(_cases()))
def test_page_has_no_wcag_violations_in_any_language(live_server, contexts, route, who):
    world = live_server.world
    with live_server.app.test_request_context():
        path = url_for(route.endpoint, **route.params(world), **route.query(world))
    page = contexts(who)
    problems = []
    for lang in LANGS:
        sep = "&" if "?" in path else "?"
        response = page.goto(f"{live_server.url}{path}{sep}lang={lang}")
        assert response is not None and response.status in route.statuses, (
            f"{path} as {who}: status {response.status if response else None}")
        assert page.locator("html").get_attribute("lang") == lang
        result = page.evaluate(AXE_RUN)
        for violation in result["violations"]:
            targets = [n["target"] for n in violation["nodes"]][:3]
            problems.append(f"[{lang}] {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    assert not problems, f"{path} as {who}:\n" + "\n".join(problems)
