"""A consent's scope changes are kept as dated entries: the history shows what was given and each change, by whom."""
from __future__ import annotations

from portal.coaching.models import Consent, ConsentChange
from tests.conftest import sign_in

GIVEN = "My profile without name or contact details"
WIDER = "My profile and, for an introduction, my name and contact details"


def _change(client, path, world, scope):
    response = client.post(path, data={"employer_id": str(world.orgs["employer"].id), "scope": scope})
    assert response.status_code == 302


def test_widening_then_narrowing_keeps_each_step_with_its_date_and_who_made_it(client, world, db):
    consent = db.session.get(Consent, world.ids["consent"])
    assert consent.scope == "profile" and consent.changes == []
    candidate_id, coach = world.ids["candidate"], world.users["coach"]
    sign_in(client, world.users["candidate"])
    _change(client, "/my/consents", world, "profile_contact")
    sign_in(client, coach)
    _change(client, f"/coaching/candidates/{candidate_id}/consents", world, "profile")

    db.session.expire_all()
    consent = db.session.get(Consent, world.ids["consent"])
    assert consent.scope == "profile" and consent.given_scope == "profile"
    steps = [(c.from_scope, c.to_scope, c.changed_by_id) for c in consent.changes]
    assert steps == [("profile", "profile_contact", world.users["candidate"].id),
                     ("profile_contact", "profile", coach.id)]
    assert db.session.query(ConsentChange).count() == 2

    for user, path in ((coach, f"/coaching/candidates/{candidate_id}/consents"),
                       (world.users["candidate"], "/my/consents")):
        sign_in(client, user)
        page = client.get(f"{path}?lang=en").get_data(as_text=True)
        row = page.split('<td>', 3)[2]  # the scope cell of the one consent
        assert row.startswith(GIVEN), path
        assert f"by the candidate to: {WIDER}" in row, path
        assert f"by {coach.name} to: {GIVEN}" in row, path
        assert row.index("by the candidate") < row.index(f"by {coach.name}"), path


def test_the_history_lists_in_the_readers_language(client, world, db):
    sign_in(client, world.users["candidate"])
    _change(client, "/my/consents", world, "profile_contact")
    page = client.get("/my/consents?lang=sv").get_data(as_text=True)
    assert "Ändrat" in page and "av personen själv" in page
    page = client.get("/my/consents?lang=fi").get_data(as_text=True)
    assert "Muutettu" in page and "henkilö itse" in page
