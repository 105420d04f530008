"""Editors write campaigns in three languages, add an image, preview, publish and archive them."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.campaigns.models import Campaign, CampaignEditor, CampaignImage
from tests.factories import make_org, make_user

FORM = {
    "title_fi": "Työ sopii kaikille", "title_sv": "Arbete passar alla", "title_en": "Work fits everyone",
    "summary_fi": "Kampanja työnantajille.", "summary_sv": "En kampanj för arbetsgivare.",
    "summary_en": "A campaign for employers.",
    "body_fi": "# Miksi\n\nKoska **osaaminen** ratkaisee.<script>alert(1)</script>",
    "body_sv": "Därför att **kunnande** avgör.", "body_en": "Because **skills** matter.",
    "slug": "tyo-sopii", "starts_on": "2020-01-01", "ends_on": "", "cta": "pledge",
}


@pytest.fixture(autouse=True)
def uploads(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path / "uploads"))
    return tmp_path / "uploads"


def png(size=(800, 400), mode="RGB", exif=False) -> bytes:
    buffer = io.BytesIO()
    image = Image.new(mode, size, (20, 120, 200) if mode == "RGB" else (20, 120, 200, 128))
    kwargs = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "SecretCam"  # Make
        kwargs["exif"] = data
    image.save(buffer, "JPEG" if exif else "PNG", **kwargs)
    return buffer.getvalue()


def create(client, **over) -> Campaign:
    response = client.post("/manage/campaigns/new", data={**FORM, **over})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    from portal.extensions import db
    return db.session.scalars(select(Campaign).order_by(Campaign.id.desc())).first()


def upload(client, campaign, data: bytes, alt_fi="Sininen kuva", name="kuva.png"):
    return client.post(f"/manage/campaigns/{campaign.id}/image",
                       data={"image": (io.BytesIO(data), name), "alt_fi": alt_fi, "alt_sv": "Blå bild",
                             "alt_en": "A blue picture"}, content_type="multipart/form-data")


def test_a_campaign_in_three_languages_is_published_and_read_by_a_visitor_in_each(app, client, login_as, db):
    login_as("admin")
    campaign = create(client)
    assert campaign.status == "draft" and campaign.slug == "tyo-sopii"
    assert "<script" not in campaign.body_html_fi and "<h2>Miksi</h2>" in campaign.body_html_fi
    assert upload(client, campaign, png()).status_code == 302
    assert client.get("/campaigns/tyo-sopii").status_code == 404  # a draft is not public
    preview = client.get(f"/manage/campaigns/{campaign.id}/preview").get_data(as_text=True)
    assert "Esikatselu" in preview and "Työ sopii kaikille" in preview
    assert client.post(f"/manage/campaigns/{campaign.id}/status/publish").status_code == 302
    db.session.refresh(campaign)
    assert campaign.status == "published" and campaign.published_at is not None
    visitor = app.test_client()
    for lang, title, body in (("fi", "Työ sopii kaikille", "<strong>osaaminen</strong>"),
                              ("sv", "Arbete passar alla", "<strong>kunnande</strong>"),
                              ("en", "Work fits everyone", "<strong>skills</strong>")):
        page = visitor.get(f"/campaigns/tyo-sopii?lang={lang}").get_data(as_text=True)
        assert f"<h1>{title}</h1>" in page and body in page, lang
        assert f'<html lang="{lang}">' in page and f'<article lang="{lang}">' in page
        assert "alert(1)</script>" not in page
    image = db.session.scalar(select(CampaignImage))
    assert f'src="/media/{image.filename}"' in page and 'alt="A blue picture"' in page
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"campaign_created", "campaign_image_set", "campaign_published"} <= actions


def test_a_missing_translation_falls_back_to_finnish_with_a_notice(app, client, login_as, db):
    login_as("admin")
    campaign = create(client, title_en="", summary_en="", body_en="")
    client.post(f"/manage/campaigns/{campaign.id}/status/publish")
    page = app.test_client().get("/campaigns/tyo-sopii?lang=en").get_data(as_text=True)
    assert "it is shown in Finnish" in page
    assert '<article lang="fi">' in page and "<h1>Työ sopii kaikille</h1>" in page


def test_a_slug_in_use_is_refused_with_a_message_and_nothing_written(client, login_as, db):
    login_as("admin")
    create(client)
    page = client.post("/manage/campaigns/new", data={**FORM, "title_fi": "Toinen"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Toinen kampanja käyttää jo tätä osoitetta" in text
    assert 'value="Toinen"' in text  # what was typed is kept
    assert db.session.scalar(select(func.count()).select_from(Campaign)) == 1
    bad = client.post("/manage/campaigns/new", data={**FORM, "slug": "Iso Kirjain!"})
    assert "Käytä vain pieniä kirjaimia" in bad.get_data(as_text=True)


def test_publishing_needs_the_finnish_text(client, login_as, db):
    login_as("admin")
    campaign = create(client, body_fi="", summary_fi="")
    response = client.post(f"/manage/campaigns/{campaign.id}/status/publish", follow_redirects=True)
    assert "Suomenkielinen tiivistelmä puuttuu." in response.get_data(as_text=True)
    db.session.refresh(campaign)
    assert campaign.status == "draft"


@pytest.mark.parametrize("data,name,message", [
    (b"%PDF-1.4 not an image", "kuva.png", "ei ole JPEG-, PNG-, WebP- tai GIF-kuva"),
    (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "kuva.svg",
     "ei ole JPEG-, PNG-, WebP- tai GIF-kuva"),
    (b"GIF89a" + b"\x00" * 20, "kuva.gif", "ei ole JPEG-, PNG-, WebP- tai GIF-kuva"),
    (b"", "tyhja.png", "Valitse kuvatiedosto."),
])
def test_a_file_that_is_not_an_image_is_refused_and_nothing_stored(client, login_as, db, uploads, data, name,
                                                                    message):
    login_as("admin")
    campaign = create(client)
    page = upload(client, campaign, data, name=name)
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(CampaignImage)) == 0
    assert not uploads.exists() or not any(uploads.iterdir())


def test_an_image_too_large_or_without_alt_text_is_refused(app, client, login_as, db, monkeypatch):
    login_as("admin")
    campaign = create(client)
    page = upload(client, campaign, png(), alt_fi="")
    assert "Vaihtoehtoinen teksti suomeksi" in page.get_data(as_text=True)
    monkeypatch.setitem(app.config, "CAMPAIGN_IMAGE_MAX_BYTES", 1000)
    page = upload(client, campaign, png((1200, 1200)) + b"\x00" * 2000)
    assert "Kuva on suurempi kuin" in page.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(CampaignImage)) == 0


def test_an_image_is_re_encoded_without_metadata_and_served_with_its_type(app, client, login_as, db):
    login_as("admin")
    campaign = create(client)
    assert upload(client, campaign, png((3000, 1000), exif=True), name="photo.exe").status_code == 302
    image = db.session.scalar(select(CampaignImage))
    assert image.content_type == "image/jpeg" and (image.width, image.height) == (1600, 533)
    served = client.get(f"/media/{image.filename}")
    assert served.status_code == 200 and served.mimetype == "image/jpeg"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert b"SecretCam" not in served.data
    assert Image.open(io.BytesIO(served.data)).format == "JPEG"
    # The draft's image is not public; once published it is.
    assert app.test_client().get(f"/media/{image.filename}").status_code == 404
    client.post(f"/manage/campaigns/{campaign.id}/status/publish")
    assert app.test_client().get(f"/media/{image.filename}").status_code == 200
    assert app.test_client().get("/media/../secret_key").status_code == 404


def test_archiving_takes_a_campaign_off_the_site(app, client, login_as, db):
    login_as("admin")
    campaign = create(client)
    client.post(f"/manage/campaigns/{campaign.id}/status/publish")
    assert "Arkistoidaanko" in client.get(f"/manage/campaigns/{campaign.id}/status/archive").get_data(as_text=True)
    client.post(f"/manage/campaigns/{campaign.id}/status/archive")
    assert app.test_client().get("/campaigns/tyo-sopii").status_code == 404
    response = client.post(f"/manage/campaigns/{campaign.id}/status/publish", follow_redirects=True)
    assert "Tämä tilan muutos ei ole mahdollinen." in response.get_data(as_text=True)


def test_only_administrators_and_granted_editors_write_campaigns_each_for_their_organisation(
        app, client, login_as, db):
    admin = login_as("admin")
    officer = make_user("officer", make_org("buyer"))
    other = make_user("officer", make_org("buyer"))
    create(client)  # the administrator's (operator's) campaign
    assert client.post("/manage/editors", data={"email": officer.email}).status_code == 302
    assert db.session.scalar(select(CampaignEditor.user_id)) == officer.id
    again = client.post("/manage/editors", data={"email": officer.email}).get_data(as_text=True)
    assert "voi jo muokata kampanjoita" in again
    assert admin  # used
    editor = app.test_client()
    from tests.conftest import sign_in
    sign_in(editor, officer)
    assert editor.get("/manage/campaigns").status_code == 200
    own = editor.post("/manage/campaigns/new", data={**FORM, "slug": "kunnan-kampanja"})
    assert own.status_code == 302
    theirs = db.session.scalar(select(Campaign).where(Campaign.slug == "tyo-sopii"))
    assert editor.get(f"/manage/campaigns/{theirs.id}").status_code == 404  # another organisation's
    assert "tyo-sopii" not in editor.get("/manage/campaigns").get_data(as_text=True)
    outsider = app.test_client()
    sign_in(outsider, other)
    assert outsider.get("/manage/campaigns").status_code == 403
    assert outsider.post("/manage/campaigns/new", data=FORM).status_code == 403
