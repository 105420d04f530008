"""In Chromium at 320 px and 1280 px: the reports page, the clause dashboard and the reporting cycle's pages
never scroll sideways (wide tables scroll inside their own box), with the clause figures refreshed first."""
from __future__ import annotations

import pytest

from portal.extensions import db
from portal.reports.refresh import refresh
from tests.browser.conftest import sign_in

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("width", [320, 1280])
def test_the_officers_clause_and_report_pages_have_no_horizontal_overflow(browser, live_server, width):
    with live_server.app.app_context():
        refresh()
        db.session.remove()
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "officer")
    clause = live_server.world.ids["cycle_clause"]
    for path in ("/reports/", "/procurements/", f"/procurements/clauses/{clause}", f"/clause-reports/clause/{clause}",
                 f"/clause-reports/report/{live_server.world.ids['cycle_report']}"):
        page.goto(f"{live_server.url}{path}?lang=fi")
        assert page.evaluate(OVERFLOW) <= 0, (path, width, page.evaluate(OVERFLOW))
    context.close()


def test_the_employers_pages_have_no_horizontal_overflow_at_320_px(browser, live_server):
    """Issue 18's walk: the header's "Kirjaudu ulos" pushed employer pages 4 px sideways at 320 px (a long name
    beside the unread count: the demo's "Heikki Hankkija" with one notice; a longer name here)."""
    from portal.accounts.models import User
    from portal.notifications.services import notify
    with live_server.app.app_context():
        user = db.session.get(User, live_server.world.users["employer"].id)
        user.name = "Heikki-Johannes Hankkija-Virtanen"
        notify([user], "clause_report_accepted", params={"reference": "DEM-1", "due": "2026-01-31"})
        db.session.commit()
        db.session.remove()
    context = browser.new_context(viewport={"width": 320, "height": 900})
    page = context.new_page()
    sign_in(page, live_server, "employer")
    for path in ("/", "/supplier/clauses"):
        page.goto(f"{live_server.url}{path}?lang=fi")
        assert page.evaluate(OVERFLOW) <= 0, (path, page.evaluate(OVERFLOW))
    context.close()
