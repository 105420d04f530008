"""Placements: from an accepted proposal into the clause ledger in one transaction; ending, converting,
the trial limits, a full role, reminders, officers' codes, erasure, and every refusal writing nothing."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from portal import clock
from portal.coaching.models import Candidate, StatusChange
from portal.domain.person_months import months_covered
from portal.notifications.models import Notification
from portal.placements.models import Placement, RoleOccupancy
from portal.procurements.figures import clause_figures
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.proposals.models import Proposal
from portal.signals import placement_changed
from tests.access.employers import make_role
from tests.access.procurements import make_clause
from tests.access.proposals import make_candidate
from tests.conftest import sign_in

TODAY = clock.today()


def count(db, model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def accepted(world, db, positions: int = 1, **role_fields):
    """A candidate of the world's coach and their accepted proposal to a new role of the home employer."""
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, consent_for=home)
    role = make_role(home, **{"title": "Siivooja", "positions": positions, **role_fields})
    proposal = Proposal(candidate_id=person.id, role_id=role.id, organisation_id=home.id,
                        provider_id=person.organisation_id, coach_id=coach.id, state="accepted", fit={})
    db.session.add(proposal)
    db.session.commit()
    return person, role, proposal


def terms(kind="work_trial", start=TODAY - timedelta(days=60), end=TODAY + timedelta(days=30), share="100",
          clause_id=0, **extra):
    data = {"kind": kind, "start_on": start.isoformat(), "end_on": end.isoformat() if end else "",
            "work_share": share, "clause_id": str(clause_id), **extra}
    return data


def nothing_written(db, person) -> bool:
    return (count(db, Placement, Placement.candidate_id == person.id) == 0
            and count(db, LedgerEntry, LedgerEntry.person_code == person.code) == 0
            and count(db, StatusChange, StatusChange.candidate_id == person.id) == 0)


def test_a_trial_that_becomes_a_job_fills_the_ledger_and_the_clause_rises_by_the_job_part(client, world, db):
    person, role, proposal = accepted(world, db)
    clause = db.session.get(EmploymentClause, world.ids["clause"])
    # A person-month clause does not count work trials (refused: test_placements_in_time); a combined one does.
    counts_trials = make_clause(clause.procurement, kind="combined")
    db.session.commit()
    heard = []

    def listener(sender, placement=None, change=None, **extra):
        heard.append((change, placement.kind, placement.organisation_id))

    placement_changed.connect(listener)
    try:
        before = clause_figures(clause)[0].status.delivered
        sign_in(client, world.users["coach"])
        start, convert_on = TODAY - timedelta(days=70), TODAY - timedelta(days=40)
        response = client.post(f"/placements/new/{proposal.id}?lang=en",
                               data=terms(start=start, end=TODAY + timedelta(days=10), clause_id=counts_trials.id))
        assert response.status_code == 302
        trial = db.session.scalars(select(Placement).where(Placement.candidate_id == person.id)).one()
        entry = db.session.scalars(select(LedgerEntry).where(LedgerEntry.placement_id == trial.id)).one()
        assert (entry.source, entry.kind, entry.person_code, entry.start_date) == ("placement", "work_trial",
                                                                                  person.code, start)
        assert db.session.get(Proposal, proposal.id).state == "placed"
        assert db.session.get(Candidate, person.id).status == "work_trial"
        assert db.session.get(RoleOccupancy, role.id).active == 1
        # The trial's entry is on the combined clause: the person-month clause has not moved.
        assert abs(clause_figures(clause)[0].status.delivered - before) < 1e-9

        sign_in(client, world.users["employer"])
        response = client.post(f"/placements/{trial.id}/convert?lang=en",
                               data={"kind": "job", "start_on": convert_on.isoformat(), "work_share": "80",
                                     "clause_id": str(clause.id), "wage_subsidy": "y"})
        assert response.status_code == 302
        db.session.expire_all()
        job = db.session.scalars(select(Placement).where(Placement.previous_id == trial.id)).one()
        assert (db.session.get(Placement, trial.id).state, db.session.get(Placement, trial.id).end_on) == (
            "converted", convert_on - timedelta(days=1))
        assert (job.kind, job.start_on, job.wage_subsidy, float(job.work_share)) == ("job", convert_on, True, 0.8)
        entries = {e.kind: e for e in db.session.scalars(select(LedgerEntry).where(
            LedgerEntry.person_code == person.code))}
        assert entries["work_trial"].end_date == convert_on - timedelta(days=1)
        assert entries["job"].placement_id == job.id and entries["job"].end_date is None
        after = clause_figures(clause)[0].status.delivered
        assert abs(after - before - 0.8 * months_covered(convert_on, TODAY)) < 1e-9
        assert db.session.get(Candidate, person.id).status == "employed"
        assert db.session.get(RoleOccupancy, role.id).active == 1  # the job took over the trial's position
        assert heard == [("started", "work_trial", role.organisation_id),
                         ("converted", "work_trial", role.organisation_id),
                         ("started", "job", role.organisation_id)]
        coach_notes = db.session.scalars(select(Notification.kind).where(
            Notification.user_id == world.users["coach"].id, Notification.placement_id.is_not(None))).all()
        assert coach_notes == ["placement_converted"]  # the employer acted: the coach is told, once
    finally:
        placement_changed.disconnect(listener)


def test_ending_frees_the_position_ends_the_ledger_entry_and_returns_to_job_search(client, world, db):
    person, role, proposal = accepted(world, db)
    sign_in(client, world.users["coach"])
    client.post(f"/placements/new/{proposal.id}", data=terms(kind="job", end=None, clause_id=world.ids["clause"]))
    placement = db.session.scalars(select(Placement).where(Placement.candidate_id == person.id)).one()
    page = client.post(f"/placements/{placement.id}/end?lang=en",
                       data={"end_on": (placement.start_on - timedelta(days=1)).isoformat(), "reason": "completed"})
    assert "The end date is before the start date." in page.get_data(as_text=True)
    page = client.post(f"/placements/{placement.id}/end?lang=en", data={"end_on": TODAY.isoformat(), "reason": ""})
    assert "Choose the reason from the list." in page.get_data(as_text=True)
    assert db.session.get(Placement, placement.id).state == "started"
    response = client.post(f"/placements/{placement.id}/end", data={"end_on": TODAY.isoformat(),
                                                                    "reason": "candidate_left"})
    assert response.status_code == 302
    db.session.expire_all()
    ended = db.session.get(Placement, placement.id)
    assert (ended.state, ended.end_on, ended.end_reason) == ("ended", TODAY, "candidate_left")
    assert db.session.scalars(select(LedgerEntry).where(LedgerEntry.placement_id == ended.id)).one().end_date == TODAY
    assert db.session.get(RoleOccupancy, role.id).active == 0
    assert db.session.get(Candidate, person.id).status == "job_search"
    assert [c.change for c in ended.changes] == ["started", "ended"]


def test_a_placement_ending_before_it_starts_writes_nothing(client, world, db):
    person, _role, proposal = accepted(world, db)
    sign_in(client, world.users["coach"])
    page = client.post(f"/placements/new/{proposal.id}?lang=en",
                       data=terms(start=TODAY, end=TODAY - timedelta(days=1)))
    assert "The end date is before the start date." in page.get_data(as_text=True)
    assert nothing_written(db, person) and db.session.get(Proposal, proposal.id).state == "accepted"


def test_a_trial_longer_than_the_rules_allow_writes_nothing(client, world, db):
    person, _role, proposal = accepted(world, db)
    sign_in(client, world.users["coach"])
    page = client.post(f"/placements/new/{proposal.id}?lang=en",
                       data=terms(start=date(2026, 1, 1), end=date(2026, 7, 1))).get_data(as_text=True)
    assert "Work trials with the same employer may last 6 months in all" in page
    page = client.post(f"/placements/new/{proposal.id}?lang=en", data=terms(end=None)).get_data(as_text=True)
    assert "A work trial needs an end date." in page
    page = client.post(f"/placements/new/{proposal.id}?lang=en", data=terms(share="0")).get_data(as_text=True)
    assert "more than 0 and at most 100 per cent" in page
    assert nothing_written(db, person)
    response = client.post(f"/placements/new/{proposal.id}", data=terms(start=date(2026, 1, 1),
                                                                        end=date(2026, 6, 30)))
    assert response.status_code == 302  # exactly six calendar months is allowed


def test_a_full_role_and_a_proposal_not_accepted_are_refused(client, world, db):
    person, role, proposal = accepted(world, db, positions=1)
    second = make_candidate(world.users["coach"], name="Toinen", consent_for=world.orgs["employer"])
    other = Proposal(candidate_id=second.id, role_id=role.id, organisation_id=role.organisation_id,
                     provider_id=second.organisation_id, coach_id=world.users["coach"].id, state="accepted")
    db.session.add(other)
    db.session.commit()
    sign_in(client, world.users["coach"])
    assert client.post(f"/placements/new/{proposal.id}", data=terms(kind="job", end=None)).status_code == 302
    page = client.post(f"/placements/new/{other.id}?lang=en", data=terms(kind="job", end=None)).get_data(as_text=True)
    assert "All 1 positions of this role are already taken" in page
    assert nothing_written(db, second) and db.session.get(RoleOccupancy, role.id).active == 1
    page = client.post(f"/placements/new/{proposal.id}?lang=en", data=terms(kind="job", end=None),
                       follow_redirects=True)  # back to the proposal, with the refusal
    assert "Only a proposal the employer has accepted can become a placement." in page.get_data(as_text=True)
    assert count(db, Placement, Placement.candidate_id == person.id) == 1


def test_the_database_refuses_more_active_placements_than_positions(db, world):
    import pytest
    from sqlalchemy.exc import IntegrityError

    occupancy = db.session.get(RoleOccupancy, world.ids["employer_role"])
    occupancy.active = occupancy.positions + 1
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_a_clause_of_another_employer_is_refused(client, world, db):
    from tests.access.procurements import make_clause, make_procurement

    person, _role, proposal = accepted(world, db)
    foreign = make_clause(make_procurement(world.orgs["buyer"], world.orgs["other_employer"], reference="X-1"))
    db.session.commit()
    sign_in(client, world.users["coach"])
    page = client.post(f"/placements/new/{proposal.id}?lang=en", data=terms(clause_id=foreign.id))
    assert page.status_code == 200 and "Not a valid choice" in page.get_data(as_text=True)
    assert nothing_written(db, person)


def test_other_sides_cannot_reach_a_placement_and_a_running_one_blocks_erasure(client, world, db):
    pid = world.ids["placement"]
    for who in ("other_employer", "other_coach", "second_coach"):
        sign_in(client, world.users[who])
        assert client.post(f"/placements/{pid}/end", data={"end_on": TODAY.isoformat(),
                                                           "reason": "other"}).status_code == 404
    assert db.session.get(Placement, pid).state == "started"
    sign_in(client, world.users["coach"])
    candidate_id = world.ids["placed_candidate"]
    page = client.post(f"/coaching/candidates/{candidate_id}/erase?lang=en", data={"agreed": "y"})
    assert "The candidate has a running placement: end it first, then erase." in page.get_data(as_text=True)
    assert db.session.get(Candidate, candidate_id).erased_at is None


def test_officers_see_the_placements_on_their_clauses_by_code_only(client, world, db):
    from tests.access.proposals import PLACED_NAME

    code = db.session.get(Candidate, world.ids["placed_candidate"]).code
    sign_in(client, world.users["officer"])
    page = client.get("/placements/clauses?lang=en").get_data(as_text=True)
    assert code in page and PLACED_NAME not in page and "Home employer" in page
    # The clause by its name and its procurement, each a link; no bare clause number.
    assert "HK-2026-001: Person-months, 12 person-months by" in page and "Clause " not in page
    assert f'href="/procurements/clauses/{world.ids["clause"]}"' in page
    assert f'href="/procurements/{world.ids["procurement"]}">Siivouspalvelut</a>' in page
    sign_in(client, world.users["other_officer"])
    assert code not in client.get("/placements/clauses").get_data(as_text=True)
    sign_in(client, world.users["employer"])
    page = client.get(f"/placements/{world.ids['placement']}?lang=en").get_data(as_text=True)
    assert code in page and PLACED_NAME not in page


def test_reminders_go_once_two_weeks_before_a_trial_ends(app, world, db):
    trial = db.session.get(Placement, world.ids["placement"])
    trial.end_on = TODAY + timedelta(days=20)
    db.session.commit()
    runner = app.test_cli_runner()
    assert "0 trial reminders sent" in runner.invoke(args=["placements", "remind"]).output
    later = (TODAY + timedelta(days=6)).isoformat()
    assert "1 trial reminders sent" in runner.invoke(args=["placements", "remind", "--date", later]).output
    assert "0 trial reminders sent" in runner.invoke(args=["placements", "remind", "--date", later]).output
    notes = db.session.scalars(select(Notification).where(Notification.kind == "trial_ending")).all()
    assert sorted(n.user_id for n in notes) == sorted([world.users["coach"].id, world.users["employer"].id])
    assert notes[0].params["date"] == trial.end_on.isoformat()


def test_figures_count_the_proposals_starts_and_caseload(client, world, db):
    person, _role, proposal = accepted(world, db)
    sign_in(client, world.users["coach"])
    client.post(f"/placements/new/{proposal.id}", data=terms(kind="job", end=None,
                                                             start=TODAY - timedelta(days=100)))
    page = client.get("/placements/figures?lang=en").get_data(as_text=True)
    assert "My figures" in page and "Each coach" in page  # the world's coach is the provider's admin
    assert "1 of 1 job starts" in page
    sign_in(client, world.users["admin"])
    page = client.get("/placements/figures/providers?lang=en").get_data(as_text=True)
    assert "Home provider" in page and "Other provider" in page


def test_placement_lists_keep_their_query_count(client, world, db, count_queries):
    sign_in(client, world.users["employer"])
    client.get("/placements/")
    statements = count_queries()
    client.get("/placements/")
    few = len(statements)
    for n in range(6):
        person, _role, proposal = accepted(world, db, title=f"Rooli {n}")
        db.session.add(Placement(proposal_id=proposal.id, candidate_id=person.id, role_id=proposal.role_id,
                                 organisation_id=proposal.organisation_id, provider_id=person.organisation_id,
                                 kind="job", start_on=TODAY, work_share=1))
    db.session.commit()
    statements = count_queries()
    assert client.get("/placements/").status_code == 200 and len(statements) == few


def test_the_officers_list_keeps_its_query_count(client, world, db, count_queries):
    sign_in(client, world.users["officer"])
    client.get("/placements/clauses?lang=en")
    statements = count_queries()
    client.get("/placements/clauses?lang=en")
    few = len(statements)
    other = make_clause(db.session.get(Procurement, world.ids["procurement"]), kind="persons", quantity=3)
    for n in range(6):
        person, _role, proposal = accepted(world, db, title=f"Rooli {n}")
        db.session.add(Placement(proposal_id=proposal.id, candidate_id=person.id, role_id=proposal.role_id,
                                 organisation_id=proposal.organisation_id, provider_id=person.organisation_id,
                                 kind="job", start_on=TODAY, work_share=1,
                                 clause_id=other.id if n % 2 else world.ids["clause"]))
    db.session.commit()
    statements = count_queries()
    page = client.get("/placements/clauses?lang=en")
    assert page.status_code == 200 and len(statements) == few
    assert "HK-2026-001: People employed, 3 people by" in page.get_data(as_text=True)
