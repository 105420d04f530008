"""HTTP caching of public pages (portal.http_cache): an ETag from the page's data, 304 before any rendering."""
from __future__ import annotations

from portal.extensions import db as _db
from tests.access.employers import make_role
from tests.factories import make_org


def _role(title="Keittiöapulainen kouluun"):
    role = make_role(make_org("employer", name="Koulukeittiö Oy"), title=title)
    _db.session.commit()
    return role


def test_an_anonymous_page_is_public_with_an_etag_and_a_revalidation_is_a_304_after_one_query(client, count_queries):
    url = f"/roles/{_role().id}"
    first = client.get(url)
    assert first.status_code == 200 and first.headers["ETag"]
    assert first.cache_control.public and first.cache_control.max_age == 60
    assert {"Cookie", "Accept-Language"} <= set(first.vary)
    queries = count_queries()
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.get_data()
    assert again.headers["ETag"] == first.headers["ETag"] and again.cache_control.public
    assert len(queries) == 1 and "data_version" in queries[0]  # only the change counters are read


def test_a_304_still_carries_the_security_headers(client):
    url = f"/roles/{_role().id}"
    again = client.get(url, headers={"If-None-Match": client.get(url).headers["ETag"]})
    assert again.status_code == 304
    assert "default-src 'self'" in again.headers["Content-Security-Policy"]
    assert again.headers["X-Frame-Options"] == "DENY"


def test_a_changed_or_closed_role_changes_the_etag_and_shows_at_once(client):
    role = _role()
    url, search = f"/roles/{role.id}", "/roles?q=keittiöapulainen"
    tags = {u: client.get(u).headers["ETag"] for u in (url, search)}
    role.title = "Kouluavustaja"
    _db.session.commit()
    for u in (url, search):
        changed = client.get(u, headers={"If-None-Match": tags[u]})
        assert changed.status_code == 200 and changed.headers["ETag"] != tags[u]
        assert "Kouluavustaja" in changed.get_data(as_text=True)
    role.status = "closed"
    _db.session.commit()
    assert client.get(url, headers={"If-None-Match": tags[url]}).status_code == 404


def test_the_api_follows_a_new_role(client):
    _role()
    first = client.get("/api/v1/roles")
    assert first.cache_control.public
    _role(title="Varastotyöntekijä")
    again = client.get("/api/v1/roles", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and again.get_json()["total"] == first.get_json()["total"] + 1


def test_each_language_and_each_address_has_its_own_etag(app, db):
    role = _role()
    tags = {(lang, url): app.test_client().get(url, headers={"Accept-Language": lang}).headers["ETag"]
            for lang in ("fi", "sv") for url in (f"/roles/{role.id}", "/roles")}
    assert len(set(tags.values())) == 4
    swedish = app.test_client().get(f"/roles/{role.id}", headers={"Accept-Language": "sv",
                                                                   "If-None-Match": tags["fi", f"/roles/{role.id}"]})
    assert swedish.status_code == 200 and 'lang="sv"' in swedish.get_data(as_text=True)


def test_a_signed_in_user_gets_no_public_caching_and_no_304(client, login_as):
    role = _role()
    tag = client.get(f"/roles/{role.id}").headers["ETag"]
    login_as("employer", name="Eeva Esimerkki")
    mine = client.get(f"/roles/{role.id}", headers={"If-None-Match": tag})
    assert mine.status_code == 200 and "/logout" in mine.get_data(as_text=True)
    assert "ETag" not in mine.headers and not mine.cache_control.public and mine.cache_control.no_store


def test_a_message_waiting_in_the_session_is_shown_and_not_cached(client):
    role = _role()
    tag = client.get(f"/roles/{role.id}").headers["ETag"]
    with client.session_transaction() as session:
        session["_flashes"] = [("success", "Tallennettu juuri nyt")]
    page = client.get(f"/roles/{role.id}", headers={"If-None-Match": tag})
    assert page.status_code == 200 and "Tallennettu juuri nyt" in page.get_data(as_text=True)
    assert "ETag" not in page.headers and page.cache_control.private and page.cache_control.no_store


def test_an_answer_that_sets_a_cookie_is_not_public(client):
    role = _role()
    chosen = client.get(f"/roles/{role.id}?lang=sv")  # the choice is remembered in the session cookie
    assert "Set-Cookie" in chosen.headers
    assert "ETag" not in chosen.headers and not chosen.cache_control.public and chosen.cache_control.no_store


def test_the_front_page_follows_a_published_campaign_and_a_cancelled_event(client):
    from tests.web.test_public_pages import seed

    empty = client.get("/")
    assert "Kampanja 0" not in empty.get_data(as_text=True) and empty.cache_control.public
    _campaigns, event, _story = seed(_db)
    page = client.get("/", headers={"If-None-Match": empty.headers["ETag"]})
    assert page.status_code == 200 and "Messut" in page.get_data(as_text=True)
    event.published = False
    _db.session.commit()
    later = client.get("/", headers={"If-None-Match": page.headers["ETag"]})
    assert later.status_code == 200 and "Messut" not in later.get_data(as_text=True)


def test_a_new_release_changes_the_etag(app, client, monkeypatch):
    url = f"/roles/{_role().id}"
    tag = client.get(url).headers["ETag"]
    monkeypatch.setitem(app.config, "RELEASE", "another release")
    assert client.get(url, headers={"If-None-Match": tag}).status_code == 200


def test_no_http_caching_in_development(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "HTTP_CACHE", False)
    page = client.get(f"/roles/{_role().id}")
    assert page.status_code == 200 and "ETag" not in page.headers and not page.cache_control.public


def test_a_request_for_another_host_is_refused_before_any_etag(client):
    _role()
    forged = client.get("/api/v1/roles", base_url="http://evil.example")
    assert forged.status_code == 400 and "ETag" not in forged.headers


def test_if_none_match_star_is_never_a_304_for_a_missing_or_hidden_role(client):
    hidden = make_role(make_org("employer"), publish=False)
    _db.session.commit()
    for url in ("/roles/99999", f"/roles/{hidden.id}"):
        answer = client.get(url, headers={"If-None-Match": "*"})
        assert answer.status_code == 404, url
        assert "public" not in answer.headers.get("Cache-Control", "")
    shown = f"/roles/{_role().id}"
    assert client.get(shown, headers={"If-None-Match": "*"}).status_code == 200


def test_a_weak_etag_from_a_proxy_matches(client):
    url = f"/roles/{_role().id}"
    tag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": f"W/{tag}"}).status_code == 304
    assert client.get(url, headers={"If-None-Match": f'"other", W/{tag}'}).status_code == 304


def test_any_page_that_sets_a_cookie_is_private_and_not_stored(app):
    from flask import Response

    from portal.http_cache import headers

    with app.test_request_context("/login"):
        app.preprocess_request()
        answer = Response("form")
        answer.set_cookie("__Host-ote_session", "token", secure=True)
        assert headers(answer).headers["Cache-Control"] == "private, no-store"
        assert "Cache-Control" not in headers(Response("no cookie")).headers


def test_a_routing_redirect_points_at_the_public_address_not_the_requests_host(app, client):
    url = f"/roles//{_role().id}"
    answer = client.get(url, headers={"Host": "localhost:6666"})
    assert answer.status_code == 308
    assert answer.headers["Location"].startswith(app.config["PUBLIC_URL"] + "/roles/")
    assert ":6666" not in answer.headers["Location"]
