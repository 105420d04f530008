"""The demo employer's data loads twice without change and shows in the public listing."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.accounts import demo as accounts_demo
from portal.employers import demo
from portal.employers.models import EmployerProfile, JobRole


def test_demo_employer_roles_are_idempotent_and_public(client, db):
    accounts_demo.seed()
    assert demo.seed() == f"{1 + len(demo.ROLES) + 1} created"
    db.session.commit()
    assert demo.seed() == "0 created"
    db.session.commit()
    roles = db.session.scalars(select(JobRole)).all()
    assert {r.kind for r in roles} == {"job", "apprenticeship", "work_trial"}
    assert [r.title for r in roles if r.status == "draft"] == [demo.DRAFT["title"]]
    assert db.session.scalar(select(func.count()).select_from(EmployerProfile)) == 1
    body = client.get("/api/v1/roles").get_json()
    assert body["total"] == len(demo.ROLES)
    assert all(item["employer"]["name"] == "Esimerkki Oy" for item in body["items"])
    page = client.get("/roles?q=varastotyokokeilu").get_data(as_text=True)
    assert "Verkkokaupan varastotyön työkokeilu" in page
