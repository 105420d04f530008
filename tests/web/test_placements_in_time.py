"""Placements in time: a planned placement (starting after today) moves neither the candidate's status, the
ledger's delivered figure nor the public figure until its start date; a trial on a clause that does not count
trials is refused with a reason."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select

from portal import clock
from portal.coaching.models import Candidate, StatusChange
from portal.placements.models import Placement
from portal.procurements.figures import clause_figures
from portal.procurements.models import EmploymentClause
from portal.public.figures import clause_figures as public_figures
from tests.access.procurements import make_clause, make_entry
from tests.conftest import sign_in
from tests.web.test_placements import TODAY, accepted, nothing_written, terms


def _clock_at(monkeypatch, day) -> None:
    """Move the portal's one clock (clock.now, which clock.today reads) to 9.00 on `day` in Finland."""
    monkeypatch.setattr(clock, "now", lambda: datetime.combine(day, time(9), tzinfo=clock.HELSINKI))


def _planned_trial(client, world, db):
    """A work trial recorded today, starting in five weeks, on a combined clause with five people begun."""
    person, role, proposal = accepted(world, db)
    clause = db.session.get(EmploymentClause, world.ids["clause"])
    combined = make_clause(clause.procurement, kind="combined", deadline=TODAY + timedelta(days=400))
    for n in range(5):  # the public figure is shown from five people on
        make_entry(combined, person=f"HK-90{n}", start=TODAY - timedelta(days=30 + n))
    db.session.commit()
    start = TODAY + timedelta(days=34)
    counted = (person.status, clause_figures(combined)[0].status.delivered)
    sign_in(client, world.users["coach"])
    response = client.post(f"/placements/new/{proposal.id}?lang=en",
                           data=terms(start=start, end=start + timedelta(days=89), clause_id=combined.id))
    assert response.status_code == 302
    placement = db.session.scalars(select(Placement).where(Placement.candidate_id == person.id)).one()
    return person, combined, placement, start, counted


def test_a_planned_trial_changes_nothing_counted_until_its_start_date(app, client, world, db, monkeypatch):
    person, combined, placement, start, (status_before, delivered) = _planned_trial(client, world, db)
    db.session.expire_all()
    assert db.session.get(Candidate, person.id).status == status_before != "work_trial"
    assert db.session.scalars(select(StatusChange).where(StatusChange.candidate_id == person.id)).all() == []
    assert clause_figures(db.session.get(EmploymentClause, combined.id))[0].status.delivered == delivered
    before = public_figures(TODAY).people.value  # shown: five people or more have begun
    assert before >= 5
    assert placement.timing == "planned"
    page = client.get(f"/placements/{placement.id}?lang=fi").get_data(as_text=True)
    assert "Suunniteltu" in page and "Käynnissä" not in page
    listing = client.get("/placements/?lang=sv").get_data(as_text=True)
    assert "Planerad" in listing
    assert client.get("/placements/?state=planned&lang=en").get_data(as_text=True).count(person.code) == 1
    assert person.code not in client.get("/placements/?state=started&lang=en").get_data(as_text=True)
    runner = app.test_cli_runner()
    assert "0 candidates" in runner.invoke(args=["placements", "begin"]).output
    assert db.session.get(Candidate, person.id).status == status_before

    _clock_at(monkeypatch, start - timedelta(days=1))
    assert "0 candidates" in runner.invoke(args=["placements", "begin"]).output
    assert public_figures(clock.today()).people.value == before

    _clock_at(monkeypatch, start)
    assert "1 candidates" in runner.invoke(args=["placements", "begin"]).output
    assert "0 candidates" in runner.invoke(args=["placements", "begin"]).output  # once only
    db.session.expire_all()
    candidate = db.session.get(Candidate, person.id)
    assert (candidate.status, candidate.status_since) == ("work_trial", start)
    assert public_figures(start).people.value == before + 1
    assert db.session.get(Placement, placement.id).timing == "ongoing"
    _clock_at(monkeypatch, start + timedelta(days=30))
    assert clause_figures(db.session.get(EmploymentClause, combined.id))[0].status.delivered > delivered
    page = client.get(f"/placements/{placement.id}?lang=fi").get_data(as_text=True)
    assert "Käynnissä" in page and "Suunniteltu" not in page


def test_a_planned_job_leaves_the_delivered_person_months_at_zero(client, world, db):
    person, _role, proposal = accepted(world, db)
    clause = db.session.get(EmploymentClause, world.ids["clause"])
    before = clause_figures(clause)[0].status
    sign_in(client, world.users["coach"])
    response = client.post(f"/placements/new/{proposal.id}", data=terms(
        kind="job", start=TODAY + timedelta(days=10), end=None, clause_id=clause.id))
    assert response.status_code == 302
    after = clause_figures(db.session.get(EmploymentClause, clause.id))[0].status
    assert after.delivered == before.delivered and after.booked > before.booked  # booked, not delivered
    assert db.session.get(Candidate, person.id).status != "employed"


def test_a_trial_on_a_clause_that_does_not_count_trials_is_refused_with_the_reason(client, world, db):
    person, _role, proposal = accepted(world, db)
    sign_in(client, world.users["coach"])
    page = client.post(f"/placements/new/{proposal.id}?lang=en", data=terms(clause_id=world.ids["clause"]))
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "This clause counts \u201cPerson-months\u201d, and a work trial is not employment" in text
    assert nothing_written(db, person)
    page = client.post(f"/placements/new/{proposal.id}?lang=fi", data=terms(clause_id=world.ids["clause"]))
    assert "eikä työkokeilu ole työsuhde" in page.get_data(as_text=True).lower()
    assert nothing_written(db, person)


def test_a_planned_placements_steps_say_it_starts_with_the_date_as_finland_writes_it(client, world, db):
    person, combined, placement, start, counted = _planned_trial(client, world, db)
    day = f"{start.day}.{start.month}.{start.year}"
    for lang, starts, started in (("fi", "Alkaa", "Alkoi"), ("sv", "Börjar", "Började"), ("en", "Starts", "Started")):
        page = client.get(f"/placements/{placement.id}?lang={lang}").get_data(as_text=True)
        assert f"<td>{starts}</td>" in page and f"<td>{started}</td>" not in page, lang
    swedish = client.get(f"/placements/{placement.id}?lang=sv").get_data(as_text=True)
    assert f"<td>Börjar</td><td>{day}</td>" in swedish  # "15.1.2027", not "15 jan. 2027"
    assert start.isoformat() not in swedish
