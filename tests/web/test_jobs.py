"""The public listing: fuzzy words, filters, sorting, pages, query counts; role pages; the JSON API."""
from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from portal import clock
from tests.access.employers import make_role
from tests.factories import make_org


@pytest.fixture
def roles(db):
    """A small market of published roles (and one draft) of two employers."""
    a, b = make_org("employer", name="Siisti Oy"), make_org("employer", name="Varasto Ab")
    made = {
        "cleaner": make_role(a, title="Toimistosiivooja", tasks="Toimistojen siivous aamuisin.",
                             occupation_code="9112", hours_min=15, hours_max=25, adjustments=["part_time"]),
        "warehouse": make_role(b, title="Varastotyöntekijä", tasks="Tavaroiden keräily ja pakkaus.",
                               municipality_code="091", hours_min=30, hours_max=37, remote="none",
                               adjustments=["written_instructions", "quiet_workspace"], essential_skills="Trukin ajo"),
        "it": make_role(b, title="IT-tukihenkilö", kind="apprenticeship", tasks="Käyttäjien neuvonta puhelimessa.",
                        municipality_code="091", hours_min=20, hours_max=30, remote="partly",
                        adjustments=["remote_days", "quiet_workspace"], essential_skills="IT-tuki"),
        "trial": make_role(a, title="Keittiön työkokeilu", kind="work_trial", trial_weeks=8,
                           tasks="Astioiden pesu ja salaattien teko.", hours_min=20, hours_max=30, adjustments=[]),
        "draft": make_role(a, publish=False, title="Siivoojan luonnos"),
        "expired": make_role(a, title="Vanha siivoojan paikka"),
    }
    made["expired"].open_until = clock.today() - timedelta(days=3)
    db.session.commit()
    return made


def titles(page_text: str) -> list[str]:
    return re.findall(r'<h2><a href="/roles/\d+"[^>]*>([^<]+)</a></h2>', page_text)  # the link carries the title's lang


def search(client, **args) -> list[str]:
    return titles(client.get("/roles", query_string={"lang": "en", **args}).get_data(as_text=True))


@pytest.mark.parametrize("words,expected", [
    ("siivooja", "Toimistosiivooja"),           # a word inside a compound
    ("siivoojaksi", "Toimistosiivooja"),        # Finnish inflection (translative)
    ("toimistosiivoojana", "Toimistosiivooja"),  # inflection (essive)
    ("siivojaa", "Toimistosiivooja"),           # a typo
    ("TOIMISTOSIIVOOJA", "Toimistosiivooja"),   # case
    ("varastotyontekija", "Varastotyöntekijä"),  # typed without the dots
    ("varastossa", "Varastotyöntekijä"),        # inflected beginning of a compound
    ("helsingissä", "Varastotyöntekijä"),       # the municipality's name, inflected
    ("Helsingfors", "IT-tukihenkilö"),          # the municipality in Swedish
    ("office cleaner", "Toimistosiivooja"),     # the occupation's English label
    ("trukki", "Varastotyöntekijä"),            # a skill
])
def test_words_find_roles_forgiving_typos_and_inflection(client, roles, words, expected):
    found = search(client, q=words)
    assert expected in found, (words, found)
    assert "Siivoojan luonnos" not in found and "Vanha siivoojan paikka" not in found


def test_unrelated_words_find_nothing(client, roles):
    page = client.get("/roles?lang=en&q=lentokapteeni").get_data(as_text=True)
    assert titles(page) == [] and "No open roles match the search." in page and "0 roles found." in page


def test_roles_answering_more_of_the_words_come_first(client, roles):
    # Issue 14's tester: multi-word queries were AND-ed, so one word no role answers hid everything.
    found = search(client, q="varasto helsinki")
    assert found[0] == "Varastotyöntekijä" and "IT-tukihenkilö" in found  # both words, then one
    found = search(client, q="siivooja helsinki")
    assert {"Toimistosiivooja", "Varastotyöntekijä", "IT-tukihenkilö"} <= set(found)


def test_filters(client, roles):
    assert set(search(client, municipality="091")) == {"Varastotyöntekijä", "IT-tukihenkilö"}
    assert search(client, kind="work_trial") == ["Keittiön työkokeilu"]
    assert search(client, remote="partly") == ["IT-tukihenkilö"]
    assert "IT-tukihenkilö" not in search(client, remote="none")
    assert set(search(client, adjustment=["quiet_workspace"])) == {"Varastotyöntekijä", "IT-tukihenkilö"}
    assert search(client, adjustment=["quiet_workspace", "remote_days"]) == ["IT-tukihenkilö"]
    # hours: roles whose range meets the visitor's
    assert set(search(client, hours_max=20)) == {"Toimistosiivooja", "IT-tukihenkilö", "Keittiön työkokeilu"}
    assert search(client, hours_min=31) == ["Varastotyöntekijä"]
    assert search(client, q="siivooja", hours_min=31) == []
    # Values that are not understood are ignored by the page (the API refuses them).
    assert len(search(client, municipality="xyz", hours_min="abc")) == 4


def test_sorting_and_pages(client, db):
    org = make_org("employer")
    for n in range(23):
        make_role(org, title=f"Siivooja {n:02d}", hours_min=1 + n, hours_max=30)
    db.session.commit()
    first = search(client, sort="title")
    assert first[:2] == ["Siivooja 00", "Siivooja 01"] and len(first) == 20
    assert search(client, sort="title", page=2) == ["Siivooja 20", "Siivooja 21", "Siivooja 22"]
    assert search(client, sort="newest")[0] == "Siivooja 22"
    assert search(client, q="siivooja", sort="hours")[:2] == ["Siivooja 00", "Siivooja 01"]
    assert len(search(client, q="siivooja", page=2)) == 3
    page = client.get("/roles?lang=en&q=siivooja").get_data(as_text=True)
    assert "Page 1 of 2 (23 in all)" in page and "q=siivooja" in page.split('rel="next"')[0].rsplit("href=", 1)[1]


@pytest.mark.parametrize("args", [{}, {"q": "siivoojaksi"}, {"q": "siivooja", "adjustment": "part_time",
                                                             "municipality": "837", "hours_max": "40"}])
def test_listing_query_count_does_not_grow_with_roles(client, db, count_queries, args):
    org = make_org("employer")
    for n in range(3):
        make_role(org, title=f"Siivooja {n}")
    db.session.commit()
    client.get("/roles", query_string=args)  # the catalogues cached, as on every visit but the first
    client.get("/api/v1/roles", query_string=args)
    statements = count_queries()
    client.get("/roles", query_string=args)
    client.get("/api/v1/roles", query_string=args)
    few = len(statements)
    for n in range(40):
        make_role(org, title=f"Toimistosiivooja {n}")
    db.session.commit()
    statements.clear()
    client.get("/roles", query_string=args)
    client.get("/api/v1/roles", query_string=args)
    assert len(statements) == few <= 30


def test_role_page_has_jobposting_json_ld(client, roles):
    role = roles["trial"]
    page = client.get(f"/roles/{role.id}?lang=en").get_data(as_text=True)
    assert '<h1 lang="fi">Keittiön työkokeilu</h1>' in page and "8 weeks" in page  # Finnish text, English page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "JobPosting" and data["title"] == "Keittiön työkokeilu"
    assert data["hiringOrganization"] == {"@type": "Organization", "name": "Siisti Oy"}
    assert data["jobLocation"]["address"]["addressLocality"] == "Tampere"
    assert data["employmentType"] == ["OTHER"] and data["workHours"] == "20–30 h/week"
    assert data["url"].endswith(f"/roles/{role.id}") and data["datePosted"] == clock.today().isoformat()
    cleaner = json.loads(re.search(r'ld\+json">(.*?)</script>',
                                   client.get(f"/roles/{roles['cleaner'].id}").get_data(as_text=True), re.S).group(1))
    assert cleaner["occupationalCategory"] == "9112" and cleaner["employmentType"] == ["PART_TIME"]


def test_drafts_expired_and_unknown_roles_are_not_found(client, roles):
    for key in ("draft", "expired"):
        assert client.get(f"/roles/{roles[key].id}").status_code == 404
    assert client.get("/roles/999999").status_code == 404


# ---- The JSON API against its own OpenAPI document ----

@pytest.fixture
def openapi(client, db):
    doc = client.get("/api/v1/openapi.json").get_json()
    validate(doc)  # the document itself is valid OpenAPI 3.1

    def check(payload, schema_name):
        schema = {"$ref": f"#/components/schemas/{schema_name}", "components": doc["components"]}
        OAS31Validator(schema, format_checker=OAS31Validator.FORMAT_CHECKER).validate(payload)

    return check


def test_api_answers_validate_against_the_openapi_document(client, roles, openapi):
    for args in ({}, {"q": "siivoojaksi"}, {"municipality": "091", "per_page": 1}, {"kind": "work_trial"},
                 {"adjustment": ["quiet_workspace", "remote_days"], "sort": "title"}, {"page": 9}):
        response = client.get("/api/v1/roles", query_string=args)
        assert response.status_code == 200 and response.mimetype == "application/json"
        openapi(response.get_json(), "RoleList")
    bad = client.get("/api/v1/roles?per_page=101&page=0&remote=maybe")
    assert bad.status_code == 400
    openapi(bad.get_json(), "Error")
    assert set(bad.get_json()["invalid"]) == {"per_page", "page", "remote"}


def test_api_pages_filters_and_links(client, roles):
    body = client.get("/api/v1/roles?municipality=091&per_page=1&sort=title").get_json()
    assert body["total"] == 2 and body["pages"] == 2 and body["per_page"] == 1
    assert [i["title"] for i in body["items"]] == ["IT-tukihenkilö"]
    item = body["items"][0]
    assert item["kind"] == "apprenticeship" and item["municipality"] == {"code": "091", "label": "Helsinki"}
    assert item["skills"] == [{"name": "IT-tuki", "essential": True}, {"name": "Asiakaspalvelu", "essential": False}]
    assert body["links"]["prev"] is None and "page=2" in body["links"]["next"]
    second = client.get(body["links"]["next"].replace("http://localhost", "")).get_json()
    assert [i["title"] for i in second["items"]] == ["Varastotyöntekijä"] and second["links"]["next"] is None
    assert client.get("/api/v1/roles?per_page=100").status_code == 200
    assert client.get("/api/v1/roles?q=siivoojaksi").get_json()["sort"] == "relevance"


def test_sql_ranking_keeps_exactly_the_roles_text_rank_keeps(client, roles, db):
    from sqlalchemy import select

    from portal.domain import text, word_search
    from portal.employers.models import JobRoleTerm, SearchTerm

    vocabulary = list(db.session.scalars(select(SearchTerm.term)))
    held: dict[int, set[str]] = {}
    for role_id, term in db.session.execute(select(JobRoleTerm.role_id, JobRoleTerm.term)):
        held.setdefault(role_id, set()).add(term)
    open_ids = {r.id for key, r in roles.items() if key not in ("draft", "expired")}
    for words in ("siivooja", "siivoojaksi helsingissä", "keittiön työkokeilu", "varasto trukki", "it-tuki"):
        scores = word_search.rank(word_search.lookup(text.terms(words), vocabulary), held)
        expected = {i for i, s in scores.items() if s > 0 and i in open_ids}
        found = {item["id"] for item in client.get("/api/v1/roles", query_string={"q": words}).get_json()["items"]}
        assert found == expected, words
