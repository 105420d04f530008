"""Error pages, and the data commands run through the CLI."""
from __future__ import annotations

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
    assert first.exit_code == 0 and "accounts: 9 created" in first.output
    users = db.session.scalar(select(func.count()).select_from(User))
    second = runner.invoke(args=["seed", "demo"])
    assert "accounts: 0 created" in second.output
    assert db.session.scalar(select(func.count()).select_from(User)) == users
