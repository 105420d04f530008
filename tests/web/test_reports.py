"""The outcome dashboard: figures from the summaries, each audience in its scope, the refresh, query count."""
from __future__ import annotations

from datetime import timedelta

from portal import clock
from portal.domain.outcomes import month_start
from portal.domain.person_months import add_months
from portal.reports.models import ReportCell, ReportGeneration
from portal.reports.refresh import refresh
from portal.reports.scope import Filters, Scope
from portal.reports.summaries import dashboard
from tests.access.employers import make_role
from tests.access.procurements import make_clause, make_entry, make_procurement
from tests.access.reports import make_person, make_placement
from tests.factories import make_org, make_user

TODAY = clock.today()
THIS_MONTH = month_start(TODAY)
YEAR_AGO = add_months(THIS_MONTH, -11)


def region(n=8, provider=None, coach=None, municipality="837", tag="Tampere", uncontacted=0):
    """n people who moved intake -> job search -> employed, each with a job (subsidised for half) on a clause;
    the last `uncontacted` of them without an employer contact."""
    provider = provider or make_org("provider", name=f"{tag} Valmennus Oy")
    coach = coach or make_user("coach", provider)
    buyer, employer = make_org("buyer", name=f"{tag} kaupunki"), make_org("employer", name=f"{tag} Siivous Oy")
    clause = make_clause(make_procurement(buyer, employer, start=add_months(THIS_MONTH, -12),
                                          end=add_months(THIS_MONTH, 12)), deadline=add_months(THIS_MONTH, 11))
    role = make_role(employer)
    start = add_months(THIS_MONTH, -8)
    people = []
    for i in range(n):
        person = make_person(provider, coach, [(0, "intake"), (10, "job_search"), (40, "employed")], start,
                             municipality=municipality,
                             contact_after=7 + i if i < n - uncontacted else None)
        trial = make_placement(person, role, "work_trial", start + timedelta(days=20), start + timedelta(days=39),
                               state="converted", clause=clause)
        make_placement(person, role, "job", start + timedelta(days=40), subsidy=i % 2 == 0, clause=clause)
        make_entry(clause, person=person.code, kind="job", start=trial.start_on)
        people.append(person)
    return dict(provider=provider, coach=coach, buyer=buyer, employer=employer, clause=clause, people=people)


def test_before_the_first_refresh_the_page_says_the_figures_are_not_computed(client, login_as, db):
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    assert "The figures have not been computed yet" in page


def test_the_dashboard_shows_the_regions_figures_with_charts_and_tables(client, login_as, db):
    data = region(n=8)
    refresh()
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    assert "Figures last refreshed on" in page
    # Eight people employed since five months ago: shown in the status table of the current month.
    month_row = page.split(TODAY.strftime("%B %Y"))[1].split("</tr>")[0]
    assert '<td class="num">8</td>' in month_row
    assert page.count('role="img"') >= 4 and "<caption>" in page  # charts, each with its table
    board = dashboard(Scope("region"), Filters.default(TODAY))
    assert board.outcomes["work"].value == 8 and board.outcomes["services"].hidden  # no move into a trial status
    assert board.conversion.value is None  # 8 of 8 converted: a 100 % would tell everyone's outcome
    assert board.retention[3].base.value == 8 and board.retention[3].value is None
    assert board.job_starts.value == 8 and board.subsidy.counted_in.hidden  # 4 with a subsidy
    # All eight had a contact: "nobody without one" would tell each one's, so both figures are hidden.
    assert board.contact[0].hidden and board.contact[2].hidden and board.contact[1] is None
    assert board.caseload.active.value == 8 and board.caseload.coaches == 1
    assert board.clauses.total.delivered_cell("person_months").shown
    assert data["buyer"].name in page and data["employer"].name in page


def test_each_audience_sees_only_its_scope(client, login_as, db):
    home = region(n=6)
    other = region(n=7, tag="Pori")
    refresh()
    login_as(home["coach"])
    page = client.get(f"/reports/?lang=en&provider={other['provider'].id}").get_data(as_text=True)
    board = dashboard(Scope("provider", provider_id=home["provider"].id), Filters.default(TODAY))
    assert board.caseload.active.value == 6
    assert "Clause fulfilment" not in page and 'name="provider"' not in page
    assert '<td class="num">6</td>' in page
    assert '<td class="num">7</td>' not in page and '<td class="num">13</td>' not in page
    officer = make_user("officer", home["buyer"])
    login_as(officer)
    page = client.get(f"/reports/?lang=en&buyer={other['buyer'].id}").get_data(as_text=True)
    assert "Clause fulfilment" in page and "Candidates by status over time" not in page
    assert home["buyer"].name in page and other["buyer"].name not in page
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    assert home["buyer"].name in page and other["buyer"].name in page


def test_filters_by_municipality_and_period_narrow_the_figures(client, login_as, db):
    region(n=6, municipality="837")
    region(n=5, municipality="091", tag="Helsinki")
    refresh()
    whole = dashboard(Scope("region"), Filters.default(TODAY))
    tampere = dashboard(Scope("region"), Filters(YEAR_AGO, THIS_MONTH, municipality="837"))
    assert whole.caseload.active.value == 11 and tampere.caseload.active.value == 6
    before = dashboard(Scope("region"), Filters(add_months(THIS_MONTH, -40), add_months(THIS_MONTH, -30)))
    assert all(c.value is None for row in before.stock for c in row.values())
    login_as("admin")
    page = client.get("/reports/?lang=en&municipality=091&from=bad&to=2026-13").get_data(as_text=True)
    assert 'value="091" selected' in page


def test_an_administrator_filters_by_provider_and_by_buyer(client, login_as, db):
    home = region(n=6)
    other = region(n=7, tag="Pori")
    refresh()
    login_as("admin")
    page = client.get(f"/reports/?lang=en&provider={other['provider'].id}").get_data(as_text=True)
    support = page.split('id="support-h"')[1].split("</section>")[0]
    assert "<dd>7</dd>" in support and "<dd>13</dd>" not in support and "<dd>6</dd>" not in support
    assert f'value="{other["provider"].id}" selected' in page
    by_buyer = dashboard(Scope("region"), Filters(YEAR_AGO, THIS_MONTH, buyer_id=home["buyer"].id))
    assert by_buyer.job_starts.value == 6 and [n for n, _t in by_buyer.clauses.by_buyer] == [home["buyer"].name]
    page = client.get(f"/reports/?lang=en&buyer={home['buyer'].id}").get_data(as_text=True)
    clauses = page.split('id="clauses-h"')[1].split("</section>")[0]
    assert home["buyer"].name in clauses and other["buyer"].name not in clauses


def test_conversion_retention_subsidy_and_moves_are_shown_when_both_parts_are_large_enough(client, login_as, db):
    data = region(n=10)  # ten trials converted, ten jobs still running, five of them subsidised
    start = add_months(THIS_MONTH, -8)
    for _ in range(5):  # five trials not converted, then a subsidised job left after twenty days
        person = make_person(data["provider"], data["coach"], [(0, "intake"), (10, "job_search"),
                                                               (20, "work_trial"), (45, "education")], start)
        make_placement(person, make_role(data["employer"]), "work_trial", start + timedelta(days=20),
                       start + timedelta(days=39), state="ended")
        make_placement(person, make_role(data["employer"]), "job", start + timedelta(days=40),
                       start + timedelta(days=60), state="ended", subsidy=True)
    refresh()
    board = dashboard(Scope("region"), Filters.default(TODAY))
    assert (board.conversion.counted_in.value, board.conversion.base.value) == (10, 15)
    assert board.conversion.value == board.retention[3].value == board.retention[6].value == 10 / 15
    assert board.retention[12].value is None and board.subsidy.value == 10 / 15
    assert {o: c.value for o, c in board.outcomes.items()} == {
        "work": 10, "education": 5, "rehabilitation": None, "services": 5, "exited": None}
    assert {k: c.value for k, c in board.transitions.items()} == {
        ("intake", "job_search"): 15, ("job_search", "employed"): 10, ("job_search", "work_trial"): 5,
        ("work_trial", "education"): 5}
    login_as("admin")
    page = client.get("/reports/?lang=en").get_data(as_text=True)
    placements = page.split('id="placements-h"')[1].split("</section>")[0]
    assert placements.count("66.7%") >= 4  # conversion, retention at 3 and 6 months, subsidy use
    moves = page.split('id="moves-h"')[1].split("</section>")[0]
    assert '<th scope="row">In a work trial</th>' in moves and moves.count('<td class="num">5</td>') >= 3


def test_the_refresh_switches_generations_and_keeps_the_one_before(app, db):
    region(n=5)
    first, second, third = refresh().id, refresh().id, refresh().id
    ids = [g.id for g in db.session.query(ReportGeneration).order_by(ReportGeneration.id)]
    assert ids == [second, third]  # the one before stays for pages that began reading it
    assert db.session.query(ReportCell).filter_by(generation_id=first).count() == 0
    # A build in progress (or abandoned) is never read.
    building = ReportGeneration(state="building", as_of=TODAY)
    db.session.add(building)
    db.session.flush()
    db.session.add(ReportCell(generation_id=building.id, measure="caseload", key="people", people=999))
    db.session.commit()
    assert dashboard(Scope("region"), Filters.default(TODAY)).caseload.active.value == 5
    result = app.test_cli_runner().invoke(args=["reports", "refresh"])
    assert result.exit_code == 0 and "summaries refreshed" in result.output


def test_the_dashboard_reads_a_fixed_number_of_queries(client, login_as, db, count_queries):
    region(n=6)
    refresh()
    login_as("admin")
    client.get("/reports/")
    statements = count_queries()
    client.get("/reports/")
    small = len(statements)
    region(n=30, tag="Vaasa")
    refresh()
    statements.clear()
    client.get("/reports/")
    assert len(statements) == small <= 20
