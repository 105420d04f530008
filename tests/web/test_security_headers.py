"""Headers on every response, cookie flags, size limits, health."""
from __future__ import annotations

import pytest
from flask import request

from portal.security import public
from tests.conftest import make_test_app

PUBLIC = "https://ote.example.fi"
PATHS = ["/", "/login", "/healthz", "/no-such-page", "/static/css/portal.css", "/admin/"]


@pytest.mark.parametrize("path", PATHS)
def test_security_headers_are_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"]
    assert "Strict-Transport-Security" not in response.headers  # only in production


def test_production_adds_hsts_and_secure_cookies(database_url, db):
    app = make_test_app(database_url, PORTAL_ENV="production", SECRET_KEY="p" * 48, PUBLIC_URL=PUBLIC)
    client = app.test_client()
    response = client.get("/?lang=sv", base_url=PUBLIC)
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_to_start_without_a_real_secret(database_url):
    from portal.config import ConfigError

    with pytest.raises(ConfigError, match="SECRET_KEY"):
        make_test_app(database_url, PORTAL_ENV="production", SECRET_KEY="")


def test_session_cookie_is_httponly_and_lax(client):
    cookie = client.get("/?lang=en").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_signed_in_pages_are_not_cached(client, login_as):
    login_as("coach")
    assert client.get("/account").headers["Cache-Control"] == "no-store"


def test_request_bodies_are_size_limited(client, app):
    big = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/login", data=big, content_type="application/octet-stream")
    assert response.status_code == 413
    assert "Tiedosto on liian suuri" in response.get_data(as_text=True)


def test_health_answers_ok_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


@pytest.mark.parametrize("url", [
    "sqlite:////nonexistent-dir/never/portal.db",
    "postgresql://postgres@127.0.0.1:1/none",
])
def test_health_answers_503_when_the_database_is_unreachable(url):
    app = make_test_app(url, SQLALCHEMY_ENGINE_OPTIONS={"connect_args": {"connect_timeout": 2}}
                        if url.startswith("postgresql") else {})
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unavailable"


def test_api_errors_answer_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


def test_production_session_cookie_is_host_only_with_the_host_prefix(database_url, db):
    app = make_test_app(database_url, PORTAL_ENV="production", SECRET_KEY="p" * 48, PUBLIC_URL=PUBLIC)
    cookie = app.test_client().get("/?lang=sv", base_url=PUBLIC).headers["Set-Cookie"]
    assert cookie.startswith("__Host-ote_session=")
    assert "Path=/" in cookie and "Domain" not in cookie and "Secure" in cookie


def test_api_answers_are_shown_as_json_under_a_fixed_file_name(client):
    # Issue 16: the open-data link showed no data but downloaded api.json. Shown inline, as JSON that is never
    # sniffed into anything else and can run no script; saved, it is api.json whatever the address.
    for path in ("/api/v1/roles", "/api/v1/openapi.json", "/api/v1/nothing-here"):
        response = client.get(path)
        assert response.mimetype == "application/json"
        assert response.headers["Content-Disposition"] == 'inline; filename="api.json"'
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "Content-Disposition" not in client.get("/").headers
    page = client.get("/roles").get_data(as_text=True)
    link = next(line for line in page.splitlines() if "/api/v1/roles" in line)
    assert "download" not in link.split(">")[0]


@pytest.mark.parametrize("hops, seen", [(0, "127.0.0.1"), (1, "203.0.113.9")])
def test_forwarded_addresses_are_trusted_only_from_the_configured_proxies(database_url, hops, seen):
    app = make_test_app(database_url, PROXY_FIX_HOPS=hops)

    @app.get("/whoami")
    @public
    def whoami():
        return request.remote_addr or ""

    response = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.9"})
    assert response.get_data(as_text=True) == seen
