"""Small things of issue 16's walk: a withdrawn consent is not asked about again, /account preselects the language
in use, and a back-dated contact does not move the next follow-up backwards."""
from __future__ import annotations

from datetime import timedelta

from portal import clock
from portal.coaching.models import Candidate
from tests.conftest import sign_in
from tests.factories import make_user

TODAY = clock.today()


def test_a_withdrawn_consent_says_so_instead_of_asking_to_confirm_again(client, world, db):
    consent_id, cid = world.ids["consent"], world.ids["candidate"]
    sign_in(client, world.users["candidate"])
    assert client.post(f"/my/consents/{consent_id}/withdraw").status_code == 302
    page = client.get(f"/my/consents/{consent_id}/withdraw?lang=en").get_data(as_text=True)
    assert "The consent has already been withdrawn" in page and "Yes, withdraw" not in page
    assert "was withdrawn on" in page
    assert "har redan återkallats" in client.get(f"/my/consents/{consent_id}/withdraw?lang=sv").get_data(
        as_text=True)
    sign_in(client, world.users["coach"])
    page = client.get(f"/coaching/candidates/{cid}/consents/{consent_id}/withdraw?lang=fi").get_data(as_text=True)
    assert "Suostumus on jo peruttu" in page and "Kyllä, peru" not in page


def test_the_account_page_preselects_the_language_in_use_when_none_is_saved(client, world, db):
    user = make_user("coach", org=world.users["coach"].organisation)
    user.language = None
    db.session.commit()
    sign_in(client, user)
    page = client.get("/account", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page
    assert '<option lang="en" selected value="en">' in page and '<option lang="fi" selected' not in page


def test_a_back_dated_contact_keeps_the_follow_up_of_the_latest_contact(client, world, db):
    cid = world.ids["candidate"]
    sign_in(client, world.users["coach"])
    candidate = db.session.get(Candidate, cid)
    candidate.next_follow_up = None
    db.session.commit()
    latest = TODAY - timedelta(days=1)
    client.post(f"/coaching/candidates/{cid}/contacts", data={"contact_on": latest.isoformat(), "note": ""})
    db.session.expire_all()
    after_latest = db.session.get(Candidate, cid).next_follow_up
    assert after_latest == latest + timedelta(days=7)  # the world's candidate is on the intensive path
    older = TODAY - timedelta(days=6)
    assert client.post(f"/coaching/candidates/{cid}/contacts",
                       data={"contact_on": older.isoformat(), "note": "Kirjattu jälkikäteen"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Candidate, cid).next_follow_up == after_latest
