"""Error pages, and the data commands run through the CLI."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.accounts.models import User
from portal.security import public
from tests.conftest import make_test_app


def test_500_page_is_translated_and_rolls_back(database_url, db):
    app = make_test_app(database_url, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    @public
    def boom():
        raise RuntimeError("kaboom")

    client = app.test_client()
    response = client.get("/boom?lang=sv")
    assert response.status_code == 500
    assert "Något gick fel" in response.get_data(as_text=True)
    assert "kaboom" not in response.get_data(as_text=True)


def test_403_page_for_a_role_without_access(client, login_as):
    login_as("employer")
    response = client.get("/admin/?lang=en")
    assert response.status_code == 403
    assert "You do not have access to this page." in response.get_data(as_text=True)


def test_a_view_without_an_access_rule_is_refused(database_url, db):
    app = make_test_app(database_url)

    @app.get("/forgotten")
    def forgotten():
        return "secret"

    response = app.test_client().get("/forgotten")
    assert response.status_code == 403
    assert "secret" not in response.get_data(as_text=True)


def test_seed_commands_are_idempotent_through_the_cli(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed", "reference"])
    assert result.exit_code == 0 and "adjustments: 0 written" in result.output
    first = runner.invoke(args=["seed", "demo"])
    # Three sector organisations and their three team logins joined the demo (issue 19: the team).
    assert first.exit_code == 0 and "accounts: 15 created" in first.output
    assert "team: 3 team members created" in first.output
    users = db.session.scalar(select(func.count()).select_from(User))
    second = runner.invoke(args=["seed", "demo"])
    assert "accounts: 0 created" in second.output and "team: 0 team members created" in second.output
    assert db.session.scalar(select(func.count()).select_from(User)) == users


def test_a_500_shows_a_reference_that_the_log_ties_to_the_request(database_url, db, caplog):
    app = make_test_app(database_url, PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    @public
    def boom():
        raise RuntimeError("kaboom")

    @app.get("/api/boom")
    @public
    def api_boom():
        raise RuntimeError("kaboom")

    client = app.test_client()
    with caplog.at_level("ERROR", logger="portal.errors"):
        page = client.get("/boom?lang=en").get_data(as_text=True)
        answer = client.get("/api/boom").get_json()
    reference = re.search(r"Error reference ([0-9a-f]{8})", page).group(1)
    assert f"error reference {reference}: GET '/boom'" in caplog.text
    assert answer["status"] == 500 and f"error reference {answer['reference']}: GET '/api/boom'" in caplog.text
    assert "kaboom" not in page and "kaboom" not in str(answer)


def test_demo_accounts_are_refused_in_production(database_url, db):
    app = make_test_app(database_url, PORTAL_ENV="production", SECRET_KEY="p" * 48,
                        PUBLIC_URL="https://ote.example.fi")
    with app.app_context():  # the command runs in this app's context, not the test's own app's
        result = app.test_cli_runner().invoke(args=["seed", "demo"])
        assert result.exit_code != 0 and "refusing" in result.output
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
