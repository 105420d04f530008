"""`flask users create-admin`: the first administrator of a production installation."""
from __future__ import annotations

from sqlalchemy import select

from portal.accounts.models import Organisation, User
from portal.audit.models import AuditEvent

ARGS = ["users", "create-admin", "--email", "Yllapito@Kunta.example", "--name", "Outi Operaattori",
        "--organisation", "Kuntien OTE-palvelu", "--business-id", "0201256-6"]
GOOD = "vihreä-kattila-kesäyö-17"


def test_the_first_admin_is_created_and_can_sign_in(app, db, client):
    result = app.test_cli_runner().invoke(args=ARGS, input=f"{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    user = db.session.scalars(select(User).where(User.email == "yllapito@kunta.example")).one()
    assert user.role == "admin" and user.organisation.kind == "operator"
    assert user.organisation.business_id == "0201256-6"
    assert user.organisation.verified and user.organisation.verification_method == "command_line"
    assert GOOD not in result.output and GOOD not in (user.password_hash or "")
    event = db.session.scalars(select(AuditEvent).where(AuditEvent.object_id == user.id)).one()
    assert event.action == "admin_created_from_command_line"
    page = client.post("/login", data={"email": "YLLAPITO@kunta.example", "password": GOOD})
    assert page.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_weak_password_a_bad_business_id_or_a_known_address_write_nothing(app, db):
    runner = app.test_cli_runner()
    weak = runner.invoke(args=ARGS, input="lyhyt\nlyhyt\n")
    assert weak.exit_code != 0 and "at least 12 characters" in weak.output
    bad_id = ARGS[:-1] + ["0201256-5"]
    wrong = runner.invoke(args=bad_id, input=f"{GOOD}\n{GOOD}\n")
    assert wrong.exit_code != 0 and "business ID is not valid" in wrong.output
    assert db.session.scalar(select(User.id)) is None
    assert db.session.scalar(select(Organisation.id)) is None
    assert runner.invoke(args=ARGS, input=f"{GOOD}\n{GOOD}\n").exit_code == 0
    again = runner.invoke(args=ARGS, input=f"{GOOD}\n{GOOD}\n")
    assert again.exit_code != 0 and "exists already" in again.output
    assert len(db.session.scalars(select(User)).all()) == 1
