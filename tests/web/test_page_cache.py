"""Public pages kept for anonymous visitors (portal.page_cache): served again only while their data stands still."""
from __future__ import annotations

import pytest

from portal.extensions import db as _db
from tests.access.employers import make_role
from tests.conftest import make_test_app
from tests.factories import make_org


@pytest.fixture
def kept(app, db):
    """The page cache on, as in production (tests run with it off)."""
    was = app.config.get("PAGE_CACHE")
    app.config["PAGE_CACHE"] = True
    yield
    app.config["PAGE_CACHE"] = was


def _role(title="Keittiöapulainen kouluun"):
    role = make_role(make_org("employer", name="Koulukeittiö Oy"), title=title)
    _db.session.commit()
    return role


def test_a_second_anonymous_visit_is_served_from_the_kept_page_with_one_query(client, kept, count_queries):
    url = f"/roles/{_role().id}"
    first = client.get(url)
    queries = count_queries()
    second = client.get(url)
    assert second.status_code == 200 and second.get_data() == first.get_data()
    assert len(queries) == 1 and "data_version" in queries[0]  # only the change counter is read


def test_kept_pages_still_carry_the_security_headers(client, kept):
    role = _role()
    client.get(f"/roles/{role.id}")
    again = client.get(f"/roles/{role.id}")
    assert "default-src 'self'" in again.headers["Content-Security-Policy"]
    assert again.headers["X-Frame-Options"] == "DENY"


def test_a_changed_or_closed_role_shows_at_once(client, kept):
    role = _role()
    assert "Keittiöapulainen kouluun" in client.get(f"/roles/{role.id}").get_data(as_text=True)
    assert "Keittiöapulainen kouluun" in client.get("/roles?q=keittiöapulainen").get_data(as_text=True)
    role.title = "Kouluavustaja"
    _db.session.commit()
    assert "Kouluavustaja" in client.get(f"/roles/{role.id}").get_data(as_text=True)
    assert "Kouluavustaja" in client.get("/roles?q=keittiöapulainen").get_data(as_text=True)  # index kept
    role.status = "closed"
    _db.session.commit()
    assert client.get(f"/roles/{role.id}").status_code == 404


def test_the_api_answer_is_kept_and_follows_a_new_role(client, kept):
    _role()
    first = client.get("/api/v1/roles").get_json()
    assert client.get("/api/v1/roles").get_json() == first
    _role(title="Varastotyöntekijä")
    assert client.get("/api/v1/roles").get_json()["total"] == first["total"] + 1


def test_a_renamed_employer_shows_at_once(client, kept):
    role = _role()
    client.get(f"/roles/{role.id}")
    role.organisation.name = "Uusi Keittiö Oy"
    _db.session.commit()
    assert "Uusi Keittiö Oy" in client.get(f"/roles/{role.id}").get_data(as_text=True)


def test_each_language_has_its_own_kept_page(app, kept):
    role = _role()
    finnish = app.test_client().get(f"/roles/{role.id}", headers={"Accept-Language": "fi"})
    swedish = app.test_client().get(f"/roles/{role.id}", headers={"Accept-Language": "sv"})
    assert 'lang="fi"' in finnish.get_data(as_text=True) and 'lang="sv"' in swedish.get_data(as_text=True)
    again = app.test_client().get(f"/roles/{role.id}", headers={"Accept-Language": "fi"})
    assert again.get_data() == finnish.get_data()


def test_a_signed_in_user_never_gets_nor_leaves_a_kept_page(client, kept, login_as):
    role = _role()
    anonymous = client.get(f"/roles/{role.id}").get_data(as_text=True)
    user = login_as("employer", name="Eeva Esimerkki")
    mine = client.get(f"/roles/{role.id}").get_data(as_text=True)
    assert mine != anonymous and "/logout" in mine and "/logout" not in anonymous
    client.post("/logout")
    after = client.get(f"/roles/{role.id}").get_data(as_text=True)
    assert "/logout" not in after and user.name not in after


def test_a_message_waiting_in_the_session_is_shown_not_a_kept_page(client, kept):
    role = _role()
    client.get(f"/roles/{role.id}")
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Tallennettu juuri nyt")]
    page = client.get(f"/roles/{role.id}").get_data(as_text=True)
    assert "Tallennettu juuri nyt" in page
    assert "Tallennettu juuri nyt" not in client.get(f"/roles/{role.id}").get_data(as_text=True)


def test_the_front_page_follows_a_published_campaign_and_a_cancelled_event(client, kept):
    from tests.web.test_public_pages import seed

    empty = client.get("/").get_data(as_text=True)
    assert "Kampanja 0" not in empty and client.get("/").get_data(as_text=True) == empty
    _campaigns, event, _story = seed(_db)
    page = client.get("/").get_data(as_text=True)
    assert "Kampanja 0" in page and "Messut" in page
    event.published = False
    _db.session.commit()
    assert "Messut" not in client.get("/").get_data(as_text=True)


def test_off_while_testing_unless_turned_on(client, db, count_queries):
    url = f"/roles/{_role().id}"
    client.get(url)
    queries = count_queries()
    client.get(url)
    assert len(queries) > 1


def test_a_request_for_another_host_never_leaves_its_links_for_the_next_visitors(database_url, db):
    app = make_test_app(database_url, PUBLIC_URL="https://ote.example.fi", TRUSTED_HOSTS="localhost,alias.example",
                        PAGE_CACHE=True)
    _role()
    client = app.test_client()
    forged = client.get("/api/v1/roles", base_url="http://evil.example")
    assert forged.status_code == 400 and not app.extensions.get("page_cache")
    # A host the portal answers to has its own kept copy, with the same links as every other host's.
    for host in ("http://alias.example", "http://localhost", "http://alias.example"):
        links = client.get("/api/v1/roles", base_url=host).get_json()["links"]
        assert links["self"].startswith("https://ote.example.fi/api/v1/roles?"), host
    assert len(app.extensions["page_cache"]) == 2
