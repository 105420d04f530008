"""Stories are published only with recorded consent; withdrawing it takes them down at once."""
from __future__ import annotations

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.campaigns.models import Story

STORY = {"title_fi": "Mikan polku", "body_fi": "Mika aloitti **työkokeilulla**.", "title_sv": "Mikas väg",
         "body_sv": "Mika började med en arbetsprövning.", "shown_name": "Mika, 34", "campaign_id": ""}


def test_a_story_without_consent_stays_a_draft_and_with_consent_goes_out(app, client, login_as, db):
    admin = login_as("admin")
    assert client.post("/manage/stories/new", data=STORY).status_code == 302
    story = db.session.scalar(select(Story))
    response = client.post(f"/manage/stories/{story.id}/publish", follow_redirects=True)
    assert "Kirjaa henkilön suostumus ennen julkaisemista." in response.get_data(as_text=True)
    db.session.refresh(story)
    assert story.status == "draft"
    assert app.test_client().get(f"/stories/{story.id}").status_code == 404
    client.post(f"/manage/stories/{story.id}", data={**STORY, "consent_given_on": "2026-03-01",
                                                     "consent_method": "written", "consent_reference": "A-12"})
    db.session.refresh(story)
    assert story.consent_recorded_by_id == admin.id and story.consent_recorded_at is not None
    client.post(f"/manage/stories/{story.id}/publish")
    page = app.test_client().get(f"/stories/{story.id}?lang=sv").get_data(as_text=True)
    assert "<h1>Mikas väg</h1>" in page and "Mika, 34 (pseudonym)" in page


def test_withdrawing_consent_takes_the_story_off_the_site(app, client, login_as, db):
    login_as("admin")
    consented = {**STORY, "consent_given_on": "2026-03-01", "consent_method": "electronic"}
    client.post("/manage/stories/new", data=consented)
    story = db.session.scalar(select(Story))
    client.post(f"/manage/stories/{story.id}/publish")
    assert app.test_client().get(f"/stories/{story.id}").status_code == 200
    response = client.post(f"/manage/stories/{story.id}", data={**consented, "consent_withdrawn_on": "2026-04-01"},
                           follow_redirects=True)
    assert "Tarina on poistettu sivustolta." in response.get_data(as_text=True)
    assert app.test_client().get(f"/stories/{story.id}").status_code == 404
    assert "Mikan polku" not in app.test_client().get("/stories").get_data(as_text=True)
    assert "story_updated" in db.session.scalars(select(AuditEvent.action)).all()


def test_a_real_name_needs_consent_that_covers_it(client, login_as, db):
    login_as("admin")
    page = client.post("/manage/stories/new", data={**STORY, "real_name_shown": "y"})
    assert "Oikean nimen voi näyttää vain, jos suostumus kattaa sen." in page.get_data(as_text=True)
    assert db.session.scalar(select(Story)) is None
