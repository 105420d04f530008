"""Roles, services and events record the language of their text; pages mark it (WCAG 3.1.2) and say so."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal.db_types import utcnow
from portal.directory.models import Service
from portal.employers.models import JobRole
from portal.events.models import Event
from portal.extensions import db as _db
from tests.access.employers import make_role
from tests.conftest import sign_in
from tests.web.test_directory import ENTRY
from tests.web.test_employers import FULL

NOTICE_FI = "den visas på finska"  # the Swedish notice of a Finnish text


def _roles(world):
    finnish = make_role(world.orgs["employer"], title="Siivooja",
                        description="Siivoat toimistoa ja kerromme työstä lisää, kun tapaamme.")
    swedish = make_role(world.orgs["employer"], title="Lagerarbetare",
                        description="Du arbetar på vårt lager och har hand om att plocka varor till kunder.")
    _db.session.commit()
    return finnish, swedish


def test_a_finnish_role_on_a_swedish_page_is_marked_and_noticed_a_swedish_one_is_not(client, world):
    finnish, swedish = _roles(world)
    assert (finnish.language, swedish.language) == ("fi", "sv")
    page = client.get(f"/roles/{finnish.id}?lang=sv").get_data(as_text=True)
    assert '<h1 lang="fi">Siivooja</h1>' in page and NOTICE_FI in page
    assert '<div lang="fi"><p class="text-block">Siivoat toimistoa' in page
    page = client.get(f"/roles/{swedish.id}?lang=sv").get_data(as_text=True)
    assert '<h1 lang="sv">Lagerarbetare</h1>' in page and 'role="note"' not in page
    assert 'lang="fi"' not in page.split("<main", 1)[1]  # nothing of the role is marked Finnish


def test_the_role_forms_choice_is_stored_and_used_over_the_guess(client, world, db):
    sign_in(client, world.users["employer"])
    client.get("/?lang=en")
    form = client.get("/employer/roles/new").get_data(as_text=True)
    assert 'name="language"' in form and "Recognise from the text" in form
    # Finnish words, but the employer says the text is Swedish: the choice wins.
    response = client.post("/employer/roles/new", data={**FULL, "title": "Aamusiivooja", "language": "sv"})
    assert response.status_code == 302
    chosen = db.session.scalars(select(JobRole).where(JobRole.title == "Aamusiivooja")).one()
    assert chosen.language == "sv"
    page = client.get(f"/roles/{chosen.id}?lang=fi").get_data(as_text=True)
    assert '<h1 lang="sv">Aamusiivooja</h1>' in page and "se näytetään ruotsiksi" in page
    edit = client.get(f"/employer/roles/{chosen.id}/edit").get_data(as_text=True)
    assert '<option selected value="sv">' in edit
    # No choice: the words tell; too few words: the author's own language of the portal.
    client.post("/employer/roles/new", data={**FULL, "title": "Toinen siivooja", "language": ""})
    assert db.session.scalars(select(JobRole.language).where(JobRole.title == "Toinen siivooja")).one() == "fi"
    client.get("/?lang=sv")
    client.post("/employer/roles/new", data={**FULL, "title": "Kock", "tasks": "", "description": "",
                                              "language": "", "action": "save"})
    assert db.session.scalars(select(JobRole.language).where(JobRole.title == "Kock")).one() == "sv"


def test_the_api_gives_each_roles_language(client, world):
    finnish, swedish = _roles(world)
    items = {item["id"]: item for item in client.get("/api/v1/roles?per_page=100").get_json()["items"]}
    assert items[finnish.id]["language"] == "fi" and items[swedish.id]["language"] == "sv"


def test_a_service_records_its_language_and_its_page_marks_it(client, world, db):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    assert client.post("/services/manage/new", data={**ENTRY, "language": "en"}).status_code == 302
    service = db.session.scalars(select(Service).where(Service.name == ENTRY["name"])).one()
    assert service.language == "en"
    page = client.get(f"/services/{service.id}?lang=sv").get_data(as_text=True)
    assert f'<h1 lang="en">{ENTRY["name"]}</h1>' in page and "den visas på engelska" in page
    seeded = client.get(f"/services/{world.ids['service']}?lang=sv").get_data(as_text=True)
    assert 'lang="fi">Työnhakuvalmennus ryhmässä</h1>' in seeded and NOTICE_FI in seeded


def test_an_events_place_carries_the_language_chosen_for_it(client, login_as, db):
    login_as("admin")
    client.get("/?lang=fi")
    start = (utcnow() + timedelta(days=30)).date().isoformat()
    data = {"title_fi": "Rekrytointiaamu", "start_date": start, "start_time": "09:00", "end_time": "11:00",
            "place": "Stadsbiblioteket", "capacity": "40", "language": "sv"}
    assert client.post("/manage/events/new", data=data).status_code == 302
    event = db.session.scalars(select(Event).where(Event.place == "Stadsbiblioteket")).one()
    assert event.language == "sv"
    client.post(f"/manage/events/{event.id}/publish")
    page = client.get(f"/events/{event.id}?lang=fi").get_data(as_text=True)
    assert '<dd lang="sv">Stadsbiblioteket</dd>' in page
