"""`flask bench generate`: a small region has the sizes asked for, keeps every feature's invariants,
and the key pages render with it."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from sqlalchemy import func, select

from portal.accounts.models import Organisation, User
from portal.benchdata.services import sizes
from portal.campaigns.models import Campaign
from portal.coaching.models import Candidate, Consent
from portal.domain.profile import fold, valid_code
from portal.domain.text import fold as fold_words
from portal.employers.models import JobRole, JobRoleSkill, JobRoleTerm
from portal.placements.models import Placement, RoleOccupancy
from portal.procurements.models import EmploymentClause, LedgerEntry, Procurement
from portal.proposals.models import Proposal
from tests.conftest import sign_in

SCALE = 0.01


@pytest.fixture
def region(app, db, tmp_path):
    """A region of scale 0.01 made by the command, and the targets file it wrote."""
    target = tmp_path / "targets.json"
    result = app.test_cli_runner().invoke(args=["bench", "generate", "--scale", str(SCALE), "--targets",
                                                str(target)])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return json.loads(target.read_text()), result.output


def count(db, model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_the_region_has_the_sizes_of_its_scale(db, region):
    expected = sizes(SCALE)
    assert count(db, Candidate) == expected["candidates"] == 500
    assert count(db, Organisation, Organisation.kind == "employer") == expected["employers"] == 50
    assert count(db, JobRole) == expected["roles"] == 200
    assert count(db, Procurement) == expected["procurements"] == 20
    assert count(db, EmploymentClause) == expected["clauses"] == 50
    assert count(db, Placement) == expected["placements"] == 2000
    assert count(db, Campaign) == expected["campaigns"] == 10
    assert "region of scale 0.01 written" in region[1]


def test_sizes_scale_and_refuse_nothing_or_less():
    assert sizes(1)["candidates"] == 50_000 and sizes(1)["placements"] == 200_000
    assert sizes(0.0001)["buyers"] == 2  # never below a working minimum
    with pytest.raises(ValueError):
        sizes(0)


def test_a_scale_of_zero_is_refused_by_the_command(app, db):
    result = app.test_cli_runner().invoke(args=["bench", "generate", "--scale", "0"])
    assert result.exit_code != 0 and "scale" in result.output


def test_rows_keep_the_invariants_the_services_keep(db, region):
    people = db.session.execute(select(Candidate.code, Candidate.skills_text, Candidate.skills_folded,
                                       Candidate.desired_work_text, Candidate.desired_work_folded)).all()
    assert all(valid_code(code) for code, *_ in people)
    assert len({code for code, *_ in people}) == len(people)
    assert all(folded == fold(text) and desired_f == fold(desired) for _c, text, folded, desired, desired_f in people)
    skills = db.session.execute(select(JobRoleSkill.name, JobRoleSkill.name_folded)).all()
    assert skills and all(folded == fold_words(name)[:100] for name, folded in skills)
    # Every role is in the search index; every proposal rests on a consent for that employer.
    assert count(db, JobRole, ~JobRole.id.in_(select(JobRoleTerm.role_id))) == 0
    consented = set(db.session.execute(select(Consent.candidate_id, Consent.employer_organisation_id)).all())
    proposed = set(db.session.execute(select(Proposal.candidate_id, Proposal.organisation_id)).all())
    assert proposed <= consented
    # A placement counted on a clause has exactly its ledger entry, with the person's code and dates.
    linked = db.session.execute(select(Placement.id, Placement.start_on, Placement.end_on, Candidate.code)
                                .join(Candidate).where(Placement.clause_id.is_not(None))).all()
    entries = {e.placement_id: e for e in db.session.scalars(select(LedgerEntry))}
    assert linked and len(entries) == len(linked)
    assert all((entries[p].start_date, entries[p].end_date, entries[p].person_code) == (s, e, code)
               for p, s, e, code in linked)
    # Running placements hold their roles' positions, never more than a role has.
    running = Counter(db.session.scalars(select(Placement.role_id).where(Placement.state == "started")))
    held = {o.role_id: o for o in db.session.scalars(select(RoleOccupancy))}
    assert running and all(held[role].active == n <= held[role].positions for role, n in running.items())
    # Someone in a running job is employed; in a running trial, in a trial.
    statuses = dict(db.session.execute(select(Placement.candidate_id, Candidate.status).join(Candidate)
                                       .where(Placement.state == "started")).all())
    assert set(statuses.values()) <= {"employed", "work_trial"}


def test_key_pages_render_with_the_region(app, db, region):
    targets = region[0]
    pages = {None: ["/", "/roles", "/roles?q=siivooja", f"/roles/{targets['role_ids'][0]}", "/api/v1/roles",
                    "/campaigns", "/services/"],
             "officer": ["/procurements/", f"/procurements/clauses/{targets['clause_ids'][0]}"],
             "coach": ["/coaching/", f"/matching/candidates/{targets['candidate_ids'][0]}", "/proposals/",
                       "/placements/"]}
    for role, paths in pages.items():
        client = app.test_client()
        if role:
            sign_in(client, db.session.scalar(select(User).where(User.email == targets["logins"][role])))
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (role, path, response.status_code)
