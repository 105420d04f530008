"""Reference and demo data load twice without change; models and migrations agree."""
from __future__ import annotations

import re
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask import url_for
from sqlalchemy import func, select

from portal.accounts.demo import demo_accounts, seed
from portal.accounts.models import Organisation, User
from portal.reference.models import ReferenceItem
from portal.reference.services import load_reference
from portal.start.views import START_ENDPOINTS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == [], f"models differ from the migrations; run `flask db migrate`: {diff}"


def test_reference_data_has_all_catalogues_in_three_languages(db):
    catalogues = set(db.session.scalars(select(ReferenceItem.catalogue).distinct()))
    assert {"adjustments", "physical_demands", "target_groups", "municipalities", "skills",
            "service_goals"} <= catalogues
    for item in db.session.scalars(select(ReferenceItem)):
        assert item.label_fi and item.label_sv and item.label_en


def test_reference_seed_is_idempotent(db):
    before = db.session.scalar(select(func.count()).select_from(ReferenceItem))
    written = load_reference()
    assert sum(written.values()) == 0
    assert db.session.scalar(select(func.count()).select_from(ReferenceItem)) == before


def test_catalogue_labels_follow_a_change_at_once(app, db):
    from portal.reference.services import labels

    with app.test_request_context():
        first = labels("municipalities")
        item = db.session.scalar(select(ReferenceItem).where(ReferenceItem.catalogue == "municipalities",
                                                             ReferenceItem.code == next(iter(first))))
        item.label_fi = "Muutettu"
        db.session.commit()
        assert labels("municipalities")[item.code] == "Muutettu"  # not cached: read afresh
        load_reference()  # puts the seed's label back
        assert labels("municipalities") == first


def test_demo_seed_is_idempotent(db):
    seed()
    db.session.commit()
    counts = (db.session.scalar(select(func.count()).select_from(User)),
              db.session.scalar(select(func.count()).select_from(Organisation)))
    assert seed() == "0 created"
    db.session.commit()
    assert counts == (db.session.scalar(select(func.count()).select_from(User)),
                      db.session.scalar(select(func.count()).select_from(Organisation)))


def _readme_logins() -> list[tuple[str, str, str]]:
    rows = re.findall(r"^\|\s*([a-z ]+?)\s*\|\s*(\S+@\S+)\s*\|\s*(\S+)\s*\|$", README.read_text("utf-8"), re.M)
    return [(role.strip(), email, password) for role, email, password in rows]


def test_readme_lists_every_demo_login_and_each_lands_on_its_start_page(app, client, db):
    seed()
    db.session.commit()
    logins = _readme_logins()
    demo = {u["email"]: u for u in demo_accounts()["users"]}
    assert len(logins) == len(demo) == 8
    roles = set()
    for _role, email, password in logins:
        assert demo[email]["password"] == password
        response = client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302 and response.headers["Location"] == "/start", email
        start = client.get("/start", follow_redirects=True)
        assert start.status_code == 200
        expected = START_ENDPOINTS.get(demo[email]["role"], "start.index")
        with app.test_request_context():
            assert start.request.path == url_for(expected), (email, start.request.path)
        roles.add(demo[email]["role"])
        client.post("/logout")
    assert roles == {"admin", "officer", "employer", "coach", "candidate", "professional", "peer"}


def test_demo_passwords_meet_the_policy(app, db):
    from portal.accounts.passwords import problems

    for user in demo_accounts()["users"]:
        assert problems(user["password"], user["email"]) == [], user["email"]
