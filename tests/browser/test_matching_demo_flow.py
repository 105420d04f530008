"""Issue 6's journey on the demo data, as its people would walk it after `flask seed demo`: the demo coach
finds the fitting role for Kaisa (the demo candidate) and proposes her, the demo employer accepts, a work
trial on the demo clause starts and becomes a job, and the clause's delivered figure rises by the job's
person-months. Every demo module is loaded but the matching one, whose own proposal of Kaisa would stand
in the way of proposing her here."""
from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from werkzeug.serving import make_server

from portal import clock
from tests.conftest import make_test_app

ROOT = Path(__file__).resolve().parents[2]
ROLE = "Toimistosiivooja, aamupäivät"


class DemoServer:
    """The portal with the demo data (but the matching demo), served from a thread."""

    def __init__(self, tmp: Path):
        from flask_migrate import upgrade

        from portal.extensions import db
        from portal.features import DEMOS
        from portal.reference.services import load_reference

        self.app = make_test_app(f"sqlite:///{tmp / 'demo.db'}", WTF_CSRF_ENABLED=True)
        with self.app.app_context():
            upgrade()
            load_reference()
            for module in DEMOS:
                if module.__name__ != "portal.matching.demo":
                    module.seed()
                    db.session.commit()
            db.session.remove()
        users = yaml.safe_load((ROOT / "seeds/demo/accounts.yaml").read_text(encoding="utf-8"))["users"]
        self.logins = {u["role"]: (u["email"], u["password"]) for u in users}
        self.server = make_server("127.0.0.1", 0, self.app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def clause(self):
        """The demo employer's person-month clause: (id, delivered person-months)."""
        from portal.accounts.demo import demo_org
        from portal.extensions import db
        from portal.matching.demo import _person_month_clause
        from portal.procurements.figures import clause_figures

        with self.app.app_context():
            clause = _person_month_clause(demo_org("employer"))
            delivered = clause_figures(clause)[0].status.delivered
            db.session.remove()
            return clause.id, delivered


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    server = DemoServer(tmp_path_factory.mktemp("demo"))
    yield server
    server.server.shutdown()


def _sign_in(browser, server: DemoServer, role: str):
    page = browser.new_context().new_page()
    email, password = server.logins[role]
    page.goto(f"{server.url}/login?lang=en")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    return page


def test_the_demo_coach_places_kaisa_and_the_demo_clause_rises(browser, demo_server):
    from portal.domain.person_months import months_covered

    url, today = demo_server.url, clock.today()
    clause_id, before = demo_server.clause()

    coach = _sign_in(browser, demo_server, "coach")
    coach.goto(f"{url}/matching/?lang=en")
    coach.click("text=Roles that fit Kaisa Asiakas")
    match = coach.locator("li.match", has_text=ROLE)
    assert "Score" in match.inner_text() and "every adjustment the candidate needs is offered" in match.inner_text()
    match.locator("a.button").click()
    code = coach.locator("h1").inner_text().split(" and ")[0]
    coach.fill("#message", "Asiakaspalvelukokemusta kaupasta, toivoo aamupäiviä.")
    coach.click(f"main button:has-text('Propose {code}')")
    assert f"{code} has been proposed for {ROLE}" in coach.locator(".flashes").inner_text()

    employer = _sign_in(browser, demo_server, "employer")
    employer.goto(f"{url}/proposals/received?lang=en")
    employer.locator("tr", has_text=code).locator("a").first.click()
    text = employer.locator("main").inner_text()
    assert code in text and "Kaisa" not in text and "Asiakaspalvelukokemusta" in text
    employer.check("#answer-accepted")
    employer.click("main form button[type=submit]")
    assert "Your answer has been sent to the job coach." in employer.locator(".flashes").inner_text()

    coach.goto(f"{url}/proposals/?lang=en")
    coach.locator("tr", has_text=code).locator("a").first.click()
    coach.click("text=Record the placement")
    coach.select_option("#kind", "work_trial")
    coach.fill("#start_on", (today - timedelta(days=60)).isoformat())
    coach.fill("#end_on", (today + timedelta(days=20)).isoformat())
    coach.fill("#work_share", "100")
    coach.select_option("#clause_id", str(clause_id))
    coach.click("main form button[type=submit]")
    # The demo clause counts person-months of employment: a work trial on it is refused, with the reason.
    assert "work trial" in coach.locator(".error-summary").inner_text().lower()
    coach.select_option("#clause_id", "0")
    coach.click("main form button[type=submit]")
    assert "The placement has been recorded." in coach.locator(".flashes").inner_text()
    assert abs(demo_server.clause()[1] - before) < 1e-9  # a work trial counts nothing in person-months

    convert_on = today - timedelta(days=30)
    coach.click("text=Convert into employment")
    coach.select_option("#kind", "job")
    coach.fill("#start_on", convert_on.isoformat())
    coach.fill("#work_share", "80")
    coach.select_option("#clause_id", str(clause_id))  # the job counts on the clause
    coach.click("main form button[type=submit]")
    assert "The work trial has become employment." in coach.locator(".flashes").inner_text()
    assert abs(demo_server.clause()[1] - before - 0.8 * months_covered(convert_on, today)) < 1e-9

    officer = _sign_in(browser, demo_server, "officer")
    officer.goto(f"{url}/placements/clauses?lang=en")
    listing = officer.locator("main").inner_text()
    assert code in listing and "Kaisa" not in listing
