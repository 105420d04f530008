"""In the browser, the journey of issue 6: the coach finds a fitting role for a candidate and proposes
them, the employer accepts, a work trial starts and converts to a job, and the linked clause's delivered
figure rises by exactly the job's person-months (a trial counts nothing towards a person-month clause)."""
from __future__ import annotations

from datetime import timedelta

from portal import clock
from portal.domain.person_months import months_covered
from portal.extensions import db
from portal.procurements.figures import clause_figures
from portal.procurements.models import EmploymentClause
from tests.access.employers import make_role
from tests.access.proposals import PLACED_NAME, make_candidate
from tests.browser.conftest import sign_in

NAME = "Selma Selainkokeilu"
ROLE = "Kiinteistösiivooja, selainpolku"


def _delivered(server) -> float:
    with server.app.app_context():
        clause = db.session.get(EmploymentClause, server.world.ids["clause"])
        return clause_figures(clause)[0].status.delivered


def _setup(server) -> str:
    """A candidate of the world's coach who fits a new role linked to the world's clause."""
    world = server.world
    with server.app.test_request_context():  # the role service records who acted
        coach = db.session.merge(world.users["coach"])
        home = db.session.merge(world.orgs["employer"])
        person = make_candidate(coach, name=NAME, consent_for=home, skills=("cleaning", "customer_service"),
                                occupations=("Siivooja",))
        make_role(home, title=ROLE, positions=2, essential_skills="Siivous", clause_id=world.ids["clause"])
        db.session.commit()
        code = person.code
        db.session.remove()
    return code


def test_from_a_fitting_role_to_a_job_that_counts_on_the_clause(browser, live_server):
    url, today = live_server.url, clock.today()
    code = _setup(live_server)
    before = _delivered(live_server)
    errors = []

    coach = browser.new_context().new_page()
    coach.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(coach, live_server, "coach")
    coach.goto(f"{url}/matching/?lang=en")
    coach.click(f"text=Roles that fit {NAME}")
    match = coach.locator("li.match", has_text=ROLE)
    assert "Score" in match.inner_text() and "the same municipality (Tampere)" in match.inner_text()
    match.locator("a.button").click()
    assert coach.locator("h1").inner_text() == f"{code} and {ROLE}"
    coach.fill("#message", "Siivousalan kokemusta, toivoo aamupäiviä.")
    coach.click(f"main button:has-text('Propose {code}')")
    assert f"{code} has been proposed for {ROLE}" in coach.locator(".flashes").inner_text()

    employer = browser.new_context().new_page()
    employer.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    sign_in(employer, live_server, "employer")
    employer.goto(f"{url}/proposals/received?lang=en")
    employer.locator("tr", has_text=ROLE).locator("a").click()
    page_text = employer.locator("main").inner_text()
    assert code in page_text and NAME not in page_text and PLACED_NAME not in page_text
    assert "Siivousalan kokemusta" in page_text and "Cleaning" in page_text
    employer.check("#answer-accepted")
    employer.click("main form button[type=submit]")
    assert "Your answer has been sent to the job coach." in employer.locator(".flashes").inner_text()

    coach.goto(f"{url}/notifications/?lang=en")
    assert "answered the proposal of" in coach.locator("main").inner_text()
    coach.goto(f"{url}/proposals/?lang=en")
    coach.locator("tr", has_text=ROLE).locator("a").first.click()
    coach.click("text=Record the placement")
    start, convert_on = today - timedelta(days=90), today - timedelta(days=30)
    coach.select_option("#kind", "work_trial")
    coach.fill("#start_on", start.isoformat())
    coach.fill("#end_on", (today + timedelta(days=20)).isoformat())
    coach.fill("#work_share", "100")
    assert coach.locator("#clause_id").input_value() == str(live_server.world.ids["clause"])
    coach.click("main form button[type=submit]")
    # The clause counts person-months of employment: a work trial on it is refused, with the reason.
    assert "work trial" in coach.locator(".error-summary").inner_text().lower()
    coach.select_option("#clause_id", "0")
    coach.click("main form button[type=submit]")
    assert "The placement has been recorded." in coach.locator(".flashes").inner_text()
    assert abs(_delivered(live_server) - before) < 1e-9  # a trial adds nothing to person-months

    coach.click("text=Convert into employment")
    coach.select_option("#kind", "job")
    coach.fill("#start_on", convert_on.isoformat())
    coach.fill("#work_share", "100")
    coach.select_option("#clause_id", str(live_server.world.ids["clause"]))  # the job counts on the clause
    coach.click("main form button[type=submit]")
    assert "The work trial has become employment." in coach.locator(".flashes").inner_text()
    assert "Converted from a work trial:" in coach.locator("main").inner_text()

    expected = before + months_covered(convert_on, today)
    assert abs(_delivered(live_server) - expected) < 1e-9
    officer = browser.new_context().new_page()
    sign_in(officer, live_server, "officer")
    officer.goto(f"{url}/procurements/clauses/{live_server.world.ids['clause']}?lang=en")
    text = officer.locator("main").inner_text()
    assert f"{round(expected + 1e-9, 1)} person-months" in text and code in text
    officer.goto(f"{url}/placements/clauses?lang=en")
    listing = officer.locator("main").inner_text()
    assert code in listing and NAME not in listing
    assert not errors, errors
