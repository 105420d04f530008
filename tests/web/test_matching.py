"""The coach's matching pages: ranked roles for a candidate, ranked candidates for a role, one pair explained."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.versions import note
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.factories import make_org


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_ranked_roles_explain_each_fit_in_words_and_leave_out_what_fails(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, limits={"lifting": "brief"}, adjustments=("quiet_workspace",),
                            target_groups=("partial_work_ability",))
    make_role(home, title="Siivooja, Hervanta", essential_skills="Siivoustyöt", municipality_code="837",
              adjustments=["quiet_workspace", "assistive_tools"], demands={"lifting": "heavy"})  # tools take it away
    make_role(home, title="Raskas varastotyö", demands={"lifting": "heavy"}, adjustments=["quiet_workspace"])
    make_role(home, title="Siivooja Turussa", municipality_code="853")
    make_role(home, title="Siivooja ilman rauhaa", adjustments=["part_time"])
    db.session.commit()
    sign_in(client, coach)
    page = _page(client, f"/matching/candidates/{person.id}?lang=en")
    assert "Siivooja, Hervanta" in page
    assert "Raskas varastotyö" not in page and "Siivooja Turussa" not in page and "Siivooja ilman rauhaa" not in page
    assert ("Lifting and carrying is above what the candidate can manage, "
            "but the role's adjustment “Assistive tools” takes it away") in page
    assert "the same municipality (Tampere)" in page and "every adjustment the candidate needs is offered" in page
    assert "1 of 1 matched" in page  # "Siivoustyöt" names the concept the candidate's "siivous" does
    # the role's skill as typed, the candidate's in the reader's language, and the concept that meets it, in words
    assert '<td lang="fi">Siivoustyöt</td><td>“Cleaning”: the same skill (Cleaning)</td>' in page
    assert "Similarity" not in page
    page = _page(client, f"/matching/candidates/{person.id}?lang=en&allow_missing=1")
    assert "Siivooja ilman rauhaa" in page and "Adjustments missing:" in page and "points off for each" in page
    finnish = _page(client, f"/matching/candidates/{person.id}?lang=fi")
    assert "Siivooja, Hervanta" in finnish and "Pisteet" in finnish


def test_filters_narrow_the_ranking_by_kind_score_and_remote_work(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach)
    make_role(home, title="Siivoojan työkokeilu", kind="work_trial", trial_weeks=8, essential_skills="Siivous")
    make_role(home, title="Kirjanpitäjä", essential_skills="Kirjanpito", negotiable_skills="")
    make_role(home, title="Etäsiivousneuvoja", remote="fully", municipality_code="091")
    db.session.commit()
    sign_in(client, coach)
    page = _page(client, f"/matching/candidates/{person.id}?lang=en&kind=work_trial")
    assert "Siivoojan työkokeilu" in page and "Kirjanpitäjä" not in page
    page = _page(client, f"/matching/candidates/{person.id}?lang=en&min_score=60")
    assert "Siivoojan työkokeilu" in page and "Kirjanpitäjä" not in page
    page = _page(client, f"/matching/candidates/{person.id}?lang=en&remote=fully")
    assert "Etäsiivousneuvoja" in page and "Siivoojan työkokeilu" not in page and "the work is fully remote" in page
    page = _page(client, f"/matching/candidates/{person.id}?lang=en&kind=nonsense&min_score=abc&remote=x")
    assert "Siivoojan työkokeilu" in page  # unreadable filters are ignored


def test_a_role_ranks_only_the_coachs_own_active_candidates(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    mine = make_candidate(coach, name="Oma Siivooja")
    make_candidate(coach, name="Lopettanut Siivooja", status="exited")
    make_candidate(world.users["second_coach"], name="Kollegan Siivooja")
    role = make_role(home, title="Siivooja")
    db.session.commit()
    sign_in(client, coach)
    page = _page(client, f"/matching/roles/{role.id}?lang=en")
    assert "Oma Siivooja" in page and "Lopettanut Siivooja" not in page and "Kollegan Siivooja" not in page
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "caseload_read",
                                                        AuditEvent.actor_id == coach.id)).all()[-1]
    assert mine.id in event.detail["candidates"] and event.detail["role"] == role.id
    draft = make_role(home, title="Luonnos", publish=False)
    db.session.commit()
    assert client.get(f"/matching/roles/{draft.id}").status_code == 404
    assert client.get(f"/matching/candidates/{mine.id}/roles/{draft.id}").status_code == 404


def test_the_pair_page_is_a_logged_read_of_the_coachs_own_candidate(client, world, db):
    coach = world.users["coach"]
    person = make_candidate(coach)
    role = make_role(world.orgs["employer"], title="Siivooja")
    db.session.commit()
    sign_in(client, world.users["second_coach"])
    assert client.get(f"/matching/candidates/{person.id}/roles/{role.id}").status_code == 404
    sign_in(client, coach)
    page = _page(client, f"/matching/candidates/{person.id}/roles/{role.id}?lang=en")
    assert "Score" in page and "How the score is made" in page and "Propose" in page
    reads = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "candidate_read",
                                                        AuditEvent.object_id == person.id)).all()
    assert reads and reads[-1].detail == {"part": "profile"}


def test_ranking_pages_run_a_fixed_number_of_queries(client, world, db, count_queries):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach)
    role = make_role(home, title="Siivooja")
    db.session.commit()
    sign_in(client, coach)
    urls = [f"/matching/candidates/{person.id}", f"/matching/roles/{role.id}", "/matching/", "/matching/roles"]

    def counts() -> dict:
        """url -> statements of a request that reads the open roles afresh, and of one that finds them kept."""
        found = {}
        for url in urls:
            client.get(url)
            note("roles")  # a role write: the open roles are read afresh
            db.session.commit()
            statements = count_queries()
            assert client.get(url).status_code == 200
            fresh = len(statements)
            statements = count_queries()
            assert client.get(url).status_code == 200
            found[url] = (fresh, len(statements))
        return found

    few = counts()
    other = make_org("employer")
    for n in range(12):
        make_role(other, title=f"Siivooja {n}")
        make_candidate(coach, name=f"Henkilö {n}")
    db.session.commit()
    assert counts() == few
    kept, fresh = few[urls[0]][1], few[urls[0]][0]
    assert kept < fresh  # the kept roles save the reference and role queries
