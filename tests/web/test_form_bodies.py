"""Pages take form bodies: JSON or another body type sent to a page is a 400 that says so, never a 500;
a NUL character, which PostgreSQL cannot store, is a 400 too."""
from __future__ import annotations

import pytest
from flask import url_for

from tests.conftest import sign_in


@pytest.mark.parametrize("body", ["false", '" "', "[1, 2]", '{"email": {"a": 1}}', "null"])
def test_a_json_body_to_a_form_is_a_400_that_says_so(client, world, body):
    sign_in(client, world.users["coach"])
    response = client.post("/account?lang=en", data=body, content_type="application/json")
    assert response.status_code == 400
    assert "This address does not accept that kind of request." in response.get_data(as_text=True)


def test_a_client_that_asks_for_json_gets_the_refusal_as_json(client, db):
    response = client.post("/login", data="[]", content_type="application/json",
                           headers={"Accept": "application/json", "Accept-Language": "en"})
    assert response.status_code == 400 and response.is_json
    assert response.json["detail"] == "This address does not accept that kind of request."


def test_text_bodies_are_refused_and_forms_still_go_through(client, db):
    text = client.post("/login", data="email=a@b.example", content_type="text/plain",
                       headers={"Accept-Language": "en"})
    assert text.status_code == 400
    form = client.post("/login", data={"email": "a@b.example", "password": "wrong"},
                       headers={"Accept-Language": "en"})
    assert form.status_code == 200 and 'class="error-summary"' in form.get_data(as_text=True)


@pytest.mark.parametrize("url", ["/login?next=%00", "/api/v1/roles?q=a%00b", "/roles?q=%00"])
def test_a_nul_character_in_a_query_is_a_400(client, db, url):
    assert client.get(url).status_code == 400


def test_a_nul_character_in_a_form_is_a_400(client, db):
    response = client.post("/login", data={"email": "a\x00@example.fi", "password": "x"})
    assert response.status_code == 400


def test_an_employer_id_past_the_id_columns_is_refused_by_the_form(client, world):
    sign_in(client, world.users["coach"])
    with client.application.test_request_context():
        url = url_for("coaching.consent_list", candidate_id=world.ids["candidate"])
    response = client.post(url, data={"employer_id": "2147483648", "scope": "profile"})
    assert response.status_code == 200 and 'class="error-summary"' in response.get_data(as_text=True)
