"""The demo data gives the matching, proposal and placement pages something to show, and loads only once."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.accounts import demo as accounts_demo
from portal.accounts.demo import demo_user
from portal.coaching import demo as coaching_demo
from portal.coaching.models import Candidate
from portal.directory import demo as directory_demo
from portal.employers import demo as employers_demo
from portal.matching import demo
from portal.notifications.models import Notification
from portal.placements.models import Placement
from portal.procurements import demo as procurements_demo
from portal.procurements.models import LedgerEntry
from portal.proposals.models import Proposal
from tests.conftest import sign_in


def _counts(db):
    return tuple(db.session.scalar(select(func.count()).select_from(m)) for m in (Proposal, Placement, LedgerEntry,
                                                                                 Notification))


def test_the_demo_loads_once_and_fills_every_side(app, client, db):
    # As `flask seed demo` runs it: in an application context, outside any request.
    for module in (accounts_demo, procurements_demo, employers_demo, directory_demo, coaching_demo):
        module.seed()
        db.session.commit()
    assert demo.seed().startswith("3 proposals, 3 placements")
    db.session.commit()
    counts = _counts(db)
    assert demo.seed() == "0 created"
    db.session.commit()
    # two trials and a job; the job on the clause (the person-month clause counts no trial, so the trial is on none)
    # The procurements demo keeps 9 entries (7, and 2 on the ended clause awaiting its sanction decision).
    assert _counts(db) == counts and counts[:3] == (3, 3, 9 + 1)
    states = sorted(db.session.scalars(select(Proposal.state)))
    assert states == ["placed", "placed", "sent"]
    job = db.session.scalars(select(Placement).where(Placement.previous_id.is_not(None))).one()
    assert (job.kind, job.state, job.wage_subsidy) == ("job", "started", True)

    sign_in(client, demo_user("coach"))
    assert "Kaisa Asiakas" in client.get("/proposals/?lang=en").get_data(as_text=True)
    assert "Converted into employment" in client.get("/placements/?lang=en").get_data(as_text=True)
    kaisa = db.session.scalars(select(Proposal).where(Proposal.state == "sent")).one()
    page = client.get(f"/matching/candidates/{kaisa.candidate_id}?lang=en").get_data(as_text=True)
    # Kaisa wants shop work or morning cleaning: the cleaning role on the demo clause is her occupation.
    assert "Roles that fit" in page and "Toimistosiivooja, aamupäivät" in page
    assert "“Siivooja” is the role's occupation" in page
    ahmed = db.session.scalars(select(Candidate).where(Candidate.name == "Ahmed Hassan")).one()
    page = client.get(f"/matching/candidates/{ahmed.id}?lang=en").get_data(as_text=True)
    first = page.index('<li class="card match">')
    assert page.index("Keittiöapulainen, henkilöstöravintola", first) < page.find("</li>", first)  # first
    assert "is the role's occupation" in page
    assert "1 trial reminders sent" in app.test_cli_runner().invoke(args=["placements", "remind"]).output

    sign_in(client, demo_user("employer"))
    page = client.get(f"/proposals/received/{kaisa.id}?lang=en").get_data(as_text=True)
    assert "Kaisa" not in page and "We accept" in page
    sign_in(client, demo_user("officer"))
    page = client.get("/placements/clauses?lang=en").get_data(as_text=True)
    assert page.count("Esimerkki Oy") == 1  # the job Liisa's trial became (the trial itself is on no clause)
