"""Steps before work on the outcome dashboard: movement toward work or education, aggregates with small cells hidden."""
from __future__ import annotations

import io
from datetime import timedelta

from openpyxl import load_workbook

from portal import clock
from portal.coaching.models import PlanStep
from portal.extensions import db as _db
from portal.reports.refresh import refresh
from portal.reports.scope import Filters, Scope
from portal.reports.summaries import dashboard
from tests.web.test_reports import region

TODAY = clock.today()


def _steps(people, kind, outcome, ended_days_ago=20):
    for person in people:
        _db.session.add(PlanStep(candidate_id=person.id, kind=kind, start_on=TODAY - timedelta(days=90),
                                 end_on=TODAY - timedelta(days=ended_days_ago), outcome=outcome))
    _db.session.flush()


def test_the_dashboard_counts_steps_that_led_to_work_and_hides_small_cells(client, login_as, db):
    people = region(n=11)["people"]
    _steps(people[:6], "work_activity", "work")
    _steps(people[6:8], "work_activity", "education")
    _steps(people[8:11], "day_activity", "other_step")
    # A step still running is not an outcome yet.
    _db.session.add(PlanStep(candidate_id=people[0].id, kind="social_rehabilitation", start_on=TODAY))
    _db.session.commit()
    refresh()
    board = dashboard(Scope("region"), Filters.default(TODAY))
    assert board.steps["work_activity"]["work"].value == 6
    assert board.steps["work_activity"]["education"].hidden  # two people: a small cell
    assert board.step_totals["work_activity"].value == 8
    assert board.steps["day_activity"]["other_step"].hidden and board.step_totals["day_activity"].hidden
    assert board.step_totals["social_rehabilitation"].hidden
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    section = page.split('id="steps-h"')[1].split("</section>")[0]
    row = section.split("Work activity</th>")[1].split("</tr>")[0]
    assert '<td class="num">6</td>' in row and '<td class="num">8</td>' in row and "hidden" in row
    assert ">2<" not in row and ">3<" not in section  # the small figures never appear
    assert people[0].code not in page
    # The workbook holds exactly the page's figures, the same cells hidden.
    book = load_workbook(io.BytesIO(client.get("/reports/outcomes.xlsx?lang=en").data))
    rows = [list(r) for r in book["Steps before work"].iter_rows(values_only=True)]
    assert rows[0][0] == "Step" and rows[0][1] == "Moved on to work"
    assert rows[2] == ["Work activity", 6, "hidden", "hidden", "hidden", "hidden", 8]
    assert rows[3] == ["Day activity"] + ["hidden"] * 6


def test_a_lone_small_outcome_is_hidden_with_the_next_smallest_against_the_shown_total(client, login_as, db):
    people = region(n=16)["people"]
    _steps(people[:5], "day_activity", "work")
    _steps(people[5:11], "day_activity", "continued")
    _steps(people[11:16], "day_activity", "interrupted")
    _db.session.commit()
    refresh()
    cells = dashboard(Scope("region"), Filters.default(TODAY)).steps["day_activity"]
    # work 5, continued 6, interrupted 5, education 0, other 0: more than one cell hidden already (the zeros).
    assert cells["work"].value == 5 and cells["continued"].value == 6 and cells["education"].hidden
