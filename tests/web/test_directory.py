"""The service directory: public search by goal and form; providers maintain their own entries."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.directory.models import Service
from tests.conftest import sign_in

ENTRY = {"name": "Etävalmennus työelämään", "description": "Verkossa", "goals": ["working_life"],
         "forms": ["remote"], "target_groups": ["young"], "length_weeks": "6", "how_to_refer": "Lähete"}


def test_the_public_searches_by_goal_form_and_words(client, world):
    client.get("/?lang=en")
    page = client.get("/services/").get_data(as_text=True)
    assert "Työnhakuvalmennus ryhmässä" in page and "Job-search skills" in page
    assert "Työnhakuvalmennus" in client.get("/services/?goal=job_search&form=group").get_data(as_text=True)
    assert "Työnhakuvalmennus" not in client.get("/services/?goal=social").get_data(as_text=True)
    assert "Työnhakuvalmennus" not in client.get("/services/?form=remote").get_data(as_text=True)
    assert "Työnhakuvalmennus" in client.get("/services/?q=TYONHAKU").get_data(as_text=True)
    detail = client.get(f"/services/{world.ids['service']}").get_data(as_text=True)
    assert "Valmentajan lähetteellä." in detail and "8 weeks" in detail


def test_a_provider_adds_an_entry_described_by_goal(client, world, db):
    sign_in(client, world.users["coach"])
    client.get("/start?lang=en")
    page = client.post("/services/manage/new", data={**ENTRY, "goals": []})
    assert "Choose at least one goal" in page.get_data(as_text=True)
    page = client.post("/services/manage/new", data={**ENTRY, "forms": []})
    assert "Choose at least one form" in page.get_data(as_text=True)
    page = client.post("/services/manage/new", data={**ENTRY, "length_weeks": "0"})
    assert "between 1 and 260 weeks" in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Service)) == 1
    assert client.post("/services/manage/new", data=ENTRY).status_code == 302
    service = db.session.scalars(select(Service).where(Service.name == ENTRY["name"])).one()
    assert service.organisation_id == world.orgs["provider"].id and service.goal_codes == ["working_life"]
    assert "Etävalmennus" in client.get("/services/?goal=working_life&form=remote").get_data(as_text=True)


def test_a_provider_cannot_edit_another_providers_entry(client, world, db):
    sign_in(client, world.users["other_coach"])
    sid = world.ids["service"]
    assert client.post(f"/services/manage/{sid}", data=ENTRY).status_code == 404
    assert db.session.get(Service, sid).name == "Työnhakuvalmennus ryhmässä"


def test_an_archived_entry_leaves_the_search(client, world, db):
    sign_in(client, world.users["coach"])
    sid = world.ids["service"]
    client.post(f"/services/manage/{sid}/archive")
    assert not db.session.get(Service, sid).active
    assert "Työnhakuvalmennus" not in client.get("/services/").get_data(as_text=True)
    assert client.get(f"/services/{sid}").status_code == 404
    assert "Työnhakuvalmennus" in client.get("/services/manage").get_data(as_text=True)


def test_search_query_count_does_not_grow_with_services(client, world, db, count_queries):
    client.get("/services/")
    statements = count_queries()
    client.get("/services/")
    few = len(statements)
    for i in range(10):
        db.session.add(Service(organisation_id=world.orgs["provider"].id, name=f"Palvelu {i}",
                               name_folded=f"palvelu {i}"))
    db.session.commit()
    statements.clear()
    client.get("/services/")
    assert len(statements) == few
