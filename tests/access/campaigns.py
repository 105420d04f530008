"""Access rules of campaigns, pledges, stories, editors and the funnel."""
from __future__ import annotations

import io
import tempfile
from datetime import date

from flask import current_app
from PIL import Image

from portal.campaigns import images
from portal.campaigns.models import Campaign, CampaignEditor, CampaignImage, Story
from portal.extensions import db
from tests.access import PUBLIC, Route
from tests.factories import make_user

EDITORS = ("admin",)  # plus users granted the permission; tested in tests/web/test_campaigns*.py


def _campaign_id(w):
    return {"campaign_id": w.ids["campaign_draft"]}


ROUTES = [
    Route("campaigns.index", PUBLIC),
    Route("campaigns.campaign", PUBLIC, params=lambda w: {"slug": "world-campaign"}),
    Route("campaigns.media", PUBLIC, params=lambda w: {"name": w.ids["image_name"]}, kind="file"),
    Route("campaigns.story_list", PUBLIC),
    Route("campaigns.story", PUBLIC, params=lambda w: {"story_id": w.ids["story"]}),
    Route("campaigns.pledge", ("employer",), params=lambda w: {"slug": "world-campaign"}),
    Route("campaigns.pledge", ("employer",), method="POST", params=lambda w: {"slug": "world-campaign"},
          data=lambda w: {"kind": "work_trial", "text": "A work trial in spring", "show_name": "y"}),
    Route("campaigns.my_pledges", ("employer",)),
    Route("campaigns.manage", EDITORS),
    Route("campaigns.new", EDITORS),
    Route("campaigns.new", EDITORS, method="POST"),
    Route("campaigns.edit", EDITORS, params=_campaign_id),
    Route("campaigns.edit", EDITORS, method="POST", params=_campaign_id),
    Route("campaigns.preview", EDITORS, params=_campaign_id),
    Route("campaigns.image", EDITORS, params=_campaign_id),
    Route("campaigns.image", EDITORS, method="POST", params=_campaign_id),
    Route("campaigns.status", EDITORS, params=lambda w: {**_campaign_id(w), "action": "publish"}),
    Route("campaigns.status", EDITORS, method="POST", params=lambda w: {**_campaign_id(w), "action": "publish"},
          ok=(302,)),
    Route("campaigns.funnel_page", EDITORS, params=lambda w: {"campaign_id": w.ids["campaign"]}),
    Route("campaigns.editors_page", ("admin",)),
    Route("campaigns.editors_page", ("admin",), method="POST"),
    Route("campaigns.revoke_editor", ("admin",), params=lambda w: {"editor_id": w.ids["editor"]}),
    Route("campaigns.revoke_editor", ("admin",), method="POST", params=lambda w: {"editor_id": w.ids["editor"]},
          ok=(302,)),
    Route("campaigns.manage_stories", EDITORS),
    Route("campaigns.new_story", EDITORS),
    Route("campaigns.new_story", EDITORS, method="POST"),
    Route("campaigns.edit_story", EDITORS, params=lambda w: {"story_id": w.ids["story"]}),
    Route("campaigns.edit_story", EDITORS, method="POST", params=lambda w: {"story_id": w.ids["story"]}),
    Route("campaigns.publish_story", EDITORS, params=lambda w: {"story_id": w.ids["story"]}),
    Route("campaigns.publish_story", EDITORS, method="POST", params=lambda w: {"story_id": w.ids["story"]},
          ok=(302,)),
]


def _image() -> CampaignImage:
    if not current_app.config.get("UPLOAD_DIR"):
        current_app.config["UPLOAD_DIR"] = tempfile.mkdtemp(prefix="ote-uploads-")
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (11, 83, 148)).save(buffer, "PNG")
    encoded = images.reencode(buffer.getvalue())
    image = CampaignImage(filename=images.store(encoded), content_type=encoded.content_type,
                          width=encoded.width, height=encoded.height, size_bytes=len(encoded.data))
    db.session.add(image)
    return image


def build(world) -> None:
    """A published campaign with an image, a draft, a published story and a granted editor."""
    admin, operator = world.users["admin"], world.orgs["operator"]
    image = _image()
    published = Campaign(slug="world-campaign", status="published", organisation_id=operator.id,
                         created_by_id=admin.id, title_fi="Maailman kampanja", title_sv="Världens kampanj",
                         summary_fi="Tiivistelmä", body_fi="Teksti", body_html_fi="<p>Teksti</p>",
                         image=image, image_alt_fi="Sininen kuva", starts_on=date(2020, 1, 1),
                         published_at=world_now())
    draft = Campaign(slug="world-draft", status="draft", organisation_id=operator.id, created_by_id=admin.id,
                     title_fi="Luonnos", summary_fi="Luonnoksen tiivistelmä", body_fi="Luonnosteksti",
                     body_html_fi="<p>Luonnosteksti</p>")
    db.session.add_all([published, draft])
    db.session.flush()
    story = Story(organisation_id=operator.id, status="published", campaign_id=published.id,
                  title_fi="Tarina", body_fi="Tarinan teksti", body_html_fi="<p>Tarinan teksti</p>",
                  shown_name="Mika, 34", consent_given_on=date(2026, 1, 5), consent_method="written",
                  published_at=world_now())
    editor_user = make_user("officer", world.orgs["buyer"], email="editor@home.example")
    editor = CampaignEditor(user_id=editor_user.id, granted_by_id=admin.id)
    db.session.add_all([story, editor])
    db.session.flush()
    world.ids.update(campaign=published.id, campaign_draft=draft.id, story=story.id, editor=editor.id,
                     image_name=image.filename)


def world_now():
    from portal.db_types import utcnow
    return utcnow()
