"""Never overbooked: coaches' requests for the last positions of a role arrive at the same moment.

Each thread is a coach with a browser session of their own, posting the
placement form of their candidate's accepted proposal. On PostgreSQL
(TEST_DATABASE_URL) the row lock of the conditional UPDATE makes every
request wait its turn: exactly as many succeed as there are positions, and
the others get the "all positions are taken" answer. On SQLite the single
writer does the same, except that a request may also give up waiting for the
lock (a 500, rolled back): that is a refusal too, never an overbooking.
"""
from __future__ import annotations

import threading

from sqlalchemy import func, select

from portal import clock
from portal.placements.models import Placement, RoleOccupancy
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_user

COACHES = 12
POSITIONS = 3


def test_concurrent_requests_never_fill_more_positions_than_the_role_has(app, world, db):
    home, provider = world.orgs["employer"], world.orgs["provider"]
    role = make_role(home, title="Kolme paikkaa", positions=POSITIONS)
    clients, urls = [], []
    for n in range(COACHES):
        coach = make_user("coach", provider)
        person = make_candidate(coach, name=f"Hakija {n}", consent_for=home)
        proposal = Proposal(candidate_id=person.id, role_id=role.id, organisation_id=home.id,
                            provider_id=provider.id, coach_id=coach.id, state="accepted")
        db.session.add(proposal)
        db.session.flush()
        client = app.test_client()
        sign_in(client, coach)
        clients.append(client)
        urls.append(f"/placements/new/{proposal.id}?lang=en")
    db.session.commit()
    start, lock, outcomes = threading.Barrier(COACHES), threading.Lock(), []
    form = {"kind": "job", "start_on": clock.today().isoformat(), "work_share": "100", "clause_id": "0"}

    def request(n: int) -> None:
        start.wait()
        response = clients[n].post(urls[n], data=form)
        body = response.get_data(as_text=True)
        if response.status_code == 302:
            result = "placed"
        elif "positions of this role are already taken" in body:
            result = "full"
        else:
            result = f"refused {response.status_code}"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=request, args=(n,)) for n in range(COACHES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    db.session.expire_all()
    running = db.session.scalar(select(func.count()).select_from(Placement).where(Placement.role_id == role.id,
                                                                                  Placement.state == "started"))
    placed = outcomes.count("placed")
    print(f"\n{db.engine.dialect.name}: {COACHES} simultaneous requests for {POSITIONS} positions -> "
          f"{placed} placed, {outcomes.count('full')} told the role is full, "
          f"{len(outcomes) - placed - outcomes.count('full')} other refusals; {running} running placements stored")
    assert len(outcomes) == COACHES
    assert placed == running == db.session.get(RoleOccupancy, role.id).active
    assert 1 <= running <= POSITIONS, outcomes
    if db.engine.dialect.name == "postgresql":
        assert placed == POSITIONS and outcomes.count("full") == COACHES - POSITIONS, outcomes
