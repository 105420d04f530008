"""Wherever an organisation is chosen, it is shown with its business ID and municipality (and, in the
administrators' and buyers' lists, whether it is verified), so two of the same name are told apart."""
from __future__ import annotations

import html

from portal.extensions import db as _db
from portal.identity.choices import organisation_label
from tests.factories import make_org


def test_the_label_holds_the_business_id_the_municipality_and_the_missing_verification(app, db):
    from flask_babel import force_locale

    with app.test_request_context("/"), force_locale("en"):
        _labels()


def _labels():
    assert organisation_label("Esimerkki Oy", "2077474-0", "837", municipalities={"837": "Tampere"}) == \
        "Esimerkki Oy (2077474-0, Tampere)"
    assert organisation_label("Esimerkki Oy", None, None, municipalities={}) == "Esimerkki Oy"
    assert organisation_label("Esimerkki Oy", "2077474-0", None, verified=False, municipalities={}) == \
        "Esimerkki Oy (2077474-0, not verified)"


def test_admin_invite_and_procurement_supplier_selects_tell_namesakes_apart(client, db, login_as):
    one = make_org("employer", name="Esimerkki Oy", municipality_code="837")
    two = make_org("employer", name="Esimerkki Oy", municipality_code="091", verified=False)
    _db.session.commit()
    login_as("admin")
    page = html.unescape(client.get("/admin/users/invite?lang=en").get_data(as_text=True))
    assert f"Esimerkki Oy ({one.business_id}, Tampere) – Employer" in page
    assert f"Esimerkki Oy ({two.business_id}, Helsinki, not verified) – Employer" in page
    login_as("officer")
    page = html.unescape(client.get("/procurements/new?lang=en").get_data(as_text=True))
    assert f"Esimerkki Oy ({one.business_id}, Tampere)</option>" in page
    assert f"Esimerkki Oy ({two.business_id}, Helsinki, not verified)</option>" in page
