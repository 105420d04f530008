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


def test_the_coachs_matching_pages_tell_two_employers_of_one_name_apart(client, db, world):
    """Outsider pass: the coach chooses the role to propose on the matching pages, which showed the name alone."""
    from tests.access.employers import make_role
    from tests.access.proposals import make_candidate
    from tests.conftest import sign_in

    one = make_org("employer", name="Samanniminen Oy")
    two = make_org("employer", name="Samanniminen Oy")
    person = make_candidate(world.users["coach"], name="Aapo Esimerkki", occupations=("Siivooja",))
    role = make_role(two, title="Siivooja")
    make_role(one, title="Siivooja")
    _db.session.commit()
    sign_in(client, world.users["coach"])
    for url in (f"/matching/candidates/{person.id}?lang=en", "/matching/roles?lang=en",
                f"/matching/candidates/{person.id}/roles/{role.id}?lang=en"):
        page = html.unescape(client.get(url).get_data(as_text=True))
        assert f"Samanniminen Oy ({two.business_id})" in page, url
