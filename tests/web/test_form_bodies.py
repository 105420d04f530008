"""Pages take form bodies: JSON or another body type sent to a page is a 400 that says so, never a 500."""
from __future__ import annotations

import pytest

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
