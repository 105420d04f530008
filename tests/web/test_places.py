"""All 308 municipalities from seeds/places: loaded with their areas and flags, used by every seed, offered sorted and
searchable in the reader's language, and the candidate's travel range in the form and in the match explanation."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import yaml
from sqlalchemy import select

from portal.coaching.models import Candidate
from portal.domain.collation import sort_key
from portal.reference.models import ReferenceItem
from portal.reference.places import PLACES_DIR, read_municipalities, read_neighbours
from portal.reference.services import choices, load_reference
from tests.access.employers import make_role
from tests.access.proposals import make_candidate
from tests.conftest import sign_in
from tests.web.test_coaching import PROFILE

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _items(db, catalogue: str) -> list[ReferenceItem]:
    return list(db.session.scalars(select(ReferenceItem).where(ReferenceItem.catalogue == catalogue,
                                                               ReferenceItem.active.is_(True))))


def test_every_municipality_is_loaded_with_its_areas_and_flags(db):
    munis = {i.code: i for i in _items(db, "municipalities")}
    assert len(munis) == 308
    assert sum(i.label_fi != i.label_sv for i in munis.values()) == 114
    assert (len(_items(db, "regions")), len(_items(db, "subregions")), len(_items(db, "employment_areas"))) == \
        (19, 69, 45)
    assert sum(i.data["verified"] for i in munis.values()) == 210
    helsinki, narpes = munis["091"], munis["545"]
    assert (helsinki.label_fi, helsinki.label_sv, helsinki.data["region"], helsinki.data["subregion"],
            helsinki.data["employment_area"]) == ("Helsinki", "Helsingfors", "01", "011", "Helsinki")
    assert (narpes.label_fi, narpes.label_sv, narpes.data["language"]) == ("Närpiö", "Närpes", "sv+fi")
    assert sorted(helsinki.data["neighbours"]) == ["049", "092", "753"]
    aland = [i for i in munis.values() if i.data["region"] == "21"]
    assert len(aland) == 16 and all(i.data["employment_area"] is None for i in aland)


# Keys that hold municipality codes (a rule's "max_months_same_tasks_municipality" holds months).
CODE_KEYS = {"municipality", "municipality_code", "municipalities", "municipality_codes", "workplace_municipality"}


def test_every_municipality_code_used_in_the_seeds_exists():
    known = {row["code"] for row in read_municipalities(PLACES_DIR / "municipalities.csv")}
    used: set[str] = set()

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif key.lower() in CODE_KEYS and node:
            used.add(str(node))

    for path in SEEDS.rglob("*.yaml"):
        walk(yaml.safe_load(path.read_text("utf-8")))
    neighbours = read_neighbours(PLACES_DIR / "neighbours.yaml")
    used |= set(neighbours) | {c for near in neighbours.values() for c in near}
    assert {"091", "837", "853"} <= used and used <= known, used - known
    assert all(code in neighbours[near] for code, nears in neighbours.items() for near in nears)  # symmetric


def test_a_merged_municipality_leaves_the_choices_but_keeps_its_row(app, db, tmp_path):
    """The last row goes, so that no other row moves: one write, and one to bring it back."""
    shutil.copy(PLACES_DIR / "neighbours.yaml", tmp_path)
    lines = (PLACES_DIR / "municipalities.csv").read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "municipalities.csv").write_text("".join(x for x in lines if not x.startswith("992,")), "utf-8")
    with app.test_request_context("/?lang=fi"):
        written = load_reference(places_dir=tmp_path)
        assert written["municipalities"] == 1 and "992" not in dict(choices("municipalities"))
        assert db.session.scalar(select(ReferenceItem).where(ReferenceItem.code == "992")).label_fi == "Äänekoski"
        assert load_reference()["municipalities"] == 1 and "992" in dict(choices("municipalities"))
        assert load_reference()["municipalities"] == 0


def _options(page: str, name: str) -> list[str]:
    select_html = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [label for value, label in re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>', select_html)
            if value]


def test_municipality_choices_are_sorted_and_searchable_in_finnish_and_swedish(client, world):
    sign_in(client, world.users["coach"])
    for lang, first, last, search in (("fi", "Akaa", ["Ypäjä", "Ähtäri", "Äänekoski"], "Hae kuntaa nimellä"),
                                      ("sv", "Ackas", ["Åbo", "Äänekoski", "Östermark", "Övertorneå"],
                                       "Sök kommun efter namn")):
        page = client.get(f"/coaching/candidates/new?lang={lang}").get_data(as_text=True)
        names = _options(page, "municipality_code")
        assert len(names) == 308 and names == sorted(names, key=sort_key)
        assert names[0] == first and names[-len(last):] == last  # å, ä and ö after z, as in the dictionaries
        assert f'data-searchable="{search}"' in page and "js/searchable.js" in page
    assert "Helsingfors" in names and "Helsinki" not in names  # Swedish names in Swedish
    jobs = client.get("/roles?lang=sv").get_data(as_text=True)
    assert _options(jobs, "municipality") == names and 'data-searchable="Sök kommun efter namn"' in jobs


def test_the_coach_chooses_the_travel_range_and_a_wrong_one_is_refused(client, world, db):
    sign_in(client, world.users["coach"])
    page = client.get("/coaching/candidates/new?lang=fi").get_data(as_text=True)
    assert "Kuinka kauas henkilö voi kulkea töihin" in page and "Oma seutukunta (työssäkäyntialue)" in page
    assert re.search(r'<input[^>]*checked[^>]*value="subregion"|<input[^>]*value="subregion"[^>]*checked', page)
    assert client.post("/coaching/candidates/new", data={**PROFILE, "travel_range": "region"}).status_code == 302
    person = db.session.scalars(select(Candidate).where(Candidate.name == PROFILE["name"])).one()
    assert person.travel_range == "region"
    refused = client.post(f"/coaching/candidates/{person.id}/edit", data={**PROFILE, "travel_range": "moon"})
    assert refused.status_code == 200 and db.session.get(Candidate, person.id).travel_range == "region"
    record = client.get(f"/coaching/candidates/{person.id}?lang=sv").get_data(as_text=True)
    assert "Det egna landskapet" in record


def test_the_match_page_says_which_part_of_the_rule_applied(client, world, db):
    coach, home = world.users["coach"], world.orgs["employer"]
    person = make_candidate(coach, municipality="837")  # Tampere: sub-region 064 Tampere, region 06 Pirkanmaa
    make_role(home, title="Siivooja Kangasalla", municipality_code="211")  # the same sub-region
    make_role(home, title="Siivooja Mänttä-Vilppulassa", municipality_code="508")  # Pirkanmaa, another sub-region
    make_role(home, title="Siivooja Turussa", municipality_code="853")
    db.session.commit()
    sign_in(client, coach)
    url = f"/matching/candidates/{person.id}"
    page = client.get(f"{url}?lang=fi").get_data(as_text=True)
    assert "Kangasala on samalla seutukunnalla (Tampere)." in page and "Mänttä-Vilppulassa" not in page
    person.travel_range = "region"
    db.session.commit()
    page = client.get(f"{url}?lang=sv").get_data(as_text=True)
    assert "Mänttä-Vilppula ligger i samma landskap (Birkaland)." in page and "Turussa" not in page
    person.travel_range = "municipality"
    db.session.commit()
    page = client.get(f"{url}?lang=en").get_data(as_text=True)
    assert "Kangasalla" not in page and "Mänttä-Vilppulassa" not in page
    pair = client.get(f"/matching/candidates/{person.id}/roles/{_role_id(db, 'Siivooja Turussa')}?lang=en")
    text = " ".join(html.unescape(pair.get_data(as_text=True)).split())
    assert "too far: Turku is outside the candidate's travel range (own municipality only)." in text


def _role_id(db, title: str) -> int:
    from portal.employers.models import JobRole
    return db.session.scalar(select(JobRole.id).where(JobRole.title == title))
