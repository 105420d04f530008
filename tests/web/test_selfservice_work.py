"""The candidate's own proposals, placements and "who saw what": only their own, in words, in a fixed number
of queries; a planned placement reads as planned."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from portal import clock
from portal.placements.models import Placement
from portal.proposals.models import Proposal
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in

TODAY = clock.today()


def _placement(world, db, candidate_id, start, kind="work_trial", title="Kahvilatyöntekijä"):
    role = make_role(world.orgs["employer"], title=title)
    db.session.add(Placement(candidate_id=candidate_id, role_id=role.id, organisation_id=world.orgs["employer"].id,
                             provider_id=world.orgs["provider"].id, kind=kind, state="started", start_on=start,
                             end_on=start + timedelta(days=89), work_share=Decimal("1")))
    db.session.commit()


def test_the_candidate_sees_their_proposals_and_placements_and_a_planned_one_as_planned(client, world, db):
    start = TODAY + timedelta(days=34)
    _placement(world, db, world.ids["candidate"], start)
    sign_in(client, world.users["candidate"])
    page = client.get("/my/proposals?lang=fi").get_data(as_text=True)
    assert "Home employer" in page and "Varastotyöntekijä" in page
    assert "Työnantaja hyväksyi" in page
    page = client.get("/my/placements?lang=fi").get_data(as_text=True)
    assert "Kahvilatyöntekijä" in page and "Suunniteltu" in page and "Käynnissä" not in page
    assert f"{start.day}.{start.month}.{start.year}" in page
    assert "Planerad" in client.get("/my/placements?lang=sv").get_data(as_text=True)


def test_another_candidate_sees_none_of_it_and_other_roles_are_refused(client, world, db):
    _placement(world, db, world.ids["candidate"], TODAY - timedelta(days=3))
    mine = make_candidate(world.users["coach"], name="Toinen Ihminen")
    mine.user_id = world.users["second_candidate"].id
    db.session.commit()
    sign_in(client, world.users["second_candidate"])
    page = client.get("/my/proposals?lang=en").get_data(as_text=True)
    assert "You have not been proposed to any job yet." in page and "Varastotyöntekijä" not in page
    page = client.get("/my/placements?lang=en").get_data(as_text=True)
    assert "You have no placements yet." in page and "Kahvilatyöntekijä" not in page
    sign_in(client, world.users["other_candidate"])  # no record of their own
    for path in ("/my/proposals", "/my/placements", "/my/seen"):
        assert client.get(path).status_code == 404, path
    for who in ("coach", "employer", "officer", "admin"):
        sign_in(client, world.users[who])
        for path in ("/my/proposals", "/my/placements", "/my/seen"):
            assert client.get(path).status_code in (403, 404), (who, path)


def test_who_saw_what_names_the_own_coach_and_shows_others_by_organisation_and_role(client, world, db):
    sign_in(client, world.users["coach"])
    assert client.get(f"/coaching/candidates/{world.ids['candidate']}").status_code == 200
    sign_in(client, world.users["employer"])
    assert client.get(f"/proposals/received/{world.ids['proposal_accepted']}").status_code == 200
    sign_in(client, world.users["candidate"])
    client.get("/my/?lang=fi")  # one's own reads are not listed
    page = client.get("/my/seen?lang=fi").get_data(as_text=True)
    assert world.users["coach"].name in page and "työhönvalmentaja" in page.lower()
    assert world.users["employer"].name not in page and "Home employer" in page
    assert "Ehdotuksesi tehtävään Varastotyöntekijä" in page and "Asiakastiedot" in page  # what, in words
    assert "candidate_read" not in page and "employer_view" not in page
    assert " klo " in page
    page = client.get("/my/seen?lang=sv").get_data(as_text=True)
    assert "Vem såg vad" in page and " kl. " in page


def test_a_long_list_of_reads_marks_one_page_as_the_current_one_and_a_page_past_the_end_is_the_last(
        client, world, db):
    from datetime import UTC, datetime

    from portal.audit.models import AuditEvent

    coach = world.users["coach"]
    start = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
    db.session.add_all([AuditEvent(action="candidate_read", at=start + timedelta(hours=n), actor_id=coach.id,
                                   object_type="candidate", object_id=world.ids["candidate"],
                                   organisation_id=coach.organisation_id, detail={"part": "plan"})
                        for n in range(60)])
    db.session.commit()
    sign_in(client, world.users["candidate"])
    for query in ("", "&page=2", "&page=99999"):
        page = client.get(f"/my/seen?lang=fi{query}").get_data(as_text=True)
        assert page.count('aria-current="page"') == 1, query  # the navigation's "Kuka näki mitä"
        assert page.split('class="pagination"')[1].count('aria-current="true"') == 1, query
    assert "Sivu 3 / 3" in page and "Suunnitelma" in page  # page 99999: the last page, with its rows


def test_the_lists_keep_their_query_count(client, world, db, count_queries):
    def statements_of(path):
        client.get(path)
        statements = count_queries()
        assert client.get(path).status_code == 200
        return len(statements)

    def read_by_others(times):
        sign_in(client, world.users["coach"])
        for _ in range(times):
            client.get(f"/coaching/candidates/{world.ids['candidate']}")
        sign_in(client, world.users["employer"])
        for _ in range(times):
            client.get(f"/proposals/received/{world.ids['proposal_accepted']}")
        sign_in(client, world.users["candidate"])

    read_by_others(1)  # one row of each kind first: the rows' names cost a fixed number of queries
    _placement(world, db, world.ids["candidate"], TODAY, title="Paikka")
    few = {path: statements_of(path) for path in ("/my/proposals", "/my/placements", "/my/seen")}
    for n in range(4):
        role = make_role(world.orgs["employer"], title=f"Rooli {n}")
        db.session.add(Proposal(candidate_id=world.ids["candidate"], role_id=role.id,
                                organisation_id=world.orgs["employer"].id, provider_id=world.orgs["provider"].id,
                                coach_id=world.users["coach"].id, state="sent", fit={}))
        _placement(world, db, world.ids["candidate"], TODAY - timedelta(days=n), title=f"Paikka {n}")
    read_by_others(4)
    assert {path: statements_of(path) for path in few} == few


def test_finnish_texts_on_the_candidates_swedish_pages_carry_their_language(client, world, db):
    _placement(world, db, world.ids["candidate"], TODAY + timedelta(days=3), title="Varastotyö ja hyllytys kaupassa")
    sign_in(client, world.users["candidate"])
    for path, text in (("/my/placements?lang=sv", "Varastotyö ja hyllytys kaupassa"),
                       ("/my/proposals?lang=sv", "Varastotyöntekijä")):
        page = client.get(path).get_data(as_text=True)
        assert f'lang="fi">{text}<' in page, path
