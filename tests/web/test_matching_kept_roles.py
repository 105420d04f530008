"""The open roles a worker keeps for matching (open_roles.open_roles): fresh after every role write, shared as plain
data only, and filtered in numpy exactly as the SQL of within_reach and open_role_conditions filters."""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from portal.accounts.models import Organisation
from portal.benchdata.services import generate
from portal.clock import today
from portal.coaching.models import Candidate
from portal.domain.location import TRAVEL_RANGES
from portal.employers import services as employers
from portal.employers.models import JobRole
from portal.matching import candidate_profiles, open_roles, profiles
from tests.access.employers import ROLE_DATA, make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_a_role_published_edited_or_closed_after_the_ranking_was_kept_shows_on_the_next_request(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, hours=(20, 30))
    alfa = make_role(home, title="Siivooja Alfa")
    db.session.commit()
    sign_in(client, coach)
    url = f"/matching/candidates/{person.id}?lang=en"
    page = _page(client, url)
    assert "Siivooja Alfa" in page and "Siivooja Beeta" not in page
    assert _page(client, url) == page  # kept: the same answer

    beeta = make_role(home, title="Siivooja Beeta")  # published
    db.session.commit()
    assert "Siivooja Beeta" in _page(client, url)

    # An edit of the role and of its skills (child rows), seen on the next request.
    employers.save_role(home, db.session.get(JobRole, alfa.id),
                        {**ROLE_DATA, "title": "Siivooja Gamma", "essential_skills": "Kvanttisiivous"})
    db.session.commit()
    page = _page(client, url)
    assert "Siivooja Gamma" in page and "Siivooja Alfa" not in page and '<td lang="fi">Kvanttisiivous</td>' in page

    # The employer's new name, read with the roles.
    db.session.get(Organisation, home.id).name = "Uusi Nimi Oy"
    db.session.commit()
    assert "Uusi Nimi Oy" in _page(client, url)

    # Hours out of the candidate's reach: the role leaves the ranking although it is still open.
    db.session.get(JobRole, alfa.id).hours_min, db.session.get(JobRole, alfa.id).hours_max = 35, 40
    db.session.commit()
    assert "Siivooja Gamma" not in _page(client, url)

    employers.change_state(home, db.session.get(JobRole, beeta.id), "close")
    db.session.commit()
    page = _page(client, url)
    assert "Siivooja Beeta" not in page and "Toimistosiivooja" in page  # the world's role stays


def test_a_role_closed_or_published_shows_on_the_role_side_page_too(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    make_candidate(coach, name="Oma Siivooja")
    role = make_role(home, title="Siivooja")
    db.session.commit()
    sign_in(client, coach)
    assert "Oma Siivooja" in _page(client, f"/matching/roles/{role.id}?lang=en")
    employers.change_state(home, db.session.get(JobRole, role.id), "close")
    db.session.commit()
    assert client.get(f"/matching/roles/{role.id}").status_code == 404
    later = make_role(home, title="Myöhempi siivooja")
    db.session.commit()
    assert "Oma Siivooja" in _page(client, f"/matching/roles/{later.id}?lang=en")


def test_one_candidates_typed_texts_never_reach_another_request_or_the_kept_roles(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    loud = make_candidate(coach, skills=(), skills_text="KVANTTISIIVOUS")
    quiet = make_candidate(coach, skills=(), skills_text="kvanttisiivous")
    make_role(home, title="Kvanttisiivooja", essential_skills="Kvanttisiivous")
    db.session.commit()
    sign_in(client, coach)
    # "Kvanttisiivous" names no concept (a compound's last part names one only when its modifier answers the
    # label too, issue 14): the words meet it, each candidate's spelling shown
    assert '<td lang="fi">Kvanttisiivous</td><td>“KVANTTISIIVOUS”, word by word' in _page(
        client, f"/matching/candidates/{loud.id}?lang=en")
    page = _page(client, f"/matching/candidates/{quiet.id}?lang=en")
    assert '<td lang="fi">Kvanttisiivous</td><td>“kvanttisiivous”, word by word' in page
    assert "KVANTTISIIVOUS" not in page
    kept = open_roles.open_roles(today())
    for reference in kept.references.values():  # what requests add goes to their own copies
        assert "kvanttisiivous" not in reference.display["candidate"]
        assert "kvanttisiivous" not in reference.display["role"]


def _edge_roles(org) -> None:
    """Roles the generated region may lack: unknown hours or place, remote far away, a place nobody lives in.

    Publishing asks for hours and a place: the unknown ones are written afterwards, as older data may hold them.
    """
    for title, changes in [("Tuntimäärä avoin", {"hours_min": None, "hours_max": None}),
                           ("Vain alaraja", {"hours_max": None}), ("Paikka avoin", {"municipality_code": None}),
                           ("Paikka tyhjä", {"municipality_code": ""}),
                           ("Etätyö, paikka avoin", {"remote": "fully", "municipality_code": None})]:
        role = make_role(org, title=title)
        for name, value in changes.items():
            setattr(role, name, value)
    make_role(org, title="Etätyö kaukana", remote="fully", municipality_code="091")
    make_role(org, title="Osin etänä kaukana", remote="partly", municipality_code="091")
    make_role(org, title="Työkokeilu", kind="work_trial", trial_weeks=8)
    make_role(org, title="Vain iltaisin", hours_min=35, hours_max=40)


def test_the_reach_filter_in_numpy_keeps_exactly_the_roles_the_sql_keeps(app, db, world):
    generate(scale=0.02, seed=5)
    coach = world.users["coach"]
    _edge_roles(world.orgs["employer"])
    make_candidate(coach, municipality=None)
    make_candidate(coach, hours=None)
    make_candidate(coach, municipality="091", hours=(35, 40))
    db.session.commit()
    day = today()
    kept = open_roles.open_roles(day)
    assert len(kept.profiles) > 100
    ids = db.session.scalars(select(Candidate.id).order_by(Candidate.id.desc()).limit(40)).all()
    people, _ = candidate_profiles.candidates([Candidate.id.in_(ids)], kept.reference("fi"))
    assert {p.municipality is None for p in people} == {True, False}
    munis = sorted({r.municipality for r in kept.info.values() if r.municipality})[:2]
    filters = [("", "", ""), ("work_trial", "", ""), ("", "", "partly"), ("", "", "fully"), ("job", munis[0], ""),
               ("", munis[1], "partly")]
    compared = 0
    # Every travel range the coach may choose, for every person: remote only keeps no unknown place.
    people = [replace(p, travel=travel) for p in people for travel in TRAVEL_RANGES]
    for person in people:
        for kind, municipality, remote in filters:
            sql_ref, kept_ref = kept.reference("en"), kept.reference("en")
            options = sql_ref.options()
            by_sql, _info = profiles.roles(profiles.open_role_conditions(day, kind, municipality, remote)
                                           + profiles.within_reach(person, options), sql_ref)
            by_numpy = kept.select(kept.reach(person, options, kind, municipality, remote), kept_ref)
            assert [r.id for r in by_numpy] == [r.id for r in by_sql], (person, kind, municipality, remote)
            assert by_numpy == by_sql  # the same profiles, field by field
            assert kept_ref.display == sql_ref.display  # and the same words shown for them
            compared += bool(by_sql)
    assert compared > len(people)  # most comparisons keep some roles, not nothing against nothing
