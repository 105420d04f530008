"""The concepts in the catalogue table and the forms: unit groups to choose from, sorted and searchable."""
from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from portal.domain.collation import sort_key
from portal.employers.models import JobRole
from portal.reference.concepts import read_old_codes
from portal.reference.models import ReferenceItem
from tests.web.test_employers import FULL


def _count(db, catalogue: str) -> int:
    where = ReferenceItem.catalogue == catalogue
    return db.session.scalar(select(func.count()).select_from(ReferenceItem).where(where))


def test_the_catalogues_hold_every_group_and_every_skill(db):
    assert (_count(db, "occupations"), _count(db, "occupation_groups")) == (436, 183)
    assert _count(db, "skills") >= 150
    stored = {(i.catalogue, i.code) for i in db.session.scalars(select(ReferenceItem))}
    for scheme, mapping in read_old_codes().items():
        assert {(scheme, code) for code in mapping.values()} <= stored  # old stored codes still have labels
    kitchen = db.session.scalar(select(ReferenceItem).where(ReferenceItem.catalogue == "occupations",
                                                            ReferenceItem.code == "9412"))
    assert kitchen.label_sv == "Köksbiträden" and kitchen.data["parent"] == "941"
    assert "keittiöapulainen" in kitchen.data["alt"]["fi"]


def _options(page: str, name: str) -> list[str]:
    select_html = re.search(rf'<select[^>]*name="{name}".*?</select>', page, re.S).group(0)
    return [html.unescape(x) for x in re.findall(r'<option value="\d+">([^<]*)</option>', select_html)]


def test_the_role_forms_occupations_are_sorted_in_the_readers_language_and_searchable(client, login_as):
    login_as("employer")
    client.get("/?lang=sv")
    page = client.get("/employer/roles/new").get_data(as_text=True)
    options = _options(page, "occupation_code")
    assert len(options) == 436 and options[0].startswith("A")
    assert options.index("Köksbiträden") < options.index("Översättare, tolkar och andra språkvetare")
    assert options == sorted(options, key=sort_key)
    first_o = next(i for i, o in enumerate(options) if o.startswith("Ö"))
    assert all(o.startswith("Ö") for o in options[first_o:])  # ö after z, not among the o's
    assert 'data-searchable="Sök yrke"' in page and "js/searchable.js" in page


def test_the_candidate_forms_skills_are_sorted_by_label(client, login_as):
    login_as("coach")
    client.get("/?lang=fi")
    page = html.unescape(client.get("/coaching/candidates/new").get_data(as_text=True))
    labels = re.findall(r'name="skills" type="checkbox" value="[a-z0-9_]+"> <label for="skills-\d+">([^<]*)<', page)
    assert len(labels) >= 150 and labels == sorted(labels, key=sort_key)
    assert labels[0] == "ADR-ajolupa" and labels[-2:] == ["Välinehuolto", "Ympäristöosaaminen"]
    assert "Hae osaamista" in page


def test_a_role_skill_typed_as_an_alternative_label_names_its_concept(client, login_as, db):
    login_as("employer")
    client.get("/?lang=en")
    data = {**FULL, "essential_skills": "hygieniaosaaminen\nEA1", "negotiable_skills": "trukkikortti"}
    assert client.post("/employer/roles/new", data=data).status_code == 302
    role = db.session.scalars(select(JobRole)).one()
    assert [(s.name, s.skill_code) for s in role.skills] == [
        ("hygieniaosaaminen", "food_hygiene"), ("EA1", "first_aid_ea1"), ("trukkikortti", "forklift_card")]
