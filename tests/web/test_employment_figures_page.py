"""The supported-employment figures page of a new provider whose numbers are known exactly: caseload, days
from intake to the first employer contact, proposals and job starts in their months, 90-day retention."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_org, make_user

FI_MONTHS = ("tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
             "syyskuu", "lokakuu", "marraskuu", "joulukuu")
SV_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
             "november", "december")


def _month_row(month: str, proposals: int, starts: int) -> str:
    return f'<th scope="row">{month}</th><td class="num">{proposals}</td><td class="num">{starts}</td>'


def test_a_new_providers_figures_count_exactly_what_its_coach_did(app, client, world, db):
    today = clock.today()
    provider, home = make_org("provider", name="Uusi valmennus"), world.orgs["employer"]
    coach = make_user("coach", provider)
    placed = make_candidate(coach, name="Sijoitettu", consent_for=home)  # intake 30 days ago
    make_candidate(coach, name="Odottaa")  # no employer contact yet
    role = make_role(home, title="Siivooja", positions=2)
    db.session.commit()
    sign_in(client, coach)
    assert client.post(f"/matching/candidates/{placed.id}/roles/{role.id}", data={"message": "Hei"}).status_code == 302
    proposal = db.session.scalars(select(Proposal).where(Proposal.candidate_id == placed.id)).one()
    proposal.state = "accepted"
    db.session.commit()
    start = today - timedelta(days=100)
    assert client.post(f"/placements/new/{proposal.id}", data={
        "kind": "job", "start_on": start.isoformat(), "work_share": "100", "clause_id": "0"}).status_code == 302

    page = client.get("/placements/figures?lang=en").get_data(as_text=True)
    assert "<dt>Caseload</dt><dd>2</dd>" in page
    assert re.search(r"<dd>30\s+\(1 candidate contacted an employer, 1 not yet\)</dd>", page)  # intake to proposal
    assert "100 % (1 of 1 job starts)" in page  # started 100 days ago and still running
    this_month, start_month = today.strftime("%B %Y"), start.strftime("%B %Y")
    assert _month_row(this_month, 1, 0) in page and _month_row(start_month, 0, 1) in page
    assert not re.search(r'<th scope="row">\d{4}-\d\d</th>', page)  # no month as a code
    for lang, months in (("fi", FI_MONTHS), ("sv", SV_MONTHS)):
        page = client.get(f"/placements/figures?lang={lang}").get_data(as_text=True)
        named = f"{months[today.month - 1]} {today.year}"
        assert _month_row(named, 1, 0) in page, (lang, named)
        assert not re.search(r'<th scope="row">\d{4}-\d\d</th>', page), lang

    sign_in(client, world.users["admin"])
    page = client.get("/placements/figures/providers?lang=en").get_data(as_text=True)
    assert "Uusi valmennus" in page
